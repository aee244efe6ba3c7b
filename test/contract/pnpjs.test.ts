/**
 * PnPjs (@pnp/graph 4) against graph-mock over http with auth on. PnPjs has no typed industryData API, so
 * requests are made as its docs say for endpoints it does not implement ("Calling other endpoints"): a
 * GraphQueryable or GraphCollection that takes the observers of the graphfi root (AssignFrom), sent with
 * graphGet, graphPost, graphPatch and graphDelete. GraphBrowser is @pnp/graph's own composed default (headers,
 * init with the base URL, fetch with retry, parse); Node 20's fetch serves it. BearerToken adds the token, which
 * PnPjs sends to http hosts too.
 */
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { AssignFrom } from '@pnp/core'
import { graphfi, GraphBrowser, GraphCollection, graphDelete, graphGet, graphPatch, graphPost, GraphQueryable, Paged, type GraphFI, type IGraphQueryable } from '@pnp/graph'
import '@pnp/graph/batching.js'
import '@pnp/graph/users/index.js'
import { BearerToken, body, HttpRequestError } from '@pnp/queryable'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { listen } from './listen.js'

type Json = Record<string, any>
const NS = 'microsoft.graph.industryData'
const SETS = 'outboundProvisioningFlowSets'
const FLOW = `${SETS}/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`
const newSet = (displayName: string): Json => ({ displayName, filter: { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1'] } })

/**
 * The root with what `@pnp/graph/users` and `@pnp/graph/batching` add to it. Their typings augment '../fi' and
 * './fi' without an extension, which TypeScript's NodeNext resolution does not merge; at run time both are there.
 */
type GraphRoot = GraphFI & { readonly me: IGraphQueryable, batched: () => [GraphRoot, () => Promise<void>] }

interface Setup { app: FastifyInstance, url: string, graphUrl: string, graph: GraphRoot, industryData: IGraphQueryable }

/** A server with auth on, a minted token, and `graphfi` pointed at its `/beta`. */
async function start (t: Test): Promise<Setup> {
  const { app, url, graphUrl } = await listen(t, { auth: 'strict' })
  const minted = await fetch(`${url}/_mock/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'pnpjs' }) })
  const token = ((await minted.json()) as { access_token: string }).access_token
  const graph = graphfi(graphUrl).using(GraphBrowser({ baseUrl: graphUrl }), BearerToken(token)) as GraphRoot
  return { app, url, graphUrl, graph, industryData: rootOf(graph) }
}

/** `external/industryData` as a queryable with the root's behaviours: the docs' way to reach an unimplemented endpoint. */
function rootOf (graph: GraphRoot): IGraphQueryable {
  return GraphQueryable('external/industryData').using(AssignFrom(graph.me))
}

async function httpErrorOf (t: Test, call: () => Promise<unknown>): Promise<{ status: number, error: Json }> {
  try {
    await call()
  } catch (error) {
    t.ok(error instanceof HttpRequestError, 'PnPjs rejects with its HttpRequestError')
    const failed = error as HttpRequestError
    return { status: failed.status, error: ((await failed.response.json()) as { error: Json }).error }
  }
  throw new Error('the call succeeded; an HttpRequestError was expected')
}

t.test('graphGet, graphPost, graphPatch and graphDelete; errors as HttpRequestError with Graph\'s envelope', async t => {
  const { industryData, graphUrl } = await start(t)
  const flow = await graphGet(GraphQueryable(industryData, FLOW).select('readinessStatus')) as Json
  t.same(Object.keys(flow), ['@odata.context', '@odata.type', 'id', 'readinessStatus'], 'GET with .select()')
  t.ok(String(flow['@odata.context']).startsWith(`${graphUrl}/$metadata#`), '@odata.context on the base URL')
  const patched = await graphPatch(GraphQueryable(industryData, FLOW), body({ '@odata.type': `#${NS}.classGroupProvisioningFlow`, configuration: { additionalAttributes: ['classCode'] } })) as Json
  t.same(patched.configuration.additionalAttributes, ['classCode'], 'PATCH answers the entity')

  const set = await graphPost(GraphCollection(industryData, SETS), body(newSet('From PnPjs'))) as Json
  t.match(set.id, /^[0-9a-f-]{36}$/, 'POST a flow set')
  const created = await graphPost(GraphCollection(industryData, `${SETS}/${String(set.id)}/provisioningFlows`), body({ '@odata.type': `#${NS}.securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true } })) as Json
  t.equal(created.readinessStatus, 'notReady', 'POST a flow into it')
  t.equal(await graphGet(GraphQueryable(industryData, `${SETS}/$count`)), 2, '$count, parsed as a number')

  const invalid = await httpErrorOf(t, () => graphPatch(GraphQueryable(industryData, FLOW), body({ readinessStatus: 'maybe', configuration: {} })))
  t.equal(invalid.status, 400, 'a bad enum: 400')
  t.equal(invalid.error.code, 'BadRequest', 'code BadRequest')
  t.match(invalid.error.message, /^Invalid value for property 'readinessStatus'/, 'the message names the property')

  t.same(await graphDelete(GraphQueryable(industryData, `${SETS}/${String(set.id)}`)), {}, 'DELETE: 204, parsed as {}')
  const gone = await httpErrorOf(t, () => graphGet(GraphQueryable(industryData, `${SETS}/${String(set.id)}`)))
  t.equal(gone.status, 404, 'deleted: 404')
  t.equal(gone.error.code, 'itemNotFound', 'code itemNotFound')
})

t.test('GraphCollection query helpers: filter, orderBy, top and select, with $count through the Paged behaviour', async t => {
  const { industryData, graphUrl } = await start(t)
  for (const name of ['Query B', 'Query A', 'Query C']) await graphPost(GraphCollection(industryData, SETS), body(newSet(name)))
  const query = GraphCollection(industryData, SETS)
    .filter("displayName eq 'Query A' or displayName eq 'Query B' or displayName eq 'Query C'")
    .orderBy('displayName', false)
    .top(2)
    .select('displayName')
  query.query.set('$count', 'true')
  // PnPjs 4's Count() installs Paged() without count support and so answers 0; Paged(true) reads @odata.count.
  const page = await graphGet(query.using(Paged(true))) as { count: number, hasNext: boolean, nextLink: string, value: Json[] }
  t.equal(page.count, 3, '$count=true: every match counted')
  t.same(page.value.map(s => s.displayName), ['Query C', 'Query B'], 'orderBy and top choose the first page')
  t.same(Object.keys(page.value[0] ?? {}), ['id', 'displayName'], 'select (the key always comes)')
  t.ok(page.hasNext, 'a next page')
  t.ok(page.nextLink.startsWith(`${graphUrl}/external/industryData/${SETS}?`), '@odata.nextLink on the base URL')
})

t.test('async iteration of a GraphCollection follows @odata.nextLink through every page', async t => {
  const { industryData, app } = await start(t)
  for (const name of ['Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5']) await graphPost(GraphCollection(industryData, SETS), body(newSet(name)))
  const pages: string[][] = []
  for await (const page of GraphCollection(industryData, SETS).top(2)) pages.push((page as Json[]).map(s => String(s.id)))
  t.same(pages.map(p => p.length), [2, 2, 2], 'three pages of two')
  const ids = pages.flat()
  t.equal(new Set(ids).size, 6, 'every flow set once: the fixture\'s and the five created')
  t.ok(ids.includes(SET_ID), 'including the fixture\'s')
  const reads = app.graphMock.journal.query({ method: 'GET', path: `/beta/external/industryData/${SETS}` })
  t.same(reads.map(e => e.url.includes('skiptoken=')), [false, true, true], 'the later pages by their nextLink')
})

t.test('graph.batched(): one $batch, each request answered in its own promise', async t => {
  const { graph, graphUrl, app } = await start(t)
  const [batched, execute] = graph.batched()
  const industryData = rootOf(batched)
  const flow = graphGet(GraphQueryable(industryData, FLOW))
  const created = graphPost(GraphCollection(industryData, SETS), body(newSet('From a PnPjs batch')))
  const missing = httpErrorOf(t, () => graphGet(GraphQueryable(industryData, 'roleGroups/nobody')))
  await execute()
  const flowBody = await flow as Json
  t.equal(flowBody.id, CLASS_FLOW_ID, 'the GET')
  t.equal(flowBody['@odata.context'], `${graphUrl}/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`, 'its @odata.context inside the batch')
  t.equal((await created as Json).displayName, 'From a PnPjs batch', 'the POST')
  const failed = await missing
  t.equal(failed.status, 404, 'a failed inner request rejects its own promise with its status')
  t.equal(failed.error.code, 'itemNotFound', "and Graph's envelope")
  const posts = app.graphMock.journal.query({ method: 'POST', path: '/beta/$batch' })
  t.equal(posts.length, 1, 'one POST /beta/$batch')
})

t.test('the fetch-with-retry behaviour waits out an injected 429 and the journal shows both attempts', async t => {
  const { industryData, url } = await start(t)
  const rule = await fetch(`${url}/_mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'PATCH', path: '*/provisioningFlows/*', status: 429, retryAfter: 1, times: 1 }) })
  t.equal(rule.status, 201, 'a fault rule: the next PATCH of a flow answers 429, Retry-After: 1')
  const started = Date.now()
  const patched = await graphPatch(GraphQueryable(industryData, FLOW), body({ configuration: { additionalAttributes: ['courseCode'] } })) as Json
  t.same(patched.configuration.additionalAttributes, ['courseCode'], 'the retried PATCH answered with the flow')
  t.ok(Date.now() - started >= 950, 'PnPjs waited for Retry-After')
  const journal = await (await fetch(`${url}/_mock/requests?method=PATCH`)).json() as { value: Json[] }
  t.same(journal.value.map(e => e.status), [429, 200], 'GET /_mock/requests shows both attempts')
  t.equal(journal.value[0]?.response.headers['retry-after'], '1', 'the first answer carried Retry-After')
})
