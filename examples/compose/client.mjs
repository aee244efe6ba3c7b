// An application container talking to graph-mock, as you would wire your own: plain Node (20+),
// global fetch, no dependencies. It waits for the mock, PATCHes the class-group provisioning flow
// through the Graph API, reads it back and checks the answer. Exit 0 on success, 1 on any mismatch.
//
//   docker compose run --rm example-client          (GRAPH_MOCK_URL defaults to the compose service)
//   GRAPH_MOCK_URL=http://127.0.0.1:4010 node examples/compose/client.mjs

const base = (process.env.GRAPH_MOCK_URL ?? 'http://graph-mock:4010').replace(/\/+$/, '')
const waitMs = Number(process.env.WAIT_MS ?? 60_000)
// Any Bearer token is accepted by default (GRAPH_MOCK_AUTH=lenient); real apps keep their token code.
const headers = { authorization: 'Bearer example-client-token', accept: 'application/json' }
const flowUrl = `${base}/beta/classGroupProvisioningFlow`
const wanted = { readinessStatus: 'ready', configuration: { additionalAttributes: ['courseCode'] } }

/** Poll /_mock/ready: compose's `service_healthy` already waited, but the same client also runs outside compose. */
async function waitForReady () {
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      const res = await fetch(`${base}/_mock/ready`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return
    } catch {}
    if (Date.now() > deadline) fail(`graph-mock at ${base} not ready after ${waitMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

function fail (why) {
  console.error(`example-client: FAIL ${why}`)
  process.exit(1)
}

/** The fields this client cares about, so a mismatch names what differs. */
function check (what, res, body) {
  if (res.status !== 200) fail(`${what}: HTTP ${res.status} ${JSON.stringify(body)}`)
  if (body.readinessStatus !== wanted.readinessStatus) fail(`${what}: readinessStatus is ${JSON.stringify(body.readinessStatus)}`)
  const attrs = body.configuration?.additionalAttributes
  if (JSON.stringify(attrs) !== JSON.stringify(wanted.configuration.additionalAttributes)) fail(`${what}: additionalAttributes is ${JSON.stringify(attrs)}`)
  if (body['@odata.type'] !== '#microsoft.graph.industryData.classGroupProvisioningFlow') fail(`${what}: @odata.type is ${JSON.stringify(body['@odata.type'])}`)
}

await waitForReady()
const patched = await fetch(flowUrl, { method: 'PATCH', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(wanted) })
check('PATCH', patched, await patched.json())
const got = await fetch(flowUrl, { headers })
const flow = await got.json()
check('GET', got, flow)
console.log(`example-client: OK flow ${flow.id} readinessStatus=${flow.readinessStatus} additionalAttributes=${JSON.stringify(flow.configuration.additionalAttributes)}`)
