/** What Fastify and its parsers throw, mapped to the GraphError it is answered as; and the one status → code table. */
import type { FastifyError, FastifyRequest } from 'fastify'
import { GraphError, isGraphError } from '../errors/graph-error.js'
import { badRequest, entityTooLarge, internalError, unsupportedMediaType } from '../errors/graph-errors.js'
import { BODY_LIMIT } from './body-parsing.js'

/** Graph's code for an error status when nothing more specific names it (framework errors, injected faults). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Forbidden',
  404: 'itemNotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  423: 'Locked',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout'
}

/** The Graph error code of `status`: from the table, else BadRequest for 4xx and InternalServerError for 5xx. */
export const defaultCodeFor = (status: number): string => CODE_BY_STATUS[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest')

/** Map any thrown value to the GraphError it should be answered as. */
export function toGraphError (error: unknown, request?: FastifyRequest): GraphError {
  if (isGraphError(error)) return error
  const fastifyError = error as Partial<FastifyError> | undefined
  switch (fastifyError?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest(`Unable to read JSON request payload: ${fastifyError.message ?? 'invalid JSON'}.`)
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return entityTooLarge(BODY_LIMIT)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(request?.headers['content-type'])
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest('The Content-Length header does not match the request body.')
    case 'FST_ERR_BAD_URL':
      return badRequest('The request URL is not valid (bad percent-encoding).')
    default:
      break
  }
  // secure-json-parse rejects prototype-poisoning keys with a plain SyntaxError (status 400).
  if (error instanceof SyntaxError) return badRequest(`Unable to read JSON request payload: ${error.message}.`)
  const status = fastifyError?.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new GraphError(status, defaultCodeFor(status), fastifyError?.message ?? 'Bad request.')
  }
  return internalError()
}
