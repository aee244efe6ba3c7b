/**
 * GRAPH_MOCK_TLS_HOSTS: the generated certificate names more hosts, so a client that reaches graph-mock by
 * another name (an application container calling `https://graph-mock:4010`) can verify it.
 */
import t from 'tap'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:tls'
import { ConfigError, loadConfig } from '../../src/config.js'
import { certificateHosts, loadTlsMaterial } from '../../src/http/tls.js'
import { listen } from '../contract/listen.js'

t.test('the names a generated certificate holds', async t => {
  t.same(certificateHosts([], 'box'), ['localhost', '127.0.0.1', '::1', 'box'], 'loopback names and the machine\'s host name')
  t.same(certificateHosts(['graph-mock', 'BOX', '10.0.0.7', 'localhost'], 'box'), ['localhost', '127.0.0.1', '::1', 'box', 'graph-mock', '10.0.0.7'], 'each name once, whatever its case')
  t.same(certificateHosts([], 'not_a_dns_name'), ['localhost', '127.0.0.1', '::1'], 'a host name that is no DNS name is left out')

  const material = await loadTlsMaterial(loadConfig({ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: ' graph-mock , *.mock.test,10.1.2.3, fd00::5 ' }))
  if (material === undefined) throw new Error('expected material')
  const names = new X509Certificate(material.cert).subjectAltName?.split(', ') ?? []
  for (const name of ['DNS:localhost', 'IP Address:127.0.0.1', `DNS:${hostname()}`, 'DNS:graph-mock', 'DNS:*.mock.test', 'IP Address:10.1.2.3']) {
    t.ok(names.includes(name), `names ${name}`)
  }
  t.ok(names.some(name => /^IP Address:FD00:(0:){6}5$/i.test(name) || name === 'IP Address:fd00::5'), 'names the IPv6 address')
})

t.test('bad GRAPH_MOCK_TLS_HOSTS names the setting and says why', async t => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ GRAPH_MOCK_TLS_HOSTS: 'graph-mock' }, 'needs GRAPH_MOCK_TLS (the names go into the certificate it generates)'],
    [{ GRAPH_MOCK_TLS: 'false', GRAPH_MOCK_TLS_HOSTS: 'graph-mock' }, 'needs GRAPH_MOCK_TLS (the names go into the certificate it generates)'],
    [{ GRAPH_MOCK_TLS_CERT: 'c.pem', GRAPH_MOCK_TLS_KEY: 'k.pem', GRAPH_MOCK_TLS_HOSTS: 'graph-mock' }, 'names hosts for the generated certificate, but GRAPH_MOCK_TLS_CERT gives the certificate'],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: 'graph_mock' }, "'graph_mock' is not a host name or an IP address"],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: 'https://graph-mock' }, "'https://graph-mock' is not a host name or an IP address"],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: 'graph-mock:4010' }, "'graph-mock:4010' is not a host name or an IP address"],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: '-graph-mock' }, "'-graph-mock' is not a host name or an IP address"],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: 'a.*.test' }, "'a.*.test' is not a host name or an IP address"],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: `${'a'.repeat(64)}.test` }, `'${'a'.repeat(64)}.test' is not a host name or an IP address`],
    [{ GRAPH_MOCK_TLS: 'true', GRAPH_MOCK_TLS_HOSTS: 'graph-mock,,other' }, "'graph-mock,,other' has an empty entry"]
  ]
  for (const [env, why] of cases) {
    t.throws(() => loadConfig(env), new ConfigError('GRAPH_MOCK_TLS_HOSTS', why), `GRAPH_MOCK_TLS_HOSTS: ${why}`)
  }
})

/** What a TLS handshake to 127.0.0.1 that asks for `servername` makes of the served certificate. */
async function verifiesAs (port: number, servername: string, ca: string): Promise<string> {
  return await new Promise(resolve => {
    const socket = connect({ host: '127.0.0.1', port, servername, ca }, () => {
      socket.end()
      resolve('verified')
    })
    socket.on('error', error => { resolve((error as NodeJS.ErrnoException).code ?? error.message) })
  })
}

t.test('a client reaching the server by an extra name verifies it; another name does not', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-tls-hosts-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const certFile = join(dir, 'served.crt')
  const { url } = await listen(t, { tls: true, tlsHosts: 'graph-mock', tlsCertOut: certFile })
  const port = Number(new URL(url).port)
  const ca = readFileSync(certFile, 'utf8')
  t.equal(await verifiesAs(port, 'graph-mock', ca), 'verified', 'graph-mock')
  t.equal(await verifiesAs(port, 'localhost', ca), 'verified', 'localhost, as before')
  t.equal(await verifiesAs(port, 'elsewhere', ca), 'ERR_TLS_CERT_ALTNAME_INVALID', 'a name the certificate does not hold')
})
