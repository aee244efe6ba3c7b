/**
 * Graph permissions for the industryData API (Graph permissions reference): each part of the namespace has its
 * own pair, `…Read.All` and `…ReadWrite.All`; which part a route belongs to is industry-data/permission-map.ts's.
 */
export const READ_ALL = 'IndustryData-OutboundFlow.Read.All'
export const READ_WRITE_ALL = 'IndustryData-OutboundFlow.ReadWrite.All'

/** The parts of the namespace, as their permission names begin. */
export const PERMISSION_FAMILIES = [
  'IndustryData-OutboundFlow', 'IndustryData-SourceSystem', 'IndustryData-DataConnector', 'IndustryData-TimePeriod',
  'IndustryData-InboundFlow', 'IndustryData-ReferenceDefinition'
] as const
export type PermissionFamily = typeof PERMISSION_FAMILIES[number]

export type Access = 'read' | 'write'

/** Any one of these grants `access` to a route of `families`: reads take Read.All or ReadWrite.All, writes ReadWrite.All. */
export function permissionsFor (families: readonly PermissionFamily[], access: Access): string[] {
  return families.flatMap(family => access === 'read' ? [`${family}.Read.All`, `${family}.ReadWrite.All`] : [`${family}.ReadWrite.All`])
}

/** What a minted token holds when its body names none: every part's ReadWrite.All. */
export const DEFAULT_PERMISSIONS: readonly string[] = PERMISSION_FAMILIES.map(family => `${family}.ReadWrite.All`)

/** Reads are GET/HEAD; everything else (POST, PATCH, DELETE, actions) writes. */
export const accessFor = (method: string): Access => method === 'GET' || method === 'HEAD' ? 'read' : 'write'
