/** The Prefer request header (RFC 7240) as Graph uses it. */

/** Lower-cased preference tokens: `return=minimal`, `include-unknown-enum-members`, … */
export function parsePrefer (header: string | string[] | undefined): ReadonlySet<string> {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header]
  const tokens = new Set<string>()
  for (const value of values) {
    for (const part of value.split(',')) {
      const token = part.split(';')[0]?.trim().toLowerCase().replace(/\s*=\s*/, '=').replace(/"/g, '')
      if (token !== undefined && token !== '') tokens.add(token)
    }
  }
  return tokens
}

export type PatchReturn = 'representation' | 'minimal'

/** Which answer a PATCH gets, and the Preference-Applied value when the client asked for it. */
export function patchReturn (prefer: ReadonlySet<string>, serverDefault: PatchReturn): { kind: PatchReturn, applied?: string } {
  if (prefer.has('return=minimal')) return { kind: 'minimal', applied: 'return=minimal' }
  if (prefer.has('return=representation')) return { kind: 'representation', applied: 'return=representation' }
  return { kind: serverDefault }
}

export const INCLUDE_UNKNOWN_ENUM_MEMBERS = 'include-unknown-enum-members'
