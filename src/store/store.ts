/** The store: the database, its repositories, and tenants seeded from the seed rows on first use. */
import type { Clock } from '../clock.js'
import { openDatabase, type Db } from './database.js'
import { createEntityRepository, type EntityRepository, type EntityRow } from './entity-repository.js'
import { createFlowRepository, type FlowRepository, type FlowRow } from './flow-repository.js'
import { createFlowSetRepository, type FlowSetRepository, type FlowSetRow } from './flow-set-repository.js'
import { createRoleGroupRepository, type RoleGroupRepository, type RoleGroupRow } from './role-group-repository.js'
import { planRestore } from './restore-plan.js'

/** The rows every tenant starts from (their tenant column is ignored): the fixtures, prepared by industry-data/fixtures.ts. */
export interface SeedRows {
  roleGroups: RoleGroupRow[]
  flowSets: FlowSetRow[]
  flows: FlowRow[]
  /** The document collections' rows (entity-repository.ts), every collection in one list, in order. */
  entities: EntityRow[]
}

export interface StoreOptions {
  file: string
  seed: SeedRows
  clock: Clock
}

export interface Store {
  db: Db
  flows: FlowRepository
  flowSets: FlowSetRepository
  roleGroups: RoleGroupRepository
  entities: EntityRepository
  /** Run `fn` in one SQLite transaction (synchronous: no await inside). */
  transaction: <T>(fn: () => T) => T
  /** Seed `tenant` from the seed rows the first time it is used; race-free (one synchronous transaction). */
  ensureTenant: (tenant: string) => void
  /** Put `tenant` back to the seed rows. */
  resetTenant: (tenant: string) => void
  /** Forget every tenant: each starts again from the seed rows on its next use. */
  resetAll: () => void
  /** Remove everything `tenant` holds, leaving it seeded but empty (seed with replace). */
  clearTenant: (tenant: string) => void
  /** The rows tenants start from. */
  seed: () => SeedRows
  tenants: () => string[]
  /** Add rows to `tenant` (seed with or without replace). */
  insertRows: (tenant: string, rows: SeedRows) => void
  close: () => void
}

const sameFlowSet = (a: FlowSetRow, b: FlowSetRow): boolean =>
  a.body === b.body && a.display_name === b.display_name && a.created === b.created && a.modified === b.modified
const sameFlow = (a: FlowRow, b: FlowRow): boolean =>
  a.body === b.body && a.set_id === b.set_id && a.type === b.type && a.readiness === b.readiness && a.created === b.created && a.modified === b.modified
/** Rows that must equal the seed rows one for one, in order, or be rewritten. */
const sameRows = <R extends { id: string, body: string }>(stored: readonly R[], target: readonly R[], same: (a: R, b: R) => boolean): boolean =>
  stored.length === target.length && stored.every((row, i) => { const other = target[i]; return other !== undefined && row.id === other.id && row.body === other.body && same(row, other) })
const sameEntities = (stored: readonly EntityRow[], target: readonly EntityRow[]): boolean =>
  sameRows(stored, target, (a, b) => a.collection === b.collection && a.type === b.type && a.display_name === b.display_name)
/** Role groups change only by seed; any difference means a full rewrite. */
const sameRoleGroups = (stored: readonly RoleGroupRow[], target: readonly RoleGroupRow[]): boolean =>
  sameRows(stored, target, (a, b) => a.display_name === b.display_name)

