/** The claims of a test token, shaped like a Microsoft identity platform (v1) access token for Microsoft Graph. */
import { createHash } from 'node:crypto'
import type { JWTPayload } from 'jose'

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com'
/** Microsoft Graph's application id: the other audience Graph tokens carry. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
export const GRAPH_AUDIENCES: readonly string[] = [GRAPH_AUDIENCE, GRAPH_APP_ID]
/** The client application test tokens name when the request gives none. */
export const MOCK_CLIENT_APP_ID = '6d6f636b-0000-4000-8000-677261706831'

export interface TokenRequest {
  tenant: string
  /** Delegated permissions (`scp`); absent for an application token. */
  scopes?: readonly string[]
  /** Application permissions (`roles`); absent for a delegated token. */
  roles?: readonly string[]
  lifetimeSeconds: number
  audience: string
  /** `oid`/`sub`; default: a GUID derived from tenant, app and token kind, so it is the same on every mint. */
  subject?: string
  appId: string
  nowMs: number
}

/** Claims for `request`: aud, iss, iat/nbf/exp, tid, oid/sub, appid, and scp (space-separated) or roles. */
export function tokenClaims (request: TokenRequest): JWTPayload {
  const iat = Math.floor(request.nowMs / 1000)
  const kind = request.roles === undefined ? 'user' : 'app'
  const subject = request.subject ?? stableGuid(`${request.tenant}:${request.appId}:${kind}`)
  const claims: JWTPayload = {
    aud: request.audience,
    iss: `https://sts.windows.net/${request.tenant}/`,
    iat,
    nbf: iat,
    exp: iat + request.lifetimeSeconds,
    app_displayname: 'graph-mock',
    appid: request.appId,
    idtyp: kind,
    oid: subject,
    sub: subject,
    tid: request.tenant,
    ver: '1.0'
  }
  if (request.scopes !== undefined) claims.scp = request.scopes.join(' ')
  if (request.roles !== undefined) claims.roles = [...request.roles]
  return claims
}

function stableGuid (text: string): string {
  const hex = createHash('sha256').update(text).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
