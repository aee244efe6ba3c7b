/** The /_mock control plane for tests (docs/control-plane.md): reset, seed, state, journal, faults, throttle, clock. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DEFAULT_TENANT, isTenantId } from '../auth/authenticate.js'
import { inInstantRange, MAX_INSTANT_MS, MIN_INSTANT_MS, type Clock } from '../clock.js'
import { instantOf } from '../odata/date-time-offset.js'
import { badRequest, itemNotFound } from '../errors/graph-errors.js'
import type { Provisioning } from '../industry-data/provisioning.js'
import { adminGuard } from './admin-guard.js'
import { FaultRuleInput, MAX_PATTERN_LENGTH, type FaultRules } from './faults.js'
import { presentEntry, type Journal } from './journal.js'
import { exportState, resetState, seedState } from './state.js'
import { ThrottleInput, type Throttle } from './throttle.js'
import { assertValid } from './validate.js'

export interface ControlOptions {
  provisioning: Provisioning
  journal: Journal
  faults: FaultRules
  throttle: Throttle
  clock: Clock
  /** GRAPH_MOCK_ADMIN_TOKEN: when set, every route here needs header x-mock-admin-token. */
  adminToken?: string
}

const TenantQuery = Type.Object({ tenant: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false })
const SeedQuery = Type.Object({
  tenant: Type.Optional(Type.String({ minLength: 1 })),
  replace: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')]))
}, { additionalProperties: false })
const Digits = Type.String({ pattern: '^[0-9]+$' })
const JournalQuery = Type.Object({
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  path: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PATTERN_LENGTH })),
  status: Type.Optional(Digits),
  tenant: Type.Optional(Type.String({ minLength: 1 })),
  since: Type.Optional(Type.String({ minLength: 1, description: 'ISO time, or the seq of an entry' })),
  limit: Type.Optional(Digits)
}, { additionalProperties: false })
export const ClockInput = Type.Object({
  freeze: Type.Optional(Type.Union([Type.Boolean(), Type.String({ description: 'ISO 8601 date-time' })], { description: 'true: stop time now; an ISO time: stop time there.' })),
  set: Type.Optional(Type.String({ description: 'Jump to this ISO 8601 time and keep running.' })),
  shiftMs: Type.Optional(Type.Integer({ description: 'Move time by this many milliseconds (negative: back).' })),
  resume: Type.Optional(Type.Literal(true, { description: 'Back to real time.' }))
}, { additionalProperties: false })

/** The tenant a control-plane request names (default: the default tenant), by the rule a token's tid follows; else a 400. */
export function tenantOf (tenant: string | undefined): string {
  if (tenant === undefined) return DEFAULT_TENANT
  if (!isTenantId(tenant)) {
    const shown = tenant.length > 100 ? `${tenant.slice(0, 100)}…` : tenant
    throw badRequest(`Invalid tenant '${shown}': a tenant id is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.`)
  }
  return tenant.toLowerCase()
}

const RANGE = `Edm.DateTimeOffset's range, ${new Date(MIN_INSTANT_MS).toISOString()} to ${new Date(MAX_INSTANT_MS).toISOString()}`

/**
 * Apply a clock request: `resume`, then `set`, then `freeze`, then `shiftMs`. Each instant it would pass through
 * is checked first, so a request that would put the clock outside Edm.DateTimeOffset's range is a 400 that
 * changes nothing.
 */
export function applyClock (clock: Clock, input: Record<string, unknown>): void {
  assertValid(ClockInput, input, 'clock request')
  const parse = (text: string): number => {
    const ticks = instantOf(text)
    if (ticks === undefined) throw badRequest(`Invalid clock request: '${text}' is not an ISO 8601 date-time with a time zone.`)
    return Number(ticks / 10_000n)
  }
  const check = (ms: number, what: string): void => {
    if (!inInstantRange(ms)) throw badRequest(`Invalid clock request: ${what} would put the clock outside ${RANGE}.`)
  }
  let now = input.resume === true || input.freeze === false ? Date.now() : clock.now()
  const set = typeof input.set === 'string' ? parse(input.set) : undefined
  if (set !== undefined) now = set
  const freezeAt = typeof input.freeze === 'string' ? parse(input.freeze) : undefined
  if (freezeAt !== undefined) { check(freezeAt, `freeze '${String(input.freeze)}'`); now = freezeAt }
  if (set !== undefined) check(set, `set '${String(input.set)}'`)
  if (typeof input.shiftMs === 'number') check(now + input.shiftMs, `shiftMs ${input.shiftMs}`)

  if (input.resume === true) clock.resume()
  if (set !== undefined) clock.shift(set - clock.now())
  if (input.freeze === true) clock.freeze()
  else if (input.freeze === false) clock.resume()
  else if (freezeAt !== undefined) clock.freeze(freezeAt)
  if (typeof input.shiftMs === 'number') clock.shift(input.shiftMs)
}

export const controlRoutes: FastifyPluginAsyncTypebox<ControlOptions> = async (app, { provisioning: p, journal, faults, throttle, clock, adminToken }) => {
  app.addHook('onRequest', adminGuard(adminToken))
  app.post('/reset', { schema: { querystring: TenantQuery } }, async (request) => {
    const { tenant } = request.query
    resetState(p, { journal, faults }, tenant === undefined ? undefined : tenantOf(tenant))
    return { reset: tenant === undefined ? 'all tenants' : tenantOf(tenant) }
  })

  app.post('/seed', { schema: { querystring: SeedQuery, body: Type.Unknown({ description: 'A fixture document (docs/fixtures.md)' }) } }, async (request) =>
    seedState(p, tenantOf(request.query.tenant), request.body, request.query.replace === 'true'))

  app.get('/state', { schema: { querystring: TenantQuery } }, async (request) => exportState(p, tenantOf(request.query.tenant)))

  app.get('/requests', { schema: { querystring: JournalQuery } }, async (request) => {
    const { status, limit, tenant, ...rest } = request.query
    const entries = journal.query({ ...rest, ...(tenant === undefined ? {} : { tenant: tenantOf(tenant) }), status: status === undefined ? undefined : Number(status), limit: limit === undefined ? undefined : Number(limit) })
    return { capacity: journal.capacity, count: entries.length, value: entries.map(presentEntry) }
  })
  app.delete('/requests', async (_request, reply) => { journal.clear(); return reply.code(204).send() })

  app.post('/faults', { schema: { body: FaultRuleInput } }, async (request, reply) => reply.code(201).send(faults.add(request.body)))
  app.get('/faults', async () => ({ value: faults.list() }))
  app.delete('/faults', async (_request, reply) => { faults.clear(); return reply.code(204).send() })
  app.delete('/faults/:id', { schema: { params: Type.Object({ id: Type.String() }) } }, async (request, reply) => {
    if (!faults.remove(request.params.id)) throw itemNotFound(`Fault rule '${request.params.id}'`)
    return reply.code(204).send()
  })

  app.post('/throttle', { schema: { body: ThrottleInput } }, async (request) => { throttle.configure(request.body); return throttle.report() })
  app.get('/throttle', async () => throttle.report())
  app.delete('/throttle', async (_request, reply) => { throttle.disable(); return reply.code(204).send() })

  app.post('/clock', { schema: { body: Type.Unknown({ description: 'freeze / set / shiftMs / resume' }) } }, async (request) => {
    applyClock(clock, (request.body ?? {}) as Record<string, unknown>)
    return clock.state()
  })
  app.get('/clock', async () => clock.state())
}
