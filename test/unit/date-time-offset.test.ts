/** The one Edm.DateTimeOffset reader: $filter literals, $orderby, bodies, fixtures and the clock all use it. */
import t from 'tap'
import { canonicalDateTimeOffset, dateTimeTicks, instantOf, isDateTimeOffset, parseDateTimeOffset } from '../../src/odata/date-time-offset.js'

t.test('DateTimeOffset literals compare by instant with 7-digit precision', async t => {
  const ticks = (text: string): bigint => {
    const parsed = parseDateTimeOffset(text)
    if ('error' in parsed) throw new Error(`${text}: ${parsed.error}`)
    return parsed.ticks
  }
  t.equal(ticks('1970-01-01T00:00:00Z'), 0n, 'the epoch is 0')
  t.equal(ticks('1970-01-01T00:00:00.0000001Z'), 1n, 'one tick is 100 ns')
  t.equal(ticks('2024-03-22T21:28:02.7164230Z') - ticks('2024-03-22T21:28:02.7164229Z'), 1n, 'the 7th digit counts')
  t.equal(ticks('2024-03-22T21:28:02.7Z'), ticks('2024-03-22T21:28:02.7000000Z'), 'short fractions pad')
  t.equal(ticks('2024-03-22T23:28:02+02:00'), ticks('2024-03-22T21:28:02Z'), 'offsets convert to UTC')
  t.equal(ticks('2024-03-22T21:28Z'), ticks('2024-03-22T21:28:00Z'), 'seconds are optional')
  t.equal(ticks('0001-01-01T00:00:00Z'), -62135596800n * 10_000_000n, 'year 0001 is not mistaken for 1901')
  t.equal(ticks('9999-12-31T23:59:59.9999999Z'), 253402300799n * 10_000_000n + 9_999_999n, 'the last instant')
  t.equal(ticks('2024-02-29T00:00:00Z'), 1709164800n * 10_000_000n, 'leap day in a leap year')
  t.equal(ticks('2000-02-29T00:00:00Z'), 951782400n * 10_000_000n, 'leap day in a 400-year')
  t.equal(dateTimeTicks('2026-11-28T21:28:02.7164229Z'), 1795901282n * 10_000_000n + 7_164_229n, 'stored values read the same way')
  t.equal(dateTimeTicks('yesterday'), undefined, 'not a DateTimeOffset')
  t.equal(dateTimeTicks(null), undefined, 'not a string')

  const invalid: Array<[string, string]> = [
    ['2024-03-22', 'expected yyyy-mm-ddThh:mm[:ss[.fffffff]] followed by Z or ±hh:mm'],
    ['2024-03-22T21:28:02', 'the time-zone offset is missing (Z or ±hh:mm; a \'+\' in a URL must be sent as %2B)'],
    ['2024-03-22T21:28:02.12345678Z', 'at most 7 fractional second digits are allowed'],
    ['0000-01-01T00:00:00Z', 'the year must be from 0001 to 9999'],
    ['2024-13-01T00:00:00Z', 'the month must be from 01 to 12'],
    ['2024-00-01T00:00:00Z', 'the month must be from 01 to 12'],
    ['2023-02-29T00:00:00Z', 'the day must be from 01 to 28'],
    ['1900-02-29T00:00:00Z', 'the day must be from 01 to 28'],
    ['2024-04-31T00:00:00Z', 'the day must be from 01 to 30'],
    ['2024-01-00T00:00:00Z', 'the day must be from 01 to 31'],
    ['2024-01-01T24:00:00Z', 'the hour must be from 00 to 23'],
    ['2024-01-01T00:60:00Z', 'the minute must be from 00 to 59'],
    ['2024-01-01T00:00:60Z', 'the second must be from 00 to 59'],
    ['2024-01-01T00:00:00+14:30', 'the offset must be from -14:00 to +14:00'],
    ['2024-01-01T00:00:00-15:00', 'the offset must be from -14:00 to +14:00'],
    ['2024-01-01T00:00:00+01:60', 'the offset must be from -14:00 to +14:00']
  ]
  for (const [text, error] of invalid) t.same(parseDateTimeOffset(text), { error }, `${text}: ${error}`)
})

