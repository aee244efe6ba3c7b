/** @microsoft/microsoft-graph-client v3 over plain http (auth off: the client sends tokens only to https hosts), and plain fetch. */
import t from 'tap'
import { Client, GraphError } from '@microsoft/microsoft-graph-client'
import { CLASS_FLOW_ID, SET_ID, USER_FLOW_ID } from '../helpers.js'
import { listen } from './listen.js'

type Json = Record<string, any>
const NS = '#microsoft.graph.industryData'
const SETS = '/external/industryData/outboundProvisioningFlowSets'
const FLOWS = `${SETS}/${SET_ID}/provisioningFlows`

t.test('graph-client v3: every operation, errors as its GraphError', async t => {
  const { url } = await listen(t, { auth: 'off' })
  // customHosts: without it the client takes an absolute nextLink on another host for a relative path.
  const client = Client.init({ baseUrl: url, defaultVersion: 'beta', customHosts: new Set(['127.0.0.1']), authProvider: done => { done(null, 'unused-over-http') } })

  const flow = await client.api(`${FLOWS}/${CLASS_FLOW_ID}`).select(['readinessStatus']).get() as Json
  t.same(Object.keys(flow), ['@odata.context', '@odata.type', 'id', 'readinessStatus'], 'GET with .select()')
  const patched = await client.api(`${FLOWS}/${CLASS_FLOW_ID}`).patch({ '@odata.type': `${NS}.classGroupProvisioningFlow`, configuration: { additionalAttributes: ['classCode'] } }) as Json
  t.same(patched.configuration.additionalAttributes, ['classCode'], 'PATCH answers the entity (200)')
  const minimal = await client.api(`${FLOWS}/${CLASS_FLOW_ID}`).header('Prefer', 'return=minimal').patch({ configuration: {} }) as unknown
  t.notOk(minimal, 'with return=minimal the client gets no body (204)')

  const set = await client.api(SETS).post({ displayName: 'From graph-client', filter: { '@odata.type': `${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1'] } }) as Json
  t.ok(set.id, 'POST a flow set')
  const created = await client.api(`${SETS}/${String(set.id)}/provisioningFlows`).post({ '@odata.type': `${NS}.securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true } }) as Json
  t.equal(created.readinessStatus, 'notReady', 'POST a flow')
  await client.api(`${SETS}/${String(set.id)}/provisioningFlows/${String(created.id)}/microsoft.graph.industryData.reset`).post(null)
  const count = await client.api(`${SETS}/$count`).get() as unknown
  t.equal(String(count), '2', '$count as text')

  // graph-client v3 treats only https:// URLs as absolute, so over http a nextLink is followed by its path
  // (docs/troubleshooting.md); with --tls, PageIterator follows it as it is.
  const seen: string[] = []
  let page = await client.api(FLOWS).top(1).get() as Json
  for (let i = 0; i < 10; i++) {
    seen.push(...page.value.map((item: Json) => String(item.id)))
    const next = page['@odata.nextLink'] as string | undefined
    if (next === undefined) break
    page = await client.api(next.replace(`${url}/beta`, '')).get() as Json
  }
  t.equal(seen.length, 4, 'following @odata.nextLink visits every flow')
  t.ok(seen.includes(USER_FLOW_ID), 'including the user flow')

  try {
    await client.api(`${FLOWS}/${CLASS_FLOW_ID}`).patch({ readinessStatus: 'maybe', configuration: {} })
    t.fail('a bad enum must be refused')
  } catch (error) {
    t.ok(error instanceof GraphError, 'a GraphError')
    if (!(error instanceof GraphError)) return
    t.equal(error.statusCode, 400, 'statusCode')
    t.equal(error.code, 'BadRequest', 'code')
    t.match(error.message, /^Invalid value for property 'readinessStatus'/, 'message')
    t.match(error.requestId, /^[0-9a-f-]{36}$/, 'requestId from innerError')
  }
  await client.api(`${SETS}/${String(set.id)}`).delete()
  try {
    await client.api(`${SETS}/${String(set.id)}`).get()
    t.fail('deleted')
  } catch (error) {
    t.equal(error instanceof GraphError ? error.code : undefined, 'itemNotFound', '404 as itemNotFound')
  }
})

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
})
