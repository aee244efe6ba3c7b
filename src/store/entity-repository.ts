/**
 * SQL for the collections kept as documents in one table, keyed by collection name: the inbound side's
 * source systems, data connectors, years and inbound flows, and the reference definitions. Each row keeps the
 * entity's type and displayName (what collections filter and sort on) beside its body.
 */
import type { Db } from './database.js'

export interface EntityRow {
  tenant: string
  /** The root collection it belongs to, as its URL segment spells it (`sourceSystems`). */
  collection: string
  id: string
  /** The entity's concrete type, unqualified (`azureDataLakeConnector`). */
  type: string
  display_name: string | null
  body: string
}

export type EntityRepository = ReturnType<typeof createEntityRepository>

export function createEntityRepository (db: Db) {
  const columns = 'tenant, collection, id, type, display_name, body'
  const get = db.prepare<[string, string, string], EntityRow>(`SELECT ${columns} FROM entities WHERE tenant = ? AND collection = ? AND id = ?`)
  const insert = db.prepare<EntityRow>(`INSERT INTO entities (${columns}) VALUES (@tenant, @collection, @id, @type, @display_name, @body)`)
  const update = db.prepare<EntityRow>(
    'UPDATE entities SET type = @type, display_name = @display_name, body = @body WHERE tenant = @tenant AND collection = @collection AND id = @id')
  const remove = db.prepare<[string, string, string]>('DELETE FROM entities WHERE tenant = ? AND collection = ? AND id = ?')
  const list = db.prepare<[string, string], EntityRow & { seq: number }>(`SELECT seq, ${columns} FROM entities WHERE tenant = ? AND collection = ? ORDER BY seq`)
  const listInTenant = db.prepare<[string], EntityRow & { seq: number }>(`SELECT seq, ${columns} FROM entities WHERE tenant = ? ORDER BY seq`)
  const removeInTenant = db.prepare<[string]>('DELETE FROM entities WHERE tenant = ?')
  return {
    get: (tenant: string, collection: string, id: string): EntityRow | undefined => get.get(tenant, collection, id),
    insert: (row: EntityRow): void => { insert.run(row) },
    update: (row: EntityRow): boolean => update.run(row).changes === 1,
    remove: (tenant: string, collection: string, id: string): boolean => remove.run(tenant, collection, id).changes === 1,
    /** One collection, in insertion order, with the sequence number paging keys on. */
    list: (tenant: string, collection: string): Array<EntityRow & { seq: number }> => list.all(tenant, collection),
    /** Every collection's rows, in insertion order. */
    listInTenant: (tenant: string): Array<EntityRow & { seq: number }> => listInTenant.all(tenant),
    removeInTenant: (tenant: string): void => { removeInTenant.run(tenant) }
  }
}
