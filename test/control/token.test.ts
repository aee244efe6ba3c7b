/** POST /_mock/token and GET /_mock/token/key (SPEC §6, §7): minting, the JWKS, strict mode trusting them, bad input, the admin token. */
import t from 'tap'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { createClock } from '../../src/clock.js'
import { DEFAULT_TENANT } from '../../src/auth/principal.js'
import { assertGraphError, build, CLASS_FLOW_ID, flowUrl } from '../helpers.js'
import { bearer, mint, NOW, NOW_MS, READ_ALL, READ_WRITE_ALL } from '../auth/tokens.js'

const frozen = () => {
  const clock = createClock()
  clock.freeze(NOW_MS)
  return clock
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const patchFlow = { configuration: { additionalAttributes: ['courseCode'] } }

t.test('POST /_mock/token answers like the Microsoft identity platform, with a Graph-shaped token', async t => {
  const app = await build(t, {}, { clock: frozen() })
  const res = await app.inject({ method: 'POST', url: '/_mock/token' }) // no body: the default token
  t.equal(res.statusCode, 200, 'minted')
  const body = res.json()
  t.same(Object.keys(body), ['access_token', 'token_type', 'expires_in', 'expires_on'], 'access_token, token_type, expires_in, expires_on')
  t.equal(body.token_type, 'Bearer', 'token_type Bearer')
  t.equal(body.expires_in, 3600, 'an hour by default')
  t.equal(body.expires_on, NOW + 3600, 'expires_on is exp, by server time')

  const header = decodeProtectedHeader(body.access_token)
  t.same(header, { alg: 'ES256', typ: 'JWT', kid: header.kid }, 'ES256 with a kid')
  const claims = decodeJwt(body.access_token)
  t.match(claims, {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${DEFAULT_TENANT}/`,
    tid: DEFAULT_TENANT,
    scp: READ_WRITE_ALL,
    iat: NOW,
    nbf: NOW,
    exp: NOW + 3600,
    appid: GUID,
    oid: GUID,
    idtyp: 'user',
    ver: '1.0'
  }, 'delegated ReadWrite.All token for the default tenant')
  t.equal(claims.sub, claims.oid, 'sub is oid')
  t.equal(claims.roles, undefined, 'no roles on a delegated token')
  const again = decodeJwt(await mint(app))
  t.equal(again.oid, claims.oid, 'the default subject is stable across mints')
})

t.test('the body picks tenant, scopes or roles, lifetime, audience, subject and app', async t => {
  const app = await build(t, {}, { clock: frozen() })
  const appToken = decodeJwt(await mint(app, { tenant: 'Contoso-Tenant', roles: [READ_ALL], lifetime: 60, audience: '00000003-0000-0000-c000-000000000000', subject: 'svc-1', appId: 'my-app' }))
  t.match(appToken, { tid: 'contoso-tenant', iss: 'https://sts.windows.net/contoso-tenant/', roles: [READ_ALL], exp: NOW + 60, aud: '00000003-0000-0000-c000-000000000000', oid: 'svc-1', sub: 'svc-1', appid: 'my-app', idtyp: 'app' }, 'application token as asked, tenant in lower case')
  t.equal(appToken.scp, undefined, 'no scp on an application token')
  const scoped = decodeJwt(await mint(app, { scopes: [READ_ALL, 'User.Read'] }))
  t.equal(scoped.scp, `${READ_ALL} User.Read`, 'scp is space-separated')
  t.not(decodeJwt(await mint(app, { tenant: 'other' })).oid, scoped.oid, 'default subjects differ per tenant')
})

t.test('GET /_mock/token/key publishes the public key; tokens verify against it', async t => {
  const app = await build(t, {}, { clock: frozen() })
  const token = await mint(app, { tenant: 'tenant-a' })
  const res = await app.inject({ method: 'GET', url: '/_mock/token/key' })
  t.equal(res.statusCode, 200, 'JWKS answered')
  const jwks = res.json()
  t.equal(jwks.keys.length, 1, 'one key')
  t.match(jwks.keys[0], { kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: decodeProtectedHeader(token).kid }, 'the signing key, by kid')
  t.equal(jwks.keys[0].d, undefined, 'no private part')
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { audience: 'https://graph.microsoft.com', currentDate: new Date(NOW_MS) })
  t.equal(payload.tid, 'tenant-a', 'a JWT library verifies the token with the published JWKS')
})

t.test('strict mode trusts what the server minted, by server time', async t => {
  const clock = frozen()
  const app = await build(t, { auth: 'strict' }, { clock })
  const url = flowUrl(CLASS_FLOW_ID)
  const write = await mint(app, { lifetime: 60 })
  t.equal((await app.inject({ method: 'PATCH', url, headers: { ...bearer(write), 'content-type': 'application/json' }, payload: patchFlow })).statusCode, 200, 'a minted ReadWrite.All token writes')
  t.equal((await app.inject({ method: 'GET', url, headers: bearer(await mint(app, { audience: '00000003-0000-0000-c000-000000000000' })) })).statusCode, 200, 'Graph\'s app-id audience is accepted too')
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: { ...bearer(await mint(app, { roles: [READ_ALL] })), 'content-type': 'application/json' }, payload: patchFlow }), 403, 'Forbidden',
    `Missing permission: this operation needs ${READ_WRITE_ALL}; the token has ${READ_ALL}.`)
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: bearer(await mint(app, { scopes: [] })) }), 403, 'Forbidden',
    `Missing permission: this operation needs ${READ_ALL} or ${READ_WRITE_ALL}; the token has none.`)
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: bearer(await mint(app, { audience: 'api://elsewhere' })) }), 401, 'InvalidAuthenticationToken',
    'Access token validation failure. Invalid audience.')

  clock.shift(60_000)
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: bearer(write) }), 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.')
  clock.shift(-120_000)
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: bearer(write) }), 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is not yet valid.')

  const other = await build(t, { auth: 'strict' }, { clock: frozen() })
  const foreign = await mint(other)
  clock.freeze(NOW_MS)
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: bearer(foreign) }), 401, 'InvalidAuthenticationToken',
    `Access token validation failure. No configured key verifies ES256 tokens with kid '${String(decodeProtectedHeader(foreign).kid)}'.`)
})

t.test('lenient mode checks a minted token\'s exp against the server clock too', async t => {
  const clock = frozen()
  const app = await build(t, {}, { clock })
  const token = await mint(app, { lifetime: 30 })
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: bearer(token) })).statusCode, 200, 'valid now')
  clock.shift(31_000)
  assertGraphError(t, await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: bearer(token) }), 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.')
})

t.test('bad token requests are Graph 400s naming the problem', async t => {
  const app = await build(t)
  const cases: Array<[unknown, string]> = [
    [{ lifetime: 0 }, 'body/lifetime Expected integer to be greater or equal to 1'],
    [{ lifetime: 31_536_001 }, 'body/lifetime Expected integer to be less or equal to 31536000'],
    [{ lifetime: '60' }, 'body/lifetime Expected integer'],
    [{ colour: 'blue' }, 'body/colour Unexpected property'],
    [{ scopes: READ_ALL }, 'body/scopes Expected array'],
    [{ scopes: ['has space'] }, "body/scopes/0 Expected string to match '^[!-~]{1,200}$'"],
    [{ tenant: 'not a tenant!' }, "body/tenant Expected string to match '^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$'"],
    [{ scopes: [READ_ALL], roles: [READ_ALL] }, "Give either 'scopes' (a delegated token, scp) or 'roles' (an application token), not both."],
    [[], 'body Expected object']
  ]
  for (const [payload, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/_mock/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) })
    t.test(JSON.stringify(payload), async t => { assertGraphError(t, res, 400, 'BadRequest', message) })
  }
  const malformed = await app.inject({ method: 'POST', url: '/_mock/token', headers: { 'content-type': 'application/json' }, payload: '{"tenant":' })
  assertGraphError(t, malformed, 400, 'BadRequest', /^Unable to read JSON request payload/)
})

t.test('with GRAPH_MOCK_ADMIN_TOKEN the token routes need x-mock-admin-token', async t => {
  const app = await build(t, { adminToken: 'let-me-in' })
  for (const [method, url] of [['POST', '/_mock/token'], ['GET', '/_mock/token/key']] as const) {
    assertGraphError(t, await app.inject({ method, url }), 401, 'InvalidAuthenticationToken', 'The control plane needs the x-mock-admin-token header (GRAPH_MOCK_ADMIN_TOKEN is set).')
    assertGraphError(t, await app.inject({ method, url, headers: { 'x-mock-admin-token': 'let-me-ij' } }), 401, 'InvalidAuthenticationToken', 'The x-mock-admin-token header does not match GRAPH_MOCK_ADMIN_TOKEN.')
    assertGraphError(t, await app.inject({ method, url, headers: { 'x-mock-admin-token': 'let-me-in-please' } }), 401, 'InvalidAuthenticationToken', 'The x-mock-admin-token header does not match GRAPH_MOCK_ADMIN_TOKEN.')
    t.equal((await app.inject({ method, url, headers: { 'x-mock-admin-token': 'let-me-in' } })).statusCode, 200, `${method} ${url} with the admin token`)
  }
  t.equal((await app.inject({ method: 'GET', url: '/_mock/health' })).statusCode, 200, 'health needs no admin token')
  t.equal((await app.inject({ method: 'GET', url: '/_mock/ready' })).statusCode, 200, 'nor does ready')
})

t.test('GRAPH_MOCK_TOKEN_KEY: a configured RSA key signs RS256 tokens that strict mode accepts', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-token-key-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'signing.pem')
  writeFileSync(file, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }))
  const app = await build(t, { auth: 'strict', tokenKey: file })
  const token = await mint(app)
  t.equal(decodeProtectedHeader(token).alg, 'RS256', 'RS256 header')
  t.match((await app.inject({ method: 'GET', url: '/_mock/token/key' })).json().keys[0], { kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' }, 'RSA JWKS')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: bearer(token) })).statusCode, 200, 'strict mode verifies it')
  const restarted = await build(t, { auth: 'strict', tokenKey: file })
  t.equal((await restarted.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: bearer(token) })).statusCode, 200, 'a restarted server with the same key still accepts it')
})
