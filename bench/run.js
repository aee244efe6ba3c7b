// graph-mock bench (SPEC §10). Run with `npm run bench` (builds dist/ first). Settings, all optional:
//   BENCH_SECONDS=5        seconds per throughput cell (each cell is warmed for 1 s first)
//   BENCH_SOAK_SECONDS=60  seconds of sustained load for the memory figure
//   BENCH_STARTS=10        start-up runs per database
//   BENCH_ONLY=a,b         only these sections: throughput, startup, reset, scale, memory
//   BENCH_JSON_SERVER=0    skip the json-server baseline
//   BENCH_WIREMOCK=0       skip the WireMock baseline (installed into bench/.cache on first use; needs `java`)
//   BENCH_PRISM=0          skip the Prism baseline (installed into bench/.cache on first use)
//   BENCH_COMPARE=path     another build's dist/graph-mock.js (say, of the commit before a change), measured in the
//                          same throughput rows, interleaved with this one: the before/after ratio of a change
//   LOG_LEVEL=info         graph-mock's log level (info, the default, writes one pino line per request)
// Servers run in child processes and the load generator (autocannon) in this one, so on 2 cores the server
// and the load each get a core. Results: a table on stdout and bench/results/latest.json.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem, platform, release } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDatabase, DEFAULT_CLASS_FLOW_ID, DEFAULT_SET_ID, fixtureDocument, middleFlow } from './lib/dataset.js'
import { ensureJsonServer, JSON_SERVER_VERSION, startJsonServer } from './lib/json-server.js'
import { closeConnections, percentile, request, runCell, sequentialLatency, warm } from './lib/load.js'
import { addExamples, ensurePrism, PRISM_VERSION, startPrism } from './lib/prism.js'
import { fmt, int, table, verdict } from './lib/report.js'
import { AUTH, rssMb, startBaseline, startGraphMock } from './lib/servers.js'
import { ensureWireMock, startWireMock, WIREMOCK_VERSION } from './lib/wiremock.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60)
const STARTS = Number(process.env.BENCH_STARTS ?? 10)
const ONLY = new Set((process.env.BENCH_ONLY ?? 'throughput,startup,reset,scale,memory').split(',').map(s => s.trim()))
const WITH_JSON_SERVER = process.env.BENCH_JSON_SERVER !== '0'
const WITH_WIREMOCK = process.env.BENCH_WIREMOCK !== '0'
const WITH_PRISM = process.env.BENCH_PRISM !== '0'
const COMPARE_CLI = process.env.BENCH_COMPARE
/** The JVM compiles hot paths only after thousands of requests: WireMock gets this warm-up, the others 1 s. */
const WIREMOCK_WARM_SECONDS = 5
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info'
const CONNECTIONS = [1, 10, 50]
const TENANT = '00000000-0000-0000-0000-000000000001'

const SETS = '/beta/external/industryData/outboundProvisioningFlowSets'
const flowPath = (setId, flowId) => `${SETS}/${setId}/provisioningFlows/${flowId}`
const DEFAULT_FLOW = flowPath(DEFAULT_SET_ID, DEFAULT_CLASS_FLOW_ID)
const PAGE = `${SETS}?$top=100`
const PATCH_BODY = JSON.stringify({ configuration: { additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false } } })
const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' }

const dir = mkdtempSync(join(tmpdir(), 'graph-mock-bench-'))
const started = Date.now()
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), platform: `${platform()} ${release()}`, node: process.version, loadAverageAtStart: loadavg().map(n => Number(n.toFixed(2))) },
  settings: { cellSeconds: SECONDS, soakSeconds: SOAK_SECONDS, starts: STARTS, logLevel: LOG_LEVEL, auth: 'lenient', journal: 'on (ring of 1,000)' },
  throughput: [],
  notes: []
}
const log = line => process.stderr.write(`${line}\n`)
const gm = (extra = {}) => ({ logFile: join(dir, 'graph-mock.log'), env: { LOG_LEVEL, ...extra.env }, ...extra })

/** Child servers still running, so an error or a signal never leaves one behind (an idle JVM holds hundreds of MB). */
const running = new Set()
async function tracked (starting) {
  const server = await starting
  running.add(server)
  return server
}
async function stop (server) {
  if (server === undefined || !running.has(server)) return
  running.delete(server)
  await server.stop()
}
async function stopAll () {
  for (const server of [...running].reverse()) await stop(server).catch(error => log(`could not stop pid ${server.pid}: ${error.message}`))
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const server of running) server.child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}

