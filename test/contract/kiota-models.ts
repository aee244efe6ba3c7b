/**
 * For the contract tests: the industryData models of @microsoft/msgraph-beta-sdk
 * as the tests use them, for the hand-built requests (kiota-client.ts) and the
 * fluent builders (kiota-fluent/) alike: the @odata.type names, type guards,
 * and serializers that keep the derived types' own properties, which the SDK's
 * base serializers drop (see kiota-client.ts for why).
 */
import type { SerializationWriter } from '@microsoft/kiota-abstractions'
import { serializeEntity } from '@microsoft/msgraph-beta-sdk/models/index.js'
import {
  serializeAdministrativeUnitProvisioningFlow,
  serializeBasicFilter,
  serializeClassGroupProvisioningFlow,
  serializeFilter,
  serializePasswordSettings,
  serializeProvisioningFlow,
  serializeRoleGroup,
  serializeSecurityGroupProvisioningFlow,
  serializeSimplePasswordSettings,
  serializeUserManagementOptions,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import type {
  AdministrativeUnitProvisioningFlow,
  BasicFilter,
  ClassGroupProvisioningFlow,
  Filter,
  OutboundProvisioningFlowSet,
  PasswordSettings,
  ProvisioningFlow,
  SecurityGroupProvisioningFlow,
  UserConfiguration,
  UserCreationOptions,
  UserProvisioningFlow,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import type { ODataError } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js'

/** The @odata.type values the SDK's factories and serializers dispatch on. */
export const ODATA_TYPE = {
  classGroupProvisioningFlow: '#microsoft.graph.industryData.classGroupProvisioningFlow',
  userProvisioningFlow: '#microsoft.graph.industryData.userProvisioningFlow',
  securityGroupProvisioningFlow: '#microsoft.graph.industryData.securityGroupProvisioningFlow',
  administrativeUnitProvisioningFlow: '#microsoft.graph.industryData.administrativeUnitProvisioningFlow',
  basicFilter: '#microsoft.graph.industryData.basicFilter',
  simplePasswordSettings: '#microsoft.graph.industryData.simplePasswordSettings',
} as const

// ---------------------------------------------------------------------------
// serializers that keep derived-type properties

/**
 * Serializes a provisioning flow with the derived type's serializer, chosen
 * from odataType. Flows with an unknown or missing odataType fall back to
 * serializeProvisioningFlow, which writes only id, @odata.type and
 * additionalData.
 */
export function serializeProvisioningFlowDerived (
  writer: SerializationWriter,
  flow?: Partial<ProvisioningFlow> | null
): void {
  if (flow === undefined || flow === null) return
  switch (flow.odataType) {
    case ODATA_TYPE.classGroupProvisioningFlow:
      serializeClassGroupProvisioningFlow(writer, flow)
      return
    case ODATA_TYPE.userProvisioningFlow:
      serializeUserProvisioningFlowDerived(writer, flow)
      return
    case ODATA_TYPE.securityGroupProvisioningFlow:
      serializeSecurityGroupProvisioningFlow(writer, flow)
      return
    case ODATA_TYPE.administrativeUnitProvisioningFlow:
      serializeAdministrativeUnitProvisioningFlow(writer, flow)
      return
    default:
      serializeProvisioningFlow(writer, flow)
  }
}

/**
 * serializeUserProvisioningFlow, rebuilt so that
 * creationOptions.configurations[].defaultPasswordSettings keeps
 * simplePasswordSettings.password. The SDK's serializeUserConfiguration uses
 * the base serializePasswordSettings, which drops it. Fields are written in
 * the SDK's order.
 */
export function serializeUserProvisioningFlowDerived (
  writer: SerializationWriter,
  flow?: Partial<UserProvisioningFlow> | null
): void {
  if (flow === undefined || flow === null) return
  serializeProvisioningFlow(writer, flow) // id, @odata.type, additionalData
  writer.writeBooleanValue('createUnmatchedUsers', flow.createUnmatchedUsers)
  writer.writeObjectValue('creationOptions', flow.creationOptions, serializeUserCreationOptionsDerived)
  writer.writeObjectValue('managementOptions', flow.managementOptions, serializeUserManagementOptions)
}

export function serializeUserCreationOptionsDerived (
  writer: SerializationWriter,
  options?: Partial<UserCreationOptions> | null
): void {
  if (options === undefined || options === null) return
  writer.writeCollectionOfObjectValues('configurations', options.configurations, serializeUserConfigurationDerived)
  writer.writeStringValue('@odata.type', options.odataType)
  writer.writeAdditionalData(options.additionalData)
}

export function serializeUserConfigurationDerived (
  writer: SerializationWriter,
  configuration?: Partial<UserConfiguration> | null
): void {
  if (configuration === undefined || configuration === null) return
  writer.writeObjectValue('defaultPasswordSettings', configuration.defaultPasswordSettings, serializePasswordSettingsDerived)
  writer.writeCollectionOfPrimitiveValues('licenseSkus', configuration.licenseSkus)
  writer.writeStringValue('@odata.type', configuration.odataType)
  writer.writeObjectValue('roleGroup', configuration.roleGroup, serializeRoleGroup)
  writer.writeAdditionalData(configuration.additionalData)
}

/** serializePasswordSettings, except that simplePasswordSettings keeps `password`. */
export function serializePasswordSettingsDerived (
  writer: SerializationWriter,
  settings?: Partial<PasswordSettings> | null
): void {
  if (settings === undefined || settings === null) return
  if (settings.odataType === ODATA_TYPE.simplePasswordSettings) serializeSimplePasswordSettings(writer, settings)
  else serializePasswordSettings(writer, settings)
}

/** serializeFilter, except that basicFilter keeps `attribute` and `in`. */
export function serializeFilterDerived (writer: SerializationWriter, filter?: Partial<Filter> | null): void {
  if (filter === undefined || filter === null) return
  if (filter.odataType === ODATA_TYPE.basicFilter) serializeBasicFilter(writer, filter)
  else serializeFilter(writer, filter)
}

/**
 * serializeOutboundProvisioningFlowSet, but `filter` and `provisioningFlows`
 * go through the derived-aware serializers above. Fields are written in the
 * SDK's order.
 */
export function serializeOutboundProvisioningFlowSetDerived (
  writer: SerializationWriter,
  flowSet?: Partial<OutboundProvisioningFlowSet> | null
): void {
  if (flowSet === undefined || flowSet === null) return
  serializeEntity(writer, flowSet)
  writer.writeStringValue('displayName', flowSet.displayName)
  writer.writeObjectValue('filter', flowSet.filter, serializeFilterDerived)
  writer.writeCollectionOfObjectValues('provisioningFlows', flowSet.provisioningFlows, serializeProvisioningFlowDerived)
}

// ---------------------------------------------------------------------------
// type guards

/** True for what FetchRequestAdapter throws for an error response once ERROR_MAPPINGS is in place. */
export function isODataError (value: unknown): value is ODataError {
  if (typeof value !== 'object' || value === null) return false
  return 'responseStatusCode' in value && ('errorEscaped' in value || 'message' in value)
}

export function isClassGroupProvisioningFlow (flow: ProvisioningFlow | undefined | null): flow is ClassGroupProvisioningFlow {
  return flow?.odataType === ODATA_TYPE.classGroupProvisioningFlow
}
export function isUserProvisioningFlow (flow: ProvisioningFlow | undefined | null): flow is UserProvisioningFlow {
  return flow?.odataType === ODATA_TYPE.userProvisioningFlow
}
export function isSecurityGroupProvisioningFlow (
  flow: ProvisioningFlow | undefined | null
): flow is SecurityGroupProvisioningFlow {
  return flow?.odataType === ODATA_TYPE.securityGroupProvisioningFlow
}
export function isAdministrativeUnitProvisioningFlow (
  flow: ProvisioningFlow | undefined | null
): flow is AdministrativeUnitProvisioningFlow {
  return flow?.odataType === ODATA_TYPE.administrativeUnitProvisioningFlow
}
export function isBasicFilter (filter: Filter | undefined | null): filter is BasicFilter {
  return filter?.odataType === ODATA_TYPE.basicFilter
}
