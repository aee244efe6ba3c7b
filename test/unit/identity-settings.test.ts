/** Settings for keys and TLS: parsed from the environment, checked together, and their files read with errors naming the setting. */
import t from 'tap'
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadIdentity } from '../../src/auth/identity.js'
import { candidateKeys, parsePublicKeys } from '../../src/auth/public-keys.js'
import { ConfigError, loadConfig, tlsEnabled } from '../../src/config.js'
import { loadTlsMaterial, selfSignedCertificate } from '../../src/http/tls.js'

const dir = mkdtempSync(join(tmpdir(), 'graph-mock-settings-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const missing = join(dir, 'missing.pem')

t.test('environment names of the identity and TLS settings', async t => {
  const config = loadConfig({
    GRAPH_MOCK_JWT_SECRET: 's',
    GRAPH_MOCK_JWT_KEYS: 'keys.json',
    GRAPH_MOCK_TOKEN_KEY: 'token.pem',
    GRAPH_MOCK_TLS: 'true',
    GRAPH_MOCK_TLS_CERT: 'c.pem',
    GRAPH_MOCK_TLS_KEY: 'k.pem',
    GRAPH_MOCK_TLS_CERT_OUT: 'out.pem'
  })
  t.match(config, { jwtSecret: 's', jwtKeys: 'keys.json', tokenKey: 'token.pem', tls: true, tlsCert: 'c.pem', tlsKey: 'k.pem', tlsCertOut: 'out.pem' }, 'every setting read')
  for (const [text, value] of [['1', true], ['yes', true], ['ON', true], ['false', false], ['0', false], ['off', false]] as const) {
    t.equal(loadConfig({ GRAPH_MOCK_TLS: text }).tls, value, `GRAPH_MOCK_TLS=${text}`)
  }
  t.equal(loadConfig({}).tls, undefined, 'TLS is off unless asked')
  t.equal(tlsEnabled(loadConfig({})), false, 'tlsEnabled: off by default')
  t.equal(tlsEnabled(loadConfig({ GRAPH_MOCK_TLS_CERT: 'c', GRAPH_MOCK_TLS_KEY: 'k' })), true, 'a certificate implies TLS')
})

t.test('bad or contradictory settings name the setting', async t => {
  const cases: Array<[Record<string, string>, string, string]> = [
    [{ GRAPH_MOCK_TLS: 'maybe' }, 'GRAPH_MOCK_TLS', "'maybe' is not valid (expected true or false)"],
    [{ GRAPH_MOCK_TLS_CERT: 'c.pem' }, 'GRAPH_MOCK_TLS_KEY', 'is needed with GRAPH_MOCK_TLS_CERT'],
    [{ GRAPH_MOCK_TLS_KEY: 'k.pem' }, 'GRAPH_MOCK_TLS_CERT', 'is needed with GRAPH_MOCK_TLS_KEY'],
    [{ GRAPH_MOCK_TLS: 'false', GRAPH_MOCK_TLS_CERT: 'c.pem', GRAPH_MOCK_TLS_KEY: 'k.pem' }, 'GRAPH_MOCK_TLS', 'is false but GRAPH_MOCK_TLS_CERT is set'],
    [{ GRAPH_MOCK_TLS_CERT_OUT: 'out.pem' }, 'GRAPH_MOCK_TLS_CERT_OUT', 'needs GRAPH_MOCK_TLS (there is no certificate to write without it)']
  ]
  for (const [env, setting, why] of cases) {
    t.throws(() => loadConfig(env), new ConfigError(setting, why), `${JSON.stringify(env)} → ${setting}: ${why}`)
  }
})

t.test('key files: unreadable or unusable ones are ConfigErrors naming the setting', async t => {
  const notPem = file('not-pem.txt', 'hello')
  const cases: Array<[Parameters<typeof loadIdentity>[0], string, RegExp]> = [
    [{ jwtKeys: missing }, 'GRAPH_MOCK_JWT_KEYS', /^cannot read '.*missing\.pem' \(ENOENT\)$/],
    [{ tokenKey: missing }, 'GRAPH_MOCK_TOKEN_KEY', /^cannot read '.*missing\.pem' \(ENOENT\)$/],
    [{ jwtKeys: dir }, 'GRAPH_MOCK_JWT_KEYS', /^cannot read '.*' \(EISDIR\)$/],
    [{ jwtKeys: notPem }, 'GRAPH_MOCK_JWT_KEYS', /is not usable: it is neither JSON \(JWKS\) nor PEM$/],
    [{ jwtKeys: file('bad.json', '{"keys": ') }, 'GRAPH_MOCK_JWT_KEYS', /is not usable: it is neither valid JSON nor PEM$/],
    [{ jwtKeys: file('other.json', '{"issuer": "x"}') }, 'GRAPH_MOCK_JWT_KEYS', /is not usable: the JSON is neither a JWKS \(\{"keys": \[\.\.\.\]\}\) nor a JWK$/],
    [{ jwtKeys: file('oct.json', '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}') }, 'GRAPH_MOCK_JWT_KEYS', /keys\[0\] is a symmetric key: put HMAC secrets in GRAPH_MOCK_JWT_SECRET$/],
    [{ jwtKeys: file('junk-jwk.json', '{"keys":[{"kty":"RSA","n":"x"}]}') }, 'GRAPH_MOCK_JWT_KEYS', /keys\[0\] is not a usable public key/],
    [{ jwtKeys: file('enc-only.json', JSON.stringify({ keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), use: 'enc' }] })) }, 'GRAPH_MOCK_JWT_KEYS', /it holds no public signing key$/],
    [{ jwtKeys: file('private.pem', String(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }))) }, 'GRAPH_MOCK_JWT_KEYS', /it holds a 'PRIVATE KEY' block; expected PUBLIC KEY or CERTIFICATE$/],
    [{ jwtKeys: file('broken-cert.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----') }, 'GRAPH_MOCK_JWT_KEYS', /its CERTIFICATE block is not valid/],
    [{ tokenKey: notPem }, 'GRAPH_MOCK_TOKEN_KEY', /^not a PEM private key/],
    [{ tokenKey: file('small.pem', String(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }))) }, 'GRAPH_MOCK_TOKEN_KEY', /^an RSA key needs at least 2048 bits$/],
    [{ tokenKey: file('ed.pem', String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }))) }, 'GRAPH_MOCK_TOKEN_KEY', /^expected an RSA or EC \(P-256, P-384, P-521\) private key, got ed25519$/],
    [{ tokenKey: file('k1.pem', String(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }))) }, 'GRAPH_MOCK_TOKEN_KEY', /^expected an RSA or EC .* got ec on secp256k1$/]
  ]
  for (const [config, setting, why] of cases) {
    try {
      loadIdentity(config)
      t.fail(`${JSON.stringify(config)} should fail`)
    } catch (error) {
      t.ok(error instanceof ConfigError, `${setting}: a ConfigError`)
      t.equal((error as ConfigError).setting, setting, `names ${setting}`)
      t.match((error as ConfigError).message.slice(setting.length + 2), why, `says why: ${(error as Error).message}`)
    }
  }
  const ec384 = file('ec384.pem', String(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'sec1', format: 'pem' })))
  t.equal(loadIdentity({ tokenKey: ec384 }).signer.alg, 'ES384', 'a SEC1 P-384 key signs ES384')
  t.equal(loadIdentity({}).signer.alg, 'ES256', 'the generated key is P-256')
  t.not(loadIdentity({}).signer.kid, loadIdentity({}).signer.kid, 'each start generates a new key')
  t.same(loadIdentity({ jwtSecret: 'abc' }).verification.secret, new TextEncoder().encode('abc'), 'the secret as bytes')
})

