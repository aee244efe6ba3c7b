/** SQL for outbound provisioning flow sets; every statement prepared once. */
import type { Db } from './database.js'

export interface FlowSetRow {
  tenant: string
  id: string
  display_name: string | null
  created: string
  modified: string
  body: string
}

export type FlowSetRepository = ReturnType<typeof createFlowSetRepository>

export function createFlowSetRepository (db: Db) {
  const columns = 'tenant, id, display_name, created, modified, body'
  const get = db.prepare<[string, string], FlowSetRow>(`SELECT ${columns} FROM flow_sets WHERE tenant = ? AND id = ?`)
  const exists = db.prepare<[string, string], { id: string }>('SELECT id FROM flow_sets WHERE tenant = ? AND id = ?')
  // seq NULL takes the next one (AUTOINCREMENT); a reset passes the seq a fixture row had.
  const insert = db.prepare<FlowSetRow & { seq: number | null }>(
    `INSERT INTO flow_sets (seq, ${columns}) VALUES (@seq, @tenant, @id, @display_name, @created, @modified, @body)`)
  const seqTaken = db.prepare<[number], { seq: number }>('SELECT seq FROM flow_sets WHERE seq = ?')
  const update = db.prepare<FlowSetRow>(
    'UPDATE flow_sets SET display_name = @display_name, modified = @modified, body = @body WHERE tenant = @tenant AND id = @id')
  const remove = db.prepare<[string, string]>('DELETE FROM flow_sets WHERE tenant = ? AND id = ?')
  // Raw rows, sorted and made into objects here. better-sqlite3 builds a row object property by property, and
  // SQLite sorts whole rows (bodies too) in a temporary b-tree for ORDER BY seq; both cost more than the read:
  // 120 sets took 0.97 ms as sorted objects, 0.19 ms raw, unsorted, then sorted and mapped in JS.
  const list = db.prepare<[string], [number, string, string, string | null, string, string, string]>(`SELECT seq, ${columns} FROM flow_sets WHERE tenant = ?`).raw(true)
  const latest = db.prepare<[], { modified: string | null }>('SELECT max(modified) AS modified FROM flow_sets')

  return {
    get: (tenant: string, id: string): FlowSetRow | undefined => get.get(tenant, id),
    /** The stored spelling of the id, when the set exists (ids match case-insensitively). */
    canonicalId: (tenant: string, id: string): string | undefined => exists.get(tenant, id)?.id,
    /** With `seq`, in that place of the insertion order (a reset putting a fixture row back). */
    insert: (row: FlowSetRow, seq?: number): void => { insert.run({ ...row, seq: seq ?? null }) },
    seqFree: (seq: number): boolean => seqTaken.get(seq) === undefined,
    update: (row: FlowSetRow): boolean => update.run(row).changes === 1,
    remove: (tenant: string, id: string): boolean => remove.run(tenant, id).changes === 1,
    /** In insertion order, with the sequence number paging keys on. */
    list: (tenant: string): Array<FlowSetRow & { seq: number }> =>
      list.all(tenant).sort((a, b) => a[0] - b[0]).map(r => ({ seq: r[0], tenant: r[1], id: r[2], display_name: r[3], created: r[4], modified: r[5], body: r[6] })),
    latestModified: (): string | undefined => latest.get()?.modified ?? undefined
  }
}
