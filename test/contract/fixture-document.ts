/**
 * The fixture document format, typed with the official Graph types (`@microsoft/microsoft-graph-types-beta`,
 * namespace IndustryData) plus the two annotations a request body carries: `@odata.type` and
 * `roleGroup@odata.bind`. Used only by the compile-time fixture check.
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

export interface FixtureDocument {
  outboundProvisioningFlowSets?: FixtureFlowSet[]
  roleGroups?: IndustryData.RoleGroup[]
}
