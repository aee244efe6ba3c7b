/**
 * The clock at and past the edges of Edm.DateTimeOffset (0001-01-01 to 9999-12-31): out-of-range requests
 * are 400s that change nothing, instants before 1970 format correctly, and a test that froze the clock in
 * the future does not leave later writes stamped in the future, in the same process or after a restart.
 */
import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertGraphError, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, SETS } from '../helpers.js'

const RANGE = "Edm.DateTimeOffset's range, 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z."
type Json = Record<string, any>

t.test('instants at the edges and before 1970 stamp writes exactly', async t => {
  const app = await build(t)
  const stampAt = async (instant: string): Promise<string> => {
    const clock = await app.inject({ method: 'POST', url: '/_mock/clock', payload: { freeze: instant } })
    t.equal(clock.statusCode, 200, `freeze at ${instant} is allowed`)
    // A new entity each time: an existing one never moves back from its own lastModifiedDateTime.
    const res = await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: `at ${instant}` } })
    t.equal(res.statusCode, 201, `a write at ${instant} succeeds`)
    t.equal((res.json() as Json).lastModifiedDateTime, (res.json() as Json).createdDateTime, 'created and modified alike')
    return (res.json() as Json).createdDateTime as string
  }
  t.equal(await stampAt('0001-01-01T00:00:00Z'), '0001-01-01T00:00:00.0000000Z', 'the first instant Graph can hold')
  t.equal(await stampAt('1969-12-31T23:59:59.999Z'), '1969-12-31T23:59:59.9990000Z', 'the millisecond before the epoch')
  t.equal(await stampAt('1900-06-15T12:00:00.5+02:00'), '1900-06-15T10:00:00.5000000Z', 'before 1970, with an offset')
  t.equal(await stampAt('9999-12-31T23:59:59.999Z'), '9999-12-31T23:59:59.9990000Z', 'the last millisecond Graph can hold')
})

t.test('clock requests outside the range are 400s that change nothing', async t => {
  const app = await build(t)
  await app.inject({ method: 'POST', url: '/_mock/clock', payload: { freeze: '2030-01-01T00:00:00Z' } })
  const before = (await app.inject({ method: 'GET', url: '/_mock/clock' })).json() as Json
  const cases: Array<[Json, string]> = [
    [{ shiftMs: 9e15 }, `Invalid clock request: shiftMs 9000000000000000 would put the clock outside ${RANGE}`],
    [{ shiftMs: -9e15 }, `Invalid clock request: shiftMs -9000000000000000 would put the clock outside ${RANGE}`],
    [{ shiftMs: 1e300 }, `Invalid clock request: shiftMs 1e+300 would put the clock outside ${RANGE}`],
    [{ freeze: '0000-12-31T23:59:59Z' }, `Invalid clock request: freeze '0000-12-31T23:59:59Z' would put the clock outside ${RANGE}`],
    [{ set: '0000-01-01T00:00:00Z' }, `Invalid clock request: set '0000-01-01T00:00:00Z' would put the clock outside ${RANGE}`],
    [{ freeze: '9999-12-31T23:59:59.999Z', shiftMs: 1 }, `Invalid clock request: shiftMs 1 would put the clock outside ${RANGE}`],
    [{ freeze: '+010000-01-01T00:00:00Z' }, "Invalid clock request: '+010000-01-01T00:00:00Z' is not an ISO 8601 date-time with a time zone."],
    [{ set: '-000001-01-01T00:00:00Z' }, "Invalid clock request: '-000001-01-01T00:00:00Z' is not an ISO 8601 date-time with a time zone."]
  ]
  for (const [payload, message] of cases) {
    assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/clock', payload }), 400, 'BadRequest', message)
    t.same((await app.inject({ method: 'GET', url: '/_mock/clock' })).json(), before, `${JSON.stringify(payload)} changed nothing`)
  }
  const res = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.equal(res.statusCode, 200, 'writes still work after refused clock requests')
  t.equal((res.json() as Json).lastModifiedDateTime, '2030-01-01T00:00:00.0000000Z', 'stamped with the clock as it was')
})

t.test('a frozen future does not poison later writes, in the process or after a restart', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-clock-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'clock.db')
  const thisYear = String(new Date().getUTCFullYear())
  const setUrl = `${SETS}/${SET_ID}`

  const first = await build(t, { db })
  await first.inject({ method: 'POST', url: '/_mock/clock', payload: { freeze: '2100-01-01T00:00:00Z' } })
  const future = await first.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.equal((future.json() as Json).lastModifiedDateTime, '2100-01-01T00:00:00.0000000Z', 'written in the frozen future')
  await first.inject({ method: 'POST', url: '/_mock/clock', payload: { resume: true } })
  const other = await first.inject({ method: 'PATCH', url: setUrl, headers: jsonAuth, payload: { displayName: 'after resume' } })
  t.equal(((other.json() as Json).lastModifiedDateTime as string).slice(0, 4), thisYear, 'after resume another entity is stamped with real time')
  const again = await first.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.equal((again.json() as Json).lastModifiedDateTime, '2100-01-01T00:00:00.0000001Z', 'the future-stamped entity still moves strictly forward')
  await first.close()

  const second = await build(t, { db })
  const created = await second.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'after restart' } })
  t.equal(created.statusCode, 201, 'a create after the restart')
  t.equal(((created.json() as Json).createdDateTime as string).slice(0, 4), thisYear, 'after a restart new entities are stamped with real time')
  const later = await second.inject({ method: 'PATCH', url: setUrl, headers: jsonAuth, payload: { displayName: 'after restart' } })
  t.ok((later.json() as Json).lastModifiedDateTime > (other.json() as Json).lastModifiedDateTime, 'a real-time entity still moves forward across the restart')
  t.equal(((later.json() as Json).lastModifiedDateTime as string).slice(0, 4), thisYear, 'and stays in this year')
})
