/** Headers Graph puts on every answer, and the OData JSON content type. */
import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'
const DIAGNOSTIC = JSON.stringify({ ServerInfo: { DataCenter: 'graph-mock', Slice: 'E', Ring: '5', ScaleUnit: '000', RoleInstance: 'graph-mock', ADSiteName: 'local' } })
const CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,200}$/

/** JSON answers go out with the OData media type, as Graph's do (app.ts calls this when the answer is sent). */
export function applyODataContentType (reply: FastifyReply): void {
  const type = reply.getHeader('content-type')
  if (typeof type === 'string' && type.startsWith('application/json')) reply.header('content-type', ODATA_JSON)
}

/**
 * request-id, client-request-id (echoed), x-ms-ags-diagnostic, OData-Version: app.ts sets them as a request
 * arrives, and where Fastify answers before any hook runs.
 */
export function applyGraphHeaders (request: FastifyRequest, reply: FastifyReply): void {
  const requestId = request.id
  const given = request.headers['client-request-id']
  const clientRequestId = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : requestId
  reply.header('request-id', requestId)
  reply.header('client-request-id', clientRequestId)
  reply.header('x-ms-ags-diagnostic', DIAGNOSTIC)
  reply.header('odata-version', '4.0')
  reply.header('cache-control', 'no-cache')
  reply.header('strict-transport-security', 'max-age=31536000')
}

/** Fastify's request id generator: a fresh GUID per request, as Graph's request-id. */
export const newRequestId = (): string => randomUUID()
