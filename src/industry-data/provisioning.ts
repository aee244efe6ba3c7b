/** The industryData operations over the store: what each Graph route does, minus HTTP. */
import type { Clock } from '../clock.js'
import type { IdSource } from '../ids.js'
import { conflict, itemNotFound } from '../errors/graph-errors.js'
import type { Store } from '../store/store.js'
import { flowRow, flowSetRow, parseBody, roleGroupRow } from '../store/rows.js'
import type { Json } from '../json.js'
import { readFlowCreate, readFlowPatch, readFlowSetCreate, readFlowSetPatch, readRoleGroupCreate, readRoleGroupPatch } from './domain/flow-input.js'
import { complete, mergePatch } from './domain/merge-patch.js'
import type { ReadContext } from './domain/read-body.js'
import { readContextOver, type EntityLookup } from './domain/bindings.js'
import type { BindableCollection } from './schemas/graph-type.js'
import { bindsIn } from './domain/references.js'
import { FLOW_TYPES, isFlowTypeName, OutboundProvisioningFlowSet, RoleGroup, type FlowTypeName } from './schemas/entities.js'

export interface Provisioning {
  store: Store
  clock: Clock
  ids: IdSource
}

export interface StoredFlow { setId: string, type: FlowTypeName, value: Json }

/** The tenant's entities as binds see them. */
export function entityLookupFor (p: Provisioning, tenant: string): EntityLookup {
  return (collection, id) => {
    if (collection === 'roleGroups') {
      const row = p.store.roleGroups.get(tenant, id)
      return row === undefined ? undefined : { id: row.id }
    }
    const row = p.store.entities.get(tenant, collection, id)
    if (row === undefined) return undefined
    return collection === 'referenceDefinitions' ? { id: row.id, type: row.type, body: parseBody(row) } : { id: row.id, type: row.type }
  }
}

/** Binds and reference values resolve against the tenant's entities. */
export function readContextFor (p: Provisioning, tenant: string): ReadContext {
  return readContextOver(entityLookupFor(p, tenant))
}

const flowSetNotFound = (setId: string) => itemNotFound(`outboundProvisioningFlowSet '${setId}'`)
const flowNotFound = (flowId: string) => itemNotFound(`provisioningFlow '${flowId}'`)

/** A stored flow row as the flow it holds; a type the schemas do not know is a corrupt database, not a 400. */
export function toStoredFlow (row: { set_id: string, type: string, body: string }): StoredFlow {
  if (!isFlowTypeName(row.type)) throw new Error(`stored flow has unknown type ${row.type}`)
  return { setId: row.set_id, type: row.type, value: parseBody(row) }
}

/** A write's lastModifiedDateTime: strictly after the entity's previous one, even if that was seeded in the future. */
function nextStamp (p: Provisioning, stored: Json): string {
  return p.clock.timestamp(typeof stored.lastModifiedDateTime === 'string' ? stored.lastModifiedDateTime : undefined)
}

/** Seed `tenant` from the fixtures the first time it is used. */
export function ensureTenant (p: Provisioning, tenant: string): void {
  p.store.ensureTenant(tenant)
}

/** The stored spelling of a flow set's id, or 404. */
export function requireFlowSet (p: Provisioning, tenant: string, setId: string): string {
  const id = p.store.flowSets.canonicalId(tenant, setId)
  if (id === undefined) throw flowSetNotFound(setId)
  return id
}

export function getFlow (p: Provisioning, tenant: string, setId: string, flowId: string): StoredFlow {
  // Ids compare case-insensitively in the flows table too, so one read finds the flow; the set is looked up
  // only to tell which of the two is missing.
  const row = p.store.flows.get(tenant, setId, flowId)
  if (row === undefined) {
    requireFlowSet(p, tenant, setId)
    throw flowNotFound(flowId)
  }
  return toStoredFlow(row)
}

/** What the shortcut route `/classGroupProvisioningFlow` serves: the tenant's oldest classGroup flow. */
export function oldestClassGroupFlow (p: Provisioning, tenant: string): StoredFlow {
  const row = p.store.flows.oldestOfType(tenant, 'classGroupProvisioningFlow')
  if (row === undefined) throw itemNotFound('classGroupProvisioningFlow (this tenant has none)')
  return toStoredFlow(row)
}

