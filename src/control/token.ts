/**
 * Test tokens (docs/auth-and-tenants.md): `POST /_mock/token` mints a JWT signed with the server's key, answered like the
 * Microsoft identity platform's token endpoint; `GET /_mock/token/key` publishes the public key as a JWKS.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { DEFAULT_TENANT } from '../auth/principal.js'
import { DEFAULT_PERMISSIONS } from '../auth/permissions.js'
import { GRAPH_AUDIENCE, MOCK_CLIENT_APP_ID, tokenClaims } from '../auth/token-claims.js'
import type { TokenSigner } from '../auth/token-signer.js'
import type { Clock } from '../clock.js'
import { badRequest } from '../errors/graph-errors.js'
import { adminGuard } from './admin-guard.js'

export interface TokenRoutesOptions {
  /** The server's signing key (strict mode trusts what it signs). */
  signer: TokenSigner
  /** Server time: iat/nbf/exp follow it, frozen or shifted. */
  clock: Clock
  /** GRAPH_MOCK_ADMIN_TOKEN: when set, both routes need header x-mock-admin-token. */
  adminToken?: string
}

/** The lifetime Microsoft's token endpoint gives by default (one hour), and the longest a test token may have (a year). */
export const DEFAULT_LIFETIME_SECONDS = 3600
export const MAX_LIFETIME_SECONDS = 31_536_000

const Permission = Type.String({ pattern: '^[!-~]{1,200}$', description: 'A Graph permission name, e.g. IndustryData-OutboundFlow.Read.All' })

export const TokenRequestBody = Type.Object({
  tenant: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$', description: 'tid; default: the default tenant' })),
  scopes: Type.Optional(Type.Array(Permission, { maxItems: 100, description: 'Delegated permissions (scp). Default, when neither scopes nor roles is given: IndustryData-OutboundFlow.ReadWrite.All' })),
  roles: Type.Optional(Type.Array(Permission, { maxItems: 100, description: 'Application permissions (roles); an app-only token' })),
  lifetime: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIFETIME_SECONDS, description: 'Seconds from now (server time) until exp; default 3600' })),
  audience: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: `aud; default ${GRAPH_AUDIENCE}` })),
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'oid and sub; default: a GUID stable per tenant and app' })),
  appId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'appid: the client application' }))
}, { additionalProperties: false, description: 'What the minted token says' })
export type TokenRequestBody = Static<typeof TokenRequestBody>

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the token expires' }),
  expires_on: Type.Integer({ description: 'exp, in seconds since the epoch' })
})
export type TokenResponse = Static<typeof TokenResponse>

const Jwks = Type.Object({ keys: Type.Array(Type.Object({ kid: Type.String(), alg: Type.String(), use: Type.String() }, { additionalProperties: true })) })

/** Mint a token for `body` at `nowMs`; 400 when it asks for both delegated and application permissions. */
export async function mintToken (signer: TokenSigner, body: TokenRequestBody, nowMs: number): Promise<TokenResponse> {
  if (body.scopes !== undefined && body.roles !== undefined) {
    throw badRequest("Give either 'scopes' (a delegated token, scp) or 'roles' (an application token), not both.")
  }
  const lifetimeSeconds = body.lifetime ?? DEFAULT_LIFETIME_SECONDS
  const claims = tokenClaims({
    tenant: (body.tenant ?? DEFAULT_TENANT).toLowerCase(),
    ...(body.roles === undefined ? { scopes: body.scopes ?? [...DEFAULT_PERMISSIONS] } : { roles: body.roles }),
    lifetimeSeconds,
    audience: body.audience ?? GRAPH_AUDIENCE,
    ...(body.subject === undefined ? {} : { subject: body.subject }),
    appId: body.appId ?? MOCK_CLIENT_APP_ID,
    nowMs
  })
  return { access_token: await signer.sign(claims), token_type: 'Bearer', expires_in: lifetimeSeconds, expires_on: Number(claims.exp) }
}

export const tokenRoutes: FastifyPluginAsyncTypebox<TokenRoutesOptions> = async (app, { signer, clock, adminToken }) => {
  app.addHook('onRequest', adminGuard(adminToken))

  app.post('/token', {
    schema: { body: TokenRequestBody, response: { 200: TokenResponse } },
    // `curl -X POST …/_mock/token` (no body) mints the default token.
    preValidation: async (request) => { if (request.body === undefined || request.body === null) request.body = {} }
  }, async (request) => await mintToken(signer, request.body, clock.now()))

  app.get('/token/key', { schema: { response: { 200: Jwks } } }, async () => signer.jwks())
}
