/**
 * The industryData URL space under a version prefix, in one table (see http/url-table.ts for what reads it).
 * Each method names the operation in routes/ that serves it. Adding a collection is one entry here plus its
 * operations; its routes, 400/405 answers, key-as-segment form, `@odata.context`, `$metadata` entry and OpenAPI
 * answers follow.
 */
import { odataContext, odataPath, routeOf, type UrlNode } from '../http/url-table.js'
import type { ServedModel } from './metadata.js'
import { NAMESPACE } from './schemas/graph-type.js'
import { FLOW_SCHEMAS, FLOW_TYPES, OutboundProvisioningFlowSet, RoleGroup } from './schemas/entities.js'
import { DATA_CONNECTORS, INBOUND_FLOWS, REFERENCE_DEFINITIONS, SOURCE_SYSTEMS, YEARS, type DocumentCollection, type DocumentCollectionName } from './document-collections.js'
import { SERVED_COMPLEX_TYPES, SERVED_ENTITY_TYPES, SERVED_ENUMS, SERVED_OPERATIONS } from './schemas/served-types.js'

const count = (operation: string): UrlNode => ({ kind: 'count', methods: { GET: operation } })

const reset: UrlNode = { kind: 'action', methods: { POST: 'resetFlow' } }

const FLOW: UrlNode = {
  kind: 'entity',
  types: FLOW_SCHEMAS,
  declaredType: `${NAMESPACE}.provisioningFlow`,
  methods: { GET: 'getFlow', PATCH: 'patchFlow', DELETE: 'deleteFlow' },
  children: { reset, [`${NAMESPACE}.reset`]: reset }
}

const FLOWS: UrlNode = {
  kind: 'collection',
  types: FLOW_SCHEMAS,
  declaredType: `${NAMESPACE}.provisioningFlow`,
  methods: { GET: 'listFlows', POST: 'createFlow' },
  children: { $count: count('countFlows') },
  key: { param: 'flowId', item: FLOW }
}

const FLOW_SET: UrlNode = {
  kind: 'entity',
  types: [OutboundProvisioningFlowSet],
  declaredType: `${NAMESPACE}.outboundProvisioningFlowSet`,
  methods: { GET: 'getFlowSet', PATCH: 'patchFlowSet', DELETE: 'deleteFlowSet' },
  children: { provisioningFlows: FLOWS }
}

const FLOW_SETS: UrlNode = {
  kind: 'collection',
  types: [OutboundProvisioningFlowSet],
  declaredType: `${NAMESPACE}.outboundProvisioningFlowSet`,
  methods: { GET: 'listFlowSets', POST: 'createFlowSet' },
  children: { $count: count('countFlowSets') },
  key: { param: 'setId', item: FLOW_SET }
}

const ROLE_GROUP: UrlNode = {
  kind: 'entity',
  types: [RoleGroup],
  declaredType: `${NAMESPACE}.roleGroup`,
  methods: { GET: 'getRoleGroup', PATCH: 'patchRoleGroup', DELETE: 'deleteRoleGroup' }
}

const ROLE_GROUPS: UrlNode = {
  kind: 'collection',
  types: [RoleGroup],
  declaredType: `${NAMESPACE}.roleGroup`,
  methods: { GET: 'listRoleGroups', POST: 'createRoleGroup' },
  children: { $count: count('countRoleGroups') },
  key: { param: 'roleGroupId', item: ROLE_GROUP }
}

/** The operation ids of a document collection's resources: `listSourceSystems`, `getSourceSystem`, … */
export function documentOperationIds (collection: DocumentCollection) {
  const plural = collection.name.charAt(0).toUpperCase() + collection.name.slice(1)
  const single = plural.replace(/s$/, '')
  return {
    list: `list${plural}`,
    count: `count${plural}`,
    create: `create${single}`,
    get: `get${single}`,
    patch: `patch${single}`,
    delete: `delete${single}`,
    navigation: (name: string) => `get${single}${name.charAt(0).toUpperCase()}${name.slice(1)}`,
    navigationPatch: (name: string) => `patch${single}${name.charAt(0).toUpperCase()}${name.slice(1)}`
  }
}

/** A document collection and its items; `navigations` are the single-valued navigation properties an item answers. */
function documentNodes (collection: DocumentCollection, navigations: Readonly<Record<string, DocumentCollection>> = {}): { items: UrlNode, item: UrlNode } {
  const ids = documentOperationIds(collection)
  const types = Object.values(collection.types)
  const declaredType = `${NAMESPACE}.${collection.entityType}`
  const children = Object.fromEntries(Object.entries(navigations).map(([name, target]): [string, UrlNode] => [name, {
    // PATCH through the navigation updates the entity it points at (the connector's update page lists that form).
    kind: 'entity', types: Object.values(target.types), declaredType: `${NAMESPACE}.${target.entityType}`, methods: { GET: ids.navigation(name), PATCH: ids.navigationPatch(name) }
  }]))
  const item: UrlNode = {
    kind: 'entity',
    types,
    declaredType,
    methods: collection.readOnly ? { GET: ids.get } : { GET: ids.get, PATCH: ids.patch, DELETE: ids.delete },
    ...(Object.keys(children).length === 0 ? {} : { children })
  }
  const items: UrlNode = {
    kind: 'collection',
    types,
    declaredType,
    methods: collection.readOnly ? { GET: ids.list } : { GET: ids.list, POST: ids.create },
    children: { $count: count(ids.count) },
    key: { param: collection.key, item }
  }
  return { items, item }
}

