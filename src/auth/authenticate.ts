/** Who is calling: the bearer token, its claims when it is a JWT, the tenant it acts in, and what it may do. */
import type { JWTPayload } from 'jose'
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

/**
 * Claims of a token that parses as a JWT; undefined for opaque tokens. Decoded here as jose's decodeJwt does
 * (strict base64url, fatal UTF-8, a JSON object), so that jose itself loads only when a token is signed or
 * verified: importing it was 6 % of start-up CPU.
 */
export function tryDecodeJwt (token: string): JWTPayload | undefined {
  const parts = token.split('.')
  // Forgiving base64 as atob reads it: up to two '=' when the length is a multiple of 4, else the alphabet only.
  const payload = parts[1] !== undefined && parts[1].length % 4 === 0 ? parts[1].replace(/={1,2}$/, '') : parts[1]
  if (parts.length !== 3 || payload === undefined || payload === '' || !/^[A-Za-z0-9_-]+$/.test(payload) || payload.length % 4 === 1) return undefined
  try {
    const claims: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(payload, 'base64url')))
    return typeof claims === 'object' && claims !== null && Object.prototype.toString.call(claims) === '[object Object]' ? claims as JWTPayload : undefined
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

/** 403 unless the principal holds a permission that grants `access`. */
export function authorize (principal: Principal, access: Access): void {
  if (principal.scopes === undefined && principal.roles === undefined) return
  const held = [...(principal.scopes ?? []), ...(principal.roles ?? [])]
  const needed = PERMISSIONS[access]
  if (held.some(p => needed.some(n => n.toLowerCase() === p.toLowerCase()))) return
  throw forbidden(`Missing permission: this operation needs ${needed.join(' or ')}; the token has ${held.length === 0 ? 'none' : held.join(', ')}.`)
}
