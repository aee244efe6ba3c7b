/**
 * Requests that never reach a route still get Graph's error envelope, written straight to the connection:
 * what Node's HTTP parser rejects (oversized headers, a garbage request line, conflicting lengths), an
 * `Expect` other than `100-continue` (Node's own answer is a bare 417), and `CONNECT` (which Node otherwise
 * answers by closing the socket).
 */
import { randomUUID } from 'node:crypto'
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { graphErrorBody } from '../errors/envelope.js'
import { GraphError } from '../errors/graph-error.js'
import { ODATA_JSON } from './graph-headers.js'

function errorFor (code: string | undefined): GraphError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new GraphError(408, 'RequestTimeout', 'The request was not received in time.')
  if (code === 'HPE_HEADER_OVERFLOW') return new GraphError(431, 'BadRequest', 'The request headers are larger than the server accepts.')
  return new GraphError(400, 'BadRequest', `The request is not valid HTTP${code === undefined ? '' : ` (${code})`}.`)
}

/** The envelope's headers and body for an answer made outside Fastify (the request's client-request-id echoed when it has one). */
function envelope (error: GraphError, nowMs: number, clientRequestId?: string): { headers: Record<string, string>, body: string } {
  const requestId = randomUUID()
  const client = clientRequestId ?? requestId
  const body = JSON.stringify(graphErrorBody(error, requestId, client, nowMs))
  return {
    headers: {
      'Content-Type': ODATA_JSON,
      'Content-Length': String(Buffer.byteLength(body)),
      'request-id': requestId,
      'client-request-id': client,
      'OData-Version': '4.0',
      ...error.headers,
      Connection: 'close'
    },
    body
  }
}

/** Write a whole HTTP/1.1 answer to a raw socket and close it. */
function writeToSocket (socket: Duplex, error: GraphError, nowMs: number): void {
  const { headers, body } = envelope(error, nowMs)
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')
  socket.end(`HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode] ?? 'Bad Request'}\r\n${lines}\r\n${body}`)
}

/** Fastify's `clientErrorHandler`. */
export function graphClientErrorHandler (nowMs: () => number) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    if (socket.writable) writeToSocket(socket, errorFor(error.code), nowMs())
    else socket.destroy(error)
  }
}

const headerText = (value: string | string[] | undefined): string | undefined => Array.isArray(value) ? value[0] : value

/** Answer `Expect` headers Node does not handle, and `CONNECT`, with the envelope rather than a bare status or a silent close. */
export function answerUnroutedRequests (server: Server, nowMs: () => number): void {
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const expect = (headerText(request.headers.expect) ?? '').slice(0, 100)
    const error = new GraphError(417, 'ExpectationFailed', `The Expect header '${expect}' is not supported; only '100-continue' is.`)
    const { headers, body } = envelope(error, nowMs(), headerText(request.headers['client-request-id']))
    response.writeHead(417, headers)
    response.end(body)
  })
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => { socket.destroy() })
    writeToSocket(socket, new GraphError(405, 'MethodNotAllowed', 'The HTTP method \'CONNECT\' is not allowed: graph-mock is not a proxy.', { Allow: 'GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS' }), nowMs())
  })
}
