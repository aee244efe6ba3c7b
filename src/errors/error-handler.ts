/** The root error handler: every failure leaves the server as Graph's error envelope. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { GraphError, isGraphError } from './graph-error.js'
import { badRequest, entityTooLarge, internalError, unsupportedMediaType } from './graph-errors.js'
import { BODY_LIMIT } from '../http/body-parsing.js'

export interface GraphErrorBody {
  error: {
    code: string
    message: string
    innerError: { date: string, 'request-id': string, 'client-request-id': string }
  }
}

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  401: 'InvalidAuthenticationToken',
  403: 'Forbidden',
  404: 'itemNotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests'
}

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
    return new GraphError(status, CODE_BY_STATUS[status] ?? 'BadRequest', fastifyError?.message ?? 'Bad request.')
  }
  return internalError()
}

/** `date` in innerError is second precision, without a zone designator, as Graph writes it. */
export function graphErrorBody (error: GraphError, requestId: string, clientRequestId: string, nowMs: number): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date(nowMs).toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId
      }
    }
  }
}

/** Write the envelope for `error` on `reply`. */
export function sendGraphError (request: FastifyRequest, reply: FastifyReply, error: GraphError, nowMs: number): FastifyReply {
  const requestId = String(reply.getHeader('request-id') ?? request.id)
  const clientRequestId = String(reply.getHeader('client-request-id') ?? requestId)
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
  return reply.code(error.statusCode).send(graphErrorBody(error, requestId, clientRequestId, nowMs))
}
