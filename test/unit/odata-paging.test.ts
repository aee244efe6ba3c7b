import t from 'tap'
import { assertBadRequest } from './assert-bad-request.js'
import { FLOW_SET_FILTER_FIELDS, FLOW_SET_ORDERBY } from '../../src/industry-data/collections.js'
import { filterPredicate } from '../../src/odata/filter/index.js'
import { compareSortKeys, parseOrderBy, sortKey, type SortKey } from '../../src/odata/orderby.js'
import {
  decodeSkipToken, DEFAULT_PAGE_SIZE, encodeSkipToken, MAX_PAGE_SIZE, pageAfter, parseCount, parseTop, queryFingerprint
} from '../../src/odata/paging.js'

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url')

t.test('parseTop: an integer from 1 to 999, 100 when absent', async t => {
  t.equal(DEFAULT_PAGE_SIZE, 100, 'Graph\'s default page size')
  t.equal(MAX_PAGE_SIZE, 999, 'the largest $top')
  const valid: Array<[string | undefined, number]> = [[undefined, 100], ['1', 1], ['7', 7], ['100', 100], ['999', 999], ['007', 7]]
  for (const [text, expected] of valid) t.equal(parseTop(text), expected, `${String(text)} → ${expected}`)
  for (const text of ['0', '1000', '-1', '1.5', '1e2', ' 5', '5 ', '', 'ten', '0x10', '+5', '99999999999999999999']) {
    assertBadRequest(t, () => parseTop(text), `Invalid $top value '${text}': it must be an integer from 1 to 999.`, JSON.stringify(text))
  }
})

t.test('parseCount: true or false, false when absent', async t => {
  const valid: Array<[string | undefined, boolean]> = [[undefined, false], ['true', true], ['false', false], ['TRUE', true], ['False', false]]
  for (const [text, expected] of valid) t.equal(parseCount(text), expected, `${String(text)} → ${String(expected)}`)
  for (const text of ['', '1', '0', 'yes', ' true']) {
    assertBadRequest(t, () => parseCount(text), `Invalid $count value '${text}': it must be true or false.`, JSON.stringify(text))
  }
})

t.test('queryFingerprint is stable and tells queries apart', async t => {
  const a = queryFingerprint({ filter: 'id eq \'a\'', orderby: undefined })
  t.equal(a, queryFingerprint({ orderby: undefined, filter: 'id eq \'a\'' }), 'the order of the parts does not matter')
  t.match(a, /^[A-Za-z0-9_-]{16}$/, 'sixteen base64url characters')
  t.not(a, queryFingerprint({ filter: 'id eq \'b\'', orderby: undefined }), 'another filter')
  t.not(a, queryFingerprint({ filter: 'id eq \'a\'', orderby: 'createdDateTime' }), 'another orderby')
  t.not(queryFingerprint({ filter: undefined }), queryFingerprint({ filter: '' }), 'absent is not empty')
  t.not(queryFingerprint({ filter: 'x', set: '1' }), queryFingerprint({ filter: 'x', set: '2' }), 'the caller may add the parent collection')
})

t.test('$skiptoken round-trips and rejects what this server did not issue', async t => {
  const fingerprint = queryFingerprint({ filter: undefined, orderby: 'createdDateTime desc' })
  const state = { fingerprint, after: ['2026-11-28T21:28:02.7164229Z', null, 'O\'Brien ✓', 42] }
  const token = encodeSkipToken(state)
  t.match(token, /^[A-Za-z0-9_-]+$/, 'base64url: safe in a URL without escaping')
  t.same(decodeSkipToken(token, fingerprint), state, 'decodes to what was encoded')

  const garbage: Array<[string, string]> = [
    ['', 'it is empty.'],
    ['abc!', 'it is not base64url text.'],
    ['abc=', 'it is not base64url text.'],
    ['a+b/', 'it is not base64url text.'],
    ['garbage', 'it does not decode to a token this server issued.'],
    [b64('{"v":1,"q":"x"'), 'it does not decode to a token this server issued.'],
    [b64('null'), 'it does not decode to a token this server issued.'],
    [b64('[1]'), 'it does not decode to a token this server issued.'],
    [b64(JSON.stringify({ v: 2, q: fingerprint, k: [1] })), 'it does not decode to a token this server issued.'],
    [b64(JSON.stringify({ v: 1, q: 7, k: [1] })), 'it does not decode to a token this server issued.'],
    [b64(JSON.stringify({ v: 1, q: fingerprint, k: [] })), 'it does not decode to a token this server issued.'],
    [b64(JSON.stringify({ v: 1, q: fingerprint, k: 1 })), 'it does not decode to a token this server issued.'],
    [b64(JSON.stringify({ v: 1, q: fingerprint, k: [{ seq: 1 }] })), 'it does not decode to a token this server issued.'],
    [b64(JSON.stringify({ v: 1, q: fingerprint, k: [true] })), 'it does not decode to a token this server issued.'],
    [b64('{"v":1,"q":"' + fingerprint + '","k":[1e999]}'), 'it does not decode to a token this server issued.'],
    [encodeSkipToken({ fingerprint: queryFingerprint({ filter: 'id eq \'a\'', orderby: 'createdDateTime desc' }), after: [1] }),
      'it belongs to a different query (collection, $filter or $orderby); follow @odata.nextLink unchanged.']
  ]
  for (const [bad, detail] of garbage) {
    assertBadRequest(t, () => decodeSkipToken(bad, fingerprint), `Invalid $skiptoken: ${detail}`, JSON.stringify(bad))
  }
})