export function openStore (options: StoreOptions): Store {
  const db: Db = openDatabase(options.file)
  const flows = createFlowRepository(db)
  const flowSets = createFlowSetRepository(db)
  const roleGroups = createRoleGroupRepository(db)
  const entities = createEntityRepository(db)
  const seed = options.seed

  const tenantExists = db.prepare<[string], { id: string }>('SELECT id FROM tenants WHERE id = ?')
  const addTenant = db.prepare<[string, string]>('INSERT OR IGNORE INTO tenants (id, seeded_at) VALUES (?, ?)')
  const allTenants = db.prepare<[], { id: string }>('SELECT id FROM tenants ORDER BY id')
  const clearTenant = [
    db.prepare<[string]>('DELETE FROM flows WHERE tenant = ?'),
    db.prepare<[string]>('DELETE FROM flow_sets WHERE tenant = ?'),
    db.prepare<[string]>('DELETE FROM role_groups WHERE tenant = ?'),
    db.prepare<[string]>('DELETE FROM entities WHERE tenant = ?')
  ]
  const seeded = new Set<string>()
  // One wrapper for every write: db.transaction(fn) builds a new one per call, 2 % of a PATCH's CPU in a profile.
  const inTransaction = db.transaction((fn: () => unknown) => fn())

  // Timestamps written before a restart must stay in the past of every later write.
  for (const latest of [flows.latestModified(), flowSets.latestModified()]) {
    if (latest !== undefined) options.clock.observe(latest)
  }

  function insertRows (tenant: string, rows: SeedRows): void {
    for (const row of rows.roleGroups) roleGroups.insert({ ...row, tenant })
    for (const row of rows.flowSets) flowSets.insert({ ...row, tenant })
    for (const row of rows.flows) flows.insert({ ...row, tenant })
    for (const row of rows.entities) entities.insert({ ...row, tenant })
  }

  const seedTenant = db.transaction((tenant: string) => {
    if (addTenant.run(tenant, new Date(options.clock.now()).toISOString()).changes === 1) insertRows(tenant, seed)
  })
  const wipe = db.prepare('DELETE FROM tenants')
  const wipeAll = [db.prepare('DELETE FROM flows'), db.prepare('DELETE FROM flow_sets'), db.prepare('DELETE FROM role_groups'), db.prepare('DELETE FROM entities')]
  const resetAll = db.transaction(() => {
    for (const statement of wipeAll) statement.run()
    wipe.run()
  })
  const clearTenantTx = db.transaction((tenant: string) => {
    for (const statement of clearTenant) statement.run(tenant)
    addTenant.run(tenant, new Date(options.clock.now()).toISOString())
  })
  // A reset rewrites only the rows that differ from the seed rows (see restore-plan.ts); when that cannot give
  // their order, it clears the tenant and inserts them all.
  const resetTenant = db.transaction((tenant: string) => {
    addTenant.run(tenant, new Date(options.clock.now()).toISOString())
    const target = seed
    const ofTenant = <R>(rows: readonly R[]): R[] => rows.map(row => ({ ...row, tenant }))
    const setPlan = planRestore(flowSets.list(tenant), ofTenant(target.flowSets),
      { same: sameFlowSet, updatable: (a, b) => a.created === b.created, seqFree: flowSets.seqFree })
    const flowPlan = setPlan === undefined
      ? undefined
      : planRestore(flows.listInTenant(tenant), ofTenant(target.flows),
        { same: sameFlow, updatable: (a, b) => a.set_id === b.set_id && a.type === b.type && a.created === b.created, seqFree: flows.seqFree })
    if (setPlan === undefined || flowPlan === undefined || !sameRoleGroups(roleGroups.list(tenant), target.roleGroups)) {
      for (const statement of clearTenant) statement.run(tenant)
      insertRows(tenant, seed)
      return
    }
    // The document collections are few and small: when they differ at all, they are rewritten.
    if (!sameEntities(entities.listInTenant(tenant), ofTenant(target.entities))) {
      entities.removeInTenant(tenant)
      for (const row of target.entities) entities.insert({ ...row, tenant })
    }
    for (const row of flowPlan.remove) flows.remove(tenant, row.set_id, row.id)
    for (const row of setPlan.remove) flowSets.remove(tenant, row.id) // cascades to flows not in the seed rows
    for (const row of setPlan.update) flowSets.update(row)
    for (const { row, seq } of setPlan.insert) flowSets.insert(row, seq)
    for (const row of flowPlan.update) flows.update(row)
    for (const { row, seq } of flowPlan.insert) flows.insert(row, seq)
  })

  return {
    db,
    flows,
    flowSets,
    roleGroups,
    entities,
    transaction: <T>(fn: () => T): T => inTransaction(fn) as T,
    ensureTenant (tenant: string): void {
      if (seeded.has(tenant)) return
      if (tenantExists.get(tenant) === undefined) seedTenant(tenant)
      seeded.add(tenant)
    },
    resetTenant (tenant: string): void {
      resetTenant(tenant)
      seeded.add(tenant)
    },
    resetAll (): void {
      resetAll()
      seeded.clear()
    },
    clearTenant (tenant: string): void {
      clearTenantTx(tenant)
      seeded.add(tenant)
    },
    seed: (): SeedRows => seed,
    tenants: (): string[] => allTenants.all().map(row => row.id),
    insertRows: (tenant: string, rows: SeedRows): void => { db.transaction(() => { insertRows(tenant, rows) })() },
    close (): void {
      if (db.open) db.close()
    }
  }
}