/**
 * PATCH a flow just read (getFlow, oldestClassGroupFlow): validate against its type, merge, stamp, write.
 * Read and write happen in one synchronous turn (better-sqlite3 never yields), so no other write can come
 * between them and the flow is not read a second time.
 */
export function patchFlow (p: Provisioning, tenant: string, flow: StoredFlow, body: unknown): StoredFlow {
  const patch = readFlowPatch(flow.type, String(flow.value.id), body, readContextFor(p, tenant))
  const schema = FLOW_TYPES[flow.type].schema
  return p.store.transaction(() => {
    const merged = complete(schema, mergePatch(schema, flow.value, patch))
    merged.lastModifiedDateTime = nextStamp(p, flow.value)
    p.store.flows.update(flowRow(tenant, flow.setId, flow.type, merged))
    return { setId: flow.setId, type: flow.type, value: merged }
  })
}

/** POST a flow into a set: concrete type, one per type per set (409), server-owned id, timestamps and readiness. */
export function createFlow (p: Provisioning, tenant: string, setId: string, body: unknown): StoredFlow {
  const canonicalSetId = requireFlowSet(p, tenant, setId)
  const { type, value } = readFlowCreate(body, readContextFor(p, tenant))
  return p.store.transaction(() => {
    const existing = p.store.flows.idOfTypeInSet(tenant, canonicalSetId, type)
    if (existing !== undefined) {
      throw conflict(`The outboundProvisioningFlowSet '${canonicalSetId}' already has a ${type} ('${existing}'); a set holds at most one flow of each type.`)
    }
    const now = p.clock.timestamp()
    const stored = complete(FLOW_TYPES[type].schema, {
      ...value, id: p.ids.next(), createdDateTime: now, lastModifiedDateTime: now, readinessStatus: 'notReady'
    })
    p.store.flows.insert(flowRow(tenant, canonicalSetId, type, stored))
    return { setId: canonicalSetId, type, value: stored }
  })
}

export function deleteFlow (p: Provisioning, tenant: string, setId: string, flowId: string): void {
  const flow = getFlow(p, tenant, setId, flowId)
  p.store.flows.remove(tenant, flow.setId, String(flow.value.id))
}

/** The reset action: back to notReady, lastModifiedDateTime moves. */
export function resetFlow (p: Provisioning, tenant: string, setId: string, flowId: string): StoredFlow {
  const flow = getFlow(p, tenant, setId, flowId)
  return p.store.transaction(() => {
    const value = { ...flow.value, readinessStatus: 'notReady', lastModifiedDateTime: nextStamp(p, flow.value) }
    p.store.flows.update(flowRow(tenant, flow.setId, flow.type, value))
    return { ...flow, value }
  })
}

export function listFlows (p: Provisioning, tenant: string, setId: string): StoredFlow[] {
  const canonicalSetId = requireFlowSet(p, tenant, setId)
  return p.store.flows.listInSet(tenant, canonicalSetId).map(toStoredFlow)
}

export function getFlowSet (p: Provisioning, tenant: string, setId: string): Json {
  const row = p.store.flowSets.get(tenant, setId)
  if (row === undefined) throw flowSetNotFound(setId)
  return parseBody(row)
}

export function createFlowSet (p: Provisioning, tenant: string, body: unknown): Json {
  const value = readFlowSetCreate(body, readContextFor(p, tenant))
  const now = p.clock.timestamp()
  const stored = complete(OutboundProvisioningFlowSet, { ...value, id: p.ids.next(), createdDateTime: now, lastModifiedDateTime: now })
  p.store.transaction(() => { p.store.flowSets.insert(flowSetRow(tenant, stored)) })
  return stored
}

export function patchFlowSet (p: Provisioning, tenant: string, setId: string, body: unknown): Json {
  // Read and written in one synchronous turn, as patchFlow: the set is read once.
  const stored = getFlowSet(p, tenant, setId)
  const patch = readFlowSetPatch(String(stored.id), body, readContextFor(p, tenant))
  return p.store.transaction(() => {
    const merged = complete(OutboundProvisioningFlowSet, mergePatch(OutboundProvisioningFlowSet, stored, patch))
    merged.lastModifiedDateTime = nextStamp(p, stored)
    p.store.flowSets.update(flowSetRow(tenant, merged))
    return merged
  })
}

