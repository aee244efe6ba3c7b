/** The request journal: a bounded ring of what clients sent and what the mock answered (docs/control-plane.md). */
import { EventEmitter } from 'node:events'
import { jsonTextTooDeep } from '../http/json-depth.js'
import { pathMatcher } from './path-pattern.js'

export interface JournalEntry {
  seq: number
  time: string
  method: string
  url: string
  path: string
  tenant: string | null
  requestId: string
  /** Request headers, `Authorization` and admin tokens redacted. */
  headers: Record<string, string>
  body: unknown
  status: number
  durationMs: number
  response: { headers: Record<string, string>, body: unknown }
}

export interface JournalFilter {
  method?: string
  /** Substring of the path, or a glob with `*` (case-insensitive). */
  path?: string
  status?: number
  tenant?: string
  /** ISO time or entry sequence number: only later entries. */
  since?: string
  limit?: number
}

export const DEFAULT_JOURNAL_SIZE = 1000
/** The most the journal keeps in all, whatever its entry count: the oldest entries go first past it. */
export const DEFAULT_JOURNAL_BYTES = 32 * 1024 * 1024
/** Bodies kept per entry are capped, from the moment they are recorded, so memory stays bounded whatever clients send. */
export const MAX_KEPT_BODY = 16 * 1024
/** Request headers kept per entry: Node bounds them on the wire, but a $batch inner request carries what its body says. */
export const MAX_KEPT_HEADERS = 16 * 1024
const REDACTED = new Set(['authorization', 'x-mock-admin-token', 'cookie', 'proxy-authorization'])
const REDACTED_VALUE = '[redacted]'

/** What a request leaves behind: bounded text and references, made into an entry on first read. */
export interface JournalRecord {
  build: () => Omit<JournalEntry, 'seq'>
  /** What the record holds, in UTF-16 code units (the budget counts those). */
  bytes: number
}

type Slot = { seq: number, record: JournalRecord, entry?: JournalEntry }

export class Journal extends EventEmitter {
  readonly capacity: number
  readonly byteBudget: number
  #ring: Array<Slot | undefined>
  #next = 0
  #seq = 0
  #bytes = 0
  #count = 0

  constructor (capacity = DEFAULT_JOURNAL_SIZE, byteBudget = DEFAULT_JOURNAL_BYTES) {
    super()
    this.capacity = capacity
    this.byteBudget = byteBudget
    this.#ring = new Array<Slot | undefined>(capacity)
  }

