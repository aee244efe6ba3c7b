/**
 * With `--tls`, the links inside `$batch` answers use https and the host the client used, like direct answers:
 * the inner requests run through app.inject, which is plain http, and carry the batch's origin instead.
 */
import t from 'tap'
import { Agent } from 'undici'
import { selfSignedCertificate } from '../../src/http/tls.js'
import { INNER_ORIGIN_HEADER } from '../../src/http/request-origin.js'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { listen } from './listen.js'

type Json = Record<string, any>
const SETS = '/external/industryData/outboundProvisioningFlowSets'
const FLOWS = `${SETS}/${SET_ID}/provisioningFlows`

t.test('over https, @odata.context, @odata.nextLink and Location inside a $batch name https://host:port', async t => {
  const tls = await selfSignedCertificate()
  const { url, app } = await listen(t, { tls: true }, { tls })
  const dispatcher = new Agent({ connect: { ca: tls.cert } })
  t.teardown(() => dispatcher.close())
  t.match(url, /^https:\/\/127\.0\.0\.1:\d+$/, 'listening on https')
  const root = `${url}/beta`
  const forged = 'http://forged.example.test'
  const res = await fetch(`${root}/$batch`, {
    method: 'POST',
    headers: { authorization: 'Bearer opaque', 'content-type': 'application/json', [INNER_ORIGIN_HEADER]: forged },
    body: JSON.stringify({
      requests: [
        { id: 'flow', method: 'GET', url: `${FLOWS}/${CLASS_FLOW_ID}` },
        { id: 'page', method: 'GET', url: `${FLOWS}?$top=1`, headers: { [INNER_ORIGIN_HEADER]: forged } },
        { id: 'create', method: 'POST', url: SETS, body: { displayName: 'Over TLS', filter: { '@odata.type': '#microsoft.graph.industryData.basicFilter', attribute: 'orgExternalId', in: ['S1'] } } }
      ]
    }),
    dispatcher
  } as RequestInit)
  t.equal(res.status, 200, 'the batch answers')
  const byId = new Map(((await res.json()) as { responses: Json[] }).responses.map(r => [r.id, r]))
  t.equal(byId.get('flow')?.body['@odata.context'], `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`, '@odata.context of the inner GET')
  t.equal(byId.get('page')?.body['@odata.context'], `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows`, '@odata.context of the list')
  t.match(byId.get('page')?.body['@odata.nextLink'], new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${FLOWS}\\?\\$top=1&\\$skiptoken=`), '@odata.nextLink of the list with $top')
  t.equal(byId.get('create')?.status, 201, 'the POST creates')
  t.equal(byId.get('create')?.headers.Location, `${root}${SETS}/${String(byId.get('create')?.body.id)}`, 'its Location')
  t.equal(byId.get('create')?.body['@odata.context'], `${root}/$metadata#external/industryData/outboundProvisioningFlowSets/$entity`, 'its @odata.context')

  const next = await fetch(String(byId.get('page')?.body['@odata.nextLink']), { headers: { authorization: 'Bearer opaque' }, dispatcher } as RequestInit)
  t.equal(next.status, 200, 'the nextLink from inside the batch is followed as it is')
  t.equal(((await next.json()) as Json)['@odata.context'], `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows`, 'and answers on https too')
  const inner = app.graphMock.journal.entries().filter(e => e.url !== '/beta/$batch' && e.url.startsWith('/beta/external'))
  t.ok(inner.length >= 3, 'the inner requests are journaled')
  t.ok(inner.every(e => !(INNER_ORIGIN_HEADER in e.headers) || e.headers[INNER_ORIGIN_HEADER] === forged), 'the journal holds no origin header but the client\'s own copy')
})
