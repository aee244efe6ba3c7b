/** Server time: real, frozen or shifted, and the strictly increasing Graph timestamps derived from it. */

const TICKS_PER_MS = 10_000n // Graph timestamps carry 7 fractional digits: 100 ns ticks

/** Edm.DateTimeOffset's range: the clock is never put outside it, so every timestamp it gives formats as Graph's do. */
export const MIN_INSTANT_MS = Date.parse('0001-01-01T00:00:00.000Z')
export const MAX_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z')
export const inInstantRange = (ms: number): boolean => Number.isFinite(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS

export interface Clock {
  /** Current server time in epoch milliseconds (frozen or shifted when asked). */
  now(): number
  /**
   * A UTC ISO 8601 timestamp with 7 fractional digits, strictly later than every one this clock gave from its own
   * time since it was last moved, and strictly later than `after` (an entity's previous timestamp) when given.
   */
  timestamp(after?: string): string
  /** Make later timestamps sort after this one (stored state at start-up), unless it lies ahead of the clock. */
  observe(timestamp: string): void
  /** Stop time now, or at `atMs`; throws a RangeError outside Edm.DateTimeOffset's range. */
  freeze(atMs?: number): void
  /** Move time by `byMs`; throws a RangeError when that leaves Edm.DateTimeOffset's range. */
  shift(byMs: number): void
  resume(): void
  state(): { now: string, frozen: boolean, offsetMs: number }
}

/**
 * Time as the server tells it. Timestamps strictly increase while the clock runs as set; moving the clock
 * (freeze at a time, shift, resume) starts afresh from the new time, so a test that froze the clock in the
 * future leaves later writes at real time again, not one tick after the future. What must never go back is an
 * entity's own lastModifiedDateTime: writes pass its previous value as `after`, which moves that entity alone.
 */
export function createClock (wallMs: () => number = Date.now, wallTicks: () => bigint = defaultWallTicks): Clock {
  let frozenAt: number | undefined
  let offsetMs = 0
  // Below every instant the clock can show (before 1970 ticks are negative): the next timestamp is the clock's own.
  let last = FLOOR_TICKS

  // A running clock shifted to the last millisecond of 9999 stops there rather than run out of the range.
  const nowMs = (): number => frozenAt ?? Math.min(wallMs() + offsetMs, MAX_INSTANT_MS)
  const nowTicks = (): bigint => frozenAt !== undefined
    ? BigInt(frozenAt) * TICKS_PER_MS
    : min(wallTicks() + BigInt(offsetMs) * TICKS_PER_MS, MAX_TICKS)
  const moveTo = (ms: number): void => {
    if (!inInstantRange(ms)) throw new RangeError(`${ms} ms is outside Edm.DateTimeOffset's range`)
    last = FLOOR_TICKS
  }

  return {
    now: nowMs,
    timestamp (after) {
      const ticks = nowTicks()
      // At the last tick of 9999 there is no later instant: timestamps stay there rather than leave the range
      // (`+010000-01-01…` is not an Edm.DateTimeOffset).
      last = min(ticks > last ? ticks : last + 1n, MAX_TICKS)
      const floor = after === undefined ? undefined : parseTicks(after)
      return formatTicks(floor !== undefined && floor >= last ? min(floor + 1n, MAX_TICKS) : last)
    },
    observe (timestamp) {
      const ticks = parseTicks(timestamp)
      if (ticks !== undefined && ticks > last && ticks <= nowTicks()) last = ticks
    },
    freeze (atMs) {
      const at = atMs ?? nowMs()
      moveTo(at)
      frozenAt = at
    },
    shift (byMs) {
      moveTo(nowMs() + byMs)
      if (frozenAt !== undefined) frozenAt += byMs
      else offsetMs += byMs
    },
    resume () { frozenAt = undefined; offsetMs = 0; last = FLOOR_TICKS },
    state () {
      return { now: new Date(nowMs()).toISOString(), frozen: frozenAt !== undefined, offsetMs }
    }
  }
}

const MAX_TICKS = BigInt(MAX_INSTANT_MS) * TICKS_PER_MS + 9999n
const FLOOR_TICKS = BigInt(MIN_INSTANT_MS) * TICKS_PER_MS - 1n
const min = (a: bigint, b: bigint): bigint => a < b ? a : b

const origin = BigInt(Math.round(performance.timeOrigin * 10_000))
function defaultWallTicks (): bigint {
  return origin + BigInt(Math.round(performance.now() * 10_000))
}

/** 100 ns ticks since the epoch → `2026-11-28T21:28:02.7164229Z`. */
export function formatTicks (ticks: bigint): string {
  // BigInt division truncates toward zero: before 1970 the millisecond is one less and the remainder positive.
  let ms = ticks / TICKS_PER_MS
  let sub = ticks % TICKS_PER_MS
  if (sub < 0n) { sub += TICKS_PER_MS; ms -= 1n }
  const iso = new Date(Number(ms)).toISOString() // ….716Z
  return `${iso.slice(0, 23)}${sub.toString().padStart(4, '0')}Z`
}

const ISO_FRACTION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z$/
/** Inverse of formatTicks for UTC timestamps; undefined for anything else. */
export function parseTicks (timestamp: string): bigint | undefined {
  const m = ISO_FRACTION.exec(timestamp)
  if (m === null) return undefined
  const seconds = Date.parse(`${m[1] ?? ''}Z`)
  if (Number.isNaN(seconds)) return undefined
  const fraction = (m[2] ?? '').padEnd(7, '0')
  return BigInt(seconds) * TICKS_PER_MS + BigInt(fraction)
}
