/** `@odata.context` URLs, built the way Graph writes them. */

/** `https://host/beta` — the public base URL plus the version segment. */
export function serviceRoot (origin: string, version: string): string {
  return `${origin.replace(/\/+$/, '')}/${version}`
}

const quote = (id: string): string => id.replace(/'/g, "''")

export const contexts = {
  flowSets: (root: string): string => `${root}/$metadata#external/industryData/outboundProvisioningFlowSets`,
  flowSet: (root: string): string => `${root}/$metadata#external/industryData/outboundProvisioningFlowSets/$entity`,
  flows: (root: string, setId: string): string =>
    `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${quote(setId)}')/provisioningFlows`,
  flow: (root: string, setId: string): string =>
    `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${quote(setId)}')/provisioningFlows/$entity`,
  boundRoleGroup: (root: string, setId: string, flowId: string, flowType: string, path: readonly string[]): string =>
    `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${quote(setId)}')/provisioningFlows('${quote(flowId)}')/microsoft.graph.industryData.${flowType}/${[...path, 'roleGroup'].join('/')}/$entity`,
  roleGroups: (root: string): string => `${root}/$metadata#external/industryData/roleGroups`,
  roleGroup: (root: string): string => `${root}/$metadata#external/industryData/roleGroups/$entity`
}
