/** POST /_mock/clock and the in-process clock API: freeze, set, shift and resume the server's time, checked first. */
import { Type } from '@sinclair/typebox'
import { inInstantRange, MAX_INSTANT_MS, MIN_INSTANT_MS, type Clock } from '../clock.js'
import { badRequest } from '../errors/graph-errors.js'
import { instantOf } from '../odata/date-time-offset.js'
import { assertValid } from './validate.js'

export const ClockInput = Type.Object({
  freeze: Type.Optional(Type.Union([Type.Boolean(), Type.String({ description: 'ISO 8601 date-time' })], { description: 'true: stop time now; an ISO time: stop time there.' })),
  set: Type.Optional(Type.String({ description: 'Jump to this ISO 8601 time and keep running.' })),
  shiftMs: Type.Optional(Type.Integer({ description: 'Move time by this many milliseconds (negative: back).' })),
  resume: Type.Optional(Type.Literal(true, { description: 'Back to real time.' }))
}, { additionalProperties: false })

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
