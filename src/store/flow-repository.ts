/** SQL for provisioning flows; every statement prepared once. */
import type { Db } from './database.js'

export interface FlowRow {
  tenant: string
  set_id: string
  id: string
  type: string
  readiness: string
  created: string
  modified: string
  body: string
}

export type FlowRepository = ReturnType<typeof createFlowRepository>

export function createFlowRepository (db: Db) {
  const columns = 'tenant, set_id, id, type, readiness, created, modified, body'
  const get = db.prepare<[string, string, string], FlowRow>(`SELECT ${columns} FROM flows WHERE tenant = ? AND set_id = ? AND id = ?`)
  const oldestOfType = db.prepare<[string, string], FlowRow>(
    `SELECT ${columns} FROM flows WHERE tenant = ? AND type = ? ORDER BY created, id LIMIT 1`)
  const ofTypeInSet = db.prepare<[string, string, string], { id: string }>('SELECT id FROM flows WHERE tenant = ? AND set_id = ? AND type = ?')
  const byId = db.prepare<[string, string], { set_id: string }>('SELECT set_id FROM flows WHERE tenant = ? AND id = ?')
  // seq NULL takes the next one (AUTOINCREMENT); a reset passes the seq a fixture row had.
  const insert = db.prepare<FlowRow & { seq: number | null }>(
    `INSERT INTO flows (seq, ${columns}) VALUES (@seq, @tenant, @set_id, @id, @type, @readiness, @created, @modified, @body)`)
  const seqTaken = db.prepare<[number], { seq: number }>('SELECT seq FROM flows WHERE seq = ?')
  const update = db.prepare<FlowRow>(
    'UPDATE flows SET readiness = @readiness, modified = @modified, body = @body WHERE tenant = @tenant AND set_id = @set_id AND id = @id')
  const remove = db.prepare<[string, string, string]>('DELETE FROM flows WHERE tenant = ? AND set_id = ? AND id = ?')
  // Raw rows, made into objects here: cheaper than better-sqlite3's row objects (see flow-set-repository).
  const listInSet = db.prepare<[string, string], [number, string, string, string, string, string, string, string, string]>(
    `SELECT seq, ${columns} FROM flows WHERE tenant = ? AND set_id = ? ORDER BY seq`).raw(true)
  const listInTenant = db.prepare<[string], [number, string, string, string, string, string, string, string, string]>(
    `SELECT seq, ${columns} FROM flows WHERE tenant = ?`).raw(true)
  const countInSet = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM flows WHERE tenant = ? AND set_id = ?')
  const latest = db.prepare<[], { modified: string | null }>('SELECT max(modified) AS modified FROM flows')

  return {
    get: (tenant: string, setId: string, id: string): FlowRow | undefined => get.get(tenant, setId, id),
    oldestOfType: (tenant: string, type: string): FlowRow | undefined => oldestOfType.get(tenant, type),
    idOfTypeInSet: (tenant: string, setId: string, type: string): string | undefined => ofTypeInSet.get(tenant, setId, type)?.id,
    setOf: (tenant: string, id: string): string | undefined => byId.get(tenant, id)?.set_id,
    /** With `seq`, in that place of the insertion order (a reset putting a fixture row back). */
    insert: (row: FlowRow, seq?: number): void => { insert.run({ ...row, seq: seq ?? null }) },
    seqFree: (seq: number): boolean => seqTaken.get(seq) === undefined,
    update: (row: FlowRow): boolean => update.run(row).changes === 1,
    remove: (tenant: string, setId: string, id: string): boolean => remove.run(tenant, setId, id).changes === 1,
    /** In insertion order, with the sequence number paging keys on. */
    listInSet: (tenant: string, setId: string): Array<FlowRow & { seq: number }> => listInSet.all(tenant, setId)
      .map(r => ({ seq: r[0], tenant: r[1], set_id: r[2], id: r[3], type: r[4], readiness: r[5], created: r[6], modified: r[7], body: r[8] })),
    /** Every flow of the tenant, in insertion order (sorted here, as flowSets.list does). */
    listInTenant: (tenant: string): Array<FlowRow & { seq: number }> => listInTenant.all(tenant)
      .sort((a, b) => a[0] - b[0])
      .map(r => ({ seq: r[0], tenant: r[1], set_id: r[2], id: r[3], type: r[4], readiness: r[5], created: r[6], modified: r[7], body: r[8] })),
    countInSet: (tenant: string, setId: string): number => countInSet.get(tenant, setId)?.n ?? 0,
    latestModified: (): string | undefined => latest.get()?.modified ?? undefined
  }
}
