import t from 'tap'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childEnv } from '../helpers.js'

// The built command, as users run it (npm test builds dist/ before tap runs).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: childEnv({ LOG_LEVEL: 'silent', GRAPH_MOCK_DB: ':memory:', ...env }), timeout: 20_000 })

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
  for (const [args, env, line] of cases) {
    const res = run(args, env)
    t.equal(res.status, 2, `${args.join(' ')} ${JSON.stringify(env)}: exit 2`)
    t.match(res.stderr, line, 'one line saying which setting and why')
  }
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

t.test('SIGTERM closes gracefully with exit 0', async t => {
  const child = spawn(process.execPath, [CLI, '--port', '0'], { env: childEnv({ GRAPH_MOCK_DB: ':memory:', LOG_LEVEL: 'info' }), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 15_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('graph-mock listening')) { clearTimeout(timer); resolve() }
    })
  })
  const line = out.split('\n').find(l => l.includes('graph-mock listening')) ?? '{}'
  t.match(JSON.parse(line), { level: 30, graph: /^http:\/\/127\.0\.0\.1:\d+\/beta$/ }, 'pino JSON line with the Graph URL')
  child.kill('SIGTERM')
  const code = await new Promise<number | null>(resolve => child.on('exit', resolve))
  t.equal(code, 0, 'exit 0 after SIGTERM')
})
