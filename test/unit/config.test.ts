import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config.js'

t.test('defaults', async t => {
  const config = loadConfig({})
  t.same(config, {
    port: 4010, host: '127.0.0.1', db: './data/graph-mock.db', fixtures: './fixtures', auth: 'lenient', patchResponse: 'representation', logLevel: 'info', journalSize: 1000, journalBytes: 33_554_432, versions: 'beta'
  }, 'defaults: the journal keeps at most 1,000 entries and 32 MiB; industryData under /beta only')
})

t.test('environment names', async t => {
  const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', GRAPH_MOCK_DB: ':memory:', GRAPH_MOCK_AUTH: 'off', GRAPH_MOCK_PATCH_RESPONSE: 'minimal', GRAPH_MOCK_PUBLIC_URL: 'https://mock.example.test/prefix', LOG_LEVEL: 'silent', GRAPH_MOCK_ADMIN_TOKEN: 's3cret' })
  t.equal(config.port, 0, 'PORT')
  t.equal(config.host, '0.0.0.0', 'HOST')
  t.equal(config.db, ':memory:', 'GRAPH_MOCK_DB')
  t.equal(config.auth, 'off', 'GRAPH_MOCK_AUTH')
  t.equal(config.patchResponse, 'minimal', 'GRAPH_MOCK_PATCH_RESPONSE')
  t.equal(config.publicUrl, 'https://mock.example.test/prefix', 'GRAPH_MOCK_PUBLIC_URL')
  t.equal(config.logLevel, 'silent', 'LOG_LEVEL')
  t.equal(config.adminToken, 's3cret', 'GRAPH_MOCK_ADMIN_TOKEN')
})

t.test('bad settings name the setting and say why', async t => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: 'eighty' }, "PORT: 'eighty' is not a whole number"],
    [{ PORT: '70000' }, "PORT: '70000' is not valid (expected an integer from 0 to 65535)"],
    [{ GRAPH_MOCK_AUTH: 'maybe' }, "GRAPH_MOCK_AUTH: 'maybe' is not valid (expected one of off, lenient, strict)"],
    [{ GRAPH_MOCK_PATCH_RESPONSE: 'full' }, "GRAPH_MOCK_PATCH_RESPONSE: 'full' is not valid (expected one of representation, minimal)"],
    [{ GRAPH_MOCK_PUBLIC_URL: 'mock:4010' }, "GRAPH_MOCK_PUBLIC_URL: 'mock:4010' is not valid (expected an http(s) URL)"],
    [{ LOG_LEVEL: 'loud' }, "LOG_LEVEL: 'loud' is not valid (expected one of fatal, error, warn, info, debug, trace, silent)"]
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), new ConfigError(message.split(':')[0] ?? '', message.slice(message.indexOf(':') + 2)), message)
  }
})

t.test('GRAPH_MOCK_VERSIONS', async t => {
  t.equal(loadConfig({ GRAPH_MOCK_VERSIONS: 'beta,v1.0' }).versions, 'beta,v1.0', 'beta and v1.0')
  t.equal(loadConfig({ GRAPH_MOCK_VERSIONS: 'v1.0,beta' }).versions, 'v1.0,beta', 'in either order')
  t.throws(() => loadConfig({ GRAPH_MOCK_VERSIONS: 'v1.0' }), { name: 'ConfigError', message: "GRAPH_MOCK_VERSIONS: 'v1.0' leaves out beta, where Graph serves industryData" }, 'beta cannot be left out')
  t.throws(() => loadConfig({ GRAPH_MOCK_VERSIONS: 'beta,v2.0' }), { name: 'ConfigError', message: "GRAPH_MOCK_VERSIONS: 'beta,v2.0' is not valid (expected beta or beta,v1.0)" }, 'unknown versions are refused')
})
