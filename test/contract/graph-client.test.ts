/** @microsoft/microsoft-graph-client v3 over plain http with auth off (the client sends tokens only to https hosts), and plain fetch. */
import t from 'tap'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { graphClientSuite } from './graph-client-suite.js'
import { overHttpAuthOff } from './graph-client-setups.js'
import { listen } from './listen.js'

type Json = Record<string, any>
const NS = '#microsoft.graph.industryData'

t.test('graph-client v3 over http, GRAPH_MOCK_AUTH=off', async t => { graphClientSuite(t, overHttpAuthOff) })

t.test('plain fetch: the seed request over a real socket', async t => {
  const { url } = await listen(t)
  const res = await fetch(`${url}/beta/classGroupProvisioningFlow`, {
    method: 'PATCH',
    headers: { authorization: 'Bearer x', 'content-type': 'application/json', 'client-request-id': 'fetch-1' },
    body: JSON.stringify({ '@odata.type': `${NS}.classGroupProvisioningFlow`, readinessStatus: 'ready', configuration: { '@odata.type': 'microsoft.graph.industryData.classGroupConfiguration' } })
  })
  t.equal(res.status, 200, '200')
  t.equal(res.headers.get('client-request-id'), 'fetch-1', 'client-request-id echoed')
  const body = await res.json() as Json
  t.equal(body['@odata.context'], `${url}/beta/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`, 'context from the request\'s Host')
  t.equal(body.readinessStatus, 'ready', 'written')
  t.equal(body.id, CLASS_FLOW_ID, 'the tenant\'s class-group flow')
})
