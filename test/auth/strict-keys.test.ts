/** Strict mode's key sources (HS256 secret, JWKS file, PEM public key, PEM certificate) and how it rejects what they do not verify. */
import t from 'tap'
import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { selfSignedCertificate } from '../../src/http/tls.js'
import { assertGraphError, build, CLASS_FLOW_ID, flowUrl, SETS } from '../helpers.js'
import { bearer, claims, hs256, NOW_MS, READ_ALL, READ_WRITE_ALL, SECRET, signWith, unsignedJwt } from './tokens.js'
import { createClock } from '../../src/clock.js'

const url = flowUrl(CLASS_FLOW_ID)
const frozen = () => {
  const clock = createClock()
  clock.freeze(NOW_MS)
  return clock
}

function tempDir (t: { teardown: (fn: () => unknown) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-keys-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

t.test('GRAPH_MOCK_JWT_KEYS as a JWKS: keys are picked by kid and alg', async t => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' })
  const file = join(tempDir(t), 'jwks.json')
  writeFileSync(file, JSON.stringify({
    keys: [
      { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...ec.publicKey.export({ format: 'jwk' }), use: 'sig' },
      { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), kid: 'enc-1', use: 'enc' }
    ]
  }))
  const app = await build(t, { auth: 'strict', jwtKeys: file }, { clock: frozen() })
  const read = async (token: string) => await app.inject({ method: 'GET', url, headers: bearer(token) })
  t.equal((await read(await signWith(rsa.privateKey, 'RS256', claims({ scp: READ_ALL }), 'rsa-1'))).statusCode, 200, 'RS256 with the JWKS kid')
  t.equal((await read(await signWith(rsa.privateKey, 'RS256', claims({ scp: READ_ALL })))).statusCode, 200, 'RS256 without a kid: any RSA key may verify')
  t.equal((await read(await signWith(ec.privateKey, 'ES384', claims({ roles: [READ_ALL] }), 'any-kid'))).statusCode, 200, 'ES384 with a key that has no kid')
  assertGraphError(t, await read(await signWith(rsa.privateKey, 'RS256', claims({ scp: READ_ALL }), 'rsa-2')), 401, 'InvalidAuthenticationToken',
    "Access token validation failure. No configured key verifies RS256 tokens with kid 'rsa-2'.")
  assertGraphError(t, await read(await signWith(rsa.privateKey, 'RS384', claims({ scp: READ_ALL }), 'rsa-1')), 401, 'InvalidAuthenticationToken',
    "Access token validation failure. No configured key verifies RS384 tokens with kid 'rsa-1'.")
  const forged = await signWith(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'RS256', claims({ scp: READ_WRITE_ALL }), 'rsa-1')
  assertGraphError(t, await read(forged), 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid signature.')
  assertGraphError(t, await read(await hs256(claims({ scp: READ_ALL }))), 401, 'InvalidAuthenticationToken',
    'Access token validation failure. No configured key verifies HS256 tokens.')
})

t.test('GRAPH_MOCK_JWT_KEYS as PEM: a public key or a certificate', async t => {
  const dir = tempDir(t)
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const spki = join(dir, 'public.pem')
  writeFileSync(spki, rsa.publicKey.export({ type: 'spki', format: 'pem' }))
  const pemApp = await build(t, { auth: 'strict', jwtKeys: spki }, { clock: frozen() })
  t.equal((await pemApp.inject({ method: 'GET', url, headers: bearer(await signWith(rsa.privateKey, 'PS256', claims({ scp: READ_ALL }), 'k')) })).statusCode, 200, 'PS256 with a PEM public key')

  const { key, cert } = await selfSignedCertificate()
  const certFile = join(dir, 'signer.crt')
  writeFileSync(certFile, cert)
  const certApp = await build(t, { auth: 'strict', jwtKeys: certFile }, { clock: frozen() })
  t.equal((await certApp.inject({ method: 'GET', url, headers: bearer(await signWith(createPrivateKey(key), 'ES256', claims({ scp: READ_ALL }))) })).statusCode, 200, 'ES256 with a PEM certificate')
})

t.test('strict mode: what a verified token must still be', async t => {
  const app = await build(t, { auth: 'strict', jwtSecret: SECRET }, { clock: frozen() })
  const read = async (token: string) => await app.inject({ method: 'GET', url, headers: bearer(token) })
  assertGraphError(t, await read(unsignedJwt(claims({ scp: READ_ALL }))), 401, 'InvalidAuthenticationToken', "Access token validation failure. The signing algorithm 'none' is not accepted.")
  assertGraphError(t, await read('not.a.jwt'), 401, 'InvalidAuthenticationToken', 'Access token validation failure. The token is not a JWT; GRAPH_MOCK_AUTH=strict accepts only signed JWTs.')
  const good = await hs256(claims({ scp: READ_ALL }))
  const [head, body] = good.split('.')
  assertGraphError(t, await read(`${head ?? ''}.${body ?? ''}.${Buffer.from('tampered').toString('base64url')}`), 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid signature.')
  assertGraphError(t, await read(await hs256(claims({ scp: READ_ALL, nbf: NOW_MS / 1000 + 60 }))), 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is not yet valid.')
  assertGraphError(t, await read(await hs256(claims({ scp: READ_ALL, aud: undefined }))), 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.')
  assertGraphError(t, await read(await hs256(claims({ scp: READ_ALL, exp: 'tomorrow' as unknown as number }))), 401, 'InvalidAuthenticationToken', "Access token validation failure. Invalid 'exp' claim.")
  assertGraphError(t, await read(await hs256(claims({ scp: READ_ALL, tid: 'not a tenant' }))), 401, 'InvalidAuthenticationToken', "The token's tid claim is not a valid tenant id.")
  assertGraphError(t, await read(await hs256(claims({}))), 403, 'Forbidden', `Missing permission: this operation needs ${READ_ALL} or ${READ_WRITE_ALL}; the token has none.`)
  t.equal((await read(await hs256(claims({ scp: READ_ALL, aud: ['api://other', '00000003-0000-0000-c000-000000000000'] })))).statusCode, 200, 'an audience list that includes Graph is accepted')

  const batch = await app.inject({ method: 'POST', url: '/beta/$batch', headers: { ...bearer('opaque'), 'content-type': 'application/json' }, payload: { requests: [{ id: '1', method: 'GET', url: '/external/industryData/roleGroups/students' }] } })
  assertGraphError(t, batch, 401, 'InvalidAuthenticationToken', 'Access token validation failure. The token is not a JWT; GRAPH_MOCK_AUTH=strict accepts only signed JWTs.')
  const readOnlyBatch = await app.inject({
    method: 'POST',
    url: '/beta/$batch',
    headers: { ...bearer(good), 'content-type': 'application/json' },
    payload: { requests: [{ id: 'r', method: 'GET', url: '/external/industryData/roleGroups/students' }, { id: 'w', method: 'POST', url: '/external/industryData/outboundProvisioningFlowSets', body: { displayName: 'x' } }] }
  })
  t.same(readOnlyBatch.json().responses.map((r: { status: number }) => r.status), [200, 403], 'inside a batch each request is authorised on its own')
  t.equal((await app.inject({ method: 'GET', url: SETS.replace('/outboundProvisioningFlowSets', '/roleGroups/students'), headers: bearer(good) })).statusCode, 200, 'role groups read with Read.All')
})