async function expectOk (res, what) {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${res.body.slice(0, 300)}`)
  return res
}

// ---------------------------------------------------------------- throughput and latency, side by side
async function throughputSection () {
  try {
    await throughputCells()
  } finally {
    await stopAll()
  }
}

async function throughputCells () {
  log('throughput: starting graph-mock, the bare Fastify baseline and the third-party baselines')
  const mock = await tracked(startGraphMock(gm({ db: join(dir, 'throughput.db') })))
  const page = fixtureDocument({ flows: 480, first: 1000 })
  await expectOk(await request(`${mock.url}/_mock/seed`, { method: 'POST', headers: JSON_HEADERS, body: page }), 'seed 120 flow sets')
  const bodies = {
    patch: JSON.parse((await expectOk(await request(`${mock.url}${DEFAULT_FLOW}`, { method: 'PATCH', headers: JSON_HEADERS, body: PATCH_BODY }), 'PATCH')).body),
    flow: JSON.parse((await expectOk(await request(`${mock.url}${DEFAULT_FLOW}`, { headers: AUTH }), 'GET flow')).body),
    page: JSON.parse((await expectOk(await request(`${mock.url}${PAGE}`, { headers: AUTH }), 'GET page')).body)
  }
  if (bodies.page.value.length !== 100) throw new Error(`the page holds ${bodies.page.value.length} items, not 100`)
  const bodiesFile = join(dir, 'bodies.json')
  writeFileSync(bodiesFile, JSON.stringify(bodies))
  const baseline = await tracked(startBaseline({ bodiesFile }))
  results.settings.baselines = {}

  let jsonServer
  if (WITH_JSON_SERVER) {
    const found = ensureJsonServer()
    if (found.error !== undefined) results.notes.push(found.error)
    else {
      jsonServer = await tracked(startJsonServer({ bin: found.bin, dir, flow: { ...bodies.flow, id: DEFAULT_CLASS_FLOW_ID }, sets: bodies.page.value.concat(page.outboundProvisioningFlowSets.slice(100)) }))
      results.settings.baselines.jsonServer = JSON_SERVER_VERSION
    }
  } else {
    results.notes.push('json-server skipped (BENCH_JSON_SERVER=0)')
  }
  const wiremock = await startWireMockBaseline(bodies)
  const prism = await startPrismBaseline(mock, bodies)
  let compared
  if (COMPARE_CLI !== undefined) {
    compared = await tracked(startGraphMock(gm({ db: join(dir, 'compared.db'), cli: COMPARE_CLI })))
    await expectOk(await request(`${compared.url}/_mock/seed`, { method: 'POST', headers: JSON_HEADERS, body: page }), 'seed the compared build')
    results.settings.compared = COMPARE_CLI
  }

  // `body` names the answer in `bodies` the scenario expects: WireMock and Prism are checked against it.
  const scenarios = [
    {
      name: 'PATCH flow',
      body: 'patch',
      mock: [{ method: 'PATCH', path: DEFAULT_FLOW, headers: JSON_HEADERS, body: PATCH_BODY }],
      json: [{ method: 'PATCH', path: `/flows/${DEFAULT_CLASS_FLOW_ID}`, headers: { 'content-type': 'application/json' }, body: PATCH_BODY }]
    },
    { name: 'GET flow', body: 'flow', mock: [{ method: 'GET', path: DEFAULT_FLOW, headers: AUTH }], json: [{ method: 'GET', path: `/flows/${DEFAULT_CLASS_FLOW_ID}` }] },
    { name: 'GET page of 100', body: 'page', mock: [{ method: 'GET', path: PAGE, headers: AUTH }], json: [{ method: 'GET', path: '/outboundProvisioningFlowSets?_limit=100' }] }
  ]
  // WireMock and Prism get exactly graph-mock's requests (key 'mock'); `expect` holds the status each scenario
  // is counted against, and a scenario missing from it is not measured on that server.
  const targets = [
    { name: 'fastify', server: baseline, key: 'mock' },
    { name: 'graph-mock', server: mock, key: 'mock' },
    ...(compared === undefined ? [] : [{ name: 'compared', server: compared, key: 'mock' }]),
    ...(jsonServer === undefined ? [] : [{ name: 'json-server', server: jsonServer, key: 'json' }]),
    ...(wiremock === undefined ? [] : [{ name: 'wiremock', label: 'WireMock', server: wiremock, key: 'mock', warmSeconds: WIREMOCK_WARM_SECONDS }]),
    ...(prism === undefined ? [] : [{ name: 'prism', label: 'Prism', server: prism, key: 'mock' }])
  ]
  for (const target of targets) if (target.label !== undefined) target.expect = await checkAnswers(target, scenarios, bodies)
  for (const scenario of scenarios) {
    const measured = targets.filter(target => target.expect === undefined || target.expect[scenario.name] !== undefined)
    for (const target of measured) {
      const expectStatus = target.expect?.[scenario.name] ?? 200
      await runCell({ url: target.server.url, connections: 10, seconds: target.warmSeconds ?? 1, requests: scenario[target.key], expectStatus })
    }
    for (const connections of CONNECTIONS) {
      // Interleaved: the baseline and graph-mock cells of one row run back to back, so drifting background
      // load on the machine hits both alike.
      const row = { scenario: scenario.name, connections }
      for (const target of measured) {
        log(`throughput: ${scenario.name} × ${connections} connections → ${target.name}`)
        row[target.name] = await runCell({ url: target.server.url, connections, seconds: SECONDS, requests: scenario[target.key], expectStatus: target.expect?.[scenario.name] ?? 200 })
      }
      row.ratio = row['graph-mock'].rps / row.fastify.rps
      if (row['json-server'] !== undefined) row.vsJsonServer = row['graph-mock'].rps / row['json-server'].rps
      if (row.wiremock !== undefined) row.vsWireMock = row['graph-mock'].rps / row.wiremock.rps
      if (row.prism !== undefined) row.vsPrism = row['graph-mock'].rps / row.prism.rps
      if (row.compared !== undefined) row.vsCompared = row['graph-mock'].rps / row.compared.rps
      results.throughput.push(row)
    }
  }
  await stop(compared)
  await stop(prism)
  await stop(wiremock)
  await stop(jsonServer)
  await stop(mock)

  // The cost of logging: the same PATCH cell with pino silent, next to a fresh baseline cell.
  if (LOG_LEVEL !== 'silent') {
    log('throughput: PATCH × 50 with LOG_LEVEL=silent')
    const quiet = await tracked(startGraphMock({ db: join(dir, 'throughput.db'), env: { LOG_LEVEL: 'silent' } }))
    const requests = scenarios[0].mock
    await warm({ url: quiet.url, connections: 10, requests })
    const fastify = await runCell({ url: baseline.url, connections: 50, seconds: SECONDS, requests })
    const silent = await runCell({ url: quiet.url, connections: 50, seconds: SECONDS, requests })
    results.logging = { fastify, silent, ratio: silent.rps / fastify.rps }
    await stop(quiet)
  }
  await stop(baseline)
}

/** WireMock answering `bodies` on graph-mock's paths, or undefined with a note saying why it is not measured. */
async function startWireMockBaseline (bodies) {
  if (!WITH_WIREMOCK) { results.notes.push('WireMock skipped (BENCH_WIREMOCK=0)'); return undefined }
  const found = ensureWireMock()
  if (found.error !== undefined) { results.notes.push(found.error); return undefined }
  try {
    const server = await tracked(startWireMock({ jar: found.jar, dir, flowPath: DEFAULT_FLOW, pagePath: PAGE, bodies }))
    results.settings.baselines.wiremock = { version: WIREMOCK_VERSION, java: found.java, startMs: Math.round(server.startMs) }
    results.notes.push(`WireMock ${WIREMOCK_VERSION} (${found.java}) at its defaults (request journal on), three stubs added through its admin API; the JVM is warmed ${WIREMOCK_WARM_SECONDS} s at 10 connections per scenario before its cells, the other servers 1 s.`)
    return server
  } catch (error) {
    results.notes.push(`WireMock ${WIREMOCK_VERSION} not measured: ${error.message.split('\n')[0]}`)
    return undefined
  }
}

/** Prism over graph-mock's own OpenAPI document, or undefined with a note saying why it is not measured. */
async function startPrismBaseline (mock, bodies) {
  if (!WITH_PRISM) { results.notes.push('Prism skipped (BENCH_PRISM=0)'); return undefined }
  const found = ensurePrism()
  if (found.error !== undefined) { results.notes.push(found.error); return undefined }
  try {
    const document = JSON.parse((await expectOk(await request(`${mock.url}/_mock/openapi.json`), 'GET /_mock/openapi.json')).body)
    const flowTemplate = flowPath('{setId}', '{flowId}')
    const missing = addExamples(document, { [flowTemplate]: { patch: bodies.patch, get: bodies.flow }, [SETS]: { get: bodies.page } })
    if (missing.length > 0) results.notes.push(`graph-mock's OpenAPI document lacks ${missing.join(', ')}: Prism answers those from its own rules`)
    const server = await tracked(startPrism({ bin: found.bin, dir, document, readyPath: DEFAULT_FLOW, readyHeaders: AUTH }))
    results.settings.baselines.prism = { version: PRISM_VERSION, startMs: Math.round(server.startMs) }
    results.notes.push(`Prism ${PRISM_VERSION} mocks graph-mock's own /_mock/openapi.json (static mode, request validation on, info logging to a file); the bench adds the three answers graph-mock gave as 200 examples, so Prism sends the same JSON as the others rather than a sample made from the schemas.`)
    return server
  } catch (error) {
    results.notes.push(`Prism ${PRISM_VERSION} not measured: ${error.message.split('\n')[0]}`)
    return undefined
  }
}

