/**
 * Paging for collection reads: $top, $count, and keyset pagination behind an opaque $skiptoken.
 * A token holds the sort key of the last item answered (never an offset), so following nextLinks visits
 * every item exactly once even while items are inserted or deleted, and a fingerprint of the query so a
 * token cannot be replayed against a different $filter or $orderby.
 * https://learn.microsoft.com/graph/paging
 */
import { createHash } from 'node:crypto'
import { badRequest } from '../errors/graph-errors.js'
import type { SortKey, SortValue } from './orderby.js'

/** Items per page when the request has no $top (Graph's usual page size). */
export const DEFAULT_PAGE_SIZE = 100
/** The largest $top Graph accepts on these collections. */
export const MAX_PAGE_SIZE = 999

/** The page size a $top asks for (the default when absent); 400 unless it is an integer from 1 to 999. */
export function parseTop (text: string | undefined): number {
  if (text === undefined) return DEFAULT_PAGE_SIZE
  const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= 1 && value <= MAX_PAGE_SIZE)) {
    throw badRequest(`Invalid $top value '${text}': it must be an integer from 1 to ${MAX_PAGE_SIZE}.`)
  }
  return value
}

/** Whether $count asks for `@odata.count` (false when absent); 400 unless it is true or false. */
export function parseCount (text: string | undefined): boolean {
  if (text === undefined) return false
  const lowered = text.toLowerCase()
  if (lowered === 'true') return true
  if (lowered === 'false') return false
  throw badRequest(`Invalid $count value '${text}': it must be true or false.`)
}

/** What a $skiptoken carries: the query it belongs to and the sort key of the last item already answered. */
export interface SkipTokenState {
  readonly fingerprint: string
  readonly after: SortKey
}

/** A short, stable digest of the options that decide a collection's order and membership (e.g. filter, orderby, parent id). */
export function queryFingerprint (parts: Readonly<Record<string, string | undefined>>): string {
  const canonical = JSON.stringify(Object.keys(parts).sort().map(key => [key, parts[key] ?? null]))
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16)
}

const TOKEN_VERSION = 1

/** The opaque $skiptoken for a state: base64url of a small JSON document. */
export function encodeSkipToken (state: SkipTokenState): string {
  return Buffer.from(JSON.stringify({ v: TOKEN_VERSION, q: state.fingerprint, k: state.after }), 'utf8').toString('base64url')
}

/** The state inside a $skiptoken; 400 for anything this server did not issue or issued for another query. */
export function decodeSkipToken (token: string, fingerprint: string): SkipTokenState {
  if (token === '') throw badRequest('Invalid $skiptoken: it is empty.')
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw badRequest('Invalid $skiptoken: it is not base64url text.')
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    decoded = undefined
  }
  if (!isTokenDocument(decoded)) throw badRequest('Invalid $skiptoken: it does not decode to a token this server issued.')
  if (decoded.q !== fingerprint) {
    throw badRequest('Invalid $skiptoken: it belongs to a different query (collection, $filter or $orderby); follow @odata.nextLink unchanged.')
  }
  return { fingerprint: decoded.q, after: decoded.k }
}

interface TokenDocument { v: number, q: string, k: SortValue[] }

function isTokenDocument (value: unknown): value is TokenDocument {
  if (typeof value !== 'object' || value === null) return false
  const { v, q, k } = value as Record<string, unknown>
  return v === TOKEN_VERSION && typeof q === 'string' && Array.isArray(k) && k.length > 0 &&
    k.every((x: unknown) => x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
}

/** How `pageAfter` reads keys off items, orders them, and where and how much to take. */
export interface PageOptions<T, K> {
  /** The item's sort key, e.g. `sortKey(order, entity, seq)`; must be unique per item. */
  readonly keyOf: (item: T) => K
  /** The total order `sorted` is in, over keys. */
  readonly compare: (a: K, b: K) => number
  /** The key from the $skiptoken, or undefined for the first page. */
  readonly after: K | undefined
  readonly top: number
}

/** One page of items and the cursor for the next. */
export interface Page<T, K> {
  readonly items: T[]
  /** The key to put in the next $skiptoken, or undefined when this is the last page. */
  readonly next: K | undefined
}

/** Keyset pagination: the first `top` items of `sorted` whose key is after `after`, and where the next page starts. */
export function pageAfter<T, K> (sorted: readonly T[], options: PageOptions<T, K>): Page<T, K> {
  const { keyOf, compare, after, top } = options
  let start = 0
  if (after !== undefined) {
    // Binary search for the first item strictly after the cursor: items inserted before it are not revisited.
    let high = sorted.length
    while (start < high) {
      const middle = (start + high) >>> 1
      if (compare(keyOf(sorted[middle] as T), after) > 0) high = middle
      else start = middle + 1
    }
  }
  const items = sorted.slice(start, start + top)
  const last = items[items.length - 1]
  const next = start + top < sorted.length && last !== undefined ? keyOf(last) : undefined
  return { items, next }
}
