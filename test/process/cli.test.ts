import t from 'tap'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertExit2, runCli as run, startCli, stopCli } from './cli-process.js'

t.test('--help lists every setting with its environment name', async t => {
  const res = run(['--help'])
  t.equal(res.status, 0, 'exit 0')
  for (const name of ['PORT', 'HOST', 'GRAPH_MOCK_DB', 'GRAPH_MOCK_FIXTURES', 'GRAPH_MOCK_AUTH', 'GRAPH_MOCK_PUBLIC_URL', 'GRAPH_MOCK_PATCH_RESPONSE', 'GRAPH_MOCK_ADMIN_TOKEN', 'LOG_LEVEL']) {
    t.match(res.stdout, name, `mentions ${name}`)
  }
})

t.test('bad configuration exits 2 with one line naming the setting', async t => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--port', 'eighty'], {}, /^graph-mock: invalid setting PORT: 'eighty' is not a whole number\n$/],
    [[], { GRAPH_MOCK_AUTH: 'sometimes' }, /^graph-mock: invalid setting GRAPH_MOCK_AUTH: 'sometimes' is not valid \(expected one of off, lenient, strict\)\n$/],
    [['--colour', 'blue'], {}, /^graph-mock: unknown option '--colour' \(see --help\)\n$/],
    [['--db'], {}, /^graph-mock: invalid setting GRAPH_MOCK_DB: --db needs a value\n$/],
    [['--fixtures=/nonexistent/folder'], {}, /^graph-mock: Invalid fixture \/nonexistent\/folder at \$: cannot read the fixtures folder \(ENOENT\)\n$/]
  ]
  assertExit2(t, cases)
})

t.test('an invalid fixture stops start-up naming the file and the JSON path', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-fixtures-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'broken.json'), JSON.stringify({
    outboundProvisioningFlowSets: [{ displayName: 'x', provisioningFlows: [{ '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow', readinessStatus: 'almost' }] }]
  }))
  const res = run(['--fixtures', dir])
  t.equal(res.status, 2, 'exit 2')
  t.equal(res.stderr, `graph-mock: Invalid fixture ${join(dir, 'broken.json')} at $.outboundProvisioningFlowSets[0].provisioningFlows[0].readinessStatus: Invalid value for property 'outboundProvisioningFlowSets[0].provisioningFlows[0].readinessStatus': 'almost' is not a member of 'microsoft.graph.industryData.readinessStatus'. Use one of: notReady, ready, failed, disabled, expired.\n`, 'file, JSON path and reason')
})

t.test('a fixture nested deeper than Graph reads stops start-up with one line, not a stack overflow', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-fixtures-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'deep.json'), `{"outboundProvisioningFlowSets":[{"displayName":"x","filter":${'['.repeat(20_000)}${']'.repeat(20_000)}}]}`)
  const res = run(['--fixtures', dir])
  t.equal(res.status, 2, 'exit 2')
  t.equal(res.stderr, `graph-mock: Invalid fixture ${join(dir, 'deep.json')} at $: nests objects and arrays deeper than 100 levels, the most Graph reads\n`, 'file and reason')
})

t.test('SIGTERM closes gracefully with exit 0', async t => {
  const { child, listening } = await startCli(['--port', '0'])
  t.match(listening, { level: 30, graph: /^http:\/\/127\.0\.0\.1:\d+\/beta$/ }, 'pino JSON line with the Graph URL')
  t.equal(await stopCli(child), 0, 'exit 0 after SIGTERM')
})

t.test('one server per database file: a second one on the same file stops at once, the first serves on', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-cli-lock-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'shared.db')
  const { child, listening } = await startCli(['--port', '0', '--db', db])
  const second = run(['--port', '0', '--db', db])
  t.equal(second.status, 2, 'the second server exits 2')
  t.equal(second.stderr, `graph-mock: invalid setting GRAPH_MOCK_DB: cannot open '${db}' (the database file is in use by another graph-mock process (SQLITE_BUSY); give each server its own file)\n`, 'one line naming the setting and why')
  const res = await fetch(`${String(listening.address)}/beta/external/industryData/roleGroups`, { headers: { authorization: 'Bearer x' } })
  t.equal(res.status, 200, 'the first server still answers')
  t.equal(await stopCli(child), 0, 'and stops cleanly')
  const third = await startCli(['--port', '0', '--db', db])
  t.match(third.listening, { db, graph: /^http:\/\/127\.0\.0\.1:\d+\/beta$/ }, 'the file is free again once the first server has exited: a later one listens on it')
  t.equal(await stopCli(third.child), 0, 'and stops cleanly')
})
