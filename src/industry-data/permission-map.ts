/**
 * Which permissions each route of the namespace needs, from each operation's Graph docs page: a collection's
 * part of the namespace (IndustryData-SourceSystem for sourceSystems, …). Role groups are read with the
 * reference-definition permissions on their docs pages and were served with the outbound ones before: either
 * grants them. The root and `$batch`'s own route need any industryData permission.
 */
import { PERMISSION_FAMILIES, permissionsFor, type Access, type PermissionFamily } from '../auth/permissions.js'

const BY_COLLECTION: Readonly<Record<string, readonly PermissionFamily[]>> = {
  outboundprovisioningflowsets: ['IndustryData-OutboundFlow'],
  rolegroups: ['IndustryData-OutboundFlow', 'IndustryData-ReferenceDefinition'],
  sourcesystems: ['IndustryData-SourceSystem'],
  dataconnectors: ['IndustryData-DataConnector'],
  years: ['IndustryData-TimePeriod'],
  inboundflows: ['IndustryData-InboundFlow'],
  referencedefinitions: ['IndustryData-ReferenceDefinition']
}

const COLLECTION = /\/external\/industryData\/([^/]+)/i

/** Worked out once per route and access: the routes are a few dozen, every request asks. */
const known = new Map<string, readonly string[]>()
const KNOWN_MAX = 1000

/** The permissions, any one of which lets a request to the route `routeUrl` (Fastify's pattern) through. */
export function neededPermissions (routeUrl: string, access: Access): readonly string[] {
  const key = `${access} ${routeUrl}`
  let needed = known.get(key)
  if (needed === undefined) {
    if (known.size >= KNOWN_MAX) known.clear()
    needed = permissionsOf(routeUrl, access)
    known.set(key, needed)
  }
  return needed
}

function permissionsOf (routeUrl: string, access: Access): string[] {
  const collection = COLLECTION.exec(routeUrl)?.[1]?.toLowerCase()
  if (collection === undefined) {
    // The shortcut route is a provisioning flow; the root answers any part's token.
    return permissionsFor(/classGroupProvisioningFlow/i.test(routeUrl) ? ['IndustryData-OutboundFlow'] : PERMISSION_FAMILIES, access)
  }
  return permissionsFor(BY_COLLECTION[collection] ?? PERMISSION_FAMILIES, access)
}
