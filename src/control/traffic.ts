/** Faults and throttling applied to each Graph request once its tenant is known (batch inner requests too). */
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyRequest } from 'fastify'
import type { FaultRules } from './faults.js'
import { clientKey, type Throttle, type ThrottledRequest } from './throttle.js'

export interface TrafficControls {
  faults: FaultRules
  throttle: Throttle
}

/** Throw the answer a fault rule or the throttle gives, or wait a rule's delay; returns when the request may go on. */
export async function applyTrafficControls (controls: TrafficControls, request: FastifyRequest, tenant: string, nowMs: () => number): Promise<void> {
  // The client key is a SHA-256 hash: only computed when the throttle has something to check it against.
  let seen: ThrottledRequest | undefined
  const seenAs = (): ThrottledRequest => (seen ??= {
    client: clientKey(request.headers.authorization, request.ip),
    key: `${request.method} ${request.url}`,
    connection: request.raw.socket ?? undefined,
    retryAttempt: request.headers['retry-attempt'] !== undefined
  })
  if (controls.throttle.watching()) controls.throttle.check(tenant, seenAs(), nowMs())
  const path = request.url.split('?')[0] ?? request.url
  const outcome = controls.faults.evaluate(request.method, path, tenant)
  if (outcome === undefined) return
  if (outcome.delayMs > 0) await sleep(outcome.delayMs)
  if (outcome.error === undefined) return
  const retryAfter = outcome.error.headers['retry-after']
  if (retryAfter !== undefined) controls.throttle.noteRetryAfter(seenAs(), tenant, nowMs(), Number(retryAfter))
  throw outcome.error
}
