/** Test tokens: unsigned JWTs for lenient mode, HS256 and asymmetric signatures for strict mode, and minting through /_mock/token. */
import type { FastifyInstance } from 'fastify'
import { SignJWT, type JWTPayload } from 'jose'
import type { KeyObject } from 'node:crypto'
import { READ_ALL, READ_WRITE_ALL } from '../../src/auth/permissions.js'

export { READ_ALL, READ_WRITE_ALL }
export const GRAPH = 'https://graph.microsoft.com'
export const SECRET = 'a-test-secret-of-at-least-32-bytes!!'
/** A fixed server time (2026-11-28T21:28:02Z) so token lifetimes are exact. */
export const NOW_MS = Date.UTC(2026, 10, 28, 21, 28, 2)
export const NOW = Math.floor(NOW_MS / 1000)

/** A JWT with `alg: none` and a junk signature: lenient mode reads its claims, strict mode rejects it. */
export function unsignedJwt (claims: JWTPayload): string {
  return ['{"alg":"none","typ":"JWT"}', JSON.stringify(claims)].map(p => Buffer.from(p).toString('base64url')).join('.') + '.sig'
}

/** An HS256 JWT signed with `secret`. */
export async function hs256 (claims: JWTPayload, secret = SECRET): Promise<string> {
  return await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret))
}

/** A JWT signed with an asymmetric private key. */
export async function signWith (key: KeyObject, alg: string, claims: JWTPayload, kid?: string): Promise<string> {
  return await new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', ...(kid === undefined ? {} : { kid }) }).sign(key)
}

/** Graph-shaped claims valid for ten minutes from NOW, plus `extra`. */
export const claims = (extra: JWTPayload = {}): JWTPayload => ({ aud: GRAPH, iat: NOW, nbf: NOW, exp: NOW + 600, ...extra })

/** `Authorization: Bearer …` */
export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` })

/** Mint through the control plane; fails the test when the answer is not 200. */
export async function mint (app: FastifyInstance, body: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/_mock/token', headers: { 'content-type': 'application/json', ...headers }, payload: body })
  if (res.statusCode !== 200) throw new Error(`POST /_mock/token answered ${res.statusCode}: ${res.body}`)
  return (res.json() as { access_token: string }).access_token
}
