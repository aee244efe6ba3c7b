/** The /_mock control plane for tests (docs/control-plane.md): reset, seed, state, journal, faults, throttle, clock. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Clock } from '../clock.js'
import { itemNotFound } from '../errors/graph-errors.js'
import type { Provisioning } from '../industry-data/provisioning.js'
import { adminGuard } from './admin-guard.js'
import { applyClock } from './clock-control.js'
import { FaultRuleInput, MAX_PATTERN_LENGTH, type FaultRules } from './faults.js'
import { presentEntry, type Journal } from './journal.js'
import { exportState, resetState, seedState } from './state.js'
import { tenantOf } from './tenant.js'
import { ThrottleInput, type Throttle } from './throttle.js'

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
export const controlRoutes: FastifyPluginAsyncTypebox<ControlOptions> = async (app, { provisioning: p, journal, faults, throttle, clock, adminToken }) => {
  app.addHook('onRequest', adminGuard(adminToken))
  app.post('/reset', { schema: { querystring: TenantQuery } }, async (request) => {
    const { tenant } = request.query
    resetState(p, { journal, faults, throttle }, tenant === undefined ? undefined : tenantOf(tenant))
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
