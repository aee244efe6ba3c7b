/** Graph's error envelope: the body every failure is answered with, and writing it on a reply. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { GraphError } from './graph-error.js'

export interface GraphErrorBody {
  error: {
    code: string
    message: string
    innerError: { date: string, 'request-id': string, 'client-request-id': string }
  }
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

/** The envelope as a JSON Schema, for the OpenAPI document's error answers. */
export const GRAPH_ERROR_SCHEMA = {
  type: 'object',
  description: "Graph's error envelope",
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'innerError'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        innerError: {
          type: 'object',
          required: ['date', 'request-id', 'client-request-id'],
          properties: { date: { type: 'string' }, 'request-id': { type: 'string' }, 'client-request-id': { type: 'string' } }
        }
      }
    }
  }
} as const