  /** What the kept entries hold, as the budget counts it. */
  get bytes (): number { return this.#bytes }

  /**
   * Record an exchange. The record holds only bounded copies (bodies cut at MAX_KEPT_BODY when recorded);
   * `build` turns it into an entry (redacting headers, formatting the time) when the journal is read, or at
   * once for live listeners, so requests nobody looks at cost a closure, not a tenth of their CPU time.
   */
  add (record: JournalRecord): void {
    this.#seq += 1
    const slot: Slot = { seq: this.#seq, record }
    const replaced = this.#ring[this.#next]
    if (replaced === undefined) this.#count += 1
    else this.#bytes -= replaced.record.bytes
    this.#ring[this.#next] = slot
    this.#bytes += record.bytes
    this.#next = (this.#next + 1) % this.capacity
    // Past the byte budget the oldest entries go, however few there are (the newest always stays).
    while (this.#bytes > this.byteBudget && this.#count > 1) {
      const oldest = (this.#next - this.#count + this.capacity) % this.capacity
      this.#bytes -= this.#ring[oldest]?.record.bytes ?? 0
      this.#ring[oldest] = undefined
      this.#count -= 1
    }
    if (this.listenerCount('entry') > 0) this.emit('entry', entryOf(slot))
  }

  /** Oldest first. */
  entries (): JournalEntry[] {
    const out: JournalEntry[] = []
    for (let i = 0; i < this.capacity; i++) {
      const slot = this.#ring[(this.#next + i) % this.capacity]
      if (slot !== undefined) out.push(entryOf(slot))
    }
    return out
  }

  query (filter: JournalFilter): JournalEntry[] {
    if (filter.limit === 0) return []
    const method = filter.method?.toUpperCase()
    const path = filter.path === undefined ? undefined : pathMatcher(filter.path)
    const since = filter.since
    const sinceSeq = since !== undefined && /^\d+$/.test(since) ? Number(since) : undefined
    const sinceTime = since !== undefined && sinceSeq === undefined ? since : undefined
    const matched = this.entries().filter(e =>
      (method === undefined || e.method === method) &&
      (path === undefined || path(e.path)) &&
      (filter.status === undefined || e.status === filter.status) &&
      (filter.tenant === undefined || e.tenant === filter.tenant.toLowerCase()) &&
      (sinceSeq === undefined || e.seq > sinceSeq) &&
      (sinceTime === undefined || e.time > sinceTime))
    return filter.limit === undefined ? matched : matched.slice(-filter.limit)
  }

  clear (): void {
    this.#ring = new Array<Slot | undefined>(this.capacity)
    this.#next = 0
    this.#count = 0
    this.#bytes = 0
    this.emit('clear')
  }
}

function entryOf (slot: Slot): JournalEntry {
  slot.entry ??= { seq: slot.seq, ...slot.record.build() }
  return slot.entry
}

export function redactHeaders (headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = REDACTED.has(name.toLowerCase()) ? REDACTED_VALUE : Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/**
 * A body as kept in the journal: text at most MAX_KEPT_BODY long, copied when cut so that nothing holds on to
 * the whole body once the request is over. Nothing is parsed or serialised here; `presentBody` does that when read.
 */
export function keptBody (body: unknown): string | null {
  if (body === undefined || body === null || body === '') return null
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return '[a streamed body, not kept]'
  // A Buffer (never larger than the body limit) is read only as far as the cap can need: 4 bytes a character at most.
  const text = withoutSecrets(typeof body === 'string' ? body : body.toString('utf8', 0, MAX_KEPT_BODY * 4))
  if (text.length <= MAX_KEPT_BODY) return text
  // A slice of a string can keep its parent alive; a round trip through a Buffer makes a string of its own.
  const head = Buffer.from(text.slice(0, MAX_KEPT_BODY), 'utf8').toString('utf8')
  return `${head}… [cut at ${MAX_KEPT_BODY} characters]`
}

const SECRET_KEY = 'clientsecret'
const SECRET_VALUE = /("clientsecret"\s*:\s*)"(?:[^"\\]|\\.)*"/gi

/** Every value of a `clientSecret` member, at any depth and in any spelling of its name, replaced. */
function redactSecrets (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key.toLowerCase() === SECRET_KEY ? REDACTED_VALUE : redactSecrets(v)]))
}

/**
 * A body as the journal keeps it: a data connector's client secret is never kept. A body that may name one (also
 * through `\u` escapes in its keys) is parsed and redacted; one that does not parse, by pattern.
 */
function withoutSecrets (text: string): string {
  if (!/clientsecret|\\u00/i.test(text)) return text
  try {
    return JSON.stringify(redactSecrets(JSON.parse(text)))
  } catch {
    return text.replace(SECRET_VALUE, `$1"${REDACTED_VALUE}"`)
  }
}

/** Request headers as kept: the request's own object while small (Node bounds them on the wire), else a redacted, cut copy. */
export function keptHeaders (headers: Record<string, string | string[] | undefined>): { headers: Record<string, string | string[] | undefined>, bytes: number } {
  let bytes = 0
  for (const name in headers) {
    const value = headers[name]
    bytes += name.length + (typeof value === 'string' ? value.length : Array.isArray(value) ? value.join(', ').length : 0)
  }
  if (bytes <= MAX_KEPT_HEADERS) return { headers, bytes }
  const copy: Record<string, string> = {}
  let left = MAX_KEPT_HEADERS
  for (const [name, value] of Object.entries(redactHeaders(headers))) {
    if (left <= 0) break
    const kept = Buffer.from(`${name}${value}`.slice(0, left), 'utf8').toString('utf8').slice(name.length)
    copy[name] = kept.length < value.length ? `${kept}… [cut]` : kept
    left -= name.length + kept.length
  }
  return { headers: copy, bytes: MAX_KEPT_HEADERS }
}

/** A kept body as the journal answers it: JSON text parsed back to JSON, anything else as is. */
export function presentBody (body: unknown): unknown {
  if (typeof body !== 'string') return body
  const first = body.trimStart()[0]
  // Text deeper than Graph reads was refused when it arrived; it stays text here, so answering it cannot recurse.
  if ((first !== '{' && first !== '[') || jsonTextTooDeep(body)) return body
  try { return JSON.parse(body) as unknown } catch { return body }
}

/** An entry as `GET /_mock/requests` answers it. */
export function presentEntry (entry: JournalEntry): JournalEntry {
  return { ...entry, body: presentBody(entry.body), response: { headers: entry.response.headers, body: presentBody(entry.response.body) } }
}
