import t from 'tap'
import { planRestore, type RestoreRules } from '../../src/store/restore-plan.js'

interface Row { id: string, v: string }
type Stored = Row & { seq: number }
const stored = (...rows: Array<[number, string, string]>): Stored[] => rows.map(([seq, id, v]) => ({ seq, id, v }))
const target = (...rows: Array<[string, string]>): Row[] => rows.map(([id, v]) => ({ id, v }))
const rules = (overrides: Partial<RestoreRules<Row, Stored>> = {}): RestoreRules<Row, Stored> =>
  ({ same: (a, b) => a.v === b.v, updatable: () => true, seqFree: () => true, ...overrides })
type Summary = { remove: string[], update: string[], insert: string[] } | undefined
const summary = (plan: ReturnType<typeof planRestore<Row, Stored>>): Summary => plan === undefined
  ? undefined
  : { remove: plan.remove.map(r => r.id), update: plan.update.map(r => r.id), insert: plan.insert.map(i => i.seq === undefined ? i.row.id : `${i.row.id}@${i.seq}`) }

t.test('the plan touches only the rows that differ, and keeps the fixtures order', async t => {
  const cases: Array<[string, Stored[], Row[], Summary]> = [
    ['nothing changed', stored([1, 'a', 'x'], [2, 'b', 'y']), target(['a', 'x'], ['b', 'y']), { remove: [], update: [], insert: [] }],
    ['one row written', stored([1, 'a', 'x'], [2, 'b', 'changed']), target(['a', 'x'], ['b', 'y']), { remove: [], update: ['b'], insert: [] }],
    ['rows added since', stored([1, 'a', 'x'], [5, 'new', 'n'], [2, 'b', 'y']), target(['a', 'x'], ['b', 'y']), { remove: ['new'], update: [], insert: [] }],
    ['the last fixture row deleted: appended', stored([1, 'a', 'x']), target(['a', 'x'], ['b', 'y']), { remove: [], update: [], insert: ['b'] }],
    ['every fixture row deleted: all appended', stored([7, 'other', 'o']), target(['a', 'x'], ['b', 'y']), { remove: ['other'], update: [], insert: ['a', 'b'] }],
    ['a middle row deleted: back into its seq', stored([1, 'a', 'x'], [3, 'c', 'z']), target(['a', 'x'], ['b', 'y'], ['c', 'z']), { remove: [], update: [], insert: ['b@2'] }],
    ['the first rows deleted: back below the first kept one', stored([3, 'c', 'z']), target(['a', 'x'], ['b', 'y'], ['c', 'z']), { remove: [], update: [], insert: ['a@1', 'b@2'] }],
    ['no room below the next kept row: full rewrite', stored([1, 'a', 'x'], [2, 'c', 'z']), target(['a', 'x'], ['b', 'y'], ['c', 'z']), undefined],
    ['no seq above zero left: full rewrite', stored([1, 'c', 'z']), target(['b', 'y'], ['c', 'z']), undefined],
    ['ids compare case-insensitively, spelling must match', stored([1, 'A', 'x']), target(['a', 'x']), undefined],
    ['kept rows out of order: full rewrite', stored([2, 'a', 'x'], [1, 'b', 'y']), target(['a', 'x'], ['b', 'y']), undefined],
    ['empty tenant', stored(), target(['a', 'x']), { remove: [], update: [], insert: ['a'] }]
  ]
  for (const [name, rows, fixtures, expected] of cases) t.same(summary(planRestore(rows, fixtures, rules())), expected, name)
})

t.test('a seq another row holds, or a row an UPDATE cannot restore, makes the plan a full rewrite', async t => {
  const gap = [stored([1, 'a', 'x'], [3, 'c', 'z']), target(['a', 'x'], ['b', 'y'], ['c', 'z'])] as const
  t.equal(planRestore(gap[0], gap[1], rules({ seqFree: seq => seq !== 2 })), undefined, 'seq 2 belongs to another tenant\'s row')
  t.equal(planRestore(stored([1, 'a', 'x'], [2, 'b', 'changed']), target(['a', 'x'], ['b', 'y']), rules({ updatable: s => s.id !== 'b' })), undefined,
    'b differs in a column the update does not set')
  t.ok(planRestore(stored([1, 'a', 'x'], [2, 'b', 'y']), target(['a', 'x'], ['b', 'y']), rules({ updatable: () => false })), 'rows that are the same need no update at all')
})