/**
 * One request per scenario before any cell: the status each scenario is counted against on this server
 * ({ [scenario]: status }). A non-2xx answer leaves the scenario out (noted), so no cell counts errors as
 * throughput; a 2xx other than 200, or a body other than graph-mock's, is accepted and noted.
 */
async function checkAnswers (target, scenarios, bodies) {
  const expect = {}
  for (const scenario of scenarios) {
    const { method, path, headers, body } = scenario[target.key][0]
    const res = await request(`${target.server.url}${path}`, { method, headers, body })
    if (res.status < 200 || res.status >= 300) {
      results.notes.push(`${target.label} answers ${method} ${path} with ${res.status}, so its "${scenario.name}" cells are not measured: ${res.body.slice(0, 200)}`)
      continue
    }
    expect[scenario.name] = res.status
    if (res.status !== 200) results.notes.push(`${target.label} answers ${method} ${path} with ${res.status}; its "${scenario.name}" cells count ${res.status} as success`)
    let same = false
    try { same = JSON.stringify(JSON.parse(res.body)) === JSON.stringify(bodies[scenario.body]) } catch {}
    if (!same) results.notes.push(`${target.label}'s answer to ${method} ${path} is not the body graph-mock answered (${res.body.length} bytes against ${JSON.stringify(bodies[scenario.body]).length})`)
  }
  return expect
}

