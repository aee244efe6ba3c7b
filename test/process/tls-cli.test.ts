/** The command with --tls, and key/certificate settings that stop start-up (exit 2, one line). */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { childEnv } from '../helpers.js'
import { assertExit2, runCli as run, startCli, stopCli } from './cli-process.js'

t.test('--help shows the identity and TLS settings; --tls takes no value', async t => {
  const res = run(['--help'])
  t.equal(res.status, 0, 'exit 0')
  for (const name of ['GRAPH_MOCK_JWT_SECRET', 'GRAPH_MOCK_JWT_KEYS', 'GRAPH_MOCK_TOKEN_KEY', 'GRAPH_MOCK_TLS', 'GRAPH_MOCK_TLS_CERT', 'GRAPH_MOCK_TLS_KEY', 'GRAPH_MOCK_TLS_CERT_OUT']) {
    t.match(res.stdout, name, `mentions ${name}`)
  }
  t.match(res.stdout, /^ {2}--tls {2,}GRAPH_MOCK_TLS /m, '--tls is a switch')
})

t.test('unusable key and certificate settings exit 2 with one line naming the setting', async t => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--jwt-keys', '/nonexistent/keys.json'], {}, /^graph-mock: invalid setting GRAPH_MOCK_JWT_KEYS: cannot read '\/nonexistent\/keys\.json' \(ENOENT\)\n$/],
    [[], { GRAPH_MOCK_TOKEN_KEY: '/nonexistent/token.pem' }, /^graph-mock: invalid setting GRAPH_MOCK_TOKEN_KEY: cannot read '\/nonexistent\/token\.pem' \(ENOENT\)\n$/],
    [['--tls-cert', '/nonexistent/c.pem'], {}, /^graph-mock: invalid setting GRAPH_MOCK_TLS_KEY: is needed with GRAPH_MOCK_TLS_CERT\n$/],
    [['--tls-cert', '/nonexistent/c.pem', '--tls-key', '/nonexistent/k.pem'], {}, /^graph-mock: invalid setting GRAPH_MOCK_TLS_CERT: cannot read '\/nonexistent\/c\.pem' \(ENOENT\)\n$/],
    [[], { GRAPH_MOCK_TLS: 'maybe' }, /^graph-mock: invalid setting GRAPH_MOCK_TLS: 'maybe' is not valid \(expected true or false\)\n$/],
    [['--tls=false', '--tls-cert-out', 'x.pem'], {}, /^graph-mock: invalid setting GRAPH_MOCK_TLS_CERT_OUT: needs GRAPH_MOCK_TLS \(there is no certificate to write without it\)\n$/]
  ]
  assertExit2(t, cases)
})

t.test('--tls serves HTTPS; the written certificate is trusted through NODE_EXTRA_CA_CERTS', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-cli-tls-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const certFile = join(dir, 'graph-mock.crt')
  const { child, listening: logged } = await startCli(['--port', '0', '--tls', '--tls-cert-out', certFile])
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const listening = logged as { address: string, tls: boolean, graph: string }
  t.match(listening, { tls: true, graph: /^https:\/\/127\.0\.0\.1:\d+\/beta$/ }, 'logs an https Graph URL')

  const client = 'const r = await fetch(process.argv[1] + \'/_mock/health\'); console.log(r.status)'
  const trusted = spawnSync(process.execPath, ['--input-type=module', '-e', client, listening.address], { encoding: 'utf8', env: childEnv({ NODE_EXTRA_CA_CERTS: certFile }), timeout: 20_000 })
  t.equal(trusted.stdout.trim(), '200', `a client started with NODE_EXTRA_CA_CERTS trusts it (${trusted.stderr.split('\n')[0] ?? ''})`)
  const untrusted = spawnSync(process.execPath, ['--input-type=module', '-e', client, listening.address], { encoding: 'utf8', env: childEnv({ NODE_EXTRA_CA_CERTS: '' }), timeout: 20_000 })
  t.not(untrusted.status, 0, 'without it the self-signed certificate is refused')

  t.equal(await stopCli(child), 0, 'exit 0 after SIGTERM')
})
