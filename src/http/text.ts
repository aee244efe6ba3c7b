/** Plain-text answers ($count segments), as Graph sends them. */
import type { FastifyReply } from 'fastify'

export function sendCount (reply: FastifyReply, count: number): FastifyReply {
  return reply.type('text/plain; charset=utf-8').send(String(count))
}
