import t from 'tap'
import { assertBadRequest } from './assert-bad-request.js'
import { FLOW_ORDERBY, FLOW_SET_ORDERBY } from '../../src/industry-data/collections.js'
import { compareBy, compareSortKeys, parseOrderBy, sortKey, type OrderableProperty, type OrderTerm } from '../../src/odata/orderby.js'

type Entity = Record<string, unknown> & { seq: number }

t.test('parseOrderBy reads properties and directions', async t => {
  const cases: Array<[string | undefined, readonly OrderableProperty[], OrderTerm[]]> = [
    [undefined, FLOW_ORDERBY, []],
    ['createdDateTime', FLOW_ORDERBY, [{ property: 'createdDateTime', descending: false }]],
    ['createdDateTime asc', FLOW_ORDERBY, [{ property: 'createdDateTime', descending: false }]],
    ['createdDateTime desc', FLOW_ORDERBY, [{ property: 'createdDateTime', descending: true }]],
    ['CREATEDDATETIME DESC', FLOW_ORDERBY, [{ property: 'createdDateTime', descending: true }]],
    ['lastmodifieddatetime Asc', FLOW_ORDERBY, [{ property: 'lastModifiedDateTime', descending: false }]],
    ['  createdDateTime \t desc  ', FLOW_ORDERBY, [{ property: 'createdDateTime', descending: true }]],
    ['displayName desc,createdDateTime', FLOW_SET_ORDERBY, [{ property: 'displayName', descending: true }, { property: 'createdDateTime', descending: false }]],
    ['displayName, lastModifiedDateTime desc , createdDateTime asc', FLOW_SET_ORDERBY, [
      { property: 'displayName', descending: false },
      { property: 'lastModifiedDateTime', descending: true },
      { property: 'createdDateTime', descending: false }
    ]]
  ]
  for (const [text, allowed, expected] of cases) t.same(parseOrderBy(text, allowed), expected, `${String(text)} → ${JSON.stringify(expected)}`)
})

t.test('parseOrderBy: anything else is a 400 saying what', async t => {
  const cases: Array<[string, readonly OrderableProperty[], string]> = [
    ['', FLOW_ORDERBY, 'the expression is empty.'],
    ['  ', FLOW_ORDERBY, 'the expression is empty.'],
    ['displayName', FLOW_ORDERBY, 'property \'displayName\' is not supported in $orderby. Supported: createdDateTime, lastModifiedDateTime.'],
    ['readinessStatus desc', FLOW_ORDERBY, 'property \'readinessStatus\' is not supported in $orderby. Supported: createdDateTime, lastModifiedDateTime.'],
    ['id', FLOW_SET_ORDERBY, 'property \'id\' is not supported in $orderby. Supported: displayName, createdDateTime, lastModifiedDateTime.'],
    ['tolower(displayName)', FLOW_SET_ORDERBY, 'property \'tolower(displayName)\' is not supported in $orderby. Supported: displayName, createdDateTime, lastModifiedDateTime.'],
    ['createdDateTime up', FLOW_ORDERBY, 'direction \'up\' of \'createdDateTime\' is not supported; use asc or desc.'],
    ['createdDateTime descending', FLOW_ORDERBY, 'direction \'descending\' of \'createdDateTime\' is not supported; use asc or desc.'],
    ['createdDateTime asc desc', FLOW_ORDERBY, 'sort item \'createdDateTime asc desc\' has more than a property and a direction.'],
    ['createdDateTime,', FLOW_ORDERBY, 'sort item 2 is empty.'],
    [',createdDateTime', FLOW_ORDERBY, 'sort item 1 is empty.'],
    ['createdDateTime,,lastModifiedDateTime', FLOW_ORDERBY, 'sort item 2 is empty.'],
    ['createdDateTime,CreatedDateTime desc', FLOW_ORDERBY, 'property \'createdDateTime\' appears more than once.']
  ]
  for (const [text, allowed, detail] of cases) {
    assertBadRequest(t, () => parseOrderBy(text, allowed), `Invalid $orderby '${text}': ${detail}`, JSON.stringify(text))
  }
})

const entities: Entity[] = [
  { seq: 1, displayName: 'beta', createdDateTime: '2024-03-22T21:28:02.7164230Z' },
  { seq: 2, displayName: 'Alpha', createdDateTime: '2024-03-22T21:28:02.7164229Z' },
  { seq: 3, displayName: 'alpha', createdDateTime: '2024-03-22T22:28:02.7164229+01:00' }, // the same instant as seq 2
  { seq: 4, createdDateTime: '2024-03-22T21:28:02Z' },
  { seq: 5, displayName: null, createdDateTime: null },
  { seq: 6, displayName: 'beta', createdDateTime: '2030-01-01T00:00:00Z' }
]
const bySeq = (a: Entity, b: Entity): number => a.seq - b.seq

