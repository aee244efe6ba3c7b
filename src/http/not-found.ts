/** Answers for URLs no route matched: Graph's 400 for an unknown segment, 405 for a known resource. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { GraphError } from '../errors/graph-error.js'
import { badRequest, itemNotFound, methodNotAllowed, unknownSegment } from '../errors/graph-errors.js'

/**
 * Why no route matched a path for a method: its version (undefined when it has none) and its segments after
 * it. The URL table knows (industry-data/url-space.ts, through app.ts).
 */
export type ExplainUnmatched = (version: string | undefined, segments: readonly string[], method: string) =>
  | { kind: 'unknownSegment', segment: string }
  | { kind: 'methodNotAllowed', allowed: readonly string[] }

const VERSION = /^(beta|v1\.0)$/i

function segmentsOf (url: string): string[] {
  const path = url.split('?')[0] ?? ''
  return path.split('/').filter(s => s !== '').map(s => {
    try { return decodeURIComponent(s) } catch { return s }
  })
}

/** The GraphError an unmatched request is answered with. */
export function unmatchedRequestError (request: FastifyRequest, explain: ExplainUnmatched): GraphError {
  const segments = segmentsOf(request.url)
  const [first, ...rest] = segments
  if (first === undefined) return badRequest('The service root is not a resource; use a path such as /beta/external/industryData/outboundProvisioningFlowSets.')
  if (first.toLowerCase() === '_mock') return itemNotFound(`The control route '${request.url.split('?')[0] ?? ''}'`)
  const versioned = VERSION.test(first)
  const path = versioned ? rest : segments
  if (path.length === 0) return badRequest(`The service root '/${first}' is not a resource; use a path such as /${first}/external/industryData/outboundProvisioningFlowSets.`)
  const verdict = explain(versioned ? first.toLowerCase() : undefined, path, request.method)
  if (verdict.kind === 'methodNotAllowed') return methodNotAllowed(request.method, request.url.split('?')[0] ?? '', verdict.allowed)
  return unknownSegment(verdict.segment)
}

export function notFoundHandler (explain: ExplainUnmatched, nowMs: () => number, send: (request: FastifyRequest, reply: FastifyReply, error: GraphError, nowMs: number) => FastifyReply) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => send(request, reply, unmatchedRequestError(request, explain), nowMs())
}
