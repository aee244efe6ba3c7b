/** The request journal: a bounded ring of what clients sent and what the mock answered (SPEC §7). */
import { EventEmitter } from 'node:events'

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
/** Bodies kept per entry are capped so memory stays bounded whatever clients send. */
export const MAX_KEPT_BODY = 16 * 1024
const REDACTED = new Set(['authorization', 'x-mock-admin-token', 'cookie', 'proxy-authorization'])

/** What a request leaves behind until someone reads the journal: the entry is built on first read. */
type Slot = { seq: number, build: () => Omit<JournalEntry, 'seq'>, entry?: JournalEntry }

export class Journal extends EventEmitter {
  readonly capacity: number
  #ring: Array<Slot | undefined>
  #next = 0
  #seq = 0

  constructor (capacity = DEFAULT_JOURNAL_SIZE) {
    super()
    this.capacity = capacity
    this.#ring = new Array<Slot | undefined>(capacity)
  }

  /**
   * Record an exchange. `build` makes the entry from what the request left (redacting and copying headers,
   * formatting the time): it runs when the journal is read, or at once for live listeners, so requests nobody
   * looks at cost a closure, not a tenth of their CPU time.
   */
  add (build: () => Omit<JournalEntry, 'seq'>): void {
    this.#seq += 1
    const slot: Slot = { seq: this.#seq, build }
    this.#ring[this.#next] = slot
    this.#next = (this.#next + 1) % this.capacity
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
    this.emit('clear')
  }
}

function entryOf (slot: Slot): JournalEntry {
  slot.entry ??= { seq: slot.seq, ...slot.build() }
  return slot.entry
}

/** A glob with `*` (any run of characters) or, without one, a substring; both case-insensitive. */
export function pathMatcher (pattern: string): (path: string) => boolean {
  if (!pattern.includes('*')) {
    const needle = pattern.toLowerCase()
    return path => path.toLowerCase().includes(needle)
  }
  const source = pattern.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')
  const regex = new RegExp(`^${source}$`, 'i')
  return path => regex.test(path)
}

export function redactHeaders (headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = REDACTED.has(name.toLowerCase()) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/**
 * A body as kept in the journal, cheaply: parsed request bodies are kept by reference when the request was
 * small, text is cut at MAX_KEPT_BODY. Nothing is parsed or serialised here; `presentBody` does that when read.
 */
export function keptBody (body: unknown, contentLength?: number): unknown {
  if (body === undefined || body === null || body === '') return null
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const text = body.toString()
    return text.length > MAX_KEPT_BODY ? `${text.slice(0, MAX_KEPT_BODY)}… [${text.length - MAX_KEPT_BODY} more characters]` : text
  }
  if (contentLength !== undefined && contentLength > MAX_KEPT_BODY) return `[a JSON body of ${contentLength} bytes, not kept]`
  return body
}

/** A kept body as the journal answers it: JSON text parsed back to JSON, anything else as is. */
export function presentBody (body: unknown): unknown {
  if (typeof body !== 'string') return body
  const first = body.trimStart()[0]
  if (first !== '{' && first !== '[') return body
  try { return JSON.parse(body) as unknown } catch { return body }
}

/** An entry as `GET /_mock/requests` answers it. */
export function presentEntry (entry: JournalEntry): JournalEntry {
  return { ...entry, body: presentBody(entry.body), response: { headers: entry.response.headers, body: presentBody(entry.response.body) } }
}
