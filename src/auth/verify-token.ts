/**
 * Strict mode's token check (docs/auth-and-tenants.md): a JWT whose signature verifies (HS256 secret, configured public keys, or
 * the server's own key), within exp/nbf by server time, for Graph's audience. Messages follow Graph's 401s.
 */
import type { JWTPayload, ProtectedHeaderParameters } from 'jose'
import type { KeyObject } from 'node:crypto'
import { invalidToken } from '../errors/graph-errors.js'
import type { GraphError } from '../errors/graph-error.js'
import { ASYMMETRIC_ALGORITHMS, candidateKeys, type PublicKey } from './public-keys.js'
import { GRAPH_AUDIENCES } from './token-claims.js'

export interface VerificationKeys {
  /** GRAPH_MOCK_JWT_SECRET, for HS256/384/512 tokens. */
  secret?: Uint8Array
  /** GRAPH_MOCK_JWT_KEYS and the server's own signing key. */
  publicKeys: readonly PublicKey[]
}

const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512']
const FAILURE = 'Access token validation failure.'

/** The verified claims of `token`, or the 401 Graph would answer. */
export async function verifyToken (token: string, keys: VerificationKeys, nowMs: number): Promise<JWTPayload> {
  const { decodeProtectedHeader, errors, jwtVerify } = await import('jose') // loaded on first use: not needed to start
  const notJwt = invalidToken(`${FAILURE} The token is not a JWT; GRAPH_MOCK_AUTH=strict accepts only signed JWTs.`)
  if (token.split('.').length !== 3) throw notJwt
  let header: ProtectedHeaderParameters
  try {
    header = decodeProtectedHeader(token)
  } catch {
    throw notJwt
  }
  const alg = header.alg ?? ''
  const hmac = HMAC_ALGORITHMS.includes(alg)
  if (!hmac && ASYMMETRIC_ALGORITHMS[alg] === undefined) throw invalidToken(`${FAILURE} The signing algorithm '${alg}' is not accepted.`)
  const candidates: Array<Uint8Array | KeyObject> = hmac
    ? keys.secret === undefined ? [] : [keys.secret]
    : candidateKeys(keys.publicKeys, alg, header.kid).map(k => k.key)
  if (candidates.length === 0) {
    throw invalidToken(`${FAILURE} No configured key verifies ${alg} tokens${header.kid === undefined ? '' : ` with kid '${header.kid}'`}.`)
  }
  const options = { algorithms: [alg], audience: [...GRAPH_AUDIENCES], currentDate: new Date(nowMs) }
  for (const key of candidates) {
    try {
      return (await jwtVerify(token, key, options)).payload
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) continue // maybe another key with the same kid
      throw toInvalidToken(errors, error)
    }
  }
  throw invalidToken(`${FAILURE} Invalid signature.`)
}

function toInvalidToken (errors: typeof import('jose')['errors'], error: unknown): GraphError {
  if (error instanceof errors.JWTExpired) return invalidToken('Lifetime validation failed, the token is expired.')
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' && error.reason === 'check_failed') return invalidToken('Lifetime validation failed, the token is not yet valid.')
    if (error.claim === 'aud') return invalidToken(`${FAILURE} Invalid audience.`)
    return invalidToken(`${FAILURE} Invalid '${error.claim}' claim.`)
  }
  return invalidToken(`${FAILURE} The token is not a valid JWT (${error instanceof Error ? error.message : String(error)}).`)
}
