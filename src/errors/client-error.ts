/**
 * Requests Node's HTTP parser rejects before any route runs (oversized headers, a garbage request line,
 * conflicting lengths) still get Graph's error envelope, written straight to the socket.
 */
import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { graphErrorBody } from './error-handler.js'
import { GraphError } from './graph-error.js'
import { ODATA_JSON } from '../http/graph-headers.js'

function errorFor (code: string | undefined): GraphError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new GraphError(408, 'RequestTimeout', 'The request was not received in time.')
  if (code === 'HPE_HEADER_OVERFLOW') return new GraphError(431, 'BadRequest', 'The request headers are larger than the server accepts.')
  return new GraphError(400, 'BadRequest', `The request is not valid HTTP${code === undefined ? '' : ` (${code})`}.`)
}

/** Fastify's `clientErrorHandler`. */
export function graphClientErrorHandler (nowMs: () => number) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    if (socket.writable) {
      const graphError = errorFor(error.code)
      const requestId = randomUUID()
      const body = JSON.stringify(graphErrorBody(graphError, requestId, requestId, nowMs()))
      socket.write(`HTTP/1.1 ${graphError.statusCode} ${STATUS_CODES[graphError.statusCode] ?? 'Bad Request'}\r\n` +
        `Content-Type: ${ODATA_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nrequest-id: ${requestId}\r\n` +
        `client-request-id: ${requestId}\r\nOData-Version: 4.0\r\nConnection: close\r\n\r\n${body}`)
    }
    socket.destroy(error)
  }
}