t.test('pageAfter: keyset pages over a sorted list', async t => {
  const items = [10, 20, 30, 40, 50]
  const options = { keyOf: (n: number) => n, compare: (a: number, b: number) => a - b }
  const cases: Array<[number | undefined, number, number[], number | undefined]> = [
    [undefined, 2, [10, 20], 20],
    [20, 2, [30, 40], 40],
    [40, 2, [50], undefined],
    [undefined, 5, [10, 20, 30, 40, 50], undefined],
    [undefined, 6, [10, 20, 30, 40, 50], undefined],
    [undefined, 4, [10, 20, 30, 40], 40],
    [25, 2, [30, 40], 40], // the cursor item was deleted: continue after where it was
    [5, 1, [10], 10],
    [50, 3, [], undefined],
    [99, 3, [], undefined]
  ]
  for (const [after, top, expected, next] of cases) {
    t.same(pageAfter(items, { ...options, after, top }), { items: expected, next }, `after ${String(after)}, top ${top} → [${expected.join(', ')}], next ${String(next)}`)
  }
  t.same(pageAfter([], { ...options, after: undefined, top: 3 }), { items: [], next: undefined }, 'an empty collection is one empty page')
})

interface Row { readonly seq: number, readonly entity: Record<string, unknown> }

/** A fake table: rows in insertion order, the next sequence number, and a clock one second per insert. */
function table (count: number): { rows: Row[], insert: (displayName: string) => Row } {
  const rows: Row[] = []
  let seq = 0
  const insert = (displayName: string): Row => {
    seq++
    const createdDateTime = new Date(Date.UTC(2024, 0, 1) + seq * 1000).toISOString().replace('Z', '0000Z')
    const row = { seq, entity: { id: `id-${seq}`, displayName, createdDateTime, lastModifiedDateTime: createdDateTime } }
    rows.push(row)
    return row
  }
  // Few distinct names so the sort keys tie and the sequence tiebreak matters.
  for (let i = 0; i < count; i++) insert(`name ${String(i % 13).padStart(2, '0')}`)
  return { rows, insert }
}

/** One GET of a collection page, as a route would run it: filter, order, decode the token, slice, encode the next one. */
function getPage (rows: readonly Row[], query: { filter?: string, orderby?: string, top: number, skiptoken?: string }): { value: Row[], nextToken: string | undefined } {
  const order = parseOrderBy(query.orderby, FLOW_SET_ORDERBY)
  const predicate = query.filter === undefined ? () => true : filterPredicate(query.filter, FLOW_SET_FILTER_FIELDS)
  const fingerprint = queryFingerprint({ filter: query.filter, orderby: query.orderby })
  const after = query.skiptoken === undefined ? undefined : decodeSkipToken(query.skiptoken, fingerprint).after
  const compare = compareSortKeys(order)
  // Keys computed once per row, not once per comparison.
  const sorted = rows.filter(row => predicate(row.entity)).map(row => ({ row, key: sortKey(order, row.entity, row.seq) }))
    .sort((a, b) => compare(a.key, b.key))
  const page = pageAfter(sorted, { keyOf: (item): SortKey => item.key, compare, after, top: query.top })
  return { value: page.items.map(item => item.row), nextToken: page.next === undefined ? undefined : encodeSkipToken({ fingerprint, after: page.next }) }
}

