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

/** industryDataRoot: the collections it contains that graph-mock serves. */
const INDUSTRY_DATA: UrlNode = {
  kind: 'singleton',
  declaredType: `${NAMESPACE}.industryDataRoot`,
  methods: { GET: 'getRoot' },
  children: { outboundProvisioningFlowSets: FLOW_SETS, roleGroups: ROLE_GROUPS }
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
