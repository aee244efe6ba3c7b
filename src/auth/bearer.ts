/** The bearer token of a request, and what can be read of it without jose: its JWT claims and their lifetime. */
import type { JWTPayload } from 'jose'
import { invalidToken, missingToken } from '../errors/graph-errors.js'

const BEARER = /^\s*Bearer\s+(\S+)\s*$/i

/** The token of an `Authorization: Bearer …` header, or undefined when there is none. */
export function bearerTokenOf (header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1]
}

/** The token of an `Authorization: Bearer …` header, or a 401. */
export function bearerToken (header: string | undefined): string {
  const token = bearerTokenOf(header)
  if (token === undefined) throw missingToken()
  return token
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
