import t from 'tap'
import { planRestore } from '../../src/store/restore-plan.js'

interface Row { id: string, v: string }
const stored = (...rows: Array<[number, string, string]>): Array<Row & { seq: number }> => rows.map(([seq, id, v]) => ({ seq, id, v }))
const target = (...rows: Array<[string, string]>): Row[] => rows.map(([id, v]) => ({ id, v }))
const same = (a: Row, b: Row): boolean => a.v === b.v
const ids = (rows: readonly Row[]): string[] => rows.map(r => r.id)
const always = (): boolean => true

t.test('the plan touches only the rows that differ', async t => {
  const cases: Array<[string, ReturnType<typeof stored>, Row[], { remove: string[], update: string[], insert: string[] } | undefined]> = [
    ['nothing changed', stored([1, 'a', 'x'], [2, 'b', 'y']), target(['a', 'x'], ['b', 'y']), { remove: [], update: [], insert: [] }],
    ['one row written', stored([1, 'a', 'x'], [2, 'b', 'changed']), target(['a', 'x'], ['b', 'y']), { remove: [], update: ['b'], insert: [] }],
    ['rows added since', stored([1, 'a', 'x'], [5, 'new', 'n'], [2, 'b', 'y']), target(['a', 'x'], ['b', 'y']), { remove: ['new'], update: [], insert: [] }],
    ['the last fixture row deleted', stored([1, 'a', 'x']), target(['a', 'x'], ['b', 'y']), { remove: [], update: [], insert: ['b'] }],
    ['every fixture row deleted', stored([7, 'other', 'o']), target(['a', 'x'], ['b', 'y']), { remove: ['other'], update: [], insert: ['a', 'b'] }],
    ['ids compare case-insensitively, spelling must match', stored([1, 'A', 'x']), target(['a', 'x']), undefined],
    ['a middle fixture row deleted: order needs a rewrite', stored([1, 'a', 'x'], [3, 'c', 'z']), target(['a', 'x'], ['b', 'y'], ['c', 'z']), undefined],
    ['kept rows out of order: rewrite', stored([2, 'a', 'x'], [1, 'b', 'y']), target(['a', 'x'], ['b', 'y']), undefined],
    ['empty tenant', stored(), target(['a', 'x']), { remove: [], update: [], insert: ['a'] }]
  ]
  for (const [name, rows, fixtures, expected] of cases) {
    const plan = planRestore(rows, fixtures, same, always)
    t.same(plan === undefined ? undefined : { remove: ids(plan.remove), update: ids(plan.update), insert: ids(plan.insert) }, expected, name)
  }
})

t.test('a row an UPDATE cannot restore makes the plan a full rewrite', async t => {
  const plan = planRestore(stored([1, 'a', 'x'], [2, 'b', 'changed']), target(['a', 'x'], ['b', 'y']), same, (s) => s.id !== 'b')
  t.equal(plan, undefined, 'b differs in a column the update does not set')
  t.ok(planRestore(stored([1, 'a', 'x'], [2, 'b', 'y']), target(['a', 'x'], ['b', 'y']), same, () => false), 'rows that are the same need no update at all')
})
