/**
 * Every type graph-mock serves, for $metadata (industry-data/metadata.ts) and for the test that holds each
 * declaration to Graph's CSDL. A type is served when a served route reads or answers it.
 */
import type { TSchema } from '@sinclair/typebox'
import * as complex from './complex-types.js'
import * as entities from './entities.js'
import * as enums from './enums.js'
import * as inbound from './inbound-types.js'

export const SERVED_ENUMS: readonly TSchema[] = [
  enums.AdditionalClassGroupAttributes, enums.AdditionalUserAttributes, enums.ApiFormat, enums.FilterOptions, enums.InboundDomain,
  enums.ReadinessStatus, enums.StudentAgeGroup
]

export const SERVED_COMPLEX_TYPES: readonly TSchema[] = [
  complex.AdditionalClassGroupOptions, complex.AdditionalUserOptions, complex.AdminUnitCreationOptions, complex.BasicFilter,
  complex.ClassGroupConfiguration, complex.EnrollmentMappings, complex.FilterType, complex.PasswordSettingsType,
  complex.ReferenceValue, complex.RoleReferenceValue, complex.SectionRoleReferenceValue, complex.SecurityGroupCreationOptions,
  complex.SimplePasswordSettings, complex.UserConfiguration, complex.UserCreationOptions, complex.UserManagementOptions,
  complex.FileFormatReferenceValue, complex.IdentifierTypeReferenceValue, complex.UserMatchTargetReferenceValue, complex.YearReferenceValue,
  inbound.CredentialType, inbound.OAuthClientCredential, inbound.OAuth1ClientCredential, inbound.OAuth2ClientCredential, inbound.UserMatchingSetting
]

export const SERVED_ENTITY_TYPES: readonly TSchema[] = [
  entities.AdministrativeUnitProvisioningFlow, entities.ClassGroupProvisioningFlow, entities.OutboundProvisioningFlowSet,
  entities.ProvisioningFlow, entities.ReferenceDefinition, entities.RoleGroup, entities.SecurityGroupProvisioningFlow,
  entities.UserProvisioningFlow,
  inbound.ApiDataConnector, inbound.AzureDataLakeConnector, inbound.FileDataConnector, inbound.InboundApiFlow, inbound.InboundFileFlow,
  inbound.InboundFlow, inbound.IndustryDataActivity, inbound.IndustryDataConnector, inbound.OneRosterApiDataConnector,
  inbound.SourceSystemDefinition, inbound.YearTimePeriodDefinition
]

/** A bound action or function, as the CSDL declares it. */
export interface BoundOperation {
  readonly kind: 'Action' | 'Function'
  readonly name: string
  /** The binding parameter's type, qualified; `Collection(…)` when bound to a collection. */
  readonly bindingType: string
  readonly bindingNullable: boolean
}

export const SERVED_OPERATIONS: readonly BoundOperation[] = [
  { kind: 'Action', name: 'reset', bindingType: 'microsoft.graph.industryData.provisioningFlow', bindingNullable: false }
]
