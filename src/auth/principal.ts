/** Who is calling, as the server sees it: the tenant a principal acts in, and what it may do. */
import type { JWTPayload } from 'jose'
import { forbidden, invalidToken } from '../errors/graph-errors.js'

export const DEFAULT_TENANT = '00000000-0000-0000-0000-000000000001'

export interface Principal {
  tenant: string
  /** Delegated scopes (`scp`) and application roles (`roles`); undefined means unrestricted (opaque token, auth off). */
  scopes?: readonly string[]
  roles?: readonly string[]
}

export const ANONYMOUS: Principal = { tenant: DEFAULT_TENANT }

/** A tenant id (a token's tid, or ?tenant= on the control plane): a GUID in Entra ID, any such name here. */
export const TENANT_ID_PATTERN = '^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$'
const TENANT_ID = new RegExp(TENANT_ID_PATTERN)
export const isTenantId = (text: string): boolean => TENANT_ID.test(text)

/** The principal a JWT's claims describe. */
export function principalFromClaims (claims: JWTPayload): Principal {
  const tid = claims.tid
  if (tid !== undefined && (typeof tid !== 'string' || !TENANT_ID.test(tid))) throw invalidToken('The token\'s tid claim is not a valid tenant id.')
  const principal: { tenant: string, scopes?: string[], roles?: string[] } = { tenant: typeof tid === 'string' ? tid.toLowerCase() : DEFAULT_TENANT }
  if (typeof claims.scp === 'string') principal.scopes = claims.scp.split(' ').filter(s => s !== '')
  if (Array.isArray(claims.roles)) principal.roles = claims.roles.filter((r): r is string => typeof r === 'string')
  return principal
}

/** 403 unless the principal holds one of the `needed` permissions (a token without claims holds them all). */
export function authorize (principal: Principal, needed: readonly string[]): void {
  if (principal.scopes === undefined && principal.roles === undefined) return
  const held = [...(principal.scopes ?? []), ...(principal.roles ?? [])]
  if (held.some(p => needed.some(n => n.toLowerCase() === p.toLowerCase()))) return
  throw forbidden(`Missing permission: this operation needs ${needed.join(' or ')}; the token has ${held.length === 0 ? 'none' : held.join(', ')}.`)
}