// ---------------------------------------------------------------- start-up
async function startupSection () {
  const runs = async (label, dbFor) => {
    const times = []
    const cpu = []
    for (let i = 0; i < STARTS; i++) {
      const server = await startGraphMock(gm({ db: dbFor(i) }))
      times.push(server.startMs)
      if (server.startCpuMs !== undefined) cpu.push(server.startCpuMs)
      await server.stop()
    }
    log(`startup: ${label}: ${times.map(t => t.toFixed(0)).join(', ')} ms`)
    const sorted = [...times].sort((a, b) => a - b)
    const cpuSorted = [...cpu].sort((a, b) => a - b)
    return { runs: times.map(t => Number(t.toFixed(1))), median: percentile(sorted, 50), min: sorted[0], max: sorted.at(-1), cpuMedian: cpu.length === 0 ? undefined : percentile(cpuSorted, 50) }
  }
  log('startup: building a 10,000-flow database (2,500 sets × 4 flows)')
  const bigDb = join(dir, 'startup-10k.db')
  const buildMs = await buildDatabase(bigDb, 10_000)
  // One unmeasured start so the OS file cache holds node, dist/ and node_modules as it would on a developer's machine.
  await (await startGraphMock(gm({ db: join(dir, 'startup-warm.db') }))).stop()
  results.startup = {
    empty: await runs('new database', i => join(dir, `startup-empty-${i}.db`)),
    tenThousand: await runs('10,000 flows', () => bigDb),
    tenThousandBuildMs: buildMs,
    floor: await startupFloor()
  }
}