t.test('compareBy orders entity JSON, nulls first ascending, tiebreak last', async t => {
  const cases: Array<[string, number[]]> = [
    ['createdDateTime', [5, 4, 2, 3, 1, 6]],
    ['createdDateTime desc', [6, 1, 2, 3, 4, 5]],
    ['displayName', [4, 5, 2, 3, 1, 6]],
    ['displayName desc', [1, 6, 3, 2, 4, 5]],
    ['displayName,createdDateTime desc', [4, 5, 2, 3, 6, 1]],
    ['displayName desc,createdDateTime desc', [6, 1, 3, 2, 4, 5]]
  ]
  for (const [text, expected] of cases) {
    const order = parseOrderBy(text, FLOW_SET_ORDERBY)
    t.same([...entities].sort(compareBy(order, bySeq)).map(e => e.seq), expected, `${text}: ${expected.join(' ')}`)
    const cmp = compareSortKeys(order)
    const keyed = [...entities].sort((a, b) => cmp(sortKey(order, a, a.seq), sortKey(order, b, b.seq)))
    t.same(keyed.map(e => e.seq), expected, `${text}: sort keys order the same way`)
  }
  t.same([...entities].sort(compareBy([], bySeq)).map(e => e.seq), [1, 2, 3, 4, 5, 6], 'no $orderby: the tiebreak alone')
  t.same([...entities].sort(compareBy([], (a, b) => b.seq - a.seq)).map(e => e.seq), [6, 5, 4, 3, 2, 1], 'the caller owns the tiebreak')
})

t.test('sortKey and compareSortKeys: JSON-safe keys with a total order', async t => {
  const order = parseOrderBy('createdDateTime desc,displayName', FLOW_SET_ORDERBY)
  t.same(sortKey(order, entities[0] as Entity, 1), ['2024-03-22T21:28:02.7164230Z', 'beta', 1], 'values of the terms, then the tiebreak')
  t.same(sortKey(order, { createdDateTime: { odd: true } }, 'x'), [null, null, 'x'], 'missing and non-scalar values become null')
  t.same(JSON.parse(JSON.stringify(sortKey(order, entities[4] as Entity, 5))), [null, null, 5], 'keys survive a JSON round trip')

  const cmp = compareSortKeys(parseOrderBy('displayName', FLOW_SET_ORDERBY))
  const cases: Array<[readonly (string | number | null)[], readonly (string | number | null)[], number]> = [
    [[null, 1], ['a', 1], -1],
    [['a', 1], [null, 1], 1],
    [[null, 1], [null, 2], -1],
    [[3, 1], ['a', 1], -1],
    [['a', 1], [3, 1], 1],
    [[2, 1], [10, 1], -1],
    [['B', 1], ['a', 1], -1],
    [['a', 2], ['a', 1], 1],
    [['a', 'x'], ['a', 'y'], -1],
    [['a', 1], ['a', 1], 0],
    [['a'], ['a', 1], -1]
  ]
  for (const [a, b, expected] of cases) {
    t.equal(Math.sign(cmp(a, b)), expected, `${JSON.stringify(a)} vs ${JSON.stringify(b)} → ${expected}`)
  }
  const dates = compareSortKeys(parseOrderBy('createdDateTime', FLOW_SET_ORDERBY))
  t.equal(dates(['2024-03-22T21:28:02.7164229Z', 1], ['2024-03-22T22:28:02.7164229+01:00', 1]), 0, 'timestamps compare by instant')
  t.equal(Math.sign(dates(['2024-03-22T21:28:02.7164229Z', 1], ['2024-03-22T21:28:02.716423Z', 1])), -1, 'with 7-digit precision')
  t.equal(Math.sign(dates([null, 1], ['2024-03-22T21:28:02Z', 1])), -1, 'null first')
  t.equal(Math.sign(dates(['2024-03-22T21:28:02Z', 1], [null, 1])), 1, 'values after null')
  t.equal(Math.sign(dates([null, 2], [null, 1])), 1, 'two nulls fall through to the tiebreak')
  t.equal(Math.sign(dates(['garbage', 1], ['2024-03-22T21:28:02Z', 1])), -1, 'an unreadable timestamp sorts with null')
})
