/**
 * OData system query options: names matched case-insensitively, the `$` optional (as Graph beta allows),
 * each route saying which it supports; anything else is a 400 naming the option.
 */
import { badRequest } from '../errors/graph-errors.js'

export const QUERY_OPTIONS = ['select', 'top', 'skiptoken', 'count', 'orderby', 'filter', 'expand', 'skip', 'search', 'format', 'levels', 'apply', 'compute', 'deltatoken'] as const
export type QueryOption = 'select' | 'top' | 'skiptoken' | 'count' | 'orderby' | 'filter' | 'expand'

const KNOWN = new Set(QUERY_OPTIONS.map(o => o.toLowerCase()))

/**
 * How long each option's text may be, and how many comma-separated items a list option may have. Far above
 * any real query; they keep a hostile URL (or a $batch inner URL) from costing unbounded parsing time.
 */
export const QUERY_LIMITS: Readonly<Record<QueryOption, { length: number, items?: number }>> = {
  select: { length: 4096, items: 100 },
  top: { length: 16 },
  skiptoken: { length: 8192 },
  count: { length: 16 },
  orderby: { length: 1024, items: 10 },
  filter: { length: 8192 },
  expand: { length: 1024, items: 10 }
}

export type RawQuery = Readonly<Record<string, string | string[] | undefined>>

/** The raw text of each OData option present, keyed by its bare lower-case name; 400 for unsupported or repeated ones. */
export function pickQueryOptions (query: RawQuery, supported: readonly QueryOption[], where: string): Partial<Record<QueryOption, string>> {
  const out: Partial<Record<QueryOption, string>> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    const bare = key.startsWith('$') ? key.slice(1).toLowerCase() : key.toLowerCase()
    if (!KNOWN.has(bare)) {
      if (key.startsWith('$')) throw badRequest(`Query option '${key}' is not supported.`)
      continue // not an OData option: Graph ignores custom query parameters
    }
    const option = supported.find(o => o === bare)
    if (option === undefined) {
      throw badRequest(`Query option '$${bare}' is not supported ${where}.${supported.length > 0 ? ` Supported here: ${supported.map(o => `$${o}`).join(', ')}.` : ''}`)
    }
    if (Array.isArray(value) || out[option] !== undefined) throw badRequest(`Query option '$${option}' was specified more than once.`)
    const limit = QUERY_LIMITS[option]
    if (value.length > limit.length) throw badRequest(`Query option '$${option}' is ${value.length} characters long; graph-mock reads at most ${limit.length}.`)
    if (limit.items !== undefined && value.split(',').length > limit.items) {
      throw badRequest(`Query option '$${option}' lists more than ${limit.items} items, the most graph-mock reads.`)
    }
    out[option] = value
  }
  return out
}
