import t from 'tap'
import { createClock, formatTicks, MAX_INSTANT_MS, parseTicks } from '../../src/clock.js'
import { createIdSource } from '../../src/ids.js'

t.test('timestamps are strictly increasing, even from a frozen clock', async t => {
  const clock = createClock()
  clock.freeze(Date.UTC(2026, 10, 28, 21, 28, 2, 716))
  const a = clock.timestamp()
  const b = clock.timestamp()
  t.equal(a, '2026-11-28T21:28:02.7160000Z', 'frozen time, 7 digits')
  t.equal(b, '2026-11-28T21:28:02.7160001Z', 'one tick later')
  clock.observe('2026-11-28T21:28:02.7160000Z')
  t.equal(clock.timestamp(), '2026-11-28T21:28:02.7160002Z', 'an observed earlier timestamp changes nothing')
  clock.observe('2030-01-01T00:00:00.1234567Z')
  t.equal(clock.timestamp(), '2026-11-28T21:28:02.7160003Z', 'a timestamp from the clock\'s future (written under a moved clock) is not observed')
  t.equal(clock.timestamp('2030-01-01T00:00:00.1234567Z'), '2030-01-01T00:00:00.1234568Z', 'an entity\'s own later timestamp still moves forward')
  t.equal(clock.timestamp(), '2026-11-28T21:28:02.7160005Z', 'and other entities keep the clock\'s time')
  clock.shift(1000)
  t.equal(clock.state().now, '2026-11-28T21:28:03.716Z', 'shift moves frozen time')
  clock.resume()
  t.equal(clock.state().frozen, false, 'resumed')
})

t.test('tick formatting round-trips', async t => {
  for (const text of ['2026-11-28T21:28:02.7164229Z', '1999-12-31T23:59:59.9999999Z', '2024-03-22T21:28:02.0000000Z']) {
    const ticks = parseTicks(text)
    t.ok(ticks !== undefined, `${text} parses`)
    t.equal(formatTicks(ticks ?? 0n), text, `${text} round-trips`)
  }
  t.equal(parseTicks('2026-11-28T21:28:02+01:00'), undefined, 'non-UTC is not a tick string')
  t.equal(parseTicks('2024-03-05T02:12:29.6Z'), parseTicks('2024-03-05T02:12:29.6000000Z'), 'short fractions pad')
})

t.test('seeded ids are reproducible GUIDs', async t => {
  const a = createIdSource('seed-1')
  const b = createIdSource('seed-1')
  const first = [a.next(), a.next()]
  t.same([b.next(), b.next()], first, 'same seed, same ids')
  t.not(first[0], first[1], 'distinct ids')
  for (const id of first) t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${id} is a v4 GUID`)
  t.match(createIdSource().next(), /^[0-9a-f-]{36}$/, 'unseeded: random GUID')
})

t.test('at the last instant of 9999 timestamps stay in Edm.DateTimeOffset\'s range', async t => {
  const clock = createClock()
  clock.freeze(MAX_INSTANT_MS)
  // 9,999 ticks are left in the last millisecond; ask for more than that.
  const stamps = Array.from({ length: 10_050 }, () => clock.timestamp())
  t.ok(stamps.every(s => /^9999-12-31T23:59:59\.999\d{4}Z$/.test(s)), 'every stamp is an instant of 9999 in Graph\'s form')
  t.equal(stamps[stamps.length - 1], '9999-12-31T23:59:59.9999999Z', 'the last ones stay at the last tick: no later instant exists')
  t.equal(clock.timestamp('9999-12-31T23:59:59.9999999Z'), '9999-12-31T23:59:59.9999999Z', 'nor after an entity stamped there')
  clock.resume()
  t.equal(clock.timestamp('9999-12-31T23:59:59.9999999Z'), '9999-12-31T23:59:59.9999999Z', 'which keeps that stamp after a resume')
  t.match(clock.timestamp(), /^20\d\d-/, 'while others are this year\'s again')
})
