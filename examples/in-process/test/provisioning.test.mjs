// How a project tests its School Data Sync integration against graph-mock, in-process.
import t from 'tap'
import { startGraphMock } from 'graph-mock'

const mock = await startGraphMock()
t.teardown(() => mock.close())
t.beforeEach(() => mock.reset()) // every test starts from the bundled fixtures

const headers = { authorization: 'Bearer any-token', 'content-type': 'application/json' }

/** The code under test: marks the tenant's class-group flow ready. */
async function markClassGroupsReady (graphUrl) {
  const res = await fetch(`${graphUrl}/classGroupProvisioningFlow`, {
    method: 'PATCH', headers, body: JSON.stringify({ readinessStatus: 'ready', configuration: {} })
  })
  if (!res.ok) throw new Error(`Graph answered ${res.status}`)
  return res.json()
}

t.test('marks the flow ready and sends one PATCH', async t => {
  const flow = await markClassGroupsReady(mock.graphUrl)
  t.equal(flow.readinessStatus, 'ready', 'the answer says ready')
  const sent = mock.requests({ method: 'PATCH' })
  t.equal(sent.length, 1, 'exactly one PATCH reached Graph')
  t.same(sent[0].body, { readinessStatus: 'ready', configuration: {} }, 'with this body')
})

t.test('surfaces a Graph outage', async t => {
  mock.fault({ path: '*/classGroupProvisioningFlow', status: 503, times: 1 })
  await t.rejects(markClassGroupsReady(mock.graphUrl), /Graph answered 503/, 'the 503 reaches the caller')
  t.equal(mock.state().outboundProvisioningFlowSets[0].provisioningFlows[0].readinessStatus, 'disabled', 'nothing was written')
})

t.test('a frozen clock makes timestamps predictable', async t => {
  mock.clock.freeze('2030-01-01T00:00:00Z')
  const flow = await markClassGroupsReady(mock.graphUrl)
  t.equal(flow.lastModifiedDateTime, '2030-01-01T00:00:00.0000000Z', 'stamped with the frozen time')
  mock.clock.resume()
})
