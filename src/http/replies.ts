/** Writing Graph answers: write results shaped by Prefer, empty answers, and plain-text counts. */
import type { FastifyReply } from 'fastify'
import { patchReturn, type PatchReturn } from './prefer.js'
import type { GraphContext } from './graph-context.js'

/** PATCH: 200 with the entity or 204, as Prefer and the server default (GRAPH_MOCK_PATCH_RESPONSE) decide. */
export function sendPatchResult (reply: FastifyReply, graph: GraphContext, serverDefault: PatchReturn, entity: () => unknown): FastifyReply {
  const decision = patchReturn(graph.prefer, serverDefault)
  if (decision.applied !== undefined) reply.header('preference-applied', decision.applied)
  if (decision.kind === 'minimal') return reply.code(204).send()
  return reply.code(200).send(entity())
}

export function sendNoContent (reply: FastifyReply, status: 202 | 204 = 204): FastifyReply {
  return reply.code(status).send()
}

/** A `$count` segment: plain text, as Graph sends it. */
export function sendCount (reply: FastifyReply, count: number): FastifyReply {
  return reply.type('text/plain; charset=utf-8').send(String(count))
}
