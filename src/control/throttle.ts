/** Throttling (docs/control-plane.md): a token bucket per tenant answering 429 + Retry-After, and who retried too early. */
import { createHash } from 'node:crypto'
import { Type, type Static } from '@sinclair/typebox'
import { TENANT_ID_PATTERN } from '../auth/principal.js'
import { tooManyRequests } from '../errors/graph-errors.js'

const MIN_RATE = 0.001
/** The longest Retry-After the throttle sends: with MIN_RATE, one empty bucket waits 1,000 s. */
const MAX_RETRY_AFTER_SECONDS = 86_400
/** Clients remembered for early-retry counts; the oldest go first past it, so endless new tokens cannot fill memory. */
export const MAX_TRACKED_CLIENTS = 10_000
/** Requests remembered per client as told to wait; the oldest go first past it. */
const MAX_WAITS_PER_CLIENT = 100

export const ThrottleInput = Type.Object({
  requestsPerSecond: Type.Number({ minimum: MIN_RATE, maximum: 100000, description: 'Refill rate of each tenant\'s bucket; at least one request in 1,000 s, so Retry-After stays a whole number of seconds below a day.' }),
  burst: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'Bucket size; default: requestsPerSecond rounded up.' })),
  tenant: Type.Optional(Type.String({ pattern: TENANT_ID_PATTERN, description: 'Only throttle this tenant.' }))
}, { additionalProperties: false })
export type ThrottleInput = Static<typeof ThrottleInput>

interface Bucket { tokens: number, updatedMs: number, throttled: number, allowed: number }
/** A request a client was told to wait before repeating: until when, and the connections it was told on. */
interface Wait { untilMs: number, connections: object[] }
/** Connections remembered per waiting request (concurrent copies of it throttled on their own connections). */
const MAX_CONNECTIONS_PER_WAIT = 16
interface ClientRecord { client: string, tenant: string, waits: Map<string, Wait>, throttled: number, earlyRetries: number }

/**
 * One request as the throttle sees it: who sends it (token and address), what it asks for (method and URL,
 * which a retry repeats), the connection it came on, and whether it says it is a retry (`Retry-Attempt`, which
 * the Kiota and graph-client retry handlers send).
 */
export interface ThrottledRequest { client: string, key: string, connection: object | undefined, retryAttempt: boolean }

export interface ThrottleReport {
  enabled: boolean
  config: ThrottleInput | null
  tenants: Record<string, { tokens: number, allowed: number, throttled: number }>
  earlyRetries: number
  clients: Array<{ client: string, tenant: string, throttled: number, earlyRetries: number }>
}

/** A stable, non-reversible name for a client: tenant + a hash of its token and address. */
export function clientKey (authorization: string | undefined, address: string): string {
  return createHash('sha256').update(`${authorization ?? ''}|${address}`).digest('hex').slice(0, 12)
}

export class Throttle {
  #config: ThrottleInput | undefined
  #buckets = new Map<string, Bucket>()
  #clients = new Map<string, ClientRecord>()

  configure (config: ThrottleInput): void {
    this.#config = config
    this.#buckets.clear()
  }

  disable (): void {
    this.#config = undefined
    this.#buckets.clear()
    this.#clients.clear()
  }

  /** Note any answer that told a client to wait (429 or 503 with Retry-After), so early retries are seen. */
  noteRetryAfter (request: ThrottledRequest, tenant: string, nowMs: number, retryAfterSeconds: number): void {
    const record = this.#client(request.client, tenant)
    record.throttled += 1
    const earlier = record.waits.get(request.key)
    record.waits.delete(request.key)
    if (record.waits.size >= MAX_WAITS_PER_CLIENT) record.waits.delete(record.waits.keys().next().value as string)
    const connections = [...(earlier?.connections ?? []), ...(request.connection === undefined ? [] : [request.connection])].slice(-MAX_CONNECTIONS_PER_WAIT)
    record.waits.set(request.key, { untilMs: Math.max(earlier?.untilMs ?? 0, nowMs + retryAfterSeconds * 1000), connections })
  }

  /** Forget who was told to wait and how each tenant's bucket stands (a reset); the configuration stays. */
  clearCounts (): void {
    this.#buckets.clear()
    this.#clients.clear()
  }

  /** Whether `check` can do anything: throttling is on, or some client was told to wait. */
  watching (): boolean {
    return this.#config !== undefined || this.#clients.size > 0
  }

  /**
   * Count an early retry, then take a token or throw 429. A retry repeats the request that was told to wait
   * (same method and URL) before its Retry-After passed, and was sent after that answer arrived: on the
   * connection the answer came back on, or saying so with `Retry-Attempt`. The client's other requests, and
   * copies of it already on their way on other connections when the answer went out, are not retries.
   */
  check (tenant: string, request: ThrottledRequest, nowMs: number): void {
    const known = this.#clients.get(request.client)
    const wait = known?.waits.get(request.key)
    if (known !== undefined && wait !== undefined && nowMs < wait.untilMs &&
      (request.retryAttempt || (request.connection !== undefined && wait.connections.includes(request.connection)))) known.earlyRetries += 1
    const config = this.#config
    if (config === undefined || (config.tenant !== undefined && config.tenant.toLowerCase() !== tenant)) return
    const capacity = config.burst ?? Math.ceil(config.requestsPerSecond)
    let bucket = this.#buckets.get(tenant)
    if (bucket === undefined) {
      bucket = { tokens: capacity, updatedMs: nowMs, throttled: 0, allowed: 0 }
      this.#buckets.set(tenant, bucket)
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) / 1000 * config.requestsPerSecond)
    bucket.updatedMs = nowMs
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      bucket.allowed += 1
      return
    }
    bucket.throttled += 1
    const retryAfter = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil((1 - bucket.tokens) / config.requestsPerSecond)))
    this.noteRetryAfter(request, tenant, nowMs, retryAfter)
    throw tooManyRequests(retryAfter)
  }

  report (): ThrottleReport {
    const tenants: ThrottleReport['tenants'] = {}
    for (const [tenant, bucket] of this.#buckets) tenants[tenant] = { tokens: Math.floor(bucket.tokens * 1000) / 1000, allowed: bucket.allowed, throttled: bucket.throttled }
    const clients = [...this.#clients.values()].map(({ client, tenant, throttled, earlyRetries }) => ({ client, tenant, throttled, earlyRetries }))
    return {
      enabled: this.#config !== undefined,
      config: this.#config ?? null,
      tenants,
      earlyRetries: clients.reduce((sum, c) => sum + c.earlyRetries, 0),
      clients
    }
  }

  #client (client: string, tenant: string): ClientRecord {
    let record = this.#clients.get(client)
    if (record === undefined) {
      if (this.#clients.size >= MAX_TRACKED_CLIENTS) this.#clients.delete(this.#clients.keys().next().value as string)
      record = { client, tenant, waits: new Map(), throttled: 0, earlyRetries: 0 }
      this.#clients.set(client, record)
    }
    return record
  }
}
