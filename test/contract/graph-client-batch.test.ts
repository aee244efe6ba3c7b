/**
 * graph-client v3's own batching helpers against $batch: BatchRequestContent writes each request's URL with only
 * the host taken off (`/beta/external/…`), and BatchResponseContent reads each answer's `Content-Type`.
 */
import t from 'tap'
import { BatchRequestContent, BatchResponseContent, Client } from '@microsoft/microsoft-graph-client'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { listen } from './listen.js'

type Json = Record<string, any>
const FLOW = `external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`

t.test('graph-client v3: a batch built with BatchRequestContent, read with BatchResponseContent', async t => {
  const { url } = await listen(t, { auth: 'off' })
  const client = Client.init({ baseUrl: url, defaultVersion: 'beta', customHosts: new Set(['127.0.0.1']), authProvider: done => { done(null, 'unused-over-http') } })
  const base = `${url}/beta/`
  const batch = new BatchRequestContent([
    { id: 'get', request: new Request(`${base}${FLOW}`, { method: 'GET' }) },
    {
      id: 'patch',
      request: new Request(`${base}${FLOW}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ configuration: { additionalAttributes: ['classCode'] } }) }),
      dependsOn: ['get']
    },
    { id: 'missing', request: new Request(`${base}external/industryData/roleGroups/nobody`, { method: 'GET' }), dependsOn: ['patch'] }
  ])
  const answer = await client.api('/$batch').post(await batch.getContent()) as ConstructorParameters<typeof BatchResponseContent>[0]
  const responses = new BatchResponseContent(answer)
  const got = responses.getResponseById('get')
  t.equal(got?.status, 200, 'the GET, by id')
  t.equal(got?.headers.get('content-type'), 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', 'with its Content-Type')
  t.equal(((await got?.json()) as Json).id, CLASS_FLOW_ID, 'its body reads as JSON')
  const patched = responses.getResponseById('patch')
  t.same(((await patched?.json()) as Json).configuration.additionalAttributes, ['classCode'], 'the PATCH answer reads as JSON')
  const missing = responses.getResponseById('missing')
  t.equal(missing?.status, 404, 'a failed inner request keeps its status')
  t.equal(((await missing?.json()) as Json).error.code, 'itemNotFound', "and Graph's envelope")
})
