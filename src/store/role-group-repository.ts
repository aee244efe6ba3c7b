/** SQL for role groups: fixtures bring them, the Graph API reads and writes them. */
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
  const update = db.prepare<RoleGroupRow>('UPDATE role_groups SET display_name = @display_name, body = @body WHERE tenant = @tenant AND id = @id')
  const remove = db.prepare<[string, string]>('DELETE FROM role_groups WHERE tenant = ? AND id = ?')
  const list = db.prepare<[string], RoleGroupRow & { seq: number }>('SELECT seq, tenant, id, display_name, body FROM role_groups WHERE tenant = ? ORDER BY seq')
  return {
    get: (tenant: string, id: string): RoleGroupRow | undefined => get.get(tenant, id),
    insert: (row: RoleGroupRow): void => { insert.run(row) },
    update: (row: RoleGroupRow): void => { update.run(row) },
    /** False when there was no such role group. */
    remove: (tenant: string, id: string): boolean => remove.run(tenant, id).changes > 0,
    list: (tenant: string): Array<RoleGroupRow & { seq: number }> => list.all(tenant)
  }
}
