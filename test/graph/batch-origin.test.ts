/**
 * A `$batch` hands its inner requests the origin it was sent to in a header only this process can write. The
 * header never reaches the journal, and a client's copy of it, on a direct request, on the batch or inside it,
 * changes nothing.
 */
import t from 'tap'
import { INNER_ORIGIN_HEADER } from '../../src/http/request-origin.js'
import { auth, build, CLASS_FLOW_ID, jsonAuth, SET_ID } from '../helpers.js'

type Json = Record<string, any>
const FLOW = `/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`
const CONTEXT = `http://localhost:80/beta/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`
const FORGED = ['https://evil.example.test', 'secret https://evil.example.test', ' https://evil.example.test', '']

t.test('the inner requests\' journal entries do not hold the header that carries the origin', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'POST', url: '/beta/$batch', headers: jsonAuth, payload: { requests: [{ id: '1', method: 'GET', url: FLOW }, { id: '2', method: 'GET', url: '/nowhere' }] } })
  t.same((res.json() as { responses: Json[] }).responses.map(r => r.status), [200, 400], 'a routed and an unrouted inner request')
  const journal = (await app.inject({ method: 'GET', url: '/_mock/requests' })).json() as { value: Json[] }
  t.equal(journal.value.length, 3, 'both inner requests and the batch')
  for (const entry of journal.value) t.notOk(INNER_ORIGIN_HEADER in entry.headers, `${entry.method as string} ${entry.url as string}: no ${INNER_ORIGIN_HEADER}`)
  t.equal(journal.value[0]?.headers.host, 'localhost:80', 'the inner request carries the batch\'s Host, as before')
})

t.test('a client\'s copy of the header changes nothing', async t => {
  const app = await build(t)
  for (const value of FORGED) {
    const direct = await app.inject({ method: 'GET', url: `/beta${FLOW}`, headers: { ...auth, [INNER_ORIGIN_HEADER]: value } })
    t.equal(direct.json()['@odata.context'], CONTEXT, `a direct request with ${JSON.stringify(value)}: links from its own Host`)
    const batch = await app.inject({
      method: 'POST',
      url: '/beta/$batch',
      headers: { ...jsonAuth, [INNER_ORIGIN_HEADER]: value },
      payload: { requests: [{ id: '1', method: 'GET', url: FLOW, headers: { [INNER_ORIGIN_HEADER]: value, 'X-Graph-Mock-Inner-Origin': value } }] }
    })
    const inner = (batch.json() as { responses: Json[] }).responses[0]
    t.equal(inner?.body['@odata.context'], CONTEXT, `a batch and its inner request with ${JSON.stringify(value)}: links from the batch's origin`)
  }
  const sent = app.graphMock.journal.entries().find(e => e.method === 'GET' && e.url === `/beta${FLOW}`)
  t.equal(sent?.headers[INNER_ORIGIN_HEADER], FORGED[0], 'the journal shows the client\'s header as it was sent')
})
