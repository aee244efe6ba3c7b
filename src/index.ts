/** Public API of the graph-mock package: start it in-process from a test runner, or build the app for inject(). */
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDeps } from './app.js'
import { loadConfig, type Config } from './config.js'
import { applyClock } from './control/clock-control.js'
import { tenantOf } from './control/tenant.js'
import { FaultRuleInput, type FaultRule } from './control/faults.js'
import { presentEntry, type JournalEntry, type JournalFilter } from './control/journal.js'
import { exportState, resetState, seedState, type SeedResult } from './control/state.js'
import { ThrottleInput, type ThrottleReport } from './control/throttle.js'
import { mintToken, TokenRequestBody } from './control/token.js'
import { assertValid } from './control/validate.js'
import { BUNDLED_FIXTURES } from './package-files.js'

export { buildApp, type AppDeps, type GraphMockState } from './app.js'
export { loadConfig, ConfigSchema, SETTINGS, type Config } from './config.js'
export { DEFAULT_TENANT } from './auth/principal.js'
export type { FaultRule, JournalEntry, JournalFilter, SeedResult, ThrottleReport }
export { FaultRuleInput, ThrottleInput }
export { TokenRequestBody }
export { BUNDLED_FIXTURES }

export interface StartOptions extends Partial<Config>, Pick<AppDeps, 'journalSize'> {}

export interface GraphMock {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** `http://127.0.0.1:PORT/beta`: the base URL to give a Graph client. */
  graphUrl: string
  app: FastifyInstance
  /** Restore the fixtures (one tenant or all); clears the journal, the fault rules and the throttle's counts. */
  reset: (tenant?: string) => void
  /** Load a fixture document into a tenant (default tenant unless given). */
  seed: (doc: unknown, options?: { tenant?: string, replace?: boolean }) => SeedResult
  /** The tenant's state as a fixture document. */
  state: (tenant?: string) => Record<string, unknown>
  /** Journal entries, oldest first. */
  requests: (filter?: JournalFilter) => JournalEntry[]
  clearRequests: () => void
  fault: (rule: FaultRuleInput) => FaultRule
  clearFaults: () => void
  /** Configure the per-tenant token bucket; null turns throttling off and answers the final counts. */
  throttle: (config: ThrottleInput | null) => ThrottleReport
  /** A test token signed with the server's key, as `POST /_mock/token` mints it (strict mode accepts it). */
  token: (request?: TokenRequestBody) => Promise<string>
  clock: {
    freeze: (at?: Date | string) => void
    set: (at: Date | string) => void
    shift: (ms: number) => void
    resume: () => void
    now: () => Date
  }
  close: () => Promise<void>
}

const iso = (at: Date | string): string => typeof at === 'string' ? at : at.toISOString()

/** Start graph-mock listening (port 0 and an in-memory database unless told otherwise). */
export async function startGraphMock (options: StartOptions = {}): Promise<GraphMock> {
  const { journalSize, ...overrides } = options
  const config = loadConfig({}, { port: 0, db: ':memory:', fixtures: BUNDLED_FIXTURES, logLevel: 'silent', ...overrides })
  const app = await buildApp(config, journalSize === undefined ? {} : { journalSize })
  const url = await app.listen({ port: config.port, host: config.host })
  const s = app.graphMock
  return {
    url,
    graphUrl: `${url}/beta`,
    app,
    reset: tenant => { resetState(s.provisioning, s, tenant === undefined ? undefined : tenantOf(tenant)) },
    seed: (doc, seedOptions = {}) => seedState(s.provisioning, tenantOf(seedOptions.tenant), doc, seedOptions.replace === true),
    state: tenant => exportState(s.provisioning, tenantOf(tenant)),
    requests: (filter = {}) => s.journal.query(filter).map(presentEntry),
    clearRequests: () => { s.journal.clear() },
    fault: rule => s.faults.add(assertValid(FaultRuleInput, rule, 'fault rule')),
    clearFaults: () => { s.faults.clear() },
    throttle: throttleConfig => {
      if (throttleConfig === null) {
        // The counts as throttling ends: disabling forgets them, and a test reads them from this answer.
        const final = s.throttle.report()
        s.throttle.disable()
        return final
      }
      s.throttle.configure(assertValid(ThrottleInput, throttleConfig, 'throttle configuration'))
      return s.throttle.report()
    },
    token: async (request = {}) => (await mintToken(s.identity.signer, assertValid(TokenRequestBody, request, 'token request'), s.clock.now())).access_token,
    clock: {
      freeze: at => { applyClock(s.clock, at === undefined ? { freeze: true } : { freeze: iso(at) }) },
      set: at => { applyClock(s.clock, { set: iso(at) }) },
      shift: ms => { s.clock.shift(ms) },
      resume: () => { s.clock.resume() },
      now: () => new Date(s.clock.now())
    },
    close: async () => { await app.close() }
  }
}