/** What any server pays on this machine: node itself, and the bare Fastify baseline to its first answer. */
async function startupFloor () {
  const bodiesFile = join(dir, 'floor-bodies.json')
  writeFileSync(bodiesFile, JSON.stringify({ patch: {}, flow: {}, page: {} }))
  const node = []
  const fastify = []
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now()
    execFileSync(process.execPath, ['-e', '0'])
    node.push(performance.now() - started)
    const server = await startBaseline({ bodiesFile })
    fastify.push(server.startMs)
    await server.stop()
  }
  const median = list => percentile([...list].sort((a, b) => a - b), 50)
  return { nodeMedian: median(node), fastifyMedian: median(fastify) }
}

// ---------------------------------------------------------------- reset of a 1,000-flow tenant
// Three cases: a reset after one PATCH (the usual test teardown: the store rewrites only what differs), after a
// fixture flow in the middle was deleted (it goes back into its place), and after the tenant was replaced by a
// seed with nothing in it (every fixture row is inserted again: the worst case).
async function resetSection () {
  const fixtures = join(dir, 'fixtures-1000')
  mkdirSync(fixtures)
  writeFileSync(join(fixtures, 'default.json'), JSON.stringify(fixtureDocument({ flows: 1000, roleGroups: true })))
  const mock = await startGraphMock(gm({ db: join(dir, 'reset.db'), fixtures }))
  const count = JSON.parse((await request(`${mock.url}/_mock/state?tenant=${TENANT}`)).body).outboundProvisioningFlowSets.reduce((n, s) => n + s.provisioningFlows.length, 0)
  if (count !== 1000) throw new Error(`the reset tenant holds ${count} flows, not 1,000`)
  const middle = flowPath(middleFlow(1000).setId, middleFlow(1000).flowId)
  const series = async (url, dirty, expectStatus) => {
    const times = []
    for (let i = 0; i < 25; i++) {
      // Dirty the tenant first so every reset has real work to undo.
      const res = await request(url, dirty)
      if (res.status !== expectStatus) throw new Error(`before reset: ${res.status} ${res.body.slice(0, 200)}`)
      const reset = await expectOk(await request(`${mock.url}/_mock/reset?tenant=${TENANT}`, { method: 'POST' }), 'reset')
      if (i >= 5) times.push(reset.ms)
    }
    times.sort((a, b) => a - b)
    return { runs: times.length, median: percentile(times, 50), p90: percentile(times, 90), max: times.at(-1) }
  }
  const afterPatch = await series(`${mock.url}${middle}`, { method: 'PATCH', headers: JSON_HEADERS, body: PATCH_BODY }, 200)
  const afterDelete = await series(`${mock.url}${middle}`, { method: 'DELETE', headers: AUTH }, 204)
  const fullRewrite = await series(`${mock.url}/_mock/seed?tenant=${TENANT}&replace=true`, { method: 'POST', headers: JSON_HEADERS, body: '{}' }, 200)
  await mock.stop()
  results.reset = { flows: count, ...afterPatch, afterDelete, fullRewrite }
  log(`reset: median ${fmt(afterPatch.median)} ms after a PATCH, ${fmt(afterDelete.median)} ms after a DELETE, ${fmt(fullRewrite.median)} ms as a full rewrite`)
}

// ---------------------------------------------------------------- PATCH latency against stored-flow count
async function scaleSection () {
  results.scale = []
  for (const flows of [10, 10_000, 100_000]) {
    const db = join(dir, `scale-${flows}.db`)
    log(`scale: building a database of ${int(flows)} flows`)
    const buildMs = await buildDatabase(db, flows)
    const mock = await startGraphMock(gm({ db }))
    const { setId, flowId } = middleFlow(flows)
    const url = `${mock.url}${flowPath(setId, flowId)}`
    const sequential = await sequentialLatency(url, { method: 'PATCH', headers: JSON_HEADERS, body: PATCH_BODY }, { count: 2000, warmup: 300 })
    const requests = [{ method: 'PATCH', path: flowPath(setId, flowId), headers: JSON_HEADERS, body: PATCH_BODY }]
    const loaded = await runCell({ url: mock.url, connections: 10, seconds: SECONDS, requests })
    await mock.stop()
    rmSync(db, { force: true })
    results.scale.push({ flows, buildMs, sequential, loaded })
    log(`scale: ${int(flows)} flows: p50 ${fmt(sequential.p50)} ms, ${int(loaded.rps)} req/s at 10 connections`)
  }
}