t.test('following nextLinks visits every original item exactly once while items are inserted', async t => {
  const orderings: Array<[string | undefined, string | undefined]> = [
    [undefined, undefined],
    ['createdDateTime desc', undefined],
    ['createdDateTime', undefined],
    ['displayName', undefined],
    ['displayName desc,createdDateTime', undefined],
    ['lastModifiedDateTime desc', 'displayName ne \'name 03\'']
  ]
  for (const [orderby, filter] of orderings) {
    const label = `orderby ${String(orderby)}, filter ${String(filter)}`
    const { rows, insert } = table(250)
    const originals = rows.filter(row => filter === undefined || filterPredicate(filter, FLOW_SET_FILTER_FIELDS)(row.entity)).map(row => row.seq)
    const seen = new Map<number, number>()
    let skiptoken: string | undefined
    let pages = 0
    do {
      const page = getPage(rows, { filter, orderby, top: 7, ...(skiptoken === undefined ? {} : { skiptoken }) })
      t.ok(page.value.length <= 7, `${label}: page ${pages + 1} holds at most $top items`)
      for (const row of page.value) seen.set(row.seq, (seen.get(row.seq) ?? 0) + 1)
      skiptoken = page.nextToken
      pages++
      // Between pages, others insert: names before, between and after the ones already paged.
      insert('name 00')
      insert(`name ${String(pages % 13).padStart(2, '0')}`)
      insert('zzz')
      insert('AAA')
    } while (skiptoken !== undefined && pages < 1000)
    t.ok(pages < 1000, `${label}: the walk ends`)
    t.same(originals.filter(seq => seen.get(seq) !== 1), [], `${label}: each of the ${originals.length} original items seen exactly once`)
    t.same([...seen.values()].filter(n => n !== 1), [], `${label}: no item, old or new, seen twice`)
    t.ok(pages >= Math.ceil(originals.length / 7), `${label}: ${pages} pages of 7`)
  }
})

t.test('following nextLinks survives deletions, including of the cursor item', async t => {
  const { rows } = table(250)
  const originals = new Set(rows.map(row => row.seq))
  const deleted = new Set<number>()
  const seen: number[] = []
  let skiptoken: string | undefined
  do {
    const page = getPage(rows, { orderby: 'displayName desc', top: 7, ...(skiptoken === undefined ? {} : { skiptoken }) })
    seen.push(...page.value.map(row => row.seq))
    skiptoken = page.nextToken
    const last = page.value[page.value.length - 1]
    // Delete the item the token points at, and one not yet visited.
    for (const victim of [last, rows.find(row => !seen.includes(row.seq))]) {
      if (victim === undefined) continue
      rows.splice(rows.indexOf(victim), 1)
      deleted.add(victim.seq)
    }
  } while (skiptoken !== undefined)
  t.equal(new Set(seen).size, seen.length, 'no item seen twice')
  const missed = [...originals].filter(seq => !deleted.has(seq) && !seen.includes(seq))
  t.same(missed, [], 'every item never deleted was seen')
})

t.test('a token only works with the query it was issued for', async t => {
  const { rows } = table(20)
  const first = getPage(rows, { orderby: 'createdDateTime desc', top: 5 })
  const token = first.nextToken ?? ''
  t.ok(token !== '', 'the first page has a next page')
  const second = getPage(rows, { orderby: 'createdDateTime desc', top: 10, skiptoken: token })
  t.same(second.value.map(row => row.seq), [15, 14, 13, 12, 11, 10, 9, 8, 7, 6], 'the same query with another $top continues where it was')
  assertBadRequest(t, () => getPage(rows, { orderby: 'createdDateTime', top: 5, skiptoken: token }),
    'Invalid $skiptoken: it belongs to a different query (collection, $filter or $orderby); follow @odata.nextLink unchanged.', 'another $orderby')
  assertBadRequest(t, () => getPage(rows, { orderby: 'createdDateTime desc', filter: 'displayName eq \'x\'', top: 5, skiptoken: token }),
    'Invalid $skiptoken: it belongs to a different query (collection, $filter or $orderby); follow @odata.nextLink unchanged.', 'another $filter')
})
