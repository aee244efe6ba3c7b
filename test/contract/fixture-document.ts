/**
 * The fixture document format, typed with the official Graph types (`@microsoft/microsoft-graph-types-beta`,
 * namespace IndustryData) plus the annotations a request body carries: `@odata.type` and the `nav@odata.bind`
 * that stand for navigation properties. Used only by the compile-time fixture check.
 */
import type { IndustryData } from '@microsoft/microsoft-graph-types-beta'

type Typed<T> = T & { '@odata.type'?: string }

type FixtureUserConfiguration = Omit<IndustryData.UserConfiguration, 'defaultPasswordSettings'> & {
  'roleGroup@odata.bind'?: string
  defaultPasswordSettings?: Typed<IndustryData.SimplePasswordSettings> | null
}

type FixtureUserFlow = Typed<Omit<IndustryData.UserProvisioningFlow, 'creationOptions'>> & {
  creationOptions?: { configurations?: FixtureUserConfiguration[] | null } | null
}

export type FixtureFlow =
  | Typed<IndustryData.ClassGroupProvisioningFlow>
  | Typed<IndustryData.SecurityGroupProvisioningFlow>
  | Typed<IndustryData.AdministrativeUnitProvisioningFlow>
  | FixtureUserFlow

export interface FixtureFlowSet extends Omit<IndustryData.OutboundProvisioningFlowSet, 'filter'> {
  filter?: Typed<IndustryData.BasicFilter> | null
  provisioningFlows?: FixtureFlow[]
}

type FixtureUserMatchingSetting = Omit<IndustryData.UserMatchingSetting, 'roleGroup'> & { 'roleGroup@odata.bind'?: string }

export type FixtureSourceSystem = Omit<IndustryData.SourceSystemDefinition, 'userMatchingSettings'> & {
  userMatchingSettings?: FixtureUserMatchingSetting[] | null
}

type Bound<T, N extends string> = Typed<Omit<T, N>> & { [K in `${N}@odata.bind`]: string }

export type FixtureDataConnector =
  | Bound<IndustryData.AzureDataLakeConnector, 'sourceSystem'>
  | Bound<IndustryData.OneRosterApiDataConnector, 'sourceSystem'>

export type FixtureInboundFlow =
  | Bound<IndustryData.InboundFileFlow, 'dataConnector' | 'year'>
  | Bound<IndustryData.InboundApiFlow, 'dataConnector' | 'year'>

export interface FixtureDocument {
  roleGroups?: IndustryData.RoleGroup[]
  sourceSystems?: FixtureSourceSystem[]
  years?: IndustryData.YearTimePeriodDefinition[]
  dataConnectors?: FixtureDataConnector[]
  inboundFlows?: FixtureInboundFlow[]
  outboundProvisioningFlowSets?: FixtureFlowSet[]
}