t.test('valid and invalid instants, one rule for every caller', async t => {
  const valid: Array<[string, string]> = [
    ['2026-11-28T21:28:02.7164229Z', '2026-11-28T21:28:02.7164229Z'],
    ['2026-11-28T21:28:02Z', '2026-11-28T21:28:02.0000000Z'],
    ['2026-11-28T21:28Z', '2026-11-28T21:28:00.0000000Z'],
    ['2026-11-28t21:28:02z', '2026-11-28T21:28:02.0000000Z'],
    ['2026-11-28T21:28:02.5+05:30', '2026-11-28T15:58:02.5000000Z'],
    ['2026-11-28T21:28:02-14:00', '2026-11-29T11:28:02.0000000Z'],
    ['2026-11-28T21:28:02+14:00', '2026-11-28T07:28:02.0000000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.0000000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.0000000Z'],
    ['2024-03-01T00:30:00+01:00', '2024-02-29T23:30:00.0000000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.0000000Z'],
    ['0099-06-15T00:00:00Z', '0099-06-15T00:00:00.0000000Z'],
    ['9999-12-31T23:59:59.9999999Z', '9999-12-31T23:59:59.9999999Z']
  ]
  for (const [text, canonical] of valid) {
    t.equal(isDateTimeOffset(text), true, `${text} is an Edm.DateTimeOffset`)
    t.equal(canonicalDateTimeOffset(text), canonical, `${text} → ${canonical}`)
  }
  const invalid: Array<[string, string]> = [
    ['2026-02-30T00:00:00Z', 'the day must be from 01 to 28'],
    ['2026-02-29T00:00:00Z', 'the day must be from 01 to 28'],
    ['2100-02-29T00:00:00Z', 'the day must be from 01 to 28'],
    ['2026-06-31T00:00:00Z', 'the day must be from 01 to 30'],
    ['2026-11-28T21:28:02', 'the time-zone offset is missing (Z or ±hh:mm; a \'+\' in a URL must be sent as %2B)'],
    ['2026-11-28', 'expected yyyy-mm-ddThh:mm[:ss[.fffffff]] followed by Z or ±hh:mm'],
    ['yesterday', 'expected yyyy-mm-ddThh:mm[:ss[.fffffff]] followed by Z or ±hh:mm'],
    ['+010000-01-01T00:00:00Z', 'expected yyyy-mm-ddThh:mm[:ss[.fffffff]] followed by Z or ±hh:mm'],
    ['2026-11-28T21:28:02.12345678Z', 'at most 7 fractional second digits are allowed'],
    ['2026-11-28T24:00:00Z', 'the hour must be from 00 to 23'],
    ['2026-11-28T21:28:02+15:00', 'the offset must be from -14:00 to +14:00'],
    ['0000-06-01T00:00:00Z', 'the year must be from 0001 to 9999'],
    ['0001-01-01T00:00:00+00:01', 'the instant, in UTC, must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z'],
    ['9999-12-31T23:59:59-00:01', 'the instant, in UTC, must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z']
  ]
  for (const [text, error] of invalid) {
    t.same(parseDateTimeOffset(text), { error }, `${text}: ${error}`)
    t.equal(isDateTimeOffset(text), false, `${text} is not an Edm.DateTimeOffset`)
    t.equal(canonicalDateTimeOffset(text), undefined, `${text} has no canonical form`)
  }
})

t.test('instantOf reads well-formed instants outside the range, for the clock to refuse by name', async t => {
  t.equal(instantOf('0000-12-31T23:59:59Z'), -62135596801n * 10_000_000n, 'year 0000 is one second before the range')
  t.equal(instantOf('9999-12-31T23:59:59-01:00'), 253402304399n * 10_000_000n, 'an offset can push past 9999')
  t.equal(instantOf('2026-02-30T00:00:00Z'), undefined, 'the calendar is still checked')
  t.equal(instantOf('tomorrow'), undefined, 'not a date-time')
})
