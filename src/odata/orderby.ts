/**
 * $orderby for collection reads: which properties, which direction, and the comparator and
 * sort keys keyset paging needs. Null sorts first ascending (OData: null is less than any value).
 * https://learn.microsoft.com/graph/query-parameters#orderby-parameter
 */
import type { GraphError } from '../errors/graph-error.js'
import { badRequest } from '../errors/graph-errors.js'
import { dateTimeTicks } from './date-time-offset.js'

/** The properties any collection may sort on, with how their values compare. */
export const ORDERABLE = {
  createdDateTime: 'dateTime',
  lastModifiedDateTime: 'dateTime',
  displayName: 'string'
} as const

/** A property name $orderby can sort on, canonical spelling. */
export type OrderableProperty = keyof typeof ORDERABLE

/** One comma-separated item of $orderby. */
export interface OrderTerm {
  readonly property: OrderableProperty
  readonly descending: boolean
}

/** Parse $orderby text into sort terms (none for undefined); 400 for properties not in `allowed`, bad directions and repeats. */
export function parseOrderBy (text: string | undefined, allowed: readonly OrderableProperty[]): OrderTerm[] {
  if (text === undefined) return []
  const fail = (detail: string): GraphError => badRequest(`Invalid $orderby '${text}': ${detail}`)
  if (text.trim() === '') throw fail('the expression is empty.')
  const lookup = new Map(allowed.map(name => [name.toLowerCase(), name]))
  const seen = new Set<OrderableProperty>()
  return text.split(',').map((item, i) => {
    const words = item.trim().split(/\s+/)
    const [name = '', direction, ...rest] = words
    if (name === '') throw fail(`sort item ${i + 1} is empty.`)
    if (rest.length > 0) throw fail(`sort item '${item.trim()}' has more than a property and a direction.`)
    const property = lookup.get(name.toLowerCase())
    if (property === undefined) throw fail(`property '${name}' is not supported in $orderby. Supported: ${allowed.join(', ')}.`)
    if (seen.has(property)) throw fail(`property '${property}' appears more than once.`)
    seen.add(property)
    if (direction !== undefined && !/^(?:asc|desc)$/i.test(direction)) {
      throw fail(`direction '${direction}' of '${property}' is not supported; use asc or desc.`)
    }
    return { property, descending: direction?.toLowerCase() === 'desc' }
  })
}

/** One value of a sort key: JSON-safe, so keys can travel inside a $skiptoken. */
export type SortValue = string | number | null
/** An entity's position in an order: one value per term, then the tiebreak. */
export type SortKey = readonly SortValue[]

/** The sort key of an entity: its value for each term, then the caller's stable tiebreak (e.g. insertion sequence). */
export function sortKey (order: readonly OrderTerm[], entity: Readonly<Record<string, unknown>>, tiebreak: SortValue): SortKey {
  return [...order.map(term => sortValue(entity[term.property])), tiebreak]
}

const sortValue = (value: unknown): SortValue => typeof value === 'string' || typeof value === 'number' ? value : null

/** A total order over sort keys built by `sortKey`: terms in their direction, then the tiebreak ascending. */
export function compareSortKeys (order: readonly OrderTerm[]): (a: SortKey, b: SortKey) => number {
  return (a, b) => {
    for (const [i, term] of order.entries()) {
      const c = compareValues(ORDERABLE[term.property], a[i], b[i])
      if (c !== 0) return term.descending ? -c : c
    }
    return compareValues('string', a[order.length], b[order.length])
  }
}

/** A comparator over entity JSON for `order`, falling back to the caller's stable tiebreak. */
export function compareBy<E extends Readonly<Record<string, unknown>>> (order: readonly OrderTerm[], tiebreak: (a: E, b: E) => number): (a: E, b: E) => number {
  return (a, b) => {
    for (const term of order) {
      const c = compareValues(ORDERABLE[term.property], a[term.property], b[term.property])
      if (c !== 0) return term.descending ? -c : c
    }
    return tiebreak(a, b)
  }
}

/**
 * Null (or missing) first, then numbers, then strings, so even a forged key orders totally. Timestamps compare
 * by instant with 7-digit precision; strings by code unit, like SQLite's BINARY collation.
 */
function compareValues (type: 'dateTime' | 'string', a: unknown, b: unknown): number {
  if (type === 'dateTime') {
    const x = dateTimeTicks(a)
    const y = dateTimeTicks(b)
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1
    return x < y ? -1 : x > y ? 1 : 0
  }
  const rank = (v: unknown): number => typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 0
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return Math.sign(ra - rb)
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return 0
}
