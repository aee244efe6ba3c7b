/**
 * Edm.DateTimeOffset, read one way everywhere: $filter literals, $orderby, request bodies, fixtures and the
 * clock. The calendar is checked field by field (Date.parse rolls 2026-02-30 over to 2 March), offsets go up to
 * ±14:00, and instants keep Graph's 7 fractional digits as 100 ns ticks since 1970.
 */
import { formatTicks } from '../clock.js'

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/i
const TICKS_PER_MS = 10_000n
/** Edm.DateTimeOffset's range in UTC: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z. */
const MIN_TICKS = -62135596800n * 10_000_000n
const MAX_TICKS = 253402300799n * 10_000_000n + 9_999_999n

export type DateTimeOffsetResult = { ticks: bigint } | { error: string }

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The days of `month` (1–12) in `year` of the proleptic Gregorian calendar. */
export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0)

/** Field-by-field reading; `minYear` 0 lets the clock tell "outside the range" from "not a date-time". */
function readInstant (text: string, minYear: number): DateTimeOffsetResult {
  const m = DATE_TIME.exec(text)
  if (m === null) return { error: 'expected yyyy-mm-ddThh:mm[:ss[.fffffff]] followed by Z or ±hh:mm' }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (zone === undefined) return { error: 'the time-zone offset is missing (Z or ±hh:mm; a \'+\' in a URL must be sent as %2B)' }
  if (fraction.length > 7) return { error: 'at most 7 fractional second digits are allowed' }
  if (year < minYear) return { error: 'the year must be from 0001 to 9999' }
  if (month < 1 || month > 12) return { error: 'the month must be from 01 to 12' }
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return { error: `the day must be from 01 to ${days}` }
  if (hour > 23) return { error: 'the hour must be from 00 to 23' }
  if (minute > 59) return { error: 'the minute must be from 00 to 59' }
  if (second > 59) return { error: 'the second must be from 00 to 59' }
  let offsetMinutes = 0
  if (zone.toUpperCase() !== 'Z') {
    const oh = Number(zone.slice(1, 3))
    const om = Number(zone.slice(4, 6))
    if (oh > 14 || om > 59 || (oh === 14 && om > 0)) return { error: 'the offset must be from -14:00 to +14:00' }
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om)
  }
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute - offsetMinutes, second, 0)
  return { ticks: BigInt(date.getTime()) * TICKS_PER_MS + BigInt(fraction.padEnd(7, '0')) }
}

/** Why `text` is not an Edm.DateTimeOffset, or its instant in 100 ns ticks since 1970 (Graph stores 7 fractional digits). */
export function parseDateTimeOffset (text: string): DateTimeOffsetResult {
  const read = readInstant(text, 1)
  if ('error' in read) return read
  // 0001-01-01T00:00:00+01:00 is well formed but lies before the first instant; it could not be written back.
  if (read.ticks < MIN_TICKS || read.ticks > MAX_TICKS) return { error: 'the instant, in UTC, must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z' }
  return read
}

export const isDateTimeOffset = (text: string): boolean => 'ticks' in parseDateTimeOffset(text)

/**
 * A JSON Schema pattern for documents (beside `format: date-time`, which checks the calendar): values it allows
 * parseDateTimeOffset accepts. It is stricter than the parser: seconds and an upper-case T and Z are required,
 * and an offset that could carry the first or last day out of the range is refused on those days.
 */
export const DATE_TIME_OFFSET_PATTERN = String.raw`^(?!0000)(?!0001-01-01T[^+]*\+(?!00:00$))(?!9999-12-31T[^-]*-(?!00:00$))` +
  String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,7})?(?:Z|[+-](?:0\d|1[0-3]):[0-5]\d|[+-]14:00)$`

/** Any Edm.DateTimeOffset → the server's canonical UTC form with 7 fractional digits; undefined when it is not one. */
export function canonicalDateTimeOffset (text: string): string | undefined {
  const parsed = parseDateTimeOffset(text)
  return 'ticks' in parsed ? formatTicks(parsed.ticks) : undefined
}

/** The instant of a stored or literal DateTimeOffset in ticks, or undefined when it is not one. */
export function dateTimeTicks (value: unknown): bigint | undefined {
  if (typeof value !== 'string') return undefined
  const parsed = parseDateTimeOffset(value)
  return 'ticks' in parsed ? parsed.ticks : undefined
}

/**
 * The instant a well-formed date-time names even when it lies outside Edm.DateTimeOffset's range (year 0000, or
 * pushed past 9999 by its offset): the clock answers "would leave the range" for those, not "not a date-time".
 */
export function instantOf (text: string): bigint | undefined {
  const read = readInstant(text, 0)
  return 'ticks' in read ? read.ticks : undefined
}