// ---------------------------------------------------------------- memory: idle and under sustained load
async function memorySection () {
  const mock = await startGraphMock(gm({ db: join(dir, 'memory.db') }))
  await expectOk(await request(`${mock.url}/_mock/seed`, { method: 'POST', headers: JSON_HEADERS, body: fixtureDocument({ flows: 480, first: 1000 }) }), 'seed')
  await new Promise(resolve => setTimeout(resolve, 2000))
  const idle = rssMb(mock.pid)
  log(`memory: idle RSS ${fmt(idle, 1)} MB; ${SOAK_SECONDS} s of mixed load at 10 connections`)
  const samples = []
  const timer = setInterval(() => samples.push(rssMb(mock.pid)), 1000)
  const middle = middleFlow(480, 1000)
  const requests = [
    { method: 'PATCH', path: DEFAULT_FLOW, headers: JSON_HEADERS, body: PATCH_BODY },
    { method: 'GET', path: DEFAULT_FLOW, headers: AUTH },
    { method: 'GET', path: `${SETS}?$top=100`, headers: AUTH },
    { method: 'PATCH', path: flowPath(middle.setId, middle.flowId), headers: JSON_HEADERS, body: PATCH_BODY }
  ]
  const load = await runCell({ url: mock.url, connections: 10, seconds: SOAK_SECONDS, requests, expectStatus: undefined })
  clearInterval(timer)
  const after = rssMb(mock.pid)
  await mock.stop()
  const valid = samples.filter(s => s !== undefined)
  const mid = valid[Math.floor(valid.length / 2)]
  results.memory = { idle, mid, after, peak: Math.max(...valid), seconds: SOAK_SECONDS, requests: load.requests, rps: load.rps, ...await idleReferences() }
}

/** Idle RSS of the bare Fastify baseline, and of graph-mock with a smaller V8 young generation. */
async function idleReferences () {
  const bodiesFile = join(dir, 'rss-bodies.json')
  writeFileSync(bodiesFile, JSON.stringify({ patch: {}, flow: {}, page: {} }))
  const baseline = await startBaseline({ bodiesFile })
  await new Promise(resolve => setTimeout(resolve, 2000))
  const fastifyIdle = rssMb(baseline.pid)
  await baseline.stop()
  const small = await startGraphMock(gm({ db: join(dir, 'memory-semi.db'), env: { NODE_OPTIONS: '--max-semi-space-size=2' } }))
  await new Promise(resolve => setTimeout(resolve, 2000))
  const semiSpaceIdle = rssMb(small.pid)
  await small.stop()
  return { fastifyIdle, semiSpaceIdle }
}

