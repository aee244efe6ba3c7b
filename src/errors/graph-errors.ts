/** One factory per Graph error code, so messages stay consistent. */
import { GraphError } from './graph-error.js'

export const badRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message)
export const unknownSegment = (segment: string): GraphError => badRequest(`Resource not found for the segment '${segment}'.`)
export const invalidValue = (property: string, why: string): GraphError =>
  badRequest(`Invalid value for property '${property}': ${why}`)
export const missingToken = (): GraphError => new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.')
export const invalidToken = (why: string): GraphError => new GraphError(401, 'InvalidAuthenticationToken', why)
export const forbidden = (message: string): GraphError => new GraphError(403, 'Forbidden', message)
export const itemNotFound = (what: string): GraphError => new GraphError(404, 'itemNotFound', `${what} was not found.`)
export const methodNotAllowed = (method: string, path: string, allowed: readonly string[]): GraphError =>
  new GraphError(405, 'MethodNotAllowed', `The HTTP method '${method}' is not allowed on '${path}'. Allowed: ${allowed.join(', ')}.`, { allow: allowed.join(', ') })
export const conflict = (message: string): GraphError => new GraphError(409, 'Conflict', message)
export const entityTooLarge = (limit: number): GraphError =>
  new GraphError(413, 'RequestEntityTooLarge', `The request body is larger than the ${limit}-byte limit.`)
export const unsupportedEncoding = (encoding: string): GraphError =>
  new GraphError(415, 'UnsupportedMediaType', `Content-Encoding '${encoding}' is not supported; send the body as it is, or with gzip or deflate.`)

export const unsupportedMediaType = (contentType: string | undefined): GraphError =>
  new GraphError(415, 'UnsupportedMediaType', contentType === undefined || contentType === ''
    ? 'A request with a body needs Content-Type: application/json.'
    : `Content type '${contentType}' is not supported; send application/json.`)
export const tooManyRequests = (retryAfterSeconds: number): GraphError =>
  new GraphError(429, 'TooManyRequests', 'Too many requests. Retry after the time given in Retry-After.', { 'retry-after': String(retryAfterSeconds) })
export const internalError = (): GraphError =>
  new GraphError(500, 'InternalServerError', 'The server hit an unexpected error. See the graph-mock log for details.')
export const serviceUnavailable = (message: string): GraphError => new GraphError(503, 'ServiceUnavailable', message)
export const tooDeep = (where: string, limit: number): GraphError =>
  badRequest(`Unable to read JSON ${where}: it nests objects and arrays deeper than ${limit} levels, the most Graph reads.`)
