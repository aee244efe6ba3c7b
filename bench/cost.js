// Per-request CPU cost of graph-mock in-process (app.inject: no sockets, no load generator), the steadiest
// figure on a busy machine: CPU microseconds per request, the best of several rounds. Use it to compare a
// change before and after: `npm run build && node bench/cost.js` (ROUNDS, COUNT, LOG_LEVEL to taste; with
// --cpu-prof to see where the time goes). Not part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../dist/app.js'
import { loadConfig } from '../dist/config.js'
import { DEFAULT_CLASS_FLOW_ID, DEFAULT_SET_ID, fixtureDocument } from './lib/dataset.js'

const ROUNDS = Number(process.env.ROUNDS ?? 5)
const COUNT = Number(process.env.COUNT ?? 2000)
const dir = mkdtempSync(join(tmpdir(), 'graph-mock-cost-'))
const app = await buildApp(loadConfig({ GRAPH_MOCK_DB: join(dir, 'cost.db'), LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }))
const SETS = '/beta/external/industryData/outboundProvisioningFlowSets'
const FLOW = `${SETS}/${DEFAULT_SET_ID}/provisioningFlows/${DEFAULT_CLASS_FLOW_ID}`
const headers = { authorization: 'Bearer bench-opaque-token', 'content-type': 'application/json' }
await app.inject({ method: 'POST', url: '/_mock/seed', headers, payload: fixtureDocument({ flows: 480, first: 1000 }) })

const cases = {
  'PATCH flow': { method: 'PATCH', url: FLOW, headers, payload: JSON.stringify({ configuration: { additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false } } }) },
  'PATCH flow, enrollment codes': { method: 'PATCH', url: FLOW, headers, payload: JSON.stringify({ configuration: { enrollmentMappings: { memberEnrollmentMappings: [{ code: 'STUDENT' }], ownerEnrollmentMappings: [{ code: 'teacher' }] } } }) },
  'GET flow': { method: 'GET', url: FLOW, headers },
  'GET page of 100': { method: 'GET', url: `${SETS}?$top=100`, headers }
}
const only = process.env.ONLY === undefined ? undefined : new RegExp(process.env.ONLY, 'i')
for (const [name, options] of Object.entries(cases)) {
  if (only !== undefined && !only.test(name)) continue
  let best = Infinity
  for (let round = 0; round < ROUNDS; round++) {
    const before = process.cpuUsage()
    for (let i = 0; i < COUNT; i++) {
      const res = await app.inject(options)
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`)
    }
    const used = process.cpuUsage(before)
    if (round > 0) best = Math.min(best, (used.user + used.system) / COUNT) // round 0 warms up
  }
  console.log(`${name.padEnd(30)} ${best.toFixed(0).padStart(6)} µs CPU per request (best of ${ROUNDS - 1} × ${COUNT})`)
}
await app.close()
rmSync(dir, { recursive: true, force: true })
