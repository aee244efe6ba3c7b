/** The auth mode of the server, applied to every Graph request (SPEC §6). */
import type { FastifyRequest } from 'fastify'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import { ANONYMOUS, bearerToken, checkLifetime, DEFAULT_TENANT, principalFromClaims, tryDecodeJwt, type Principal } from './authenticate.js'

export type Authenticator = (request: FastifyRequest) => Promise<Principal>

export function createAuthenticator (config: Pick<Config, 'auth'>, clock: Clock): Authenticator {
  if (config.auth === 'off') return async () => ANONYMOUS
  // lenient: any bearer token; a JWT's exp/nbf, scopes, roles and tenant are honoured; an opaque token has full access.
  return async (request) => {
    const token = bearerToken(request.headers.authorization)
    const claims = tryDecodeJwt(token)
    if (claims === undefined) return { tenant: DEFAULT_TENANT }
    checkLifetime(claims, clock.now())
    return principalFromClaims(claims)
  }
}
