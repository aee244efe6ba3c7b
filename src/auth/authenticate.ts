/** Who is calling: the bearer token, its claims when it is a JWT, the tenant it acts in, and what it may do. */
import { decodeJwt, type JWTPayload } from 'jose'
import { forbidden, invalidToken, missingToken } from '../errors/graph-errors.js'
import { PERMISSIONS, type Access } from './permissions.js'

export const DEFAULT_TENANT = '00000000-0000-0000-0000-000000000001'

export interface Principal {
  tenant: string
  /** Delegated scopes (`scp`) and application roles (`roles`); undefined means unrestricted (opaque token, auth off). */
  scopes?: readonly string[]
  roles?: readonly string[]
}

export const ANONYMOUS: Principal = { tenant: DEFAULT_TENANT }

/** The token of an `Authorization: Bearer …` header, or a 401. */
export function bearerToken (header: string | undefined): string {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  if (match?.[1] === undefined) throw missingToken()
  return match[1]
}

/** Claims of a token that parses as a JWT; undefined for opaque tokens. */
export function tryDecodeJwt (token: string): JWTPayload | undefined {
  if (token.split('.').length !== 3) return undefined
  try {
    return decodeJwt(token)
  } catch {
    return undefined
  }
}

/** exp/nbf against server time (seconds); 401 when outside. */
export function checkLifetime (claims: JWTPayload, nowMs: number, skewSeconds = 0): void {
  const now = Math.floor(nowMs / 1000)
  if (typeof claims.exp === 'number' && claims.exp + skewSeconds <= now) throw invalidToken('Lifetime validation failed, the token is expired.')
  if (typeof claims.nbf === 'number' && claims.nbf - skewSeconds > now) throw invalidToken('Lifetime validation failed, the token is not yet valid.')
}

const TENANT_ID = /^[0-9a-z][0-9a-z._-]{0,99}$/i

/** The principal a JWT's claims describe. */
export function principalFromClaims (claims: JWTPayload): Principal {
  const tid = claims.tid
  if (tid !== undefined && (typeof tid !== 'string' || !TENANT_ID.test(tid))) throw invalidToken('The token\'s tid claim is not a valid tenant id.')
  const principal: { tenant: string, scopes?: string[], roles?: string[] } = { tenant: typeof tid === 'string' ? tid.toLowerCase() : DEFAULT_TENANT }
  if (typeof claims.scp === 'string') principal.scopes = claims.scp.split(' ').filter(s => s !== '')
  if (Array.isArray(claims.roles)) principal.roles = claims.roles.filter((r): r is string => typeof r === 'string')
  return principal
}

/** 403 unless the principal holds a permission that grants `access`. */
export function authorize (principal: Principal, access: Access): void {
  if (principal.scopes === undefined && principal.roles === undefined) return
  const held = [...(principal.scopes ?? []), ...(principal.roles ?? [])]
  const needed = PERMISSIONS[access]
  if (held.some(p => needed.some(n => n.toLowerCase() === p.toLowerCase()))) return
  throw forbidden(`Missing permission: this operation needs ${needed.join(' or ')}; the token has ${held.length === 0 ? 'none' : held.join(', ')}.`)
}
