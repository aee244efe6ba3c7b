/** SQL for role groups (read-only through the Graph API; they come from fixtures). */
import type { Db } from './database.js'

export interface RoleGroupRow {
  tenant: string
  id: string
  display_name: string | null
  body: string
}

export type RoleGroupRepository = ReturnType<typeof createRoleGroupRepository>

export function createRoleGroupRepository (db: Db) {
  const get = db.prepare<[string, string], RoleGroupRow>('SELECT tenant, id, display_name, body FROM role_groups WHERE tenant = ? AND id = ?')
  const insert = db.prepare<RoleGroupRow>('INSERT INTO role_groups (tenant, id, display_name, body) VALUES (@tenant, @id, @display_name, @body)')
  const list = db.prepare<[string], RoleGroupRow & { seq: number }>('SELECT seq, tenant, id, display_name, body FROM role_groups WHERE tenant = ? ORDER BY seq')
  return {
    get: (tenant: string, id: string): RoleGroupRow | undefined => get.get(tenant, id),
    insert: (row: RoleGroupRow): void => { insert.run(row) },
    list: (tenant: string): Array<RoleGroupRow & { seq: number }> => list.all(tenant)
  }
}
