/** `roleGroup@odata.bind` references: what they may look like and the one form they are stored in. */

const ROLE_GROUP_REFERENCE = /(?:^|\/)external\/industryData\/roleGroups(?:\/([^/()?#]+)|\('([^']+)'\))\/?$/i

/**
 * The role-group id a bind URL points at: absolute (`https://graph.microsoft.com/beta/external/industryData/roleGroups/staff`)
 * or relative (`external/industryData/roleGroups('staff')`), any host and version. Undefined for anything else.
 */
export function roleGroupIdOf (reference: string): string | undefined {
  const path = reference.replace(/^https?:\/\/[^/]+/i, '').replace(/^\/(?:beta|v1\.0)(?=\/)/i, '')
  const match = ROLE_GROUP_REFERENCE.exec(path)
  if (match === null) return undefined
  const id = match[1] ?? match[2]
  if (id === undefined) return undefined
  try {
    return decodeURIComponent(id)
  } catch {
    return undefined // a malformed escape (`%ZZ`) names no role group
  }
}

/** The stored form: the absolute URL the Graph docs send. */
export function roleGroupReference (id: string): string {
  return `https://graph.microsoft.com/beta/external/industryData/roleGroups/${encodeURIComponent(id)}`
}

/**
 * A JSON Schema pattern for documents: bind URLs roleGroupIdOf reads. Stricter than it: an absolute URL names
 * its version, names keep their case, and an id holds no `%` escapes.
 */
export const ROLE_GROUP_REFERENCE_PATTERN = String.raw`^(?:https?://[^/?#]+/(?:beta|v1\.0)/|/?)external/industryData/roleGroups(?:/[^/()?#%']+|\('[^'%]+'\))$`