/** Deleting a set deletes its flows (foreign key cascade). */
export function deleteFlowSet (p: Provisioning, tenant: string, setId: string): void {
  if (!p.store.flowSets.remove(tenant, setId)) throw flowSetNotFound(setId)
}

/** The rows of a set's flows (`setId` as stored, from requireFlowSet) for the collection reader: bodies are parsed only for the page. */
export function listFlowRows (p: Provisioning, tenant: string, setId: string): ReturnType<Store['flows']['listInSet']> {
  return p.store.flows.listInSet(tenant, setId)
}

export function listFlowSetRows (p: Provisioning, tenant: string): ReturnType<Store['flowSets']['list']> {
  return p.store.flowSets.list(tenant)
}

export function listRoleGroupRows (p: Provisioning, tenant: string): ReturnType<Store['roleGroups']['list']> {
  return p.store.roleGroups.list(tenant)
}

/** A role group for inline expansion, or undefined when the tenant has none by that id. */
export function findRoleGroup (p: Provisioning, tenant: string, id: string): Json | undefined {
  const row = p.store.roleGroups.get(tenant, id)
  return row === undefined ? undefined : parseBody(row)
}

const roleGroupNotFound = (id: string) => itemNotFound(`roleGroup '${id}'`)

export function getRoleGroup (p: Provisioning, tenant: string, id: string): Json {
  const row = p.store.roleGroups.get(tenant, id)
  if (row === undefined) throw roleGroupNotFound(id)
  return parseBody(row)
}

export function createRoleGroup (p: Provisioning, tenant: string, body: unknown): Json {
  const value = readRoleGroupCreate(body, readContextFor(p, tenant))
  const stored = complete(RoleGroup, { ...value, id: p.ids.next() })
  p.store.transaction(() => { p.store.roleGroups.insert(roleGroupRow(tenant, stored)) })
  return stored
}

export function patchRoleGroup (p: Provisioning, tenant: string, id: string, body: unknown): Json {
  const stored = getRoleGroup(p, tenant, id)
  const patch = readRoleGroupPatch(String(stored.id), body, readContextFor(p, tenant))
  return p.store.transaction(() => {
    const merged = complete(RoleGroup, mergePatch(RoleGroup, stored, patch))
    p.store.roleGroups.update(roleGroupRow(tenant, merged))
    return merged
  })
}

/** Whether a stored value binds `id` of `collection` anywhere in it. */
const binds = (row: { body: string }, collection: BindableCollection, id: string): boolean =>
  bindsIn(parseBody(row)).some(target => target.collection === collection && target.id.toLowerCase() === id.toLowerCase())

/** The document-collection items of the tenant whose values bind `id` of `collection`: `azureDataLakeConnector 'x'`. */
export function entitiesBinding (p: Provisioning, tenant: string, collection: BindableCollection, id: string): string[] {
  return p.store.entities.listInTenant(tenant).filter(row => binds(row, collection, id)).map(row => `${row.type} '${row.id}'`)
}

/** The flows whose values bind the role group `id` (user flows' configurations are the only place they can). */
const flowsBinding = (p: Provisioning, tenant: string, id: string): string[] =>
  p.store.flows.listInTenant(tenant).filter(row => binds(row, 'roleGroups', id)).map(row => row.id)

/** A role group a user flow still binds cannot go: the flow would point at nothing (409, naming the flows). */
export function deleteRoleGroup (p: Provisioning, tenant: string, id: string): void {
  p.store.transaction(() => {
    const stored = getRoleGroup(p, tenant, id)
    const bound = flowsBinding(p, tenant, String(stored.id))
    if (bound.length > 0) {
      throw conflict(`The roleGroup '${String(stored.id)}' is bound by the userProvisioningFlow ${bound.map(f => `'${f}'`).join(', ')}; change their creationOptions first.`)
    }
    const sources = entitiesBinding(p, tenant, 'roleGroups', String(stored.id))
    if (sources.length > 0) {
      throw conflict(`The roleGroup '${String(stored.id)}' is bound by the ${sources.join(', ')}; change their userMatchingSettings first.`)
    }
    p.store.roleGroups.remove(tenant, String(stored.id))
  })
}