t.test('parsePublicKeys and candidateKeys', async t => {
  const spki = String(rsa.publicKey.export({ type: 'spki', format: 'pem' }))
  const pkcs1 = String(rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }))
  const { cert } = await selfSignedCertificate()
  const keys = parsePublicKeys(`${spki}\n${pkcs1}\n${cert}`)
  t.same(keys.map(k => k.key.asymmetricKeyType), ['rsa', 'rsa', 'ec'], 'PUBLIC KEY, RSA PUBLIC KEY and CERTIFICATE blocks')
  t.equal(parsePublicKeys(JSON.stringify({ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'solo' }))[0]?.kid, 'solo', 'a single JWK')
  const jwks = parsePublicKeys(JSON.stringify({ keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'a', alg: 'RS256' }, { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'b' }] }))
  t.same(candidateKeys(jwks, 'RS256', 'a').map(k => k.kid), ['a'], 'kid picks the key')
  t.same(candidateKeys(jwks, 'RS256', undefined).map(k => k.kid), ['a', 'b'], 'no kid: every RSA key')
  t.same(candidateKeys(jwks, 'PS256', undefined).map(k => k.kid), ['b'], 'a key bound to RS256 does not verify PS256')
  t.same(candidateKeys(jwks, 'ES256', undefined), [], 'no EC key')
  t.same(candidateKeys(keys, 'ES256', 'whatever').length, 1, 'a PEM key matches any kid')
  t.same(candidateKeys(keys, 'ES384', undefined), [], 'curve must match the algorithm')
  t.same(candidateKeys(keys, 'none', undefined), [], 'unknown algorithm: nothing')
})

