/**
 * Enrollment-mapping role codes are answered in the spelling of the known role definitions: the Graph docs
 * send `paraProfessional` and get `paraprofessional` back. Known codes are those of the tenant's role groups.
 */
import { isJsonObject, type Json } from '../../json.js'

/** Lower-cased code → canonical spelling, from role groups' `roles`. */
export function knownRoleCodes (roleGroups: readonly Json[]): ReadonlyMap<string, string> {
  const codes = new Map<string, string>()
  for (const group of roleGroups) {
    const roles = Array.isArray(group.roles) ? group.roles : []
    for (const role of roles) {
      if (isJsonObject(role) && typeof role.code === 'string') codes.set(role.code.toLowerCase(), role.code)
    }
  }
  return codes
}

/** A copy of a classGroup `configuration` whose enrollment-mapping codes use the known spelling. */
export function canonicalEnrollmentCodes (configuration: unknown, codes: ReadonlyMap<string, string>): unknown {
  if (!isJsonObject(configuration) || !isJsonObject(configuration.enrollmentMappings)) return configuration
  const mappings: Json = { ...configuration.enrollmentMappings }
  for (const name of ['memberEnrollmentMappings', 'ownerEnrollmentMappings']) {
    const list = mappings[name]
    if (!Array.isArray(list)) continue
    mappings[name] = list.map(item => isJsonObject(item) && typeof item.code === 'string'
      ? { ...item, code: codes.get(item.code.toLowerCase()) ?? item.code }
      : item)
  }
  return { ...configuration, enrollmentMappings: mappings }
}
