/**
 * The graph-client compatibility shim through the whole app: `/beta/http://<this server>/beta/…` is served as
 * the URL inside, anything else of that shape keeps Graph's 400, and no spelling of it reaches the control plane.
 */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { assertGraphError, auth, build, jsonAuth, SET_ID } from '../helpers.js'

type Json = Record<string, any>
const SET = `/beta/external/industryData/outboundProvisioningFlowSets/${SET_ID}`
const CONTEXT = 'http://localhost:80/beta/$metadata#external/industryData/outboundProvisioningFlowSets/$entity'

t.test('the shape graph-client sends over http is served as the embedded URL when that URL is this server', async t => {
  const app = await build(t, { versions: 'beta,v1.0' })
  const spellings = [
    `/beta/http://localhost:80${SET}`,
    `/beta/http://localhost${SET}`,
    `/v1.0/http://localhost:80${SET}`,
    `/beta/http%3A//localhost:80${SET}`,
    `/beta/${encodeURIComponent(`http://localhost:80${SET}`)}`,
    `/beta/http:/localhost:80${SET}`,
    `/BETA/HTTP://LOCALHOST:80${SET}`
  ]
  for (const url of spellings) {
    const res = await app.inject({ method: 'GET', url, headers: auth })
    t.equal(res.statusCode, 200, `${url}: 200`)
    t.equal(res.json().id, SET_ID, `${url}: the flow set`)
    t.equal(res.json()['@odata.context'], CONTEXT, `${url}: links as a direct request's`)
  }
  const selected = await app.inject({ method: 'GET', url: `/beta/http://localhost:80${SET}?$select=displayName`, headers: auth })
  t.same(Object.keys(selected.json()), ['@odata.context', 'id', 'displayName'], 'the query string applies')
  const patched = await app.inject({ method: 'PATCH', url: `/beta/http://localhost:80${SET}`, headers: jsonAuth, payload: { displayName: 'Through the shim' } })
  t.equal(patched.json().displayName, 'Through the shim', 'every method, as for a Location followed with PATCH')
  const served = app.graphMock.journal.entries().map(e => e.url)
  t.equal(served.at(-1), SET, 'the journal shows the URL that was served')
})

t.test('a configured public URL is this server too, its path included', async t => {
  const app = await build(t, { publicUrl: 'https://graph-mock.example.test/mock' })
  const res = await app.inject({ method: 'GET', url: `/beta/https://graph-mock.example.test/mock${SET}`, headers: auth })
  t.equal(res.statusCode, 200, 'below the public URL: served')
  t.equal(res.json()['@odata.context'], 'https://graph-mock.example.test/mock/beta/$metadata#external/industryData/outboundProvisioningFlowSets/$entity', 'links on the public URL')
  assertGraphError(t, await app.inject({ method: 'GET', url: `/beta/https://graph-mock.example.test${SET}`, headers: auth }), 400, 'BadRequest', "Resource not found for the segment 'https:'.")
})

t.test('another host, scheme or port, credentials, or no version keep Graph\'s 400 for the segment', async t => {
  const app = await build(t)
  const cases: Array<[string, string]> = [
    [`/beta/http://graph.example.test${SET}`, 'http:'],
    [`/beta/https://localhost:80${SET}`, 'https:'],
    [`/beta/http://localhost:81${SET}`, 'http:'],
    [`/beta/http://user:secret@localhost:80${SET}`, 'http:'],
    [`/beta/http://localhost:80${SET.slice('/beta'.length)}`, 'http:'],
    [`/beta/http://localhost:80/beta/http://localhost:80${SET}`, 'http:'],
    [`/beta/${encodeURIComponent(`http://graph.example.test${SET}`)}`, `http://graph.example.test${SET}`]
  ]
  for (const [url, segment] of cases) {
    assertGraphError(t, await app.inject({ method: 'GET', url, headers: auth }), 400, 'BadRequest', `Resource not found for the segment '${segment}'.`)
  }
})

/** A write the control plane's reset would undo, and the journal's length: what a reach into /_mock would change. */
async function marked (app: FastifyInstance): Promise<() => Promise<void>> {
  const res = await app.inject({ method: 'PATCH', url: SET, headers: jsonAuth, payload: { displayName: 'marker' } })
  if (res.statusCode !== 200) throw new Error(`marker PATCH answered ${res.statusCode}`)
  return async () => {
    const set = (await app.inject({ method: 'GET', url: SET, headers: auth })).json() as Json
    if (set.displayName !== 'marker') throw new Error('the flow set was reset')
    if (app.graphMock.faults.list().length > 0) throw new Error('a fault rule was added')
    if (app.graphMock.throttle.report().enabled) throw new Error('throttling was turned on')
    if (!app.graphMock.journal.entries().some(e => e.method === 'PATCH' && e.url === SET)) throw new Error('the journal was cleared')
  }
}

t.test('no spelling through the shim reaches the control plane or leaves the Graph API', async t => {
  const app = await build(t)
  const untouched = await marked(app)
  const cases: Array<[string, string]> = [
    ['/beta/http://localhost:80/_mock/reset', 'http:'],
    ['/beta/http://localhost:80/beta/../_mock/reset', 'http:'],
    ['/beta/http://localhost:80/beta/%2e%2e/_mock/reset', 'http:'],
    ['/beta/http://localhost:80/beta/.%2E/_mock/faults', 'http:'],
    ['/beta/http://localhost:80/beta/..\\_mock\\throttle', 'http:'],
    [`/beta/${encodeURIComponent('http://localhost:80/_mock/reset')}`, 'http://localhost:80/_mock/reset'],
    ['/beta/http://localhost:80/beta/..%2f_mock/reset', '../_mock'],
    ['/beta/http://localhost:80/%5Fmock/reset', 'http:'],
    ['/beta/http://localhost:80/classGroupProvisioningFlow', 'http:']
  ]
  for (const [url, segment] of cases) {
    for (const method of ['POST', 'GET'] as const) {
      const res = await app.inject({ method, url, headers: jsonAuth, payload: method === 'POST' ? { status: 503, path: '*', requestsPerSecond: 0.001 } : undefined })
      assertGraphError(t, res, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`)
    }
  }
  const batch = await app.inject({
    method: 'POST',
    url: '/beta/$batch',
    headers: jsonAuth,
    payload: { requests: [{ id: '1', method: 'POST', url: '/http://localhost:80/_mock/reset' }, { id: '2', method: 'POST', url: '/http://localhost:80/beta/../../_mock/reset' }] }
  })
  t.same((batch.json() as { responses: Json[] }).responses.map(r => [r.status, r.body.error.code]), [[400, 'BadRequest'], [400, 'BadRequest']], 'nor through a $batch inner request')
  await t.resolves(untouched(), 'state, fault rules, throttling and journal as they were')
})