t.test('TLS material: generated, given, written out; bad files name the setting', async t => {
  const generated = await loadTlsMaterial({ tls: true })
  if (generated === undefined) throw new Error('expected material')
  const x509 = new X509Certificate(generated.cert)
  t.match(x509.subjectAltName, /DNS:localhost/, 'certificate for localhost')
  t.match(x509.subjectAltName, /IP Address:127\.0\.0\.1/, 'and 127.0.0.1')
  t.match(x509.subjectAltName, /IP Address:(::1|0:0:0:0:0:0:0:1)/i, 'and ::1')
  t.ok(x509.checkPrivateKey((await import('node:crypto')).createPrivateKey(generated.key)), 'the key matches the certificate')
  t.ok(new Date(x509.validTo).getTime() > Date.now() + 300 * 86_400_000, 'valid for about a year')
  t.equal(await loadTlsMaterial({}), undefined, 'no material when TLS is off')

  const out = join(dir, 'nested', 'served.crt')
  const given = await loadTlsMaterial({ tlsCert: file('given.crt', generated.cert), tlsKey: file('given.key', generated.key), tlsCertOut: out })
  t.equal(given?.cert, generated.cert, 'a given certificate is served')
  t.equal(readFileSync(out, 'utf8'), generated.cert, 'and written to GRAPH_MOCK_TLS_CERT_OUT (folder created)')

  const other = await selfSignedCertificate()
  const cases: Array<[Parameters<typeof loadTlsMaterial>[0], string, RegExp]> = [
    [{ tlsCert: missing, tlsKey: file('k.pem', generated.key) }, 'GRAPH_MOCK_TLS_CERT', /^cannot read '.*missing\.pem' \(ENOENT\)$/],
    [{ tlsCert: file('c.pem', generated.cert), tlsKey: missing }, 'GRAPH_MOCK_TLS_KEY', /^cannot read '.*missing\.pem' \(ENOENT\)$/],
    [{ tlsCert: file('c2.pem', generated.cert), tlsKey: file('other.key', other.key) }, 'GRAPH_MOCK_TLS_CERT', /are not a usable PEM certificate and matching key/],
    [{ tls: true, tlsCertOut: join(file('a-file', 'x'), 'cert.pem') }, 'GRAPH_MOCK_TLS_CERT_OUT', /^cannot write '.*' \((ENOTDIR|EEXIST)\)$/]
  ]
  for (const [config, setting, why] of cases) {
    await t.rejects(loadTlsMaterial(config), { name: 'ConfigError', setting, message: new RegExp(`^${setting}: ${why.source.startsWith('^') ? why.source.slice(1) : `.*${why.source}`}`) }, `${setting}: ${why.source}`)
  }
})
