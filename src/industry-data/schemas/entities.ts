/** Entity types: the four provisioning flows, the flow set and role groups (Graph's beta CSDL). */
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox'
import { DateTimeOffset, GraphBoolean, graphObject, GraphString, nullable } from './graph-type.js'
import { ReadinessStatus } from './enums.js'
import {
  AdminUnitCreationOptions, ClassGroupConfiguration, Filter, SecurityGroupCreationOptions,
  UserCreationOptions, UserManagementOptions
} from './complex-types.js'

const opt = Type.Optional

/** Properties of the abstract provisioningFlow (and entity's id). */
const provisioningFlowProperties = {
  id: opt(GraphString),
  createdDateTime: opt(DateTimeOffset),
  lastModifiedDateTime: opt(DateTimeOffset),
  readinessStatus: opt(ReadinessStatus)
}

function flowType<P extends TProperties> (name: string, own: P): TObject<typeof provisioningFlowProperties & P> {
  return graphObject(name, { ...provisioningFlowProperties, ...own })
}

export const ClassGroupProvisioningFlow = flowType('classGroupProvisioningFlow', {
  configuration: opt(ClassGroupConfiguration)
})
export const SecurityGroupProvisioningFlow = flowType('securityGroupProvisioningFlow', {
  creationOptions: opt(SecurityGroupCreationOptions)
})
export const AdministrativeUnitProvisioningFlow = flowType('administrativeUnitProvisioningFlow', {
  creationOptions: opt(AdminUnitCreationOptions)
})
export const UserProvisioningFlow = flowType('userProvisioningFlow', {
  createUnmatchedUsers: opt(nullable(GraphBoolean)),
  creationOptions: opt(nullable(UserCreationOptions)),
  managementOptions: opt(UserManagementOptions)
})

export const OutboundProvisioningFlowSet = graphObject('outboundProvisioningFlowSet', {
  id: opt(GraphString),
  createdDateTime: opt(DateTimeOffset),
  lastModifiedDateTime: opt(DateTimeOffset),
  displayName: opt(GraphString),
  filter: opt(nullable(Filter))
})

export const RoleReferenceValue = graphObject('roleReferenceValue', { code: opt(nullable(GraphString)) })
export const RoleGroup = graphObject('roleGroup', {
  id: opt(GraphString),
  displayName: opt(GraphString),
  roles: opt(Type.Array(RoleReferenceValue))
})

/** The concrete flow types, keyed by their short name, with what an update must carry (Graph update pages). */
export const FLOW_TYPES = {
  classGroupProvisioningFlow: { schema: ClassGroupProvisioningFlow, requiredOnPatch: ['configuration'] },
  securityGroupProvisioningFlow: { schema: SecurityGroupProvisioningFlow, requiredOnPatch: [] },
  administrativeUnitProvisioningFlow: { schema: AdministrativeUnitProvisioningFlow, requiredOnPatch: [] },
  userProvisioningFlow: { schema: UserProvisioningFlow, requiredOnPatch: ['managementOptions'] }
} as const satisfies Record<string, { schema: TObject, requiredOnPatch: readonly string[] }>

export type FlowTypeName = keyof typeof FLOW_TYPES
export const FLOW_TYPE_NAMES = Object.keys(FLOW_TYPES) as FlowTypeName[]

export function isFlowTypeName (name: string): name is FlowTypeName {
  return Object.hasOwn(FLOW_TYPES, name)
}

export type ProvisioningFlowValue = Static<typeof ClassGroupProvisioningFlow> | Static<typeof SecurityGroupProvisioningFlow> |
Static<typeof AdministrativeUnitProvisioningFlow> | Static<typeof UserProvisioningFlow>
export type FlowSetValue = Static<typeof OutboundProvisioningFlowSet>
export type RoleGroupValue = Static<typeof RoleGroup>
