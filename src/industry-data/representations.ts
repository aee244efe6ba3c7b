/** The JSON Graph answers with for each entity. */
import type { GraphContext } from '../http/graph-context.js'
import type { Json } from '../json.js'
import { applySelect, parseSelect } from '../odata/select.js'
import { presentValue, type PresentOptions } from './domain/present.js'
import { roleGroupIdOf } from './domain/references.js'
import { qualified } from './domain/schema-walk.js'
import { findRoleGroup, type Provisioning, type StoredFlow } from './provisioning.js'
import { FLOW_SCHEMAS, FLOW_TYPES, OutboundProvisioningFlowSet, RoleGroup } from './schemas/entities.js'
import { boundRoleGroupContext, contexts } from './url-space.js'
import { typeOf } from './document-collections.js'
import { odataTypeOf, type StoredDocument } from './document-store.js'

export interface Presentation {
  root: string
  includeUnknownEnumMembers: boolean
  /** Look up a role group for inline expansion (GET answers); absent in write answers, as Graph does. */
  roleGroup?: (id: string) => Json | undefined
}

/** A flow with its `@odata.type`; `withContext` for single-entity answers. */
export function presentFlow (flow: StoredFlow, presentation: Presentation, withContext: boolean): Json {
  const flowId = String(flow.value.id)
  const options: PresentOptions = { includeUnknownEnumMembers: presentation.includeUnknownEnumMembers }
  const lookup = presentation.roleGroup
  if (lookup !== undefined) {
    options.expandBinding = (navigation, reference, path) => {
      const id = roleGroupIdOf(reference)
      const group = id === undefined ? undefined : lookup(id)
      if (group === undefined) return undefined
      return {
        [`${navigation}@odata.context`]: boundRoleGroupContext(presentation.root, flow.setId, flowId, flow.type, path),
        [navigation]: presentValue(RoleGroup, group, options)
      }
    }
  }
  const head: Json = withContext ? { '@odata.context': contexts.flow(presentation.root, flow.setId) } : {}
  head['@odata.type'] = `#${qualified(flow.type)}`
  return Object.assign(head, presentValue(FLOW_TYPES[flow.type].schema, flow.value, options))
}

/** A flow set: no `@odata.type` (not polymorphic); its filter keeps `#…basicFilter`. */
export function presentFlowSet (set: Json, presentation: Presentation, withContext: boolean): Json {
  const head: Json = withContext ? { '@odata.context': contexts.flowSet(presentation.root) } : {}
  return Object.assign(head, presentValue(OutboundProvisioningFlowSet, set, { includeUnknownEnumMembers: presentation.includeUnknownEnumMembers }))
}

/**
 * A collection item from a stored flow-set body, presented once per distinct body and then reused: keyed by the
 * body text itself, so a write (a new body) is never answered stale. A page of 100 spent most of its time
 * parsing and presenting the same bodies again. Bounded: emptied when it holds 2,000. Items are shared, so
 * callers copy before changing one (applySelect and $expand build new objects).
 */
const flowSetItems = new Map<string, Json>()
const FLOW_SET_ITEMS_MAX = 2000
export function presentStoredFlowSet (body: string, presentation: Presentation): Json {
  if (presentation.includeUnknownEnumMembers) return presentFlowSet(JSON.parse(body) as Json, presentation, false)
  let item = flowSetItems.get(body)
  if (item === undefined) {
    if (flowSetItems.size >= FLOW_SET_ITEMS_MAX) flowSetItems.clear()
    item = presentFlowSet(JSON.parse(body) as Json, presentation, false)
    flowSetItems.set(body, item)
  }
  return item
}

export function presentRoleGroup (group: Json, presentation: Presentation, withContext: boolean): Json {
  const head: Json = withContext ? { '@odata.context': contexts.roleGroup(presentation.root) } : {}
  return Object.assign(head, presentValue(RoleGroup, group, { includeUnknownEnumMembers: presentation.includeUnknownEnumMembers }))
}

/**
 * An item of a document collection: `@odata.type` first where the collection is polymorphic (connectors, inbound
 * flows), as their docs pages answer; binds are not answered (their navigation properties are); write-only
 * values (a client secret) never are.
 */
export function presentDocument (document: StoredDocument, presentation: Presentation, context: string | undefined): Json {
  const schema = typeOf(document.collection, document.type)
  if (schema === undefined) throw new Error(`no schema for ${document.type}`)
  const head: Json = context === undefined ? {} : { '@odata.context': context }
  if (Object.keys(document.collection.types).length > 1) head['@odata.type'] = odataTypeOf(document)
  return Object.assign(head, presentValue(schema, document.value, { includeUnknownEnumMembers: presentation.includeUnknownEnumMembers }))
}

/** GET answers expand bound role groups inline; write answers leave them out (as Graph's POST answer does). */
export function readPresentation (p: Provisioning, graph: GraphContext): Presentation {
  return {
    root: graph.root,
    includeUnknownEnumMembers: graph.includeUnknownEnumMembers,
    roleGroup: id => findRoleGroup(p, graph.tenant, id)
  }
}

export function writePresentation (graph: GraphContext): Presentation {
  return { root: graph.root, includeUnknownEnumMembers: graph.includeUnknownEnumMembers }
}

/** Present one flow for a GET, honouring $select. */
export function presentFlowForRead (p: Provisioning, graph: GraphContext, flow: StoredFlow, select: string | undefined): Json {
  const selected = parseSelect(select, FLOW_SCHEMAS, qualified('provisioningFlow'))
  return applySelect(presentFlow(flow, readPresentation(p, graph), true), selected)
}
