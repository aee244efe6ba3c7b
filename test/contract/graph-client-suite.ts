/**
 * The life cycle every graph-client v3 setup (graph-client-setups.ts) must get through unchanged: the fluent
 * api() with its query helpers, PageIterator, BatchRequestContent / BatchResponseContent, and the retry handler
 * on an injected 429. Each part starts its own server.
 */
import type { Test } from 'tap'
import { BatchRequestContent, BatchResponseContent, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import type { StartSetup } from './graph-client-setups.js'

type Json = Record<string, any>
const NS = 'microsoft.graph.industryData'
const SETS = '/external/industryData/outboundProvisioningFlowSets'
const FLOWS = `${SETS}/${SET_ID}/provisioningFlows`
const FLOW = `${FLOWS}/${CLASS_FLOW_ID}`
const newSet = (displayName: string): Json => ({ displayName, filter: { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1'] } })

async function graphErrorOf (t: Test, call: () => Promise<unknown>): Promise<GraphError> {
  try {
    await call()
  } catch (error) {
    t.ok(error instanceof GraphError, 'the client throws its GraphError')
    return error as GraphError
  }
  throw new Error('the call succeeded; a GraphError was expected')
}

export function graphClientSuite (t: Test, start: StartSetup): void {
  t.test('api(): get, post, patch and delete; errors as GraphError', async t => {
    const { client, url } = await start(t)
    const root = `${url}/beta`
    const flow = await client.api(FLOW).select(['readinessStatus']).get() as Json
    t.same(Object.keys(flow), ['@odata.context', '@odata.type', 'id', 'readinessStatus'], 'GET with .select()')
    t.equal(flow['@odata.context'], `${root}/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`, '@odata.context on the client\'s scheme and host')
    const patched = await client.api(FLOW).patch({ '@odata.type': `#${NS}.classGroupProvisioningFlow`, configuration: { additionalAttributes: ['classCode'] } }) as Json
    t.same(patched.configuration.additionalAttributes, ['classCode'], 'PATCH answers the entity (200)')
    t.notOk(await client.api(FLOW).header('Prefer', 'return=minimal').patch({ configuration: {} }), 'with return=minimal the client gets no body (204)')

    const set = await client.api(SETS).post(newSet('From graph-client')) as Json
    t.match(set.id, /^[0-9a-f-]{36}$/, 'POST a flow set')
    t.equal(set['@odata.context'], `${root}/$metadata#external/industryData/outboundProvisioningFlowSets/$entity`, 'its @odata.context')
    const created = await client.api(`${SETS}/${String(set.id)}/provisioningFlows`).post({ '@odata.type': `#${NS}.securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true } }) as Json
    t.equal(created.readinessStatus, 'notReady', 'POST a flow into it')
    await client.api(`${SETS}/${String(set.id)}/provisioningFlows/${String(created.id)}/${NS}.reset`).post(null)
    t.equal(String(await client.api(`${SETS}/$count`).get()), '2', '$count as text')

    const invalid = await graphErrorOf(t, () => client.api(FLOW).patch({ readinessStatus: 'maybe', configuration: {} }))
    t.equal(invalid.statusCode, 400, 'a bad enum: 400')
    t.equal(invalid.code, 'BadRequest', 'code BadRequest')
    t.match(invalid.message, /^Invalid value for property 'readinessStatus'/, 'the message names the property')
    t.match(invalid.requestId, /^[0-9a-f-]{36}$/, 'requestId from innerError')

    await client.api(`${SETS}/${String(set.id)}`).delete()
    const gone = await graphErrorOf(t, () => client.api(`${SETS}/${String(set.id)}`).get())
    t.equal(gone.statusCode, 404, 'deleted: 404')
    t.equal(gone.code, 'itemNotFound', 'code itemNotFound')
  })

  t.test('query helpers: top, select, filter, count and orderby in one request', async t => {
    const { client, url } = await start(t)
    for (const name of ['Query B', 'Query A', 'Query C']) await client.api(SETS).post(newSet(name))
    const page = await client.api(SETS)
      .filter("displayName eq 'Query A' or displayName eq 'Query B' or displayName eq 'Query C'")
      .orderby('displayName desc')
      .count(true)
      .top(2)
      .select(['displayName'])
      .get() as Json
    t.equal(page['@odata.count'], 3, '.count(true): every match counted')
    t.same(page.value.map((s: Json) => s.displayName), ['Query C', 'Query B'], '.orderby() and .top() choose the first page')
    t.same(Object.keys(page.value[0]), ['id', 'displayName'], '.select() (the key always comes)')
    t.ok(String(page['@odata.nextLink']).startsWith(`${url}/beta${SETS}?`), '@odata.nextLink on the client\'s scheme and host')
  })

  t.test('PageIterator follows @odata.nextLink through every page', async t => {
    const { client, app } = await start(t)
    const names = ['Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5']
    for (const name of names) await client.api(SETS).post(newSet(name))
    const seen: string[] = []
    const first = await client.api(SETS).top(2).get() as PageCollection
    const iterator = new PageIterator(client, first, (item: Json) => { seen.push(String(item.id)); return true })
    await iterator.iterate()
    t.ok(iterator.isComplete(), 'the iterator reached the last page')
    t.equal(seen.length, 6, 'every flow set: the fixture\'s and the five created')
    t.equal(new Set(seen).size, 6, 'none twice')
    t.ok(seen.includes(SET_ID), 'including the fixture\'s')
    const reads = app.graphMock.journal.query({ method: 'GET', path: `/beta${SETS}` })
    t.same(reads.map(e => [e.status, e.url.includes('$skiptoken=')]), [[200, false], [200, true], [200, true]], 'three pages, the later two by their nextLink')
  })

  t.test('BatchRequestContent and BatchResponseContent; links inside the batch on the client\'s scheme and host', async t => {
    const { client, url } = await start(t)
    const base = `${url}/beta`
    const json = { 'Content-Type': 'application/json' }
    // BatchRequestContent takes parallel or serial batches only: this one is serial, each step after the one before.
    const batch = new BatchRequestContent([
      { id: 'flow', request: new Request(`${base}${FLOW}`, { method: 'GET' }) },
      { id: 'page', request: new Request(`${base}${FLOWS}?$top=1`, { method: 'GET' }), dependsOn: ['flow'] },
      { id: 'create', request: new Request(`${base}${SETS}`, { method: 'POST', headers: json, body: JSON.stringify(newSet('From a batch')) }), dependsOn: ['page'] },
      { id: 'patch', request: new Request(`${base}${FLOW}`, { method: 'PATCH', headers: json, body: JSON.stringify({ configuration: { additionalAttributes: ['classCode'] } }) }), dependsOn: ['create'] },
      { id: 'missing', request: new Request(`${base}/external/industryData/roleGroups/nobody`, { method: 'GET' }), dependsOn: ['patch'] }
    ])
    const answer = await client.api('/$batch').post(await batch.getContent()) as ConstructorParameters<typeof BatchResponseContent>[0]
    const responses = new BatchResponseContent(answer)

    const flow = responses.getResponseById('flow')
    t.equal(flow?.status, 200, 'the GET, by id')
    t.equal(flow?.headers.get('content-type'), 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', 'with its Content-Type')
    const flowBody = await flow?.json() as Json
    t.equal(flowBody.id, CLASS_FLOW_ID, 'its body reads as JSON')
    t.equal(flowBody['@odata.context'], `${base}/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`, '@odata.context inside the batch')
    const page = await responses.getResponseById('page')?.json() as Json
    t.ok(String(page['@odata.nextLink']).startsWith(`${base}${FLOWS}?`), `@odata.nextLink inside the batch starts with ${base}`)
    const created = responses.getResponseById('create')
    t.equal(created?.status, 201, 'the POST: 201')
    t.match(created?.headers.get('location'), new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${SETS}/[0-9a-f-]{36}$`), 'Location inside the batch')
    t.same(((await responses.getResponseById('patch')?.json()) as Json).configuration.additionalAttributes, ['classCode'], 'the PATCH after its dependency')
    const missing = responses.getResponseById('missing')
    t.equal(missing?.status, 404, 'a failed inner request keeps its status')
    t.equal(((await missing?.json()) as Json).error.code, 'itemNotFound', "and Graph's envelope")
  })

  t.test('the retry handler waits out an injected 429 and the journal shows both attempts', async t => {
    const { client, fetch } = await start(t)
    const rule = await fetch('/_mock/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'PATCH', path: '*/provisioningFlows/*', status: 429, retryAfter: 1, times: 1 }) })
    t.equal(rule.status, 201, 'a fault rule: the next PATCH of a flow answers 429, Retry-After: 1')
    const started = Date.now()
    const patched = await client.api(FLOW).patch({ configuration: { additionalAttributes: ['courseCode'] } }) as Json
    t.same(patched.configuration.additionalAttributes, ['courseCode'], 'the retried PATCH answered with the flow')
    t.ok(Date.now() - started >= 950, 'the client waited for Retry-After')
    const journal = await (await fetch('/_mock/requests?method=PATCH')).json() as { value: Json[] }
    t.same(journal.value.map(e => e.status), [429, 200], 'GET /_mock/requests shows both attempts')
    t.equal(journal.value[0]?.response.headers['retry-after'], '1', 'the first answer carried Retry-After')
    t.equal(journal.value[1]?.headers['retry-attempt'], '1', 'the second came with the handler\'s Retry-Attempt')
    const throttle = await (await fetch('/_mock/throttle')).json() as Json
    t.equal(throttle.earlyRetries, 0, 'no early retry counted')
  })
}
