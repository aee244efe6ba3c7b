/**
 * Enrollment-mapping role codes are answered in the spelling of the known role definitions: the Graph docs
 * send `paraProfessional` and get `paraprofessional` back. Known codes are those of the tenant's role groups.
 */
type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Lower-cased code → canonical spelling, from role groups' `roles`. */
export function knownRoleCodes (roleGroups: readonly Json[]): ReadonlyMap<string, string> {
  const codes = new Map<string, string>()
  for (const group of roleGroups) {
    const roles = Array.isArray(group.roles) ? group.roles : []
    for (const role of roles) {
      if (isObject(role) && typeof role.code === 'string') codes.set(role.code.toLowerCase(), role.code)
    }
  }
  return codes
}

/** A copy of a classGroup `configuration` whose enrollment-mapping codes use the known spelling. */
export function canonicalEnrollmentCodes (configuration: unknown, codes: ReadonlyMap<string, string>): unknown {
  if (!isObject(configuration) || !isObject(configuration.enrollmentMappings)) return configuration
  const mappings: Json = { ...configuration.enrollmentMappings }
  for (const name of ['memberEnrollmentMappings', 'ownerEnrollmentMappings']) {
    const list = mappings[name]
    if (!Array.isArray(list)) continue
    mappings[name] = list.map(item => isObject(item) && typeof item.code === 'string'
      ? { ...item, code: codes.get(item.code.toLowerCase()) ?? item.code }
      : item)
  }
  return { ...configuration, enrollmentMappings: mappings }
}
