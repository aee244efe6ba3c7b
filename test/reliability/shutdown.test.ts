/**
 * Graceful shutdown (SPEC §8): SIGTERM under load lets in-flight requests finish, closes the database and
 * exits 0 within a second. Slow requests (a 400 ms delay fault on role-group reads) are certainly in flight
 * when the signal arrives; PATCHes keep every connection busy up to that moment.
 */
import t from 'tap'
import Database from 'better-sqlite3'
import { CLASS_FLOW_ID, markerMappings, markerOf, SET_ID } from '../helpers.js'
import { AUTH, JSON_AUTH, SETS, startChild, tempDatabase } from './child.js'

const DELAY_MS = 400
const PATCH_WRITERS = 16
const SLOW_READERS = 8

interface Outcome { kind: 'patch' | 'slow', startedMs: number, status: number | 'error', value?: string }

t.test('SIGTERM under load: in-flight requests finish, exit 0 within a second', async t => {
  const db = tempDatabase(t, 'shutdown')
  const child = await startChild({ db })
  t.teardown(() => { child.process.kill('SIGKILL') })

  const fault = await fetch(`${child.url}/_mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'GET', path: '/beta/external/industryData/roleGroups*', delayMs: DELAY_MS }) })
  t.equal(fault.status, 201, 'a delay rule makes role-group reads take 400 ms')

  let sending = true // slow reads: none starts after the signal
  let exited = false // PATCHes: the load goes on until the process is gone
  let counter = 0
  const outcomes: Outcome[] = []
  const flow = `${child.url}${SETS}/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`
  const one = async (kind: Outcome['kind']): Promise<void> => {
    const startedMs = performance.now()
    const value = `v${++counter}`
    const outcome: Outcome = { kind, startedMs, status: 'error', ...(kind === 'patch' ? { value } : {}) }
    outcomes.push(outcome)
    try {
      const res = kind === 'patch'
        ? await fetch(flow, { method: 'PATCH', headers: JSON_AUTH, body: JSON.stringify({ configuration: { enrollmentMappings: { memberEnrollmentMappings: markerMappings(value) } } }) })
        : await fetch(`${child.url}/beta/external/industryData/roleGroups`, { headers: AUTH })
      await res.arrayBuffer()
      outcome.status = res.status
    } catch { /* refused or reset: recorded as 'error' */ }
  }
  const loop = async (kind: Outcome['kind']): Promise<void> => {
    while (kind === 'patch' ? !exited : sending) await one(kind)
  }
  const loops = [...Array.from({ length: PATCH_WRITERS }, () => loop('patch')), ...Array.from({ length: SLOW_READERS }, () => loop('slow'))]

  await new Promise(resolve => setTimeout(resolve, 700))
  sending = false
  const signalledMs = performance.now()
  child.process.kill('SIGTERM')
  const exit = await child.exited
  exited = true
  const exitMs = performance.now() - signalledMs
  await Promise.all(loops)

  t.equal(exit.code, 0, 'exit code 0')
  t.ok(exitMs < 1000, `exited ${Math.round(exitMs)} ms after SIGTERM (under a second)`)

  // Slow reads started well before the signal were being served (inside their delay) when it came.
  const slowInFlight = outcomes.filter(o => o.kind === 'slow' && o.startedMs < signalledMs - 100 && o.startedMs > signalledMs - DELAY_MS + 50)
  t.ok(slowInFlight.length > 0, `${slowInFlight.length} delayed reads were in flight at SIGTERM`)
  t.same(slowInFlight.filter(o => o.status !== 200).map(o => o.status), [], 'every one of them finished with 200')

  // Requests started before the signal were answered: 200, or 503 when one reached the server only after the
  // close had begun (Fastify sheds those). Requests started after it may also find the port closed.
  const before = outcomes.filter(o => o.startedMs < signalledMs)
  const after = outcomes.filter(o => o.startedMs >= signalledMs)
  const patches = outcomes.filter(o => o.kind === 'patch')
  t.ok(patches.filter(o => o.status === 200).length > 0, `${patches.filter(o => o.status === 200).length} PATCHes answered 200 under load`)
  t.same(before.filter(o => o.status !== 200 && o.status !== 503).map(o => `${o.kind}: ${o.status}`), [], `all ${before.length} requests started before SIGTERM were answered`)
  t.same(after.filter(o => o.status !== 200 && o.status !== 503 && o.status !== 'error').map(o => `${o.kind}: ${o.status}`), [],
    `the ${after.length} started after it: 200, 503 or a refused connection, nothing else`)
  t.comment(`answers after SIGTERM: ${after.filter(o => o.status === 200).length} × 200, ${outcomes.filter(o => o.status === 503).length} × 503, ${after.filter(o => o.status === 'error').length} refused`)

  // The database was closed cleanly: intact, and holding the last acknowledged PATCH.
  const file = new Database(db)
  t.equal(file.pragma('integrity_check', { simple: true }), 'ok', 'integrity_check ok after the shutdown')
  const stored = JSON.parse(file.prepare<[string], { body: string }>('SELECT body FROM flows WHERE id = ?').get(CLASS_FLOW_ID)?.body ?? '{}') as { configuration?: { enrollmentMappings?: { memberEnrollmentMappings?: unknown } } }
  file.close()
  const acked = new Set(patches.filter(o => o.status === 200).map(o => o.value))
  t.ok(acked.has(markerOf(stored.configuration?.enrollmentMappings?.memberEnrollmentMappings) ?? ''), 'the stored flow holds an acknowledged PATCH')
})
