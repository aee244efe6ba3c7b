// The baseline: a bare Fastify 5 server (defaults, no logger) answering the same JSON as graph-mock on the same
// paths. PATCH parses the request body with Fastify's own JSON parser and answers the stored flow; GETs answer
// the flow and the 100-item page. No validation, no storage, no headers beyond Fastify's: the cost floor of
// "a Fastify route answering this JSON" on this machine.
// Usage: node bench/baseline-server.js PORT BODIES.json   (BODIES: { patch, flow, page } captured from graph-mock)
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const [port, bodiesFile] = process.argv.slice(2)
const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8'))
const FLOW = '/beta/external/industryData/outboundProvisioningFlowSets/:setId/provisioningFlows/:flowId'

const app = Fastify({ logger: false })
app.get('/ready', async () => ({ ok: true }))
app.patch(FLOW, async () => bodies.patch)
app.get(FLOW, async () => bodies.flow)
app.get('/beta/external/industryData/outboundProvisioningFlowSets', async () => bodies.page)

await app.listen({ port: Number(port), host: '127.0.0.1' })
process.on('SIGTERM', () => { app.close().then(() => process.exit(0), () => process.exit(1)) })