const SOURCE_SYSTEM_NODES = documentNodes(SOURCE_SYSTEMS)
const DATA_CONNECTOR_NODES = documentNodes(DATA_CONNECTORS, { sourceSystem: SOURCE_SYSTEMS })
const YEAR_NODES = documentNodes(YEARS)
const INBOUND_FLOW_NODES = documentNodes(INBOUND_FLOWS, { dataConnector: DATA_CONNECTORS, year: YEARS })
const REFERENCE_DEFINITION_NODES = documentNodes(REFERENCE_DEFINITIONS)

const DOCUMENT_NODES: Readonly<Record<DocumentCollectionName, { items: UrlNode, item: UrlNode }>> = {
  sourceSystems: SOURCE_SYSTEM_NODES,
  dataConnectors: DATA_CONNECTOR_NODES,
  years: YEAR_NODES,
  inboundFlows: INBOUND_FLOW_NODES,
  referenceDefinitions: REFERENCE_DEFINITION_NODES
}

/** industryDataRoot: the collections it contains that graph-mock serves. */
const INDUSTRY_DATA: UrlNode = {
  kind: 'singleton',
  declaredType: `${NAMESPACE}.industryDataRoot`,
  methods: { GET: 'getRoot' },
  children: {
    dataConnectors: DATA_CONNECTOR_NODES.items,
    inboundFlows: INBOUND_FLOW_NODES.items,
    outboundProvisioningFlowSets: FLOW_SETS,
    referenceDefinitions: REFERENCE_DEFINITION_NODES.items,
    roleGroups: ROLE_GROUPS,
    sourceSystems: SOURCE_SYSTEM_NODES.items,
    years: YEAR_NODES.items
  }
}

/** The route served bare and under each version: the tenant's oldest classGroupProvisioningFlow. */
export const CLASS_GROUP_SHORTCUT: UrlNode = { kind: 'route', types: [FLOW_TYPES.classGroupProvisioningFlow.schema], methods: { GET: 'getClassGroupShortcut', PATCH: 'patchClassGroupShortcut' } }

/** Everything under `/beta` (and `/v1.0` when it is served). */
export const URL_SPACE: UrlNode = {
  kind: 'segment',
  methods: {},
  children: {
    external: { kind: 'segment', methods: {}, children: { industryData: INDUSTRY_DATA } },
    $metadata: { kind: 'route', methods: { GET: 'getMetadata' } },
    $batch: { kind: 'route', methods: { POST: 'batch' } },
    classGroupProvisioningFlow: CLASS_GROUP_SHORTCUT
  }
}

/** Without a version prefix: the shortcut route alone. */
export const BARE_URL_SPACE: UrlNode = { kind: 'segment', methods: {}, children: { classGroupProvisioningFlow: CLASS_GROUP_SHORTCUT } }

/** Under a version that has no industryData (Graph v1.0): `external` exists, `industryData` does not. */
export const URL_SPACE_WITHOUT_INDUSTRY_DATA: UrlNode = {
  kind: 'segment',
  methods: {},
  children: {
    external: { kind: 'segment', methods: {}, children: {} },
    $batch: { kind: 'route', methods: { POST: 'batch' } }
  }
}

const context = (node: UrlNode) => {
  const route = routeOf(URL_SPACE, node)
  return (root: string, ...keys: string[]): string => odataContext(root, route, keys)
}

/** `@odata.context` URLs of each resource, from the table. */
export const contexts = {
  root: context(INDUSTRY_DATA),
  flowSets: context(FLOW_SETS),
  flowSet: context(FLOW_SET),
  flows: context(FLOWS),
  flow: context(FLOW),
  roleGroups: context(ROLE_GROUPS),
  roleGroup: context(ROLE_GROUP)
}

/** `@odata.context` of a document collection and of one of its items. */
export function documentContexts (collection: DocumentCollection): { items: (root: string) => string, item: (root: string) => string } {
  const nodes = DOCUMENT_NODES[collection.name]
  return { items: context(nodes.items), item: context(nodes.item) }
}

/** `@odata.context` of an item reached through a navigation: `…/dataConnectors('x')/sourceSystem/$entity`. */
export function navigationContext (collection: DocumentCollection, navigation: string): (root: string, id: string) => string {
  const child = DOCUMENT_NODES[collection.name].item.children?.[navigation]
  if (child === undefined) throw new Error(`${collection.name} has no navigation ${navigation}`)
  const route = routeOf(URL_SPACE, child)
  return (root, id) => `${root}/$metadata#${odataPath(route, [id])}/$entity`
}

const flowRoute = routeOf(URL_SPACE, FLOW)

/** A role group bound inside a flow, as its GET answer names it: through the flow, its type and the property path. */
export function boundRoleGroupContext (root: string, setId: string, flowId: string, flowType: string, path: readonly string[]): string {
  return `${root}/$metadata#${odataPath(flowRoute, [setId, flowId])}/${NAMESPACE}.${flowType}/${[...path, 'roleGroup'].join('/')}/$entity`
}

/** What `$metadata` declares: every served type, and the root's served collections. */
export const SERVED_MODEL: ServedModel = {
  enums: SERVED_ENUMS,
  complexTypes: SERVED_COMPLEX_TYPES,
  entityTypes: SERVED_ENTITY_TYPES,
  operations: SERVED_OPERATIONS,
  rootNavigation: Object.entries(INDUSTRY_DATA.children ?? {}).map(([name, node]) => ({ name, type: node.declaredType ?? '' }))
}