// ---------------------------------------------------------------- report
function report () {
  const out = []
  const m = results.machine
  out.push(`graph-mock bench — ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, ${m.platform}, Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${results.machine.loadAverageAtEnd.join(' / ')}`)
  out.push(`graph-mock: compiled CLI in a child process, file database (WAL), auth lenient (Bearer token), journal on, LOG_LEVEL=${LOG_LEVEL}; ${SECONDS} s per cell; load generator: autocannon in the parent process.`)
  if (results.throughput.length > 0) {
    out.push('', 'Throughput (req/s) and latency (ms), side by side — ratio = graph-mock ÷ bare Fastify')
    out.push(table(
      ['scenario', 'conn', 'ratio', 'graph-mock req/s', 'p50', 'p99', 'fastify req/s', 'p50', 'p99'],
      results.throughput.map(r => [
        r.scenario, r.connections, `${fmt(r.ratio)} ×`,
        int(r['graph-mock'].rps), fmt(r['graph-mock'].p50), fmt(r['graph-mock'].p99),
        int(r.fastify.rps), fmt(r.fastify.p50), fmt(r.fastify.p99)
      ])))
    // The third-party baselines in a table of their own, measured in the same rows: × = graph-mock ÷ baseline.
    const others = [['compared', 'compared build', 'vsCompared'], ['json-server', 'json-server', 'vsJsonServer'], ['wiremock', 'WireMock', 'vsWireMock'], ['prism', 'Prism', 'vsPrism']]
      .filter(([key]) => results.throughput.some(r => r[key] !== undefined))
    if (others.length > 0) {
      out.push('', 'Other servers in the same rows (req/s, p99 ms; × = graph-mock ÷ that server)')
      out.push(table(
        ['scenario', 'conn', 'graph-mock req/s', ...others.flatMap(([, label]) => [`${label} req/s`, 'p99', '×'])],
        results.throughput.map(r => [
          r.scenario, r.connections, int(r['graph-mock'].rps),
          ...others.flatMap(([key, , ratio]) => [int(r[key]?.rps), fmt(r[key]?.p99), r[ratio] === undefined ? 'n/a' : `${fmt(r[ratio], 1)} ×`])
        ])))
    }
    const failures = results.throughput.flatMap(r => Object.entries(r).filter(([, v]) => v?.unexpected > 0 || v?.errors > 0).map(([k, v]) => `${r.scenario} × ${r.connections} ${k}: ${v.unexpected} unexpected statuses, ${v.errors} errors`))
    if (failures.length > 0) out.push(`  ! ${failures.join('; ')}`)
    if (results.logging !== undefined) {
      out.push(`  logging: PATCH × 50 with LOG_LEVEL=silent: ${int(results.logging.silent.rps)} req/s (p99 ${fmt(results.logging.silent.p99)} ms) = ${fmt(results.logging.ratio)} × fastify (${int(results.logging.fastify.rps)} req/s in the same minute)`)
    }
  }
  if (results.startup !== undefined) {
    const s = results.startup
    out.push('', `Start-up: spawn of node dist/graph-mock.js → first answered Graph request, ${STARTS} runs`)
    out.push(table(['database', 'median ms', 'min', 'max', 'child CPU ms (median)'], [
      ['new file', fmt(s.empty.median, 0), fmt(s.empty.min, 0), fmt(s.empty.max, 0), fmt(s.empty.cpuMedian, 0)],
      ['10,000 flows', fmt(s.tenThousand.median, 0), fmt(s.tenThousand.min, 0), fmt(s.tenThousand.max, 0), fmt(s.tenThousand.cpuMedian, 0)]
    ]))
    out.push(`  floor on this machine: \`node -e 0\` ${fmt(s.floor.nodeMedian, 0)} ms; bare Fastify baseline to its first answer ${fmt(s.floor.fastifyMedian, 0)} ms (medians of ${STARTS})`)
  }
  if (results.scale !== undefined) {
    out.push('', 'PATCH latency against stored flows (1 connection, 2,000 sequential PATCHes; and 10 connections)')
    out.push(table(['stored flows', 'p50 ms', 'p99 ms', 'req/s × 10 conn', 'p99 ms × 10 conn'], results.scale.map(s => [int(s.flows), fmt(s.sequential.p50), fmt(s.sequential.p99), int(s.loaded.rps), fmt(s.loaded.p99)])))
  }
  if (results.reset !== undefined) {
    const r = results.reset
    out.push('', `Reset of a 1,000-flow tenant (POST /_mock/reset?tenant=…, round trip, ${r.runs} resets each), median / p90 / max ms:`)
    out.push(table(['reset after', 'median', 'p90', 'max'], [
      ['one PATCH', fmt(r.median), fmt(r.p90), fmt(r.max)],
      ['a DELETE of a middle fixture flow', fmt(r.afterDelete.median), fmt(r.afterDelete.p90), fmt(r.afterDelete.max)],
      ['a seed replacing the tenant with nothing (full rewrite)', fmt(r.fullRewrite.median), fmt(r.fullRewrite.p90), fmt(r.fullRewrite.max)]
    ]))
  }
  if (results.memory !== undefined) {
    const mem = results.memory
    out.push('', `Memory (RSS): idle ${fmt(mem.idle, 1)} MB; after ${mem.seconds} s of mixed load (${int(mem.requests)} requests): ${fmt(mem.after, 1)} MB (half-way ${fmt(mem.mid, 1)} MB, peak ${fmt(mem.peak, 1)} MB)`)
    out.push(`  idle references: bare Fastify baseline ${fmt(mem.fastifyIdle, 1)} MB; graph-mock with NODE_OPTIONS=--max-semi-space-size=2 ${fmt(mem.semiSpaceIdle, 1)} MB`)
  }

  const patch50 = results.throughput.find(r => r.scenario === 'PATCH flow' && r.connections === 50)
  const scale10 = results.scale?.find(s => s.flows === 10)
  const scale100k = results.scale?.find(s => s.flows === 100_000)
  const flat = scale10 === undefined || scale100k === undefined ? undefined : scale100k.sequential.p50 / scale10.sequential.p50
  const mem = results.memory
  const bounded = mem === undefined ? undefined : mem.after <= mem.mid * 1.1 + 5
  results.targets = [
    ['PATCH throughput × 50 conn ÷ bare Fastify', '≥ 0.40', patch50 === undefined ? 'n/a' : `${fmt(patch50.ratio)} ×`, verdict(patch50 === undefined ? undefined : patch50.ratio >= 0.4)],
    ['PATCH p99 × 50 conn', '≤ 5 ms', patch50 === undefined ? 'n/a' : `${fmt(patch50['graph-mock'].p99)} ms`, verdict(patch50 === undefined ? undefined : patch50['graph-mock'].p99 <= 5)],
    ['PATCH throughput × 50 conn ÷ json-server', '≥ 10', patch50?.vsJsonServer === undefined ? 'n/a' : `${fmt(patch50.vsJsonServer, 1)} ×`, verdict(patch50?.vsJsonServer === undefined ? undefined : patch50.vsJsonServer >= 10)],
    ['PATCH throughput × 50 conn ÷ WireMock', '≥ 1', patch50?.vsWireMock === undefined ? 'n/a' : `${fmt(patch50.vsWireMock, 1)} ×`, verdict(patch50?.vsWireMock === undefined ? undefined : patch50.vsWireMock >= 1)],
    ['PATCH throughput × 50 conn ÷ Prism', '≥ 10', patch50?.vsPrism === undefined ? 'n/a' : `${fmt(patch50.vsPrism, 1)} ×`, verdict(patch50?.vsPrism === undefined ? undefined : patch50.vsPrism >= 10)],
    ['start → first answer, new database (median)', '≤ 200 ms', results.startup === undefined ? 'n/a' : `${fmt(results.startup.empty.median, 0)} ms`, verdict(results.startup === undefined ? undefined : results.startup.empty.median <= 200)],
    ['start → first answer, 10,000 flows (median)', '≤ 200 ms', results.startup === undefined ? 'n/a' : `${fmt(results.startup.tenThousand.median, 0)} ms`, verdict(results.startup === undefined ? undefined : results.startup.tenThousand.median <= 200)],
    ['reset of a 1,000-flow tenant after a PATCH (median)', '≤ 20 ms', results.reset === undefined ? 'n/a' : `${fmt(results.reset.median)} ms`, verdict(results.reset === undefined ? undefined : results.reset.median <= 20)],
    ['  … after a DELETE of a fixture flow (median)', '≤ 20 ms', results.reset === undefined ? 'n/a' : `${fmt(results.reset.afterDelete.median)} ms`, verdict(results.reset === undefined ? undefined : results.reset.afterDelete.median <= 20)],
    ['  … as a full rewrite, every row inserted (median)', '≤ 20 ms', results.reset === undefined ? 'n/a' : `${fmt(results.reset.fullRewrite.median)} ms`, verdict(results.reset === undefined ? undefined : results.reset.fullRewrite.median <= 20)],
    ['PATCH p50, 100,000 ÷ 10 stored flows', 'flat (≤ 1.5)', flat === undefined ? 'n/a' : `${fmt(flat)} ×`, verdict(flat === undefined ? undefined : flat <= 1.5)],
    ['idle RSS', '≤ 80 MB', mem === undefined ? 'n/a' : `${fmt(mem.idle, 1)} MB`, verdict(mem === undefined ? undefined : mem.idle <= 80)],
    [`RSS after ${SOAK_SECONDS} s of load vs half-way`, 'bounded (≤ +10 % + 5 MB)', mem === undefined ? 'n/a' : `${fmt(mem.mid, 1)} → ${fmt(mem.after, 1)} MB`, verdict(bounded)]
  ]
  out.push('', 'SPEC §10 targets')
  out.push(table(['figure', 'target', 'measured', ''], results.targets))
  out.push('', ...results.notes.map(n => `note: ${n}`))
  out.push(`bench took ${Math.round((Date.now() - started) / 1000)} s`)
  return out.join('\n')
}

try {
  if (ONLY.has('throughput')) await throughputSection()
  if (ONLY.has('startup')) await startupSection()
  if (ONLY.has('reset')) await resetSection()
  if (ONLY.has('scale')) await scaleSection()
  if (ONLY.has('memory')) await memorySection()
  results.machine.loadAverageAtEnd = loadavg().map(n => Number(n.toFixed(2)))
  const text = report()
  process.stdout.write(`${text}\n`)
  const resultsDir = fileURLToPath(new URL('./results', import.meta.url))
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify({ ...results, table: text.split('\n') }, null, 2)}\n`)
  log('wrote bench/results/latest.json')
} finally {
  await stopAll()
  closeConnections()
  rmSync(dir, { recursive: true, force: true })
}
