/**
 * kill -9 under load (SPEC §3, §10): a graph-mock child on a database file takes concurrent PATCHes and is
 * killed with SIGKILL at a random moment, five times. After each kill the file passes integrity_check and
 * holds every write that had been answered 200 (nothing newer than was sent); after each restart the API
 * answers the same. Each key is written by one sequential writer with increasing values, so "at least as
 * new as the last acknowledged value" is a plain number comparison.
 */
import t from 'tap'
import Database from 'better-sqlite3'
import { JSON_AUTH, AUTH, SETS, startChild, tempDatabase, type Child } from './child.js'
import { markerMappings, markerOf } from '../helpers.js'

const SET_COUNT = 24
const KILLS = 5
const setId = (i: number): string => `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`
const flowId = (i: number): string => `f0000000-0000-4000-8000-${String(i).padStart(12, '0')}`
const CLASS_GROUP = '#microsoft.graph.industryData.classGroupProvisioningFlow'

/** What one writer has sent and had acknowledged: values are `${prefix}${n}` with n increasing. */
interface Key { kind: 'set' | 'flow', index: number, sent: number, acked: number }
const keys: Key[] = []
for (let i = 0; i < SET_COUNT; i++) keys.push({ kind: 'set', index: i, sent: 0, acked: 0 }, { kind: 'flow', index: i, sent: 0, acked: 0 })
const valueOf = (key: Key, n: number): string => `${key.kind}${key.index}-${n}`
const numberIn = (key: Key, text: unknown): number => {
  const match = typeof text === 'string' ? new RegExp(`^${key.kind}${key.index}-(\\d+)$`).exec(text) : null
  return match === null ? -1 : Number(match[1])
}
const urlOf = (key: Key): string => key.kind === 'set' ? `${SETS}/${setId(key.index)}` : `${SETS}/${setId(key.index)}/provisioningFlows/${flowId(key.index)}`
const bodyOf = (key: Key, n: number): unknown => key.kind === 'set'
  ? { displayName: valueOf(key, n) }
  : { configuration: { enrollmentMappings: { memberEnrollmentMappings: markerMappings(valueOf(key, n)) } } }
/** The value a stored or answered entity carries for `key`. */
const storedValue = (key: Key, entity: Record<string, any>): unknown => key.kind === 'set'
  ? entity.displayName
  : markerOf(entity.configuration?.enrollmentMappings?.memberEnrollmentMappings)

const fixture = {
  outboundProvisioningFlowSets: Array.from({ length: SET_COUNT }, (_, i) => ({
    id: setId(i),
    displayName: `set${i}-0`,
    provisioningFlows: [{ '@odata.type': CLASS_GROUP, id: flowId(i), configuration: { enrollmentMappings: { memberEnrollmentMappings: markerMappings(`flow${i}-0`) } } }]
  }))
}

/** One sequential writer per key until `stop()` or the first failed request (the process was killed). */
function writeUntilKilled (child: Child): { stop: () => void, done: Promise<number> } {
  let running = true
  let acknowledged = 0
  const writer = async (key: Key): Promise<void> => {
    while (running) {
      const n = key.sent + 1
      key.sent = n
      let res: Response
      try {
        res = await fetch(`${child.url}${urlOf(key)}`, { method: 'PATCH', headers: JSON_AUTH, body: JSON.stringify(bodyOf(key, n)) })
        await res.arrayBuffer()
      } catch {
        return // connection refused or reset: the process is gone
      }
      if (res.status !== 200) throw new Error(`PATCH ${urlOf(key)} answered ${res.status}`)
      key.acked = n
      acknowledged += 1
    }
  }
  const done = Promise.all(keys.map(writer)).then(() => acknowledged)
  return { stop: () => { running = false }, done }
}

t.test('no acknowledged write is lost across five kill -9 under concurrent PATCH load', async t => {
  const db = tempDatabase(t, 'crash')

  let child = await startChild({ db })
  t.teardown(() => { child.process.kill('SIGKILL') })
  const seeded = await fetch(`${child.url}/_mock/seed`, { method: 'POST', headers: JSON_AUTH, body: JSON.stringify(fixture) })
  t.equal(seeded.status, 200, `seeded ${SET_COUNT} flow sets with a classGroup flow each: ${await seeded.text()}`)

  for (let kill = 1; kill <= KILLS; kill++) {
    const load = writeUntilKilled(child)
    const delayMs = 150 + Math.floor(Math.random() * 750)
    await new Promise(resolve => setTimeout(resolve, delayMs))
    child.process.kill('SIGKILL')
    const exit = await child.exited
    load.stop()
    const acknowledged = await load.done
    t.equal(exit.signal, 'SIGKILL', `kill ${kill}: killed after ${delayMs} ms of load`)
    t.ok(acknowledged > 0, `kill ${kill}: ${acknowledged} writes were acknowledged before the kill`)

    // The file as the killed process left it.
    const file = new Database(db)
    t.equal(file.pragma('integrity_check', { simple: true }), 'ok', `kill ${kill}: PRAGMA integrity_check is ok`)
    const lost: string[] = []
    const phantom: string[] = []
    for (const key of keys) {
      const row = key.kind === 'set'
        ? file.prepare<[string], { body: string }>('SELECT body FROM flow_sets WHERE id = ?').get(setId(key.index))
        : file.prepare<[string], { body: string }>('SELECT body FROM flows WHERE id = ?').get(flowId(key.index))
      const n = row === undefined ? -1 : numberIn(key, storedValue(key, JSON.parse(row.body) as Record<string, any>))
      if (n < key.acked) lost.push(`${valueOf(key, key.acked)} (stored ${n})`)
      if (n > key.sent) phantom.push(`${key.kind}${key.index}: stored ${n}, sent ${key.sent}`)
    }
    file.close()
    t.same(lost, [], `kill ${kill}: every acknowledged write is in the file`)
    t.same(phantom, [], `kill ${kill}: nothing newer than was sent`)

    // Restarted on the same file, the API answers what was acknowledged.
    child = await startChild({ db })
    const behind: string[] = []
    await Promise.all(keys.map(async key => {
      const res = await fetch(`${child.url}${urlOf(key)}`, { headers: AUTH })
      const n = numberIn(key, storedValue(key, await res.json() as Record<string, any>))
      if (res.status !== 200 || n < key.acked || n > key.sent) behind.push(`${key.kind}${key.index}: ${res.status}, ${n} (acked ${key.acked}, sent ${key.sent})`)
    }))
    t.same(behind, [], `restart ${kill}: every acknowledged write is answered`)
  }

  child.process.kill('SIGTERM')
  t.equal((await child.exited).code, 0, 'the last restart exits 0 on SIGTERM')
})
