/**
 * Collection reads: $filter, $orderby, $count, $top and keyset $skiptoken paging over a
 * collection's rows, and the absolute @odata.nextLink. Rows are filtered and sorted on their columns;
 * only the page is parsed and presented.
 */
import { filterPredicate, type FilterFields } from './filter/index.js'
import { compareSortKeys, parseOrderBy, sortKey, type OrderableProperty, type SortKey } from './orderby.js'
import { decodeSkipToken, encodeSkipToken, pageAfter, parseCount, parseTop, queryFingerprint } from './paging.js'
import { pickQueryOptions, type QueryOption, type RawQuery } from './query.js'

export interface CollectionSpec {
  /** Names the collection in skiptoken fingerprints and messages (e.g. `provisioningFlows of set X`). */
  name: string
  where: string
  fields: FilterFields
  orderable: readonly OrderableProperty[]
  /** Options besides the collection ones ($select, $expand…) this route accepts. */
  extra: readonly QueryOption[]
}

export interface CollectionRow {
  seq: number
  /** What $filter and $orderby see: the columns, in Graph property names. */
  view: Readonly<Record<string, unknown>>
}

export interface CollectionPage<R> {
  rows: R[]
  count: number | undefined
  /** The $skiptoken of the next page, when there is one. */
  nextToken: string | undefined
  options: Partial<Record<QueryOption, string>>
}

/** Apply the collection's query options to its rows (in insertion order). */
export function pageCollection<R extends CollectionRow> (rows: readonly R[], query: RawQuery, spec: CollectionSpec): CollectionPage<R> {
  const options = pickQueryOptions(query, ['filter', 'orderby', 'top', 'skiptoken', 'count', ...spec.extra], spec.where)
  const top = parseTop(options.top)
  const withCount = parseCount(options.count)
  const order = parseOrderBy(options.orderby, spec.orderable)
  const matches = options.filter === undefined ? undefined : filterPredicate(options.filter, spec.fields)
  const filtered = matches === undefined ? rows : rows.filter(row => matches(row.view))
  const keyed = filtered.map(row => ({ row, key: sortKey(order, row.view, row.seq) }))
  const compare = compareSortKeys(order)
  keyed.sort((a, b) => compare(a.key, b.key))
  const fingerprint = queryFingerprint({ collection: spec.name, filter: options.filter, orderby: options.orderby })
  const after = options.skiptoken === undefined ? undefined : decodeSkipToken(options.skiptoken, fingerprint).after
  const page = pageAfter<{ row: R, key: SortKey }, SortKey>(keyed, { keyOf: item => item.key, compare, after, top })
  return {
    rows: page.items.map(item => item.row),
    count: withCount ? filtered.length : undefined,
    nextToken: page.next === undefined ? undefined : encodeSkipToken({ fingerprint, after: page.next }),
    options
  }
}

/** `$count` segments: the number of rows $filter keeps. */
export function countCollection (rows: readonly CollectionRow[], query: RawQuery, spec: CollectionSpec): number {
  const options = pickQueryOptions(query, ['filter'], `${spec.where}/$count`)
  if (options.filter === undefined) return rows.length
  const matches = filterPredicate(options.filter, spec.fields)
  return rows.filter(row => matches(row.view)).length
}

/** The absolute nextLink: this request's URL with its $skiptoken replaced. */
export function nextLink (origin: string, requestUrl: string, token: string): string {
  const [path = '', search = ''] = requestUrl.split('?', 2)
  const params = search === ''
    ? []
    : search.split('&').filter(p => {
      const name = decodeURIComponentSafe(p.split('=')[0] ?? '').toLowerCase()
      return name !== '$skiptoken' && name !== 'skiptoken'
    })
  params.push(`$skiptoken=${encodeURIComponent(token)}`)
  return `${origin}${path}?${params.join('&')}`
}

function decodeURIComponentSafe (text: string): string {
  try { return decodeURIComponent(text) } catch { return text }
}

/** The collection answer: context, optional count and nextLink, then the values. */
export function collectionBody (context: string, page: CollectionPage<CollectionRow>, value: unknown[], origin: string, requestUrl: string): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': context }
  if (page.count !== undefined) body['@odata.count'] = page.count
  if (page.nextToken !== undefined) body['@odata.nextLink'] = nextLink(origin, requestUrl, page.nextToken)
  body.value = value
  return body
}
