/** Server time: real, frozen or shifted, and the strictly increasing Graph timestamps derived from it. */

const TICKS_PER_MS = 10_000n // Graph timestamps carry 7 fractional digits: 100 ns ticks

export interface Clock {
  /** Current server time in epoch milliseconds (frozen or shifted when asked). */
  now(): number
  /** A UTC ISO 8601 timestamp with 7 fractional digits, strictly later than every one issued or observed before. */
  timestamp(): string
  /** Make later timestamps sort after this one (used for stored state at start-up). */
  observe(timestamp: string): void
  freeze(atMs?: number): void
  shift(byMs: number): void
  resume(): void
  state(): { now: string, frozen: boolean, offsetMs: number }
}

export function createClock (wallMs: () => number = Date.now, wallTicks: () => bigint = defaultWallTicks): Clock {
  let frozenAt: number | undefined
  let offsetMs = 0
  let last = 0n

  const nowTicks = (): bigint => frozenAt !== undefined
    ? BigInt(frozenAt) * TICKS_PER_MS
    : wallTicks() + BigInt(offsetMs) * TICKS_PER_MS

  return {
    now: () => frozenAt ?? wallMs() + offsetMs,
    timestamp () {
      const ticks = nowTicks()
      last = ticks > last ? ticks : last + 1n
      return formatTicks(last)
    },
    observe (timestamp) {
      const ticks = parseTicks(timestamp)
      if (ticks !== undefined && ticks > last) last = ticks
    },
    freeze (atMs) { frozenAt = atMs ?? (wallMs() + offsetMs) },
    shift (byMs) {
      if (frozenAt !== undefined) frozenAt += byMs
      else offsetMs += byMs
    },
    resume () { frozenAt = undefined; offsetMs = 0 },
    state () {
      return { now: new Date(frozenAt ?? wallMs() + offsetMs).toISOString(), frozen: frozenAt !== undefined, offsetMs }
    }
  }
}

const origin = BigInt(Math.round(performance.timeOrigin * 10_000))
function defaultWallTicks (): bigint {
  return origin + BigInt(Math.round(performance.now() * 10_000))
}

/** 100 ns ticks since the epoch → `2026-11-28T21:28:02.7164229Z`. */
export function formatTicks (ticks: bigint): string {
  const ms = ticks / TICKS_PER_MS
  const sub = ticks % TICKS_PER_MS
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

const ANY_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})$/i
/** Any Edm.DateTimeOffset → the server's canonical UTC form with 7 fractional digits; undefined when it does not parse. */
export function canonicalTimestamp (text: string): string | undefined {
  const m = ANY_OFFSET.exec(text)
  if (m === null) return undefined
  const ms = Date.parse(`${m[1] ?? ''}${(m[3] ?? 'Z').toUpperCase()}`)
  if (Number.isNaN(ms)) return undefined
  return formatTicks(BigInt(ms) * TICKS_PER_MS + BigInt((m[2] ?? '').padEnd(7, '0')))
}
