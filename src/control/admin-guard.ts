/**
 * The control plane's guard (docs/control-plane.md): with `GRAPH_MOCK_ADMIN_TOKEN` set, `/_mock/*` other than health and
 * ready needs header `x-mock-admin-token`. Use it as an `onRequest` hook inside each guarded plugin:
 *
 *   app.addHook('onRequest', adminGuard(options.adminToken))
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { invalidToken } from '../errors/graph-errors.js'

export const ADMIN_TOKEN_HEADER = 'x-mock-admin-token'

/** An onRequest hook answering 401 (Graph envelope) unless the request carries the admin token; a no-op when none is configured. */
export function adminGuard (adminToken: string | undefined): (request: FastifyRequest) => Promise<void> {
  if (adminToken === undefined || adminToken === '') return async () => {}
  const expected = digest(adminToken)
  return async (request) => {
    const given = request.headers[ADMIN_TOKEN_HEADER]
    if (typeof given !== 'string' || given === '') throw invalidToken(`The control plane needs the ${ADMIN_TOKEN_HEADER} header (GRAPH_MOCK_ADMIN_TOKEN is set).`)
    // Comparing fixed-length digests keeps the comparison constant-time whatever the lengths.
    if (!timingSafeEqual(digest(given), expected)) throw invalidToken(`The ${ADMIN_TOKEN_HEADER} header does not match GRAPH_MOCK_ADMIN_TOKEN.`)
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
