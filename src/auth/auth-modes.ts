/** The auth mode of the server, applied to every Graph request (docs/auth-and-tenants.md). */
import type { FastifyRequest } from 'fastify'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import { bearerToken, bearerTokenOf, checkLifetime, tryDecodeJwt } from './bearer.js'
import { ANONYMOUS, DEFAULT_TENANT, principalFromClaims, type Principal } from './principal.js'
import { verifyToken, type VerificationKeys } from './verify-token.js'

export type Authenticator = (request: FastifyRequest) => Promise<Principal>

/** `keys` are needed in strict mode only; without them strict mode trusts no signature. */
export function createAuthenticator (config: Pick<Config, 'auth'>, clock: Clock, keys: VerificationKeys = { publicKeys: [] }): Authenticator {
  if (config.auth === 'off') return async (request) => tenantOnly(request)
  if (config.auth === 'strict') {
    // strict: a verified JWT for Graph's audience; without scp or roles it may do nothing (403).
    return async (request) => {
      const claims = await verifyToken(bearerToken(request.headers.authorization), keys, clock.now())
      const principal = principalFromClaims(claims)
      return principal.scopes === undefined && principal.roles === undefined ? { ...principal, scopes: [] } : principal
    }
  }
  // lenient: any bearer token; a JWT's exp/nbf, scopes, roles and tenant are honoured; an opaque token has full access.
  return async (request) => {
    const token = bearerToken(request.headers.authorization)
    const claims = tryDecodeJwt(token)
    if (claims === undefined) return { tenant: DEFAULT_TENANT }
    checkLifetime(claims, clock.now())
    return principalFromClaims(claims)
  }
}

/** Auth off: no checks at all, but a JWT's valid `tid` still picks the tenant (tenants stay isolated). */
function tenantOnly (request: FastifyRequest): Principal {
  const token = bearerTokenOf(request.headers.authorization)
  const claims = token === undefined ? undefined : tryDecodeJwt(token)
  if (claims === undefined) return ANONYMOUS
  try {
    return { tenant: principalFromClaims(claims).tenant }
  } catch {
    return ANONYMOUS
  }
}
