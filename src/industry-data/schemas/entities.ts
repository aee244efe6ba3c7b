/** Entity types: the four provisioning flows, the flow set and role groups, as Graph's beta CSDL declares them. */
import { Type, type Static, type TObject } from '@sinclair/typebox'
import { DateTimeOffset, derivedObject, entityType, GraphBoolean, GraphInt32, GraphString, NAMESPACE, nullable } from './graph-type.js'
import { ReadinessStatus } from './enums.js'
import {
  AdminUnitCreationOptions, ClassGroupConfiguration, Filter, RoleReferenceValue, SecurityGroupCreationOptions,
  UserCreationOptions, UserManagementOptions
} from './complex-types.js'

const opt = Type.Optional

/** provisioningFlow is abstract; the CSDL declares all three of its own properties nullable. */
export const ProvisioningFlow = entityType('provisioningFlow', {
  createdDateTime: opt(nullable(DateTimeOffset)),
  lastModifiedDateTime: opt(nullable(DateTimeOffset)),
  readinessStatus: opt(nullable(ReadinessStatus))
}, { graphAbstractType: true })

export const ClassGroupProvisioningFlow = derivedObject(ProvisioningFlow, 'classGroupProvisioningFlow', {
  configuration: opt(ClassGroupConfiguration)
})
export const SecurityGroupProvisioningFlow = derivedObject(ProvisioningFlow, 'securityGroupProvisioningFlow', {
  creationOptions: opt(SecurityGroupCreationOptions)
})
export const AdministrativeUnitProvisioningFlow = derivedObject(ProvisioningFlow, 'administrativeUnitProvisioningFlow', {
  creationOptions: opt(AdminUnitCreationOptions)
})
export const UserProvisioningFlow = derivedObject(ProvisioningFlow, 'userProvisioningFlow', {
  createUnmatchedUsers: opt(nullable(GraphBoolean)),
  creationOptions: opt(nullable(UserCreationOptions)),
  managementOptions: opt(UserManagementOptions)
})

export const OutboundProvisioningFlowSet = entityType('outboundProvisioningFlowSet', {
  // In the order Graph's docs answer them.
  createdDateTime: opt(nullable(DateTimeOffset)),
  lastModifiedDateTime: opt(nullable(DateTimeOffset)),
  displayName: opt(GraphString),
  filter: opt(nullable(Filter))
}, { graphNavigation: { provisioningFlows: { type: `${NAMESPACE}.provisioningFlow`, collection: true, containsTarget: true, nullable: true } } })

export const RoleGroup = entityType('roleGroup', {
  displayName: opt(GraphString),
  roles: opt(Type.Array(RoleReferenceValue))
})

/** What a referenceValue's `value` navigates to. */
export const ReferenceDefinition = entityType('referenceDefinition', {
  code: opt(GraphString),
  createdDateTime: opt(DateTimeOffset),
  displayName: opt(nullable(GraphString)),
  isDisabled: opt(GraphBoolean),
  lastModifiedDateTime: opt(DateTimeOffset),
  referenceType: opt(GraphString),
  sortIndex: opt(GraphInt32),
  source: opt(GraphString)
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
/** The concrete flow schemas, in FLOW_TYPES order: what a flow may be. */
export const FLOW_SCHEMAS = Object.values(FLOW_TYPES).map(t => t.schema)

export function isFlowTypeName (name: string): name is FlowTypeName {
  return Object.hasOwn(FLOW_TYPES, name)
}

export type ProvisioningFlowValue = Static<typeof ClassGroupProvisioningFlow> | Static<typeof SecurityGroupProvisioningFlow> |
Static<typeof AdministrativeUnitProvisioningFlow> | Static<typeof UserProvisioningFlow>
export type FlowSetValue = Static<typeof OutboundProvisioningFlowSet>
export type RoleGroupValue = Static<typeof RoleGroup>
