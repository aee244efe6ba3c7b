/**
 * `$batch` inner requests stay inside their version root, however the URL is spelled: dot segments (plain or
 * percent-encoded), backslashes, doubled slashes and fragments are resolved before dispatch, and whatever
 * leaves `/{version}/`, names `$batch` again or the control plane gets a 400 of its own. The batch always
 * answers, even when an inner request is delayed past its deadline.
 */
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { auth, build, jsonAuth, SET_ID, SETS } from '../helpers.js'

type Json = Record<string, any>
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Send `urls` as batches of at most 20, with ids 1, 2, … across them; the inner answers in order. */
async function batch (app: FastifyInstance, urls: string[], method = 'POST'): Promise<Json[]> {
  const out: Json[] = []
  for (let offset = 0; offset < urls.length; offset += 20) {
    const requests = urls.slice(offset, offset + 20).map((url, i) => ({ id: String(offset + i + 1), method, url }))
    const res = await app.inject({ method: 'POST', url: '/beta/$batch', headers: jsonAuth, payload: { requests } })
    if (res.statusCode !== 200) throw new Error(`batch answered ${res.statusCode}: ${res.body}`)
    out.push(...(res.json() as { responses: Json[] }).responses)
  }
  return out
}

/** The exact envelope of an inner 400 made by the batch itself. */
function assertInnerError (t: Test, inner: Json, status: number, code: string, message: string): void {
  t.equal(inner.status, status, `${inner.id as string}: status ${status}`)
  t.equal(inner.headers['Content-Type'], 'application/json', `${inner.id as string}: JSON`)
  t.same(Object.keys(inner.body), ['error'], `${inner.id as string}: only an error member`)
  t.same(Object.keys(inner.body.error), ['code', 'message', 'innerError'], `${inner.id as string}: code, message, innerError`)
  t.equal(inner.body.error.code, code, `${inner.id as string}: code ${code}`)
  t.equal(inner.body.error.message, message, `${inner.id as string}: exact message`)
  t.match(inner.body.error.innerError['request-id'], GUID, `${inner.id as string}: request-id`)
  t.match(inner.body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, `${inner.id as string}: date`)
}

const LEAVES = "has a 'url' that leaves the version root; inner requests stay under the batch's version."
const CONTROL = 'names the control plane (/_mock), which is reachable only by its own URLs, never through $batch.'
const NESTED = 'is a $batch request; a batch cannot contain another batch.'

t.test('inner URLs that leave the version root or reach /_mock are refused one by one, and nothing happens', async t => {
  const app = await build(t)
  const marked = await app.inject({ method: 'PATCH', url: `${SETS}/${SET_ID}`, headers: jsonAuth, payload: { displayName: 'marker before the batch' } })
  t.equal(marked.statusCode, 200, 'a write the reset would undo')
  await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '/nothing-matches-this', status: 503 } })
  const spellings: Array<[string, string]> = [
    ['/../_mock/reset', LEAVES],
    ['../_mock/reset', LEAVES],
    ['/%2e%2e/_mock/reset', LEAVES],
    ['/%2E%2E/_mock/reset', LEAVES],
    ['/.%2e/_mock/reset', LEAVES],
    ['\\..\\_mock\\reset', LEAVES],
    ['/external/../../_mock/reset', LEAVES],
    ['/external/industryData/../../../_mock/requests/stream', LEAVES],
    ['/_mock/reset', CONTROL],
    ['//_mock/reset', CONTROL],
    ['/./_mock/reset', CONTROL],
    ['/%5Fmock/reset', CONTROL],
    ['/_MOCK/reset', CONTROL],
    ['/external/../_mock/requests/stream', CONTROL],
    ['/$batch', NESTED],
    ['/$batch/', NESTED],
    ['//$batch', NESTED],
    ['/./$batch', NESTED],
    ['/%24batch', NESTED],
    ['/$BATCH', NESTED],
    ['/external/..//$batch', NESTED],
    ['/..%2f_mock/reset', "has a 'url' with an encoded slash or backslash in a path segment."],
    ['/..%5C_mock/reset', "has a 'url' with an encoded slash or backslash in a path segment."],
    ['/external/industryData\t/../../_mock/reset', "has a 'url' with spaces or control characters; percent-encode them."],
    ['/.\n./_mock/reset', "has a 'url' with spaces or control characters; percent-encode them."],
    ['/beta/_mock/reset', CONTROL],
    ['/BETA/../_mock/reset', CONTROL],
    ['/beta/../../_mock/reset', LEAVES],
    ['/beta/$batch', NESTED],
    ['/v1.0/external/industryData/outboundProvisioningFlowSets', "names the version 'v1.0', but this is the beta batch; inner requests stay under the batch's version."]
  ]
  const responses = await batch(app, spellings.map(([url]) => url))
  spellings.forEach(([url, why], i) => {
    const inner = responses[i] as Json
    assertInnerError(t, inner, 400, 'BadRequest', `Batch request '${i + 1}' ${why}`)
    t.pass(`refused: ${JSON.stringify(url)}`)
  })
  const set = (await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}`, headers: auth })).json() as Json
  t.equal(set.displayName, 'marker before the batch', 'no reset ran: the earlier write is still there')
  t.equal(app.graphMock.faults.list().length, 1, 'no reset ran: the fault rule is still there')
  t.equal(app.graphMock.journal.listenerCount('entry'), 0, 'no journal stream was opened')
})

t.test('spellings that resolve inside the root are served like their plain form', async t => {
  const app = await build(t)
  const plain = `/external/industryData/outboundProvisioningFlowSets/${SET_ID}`
  const responses = await batch(app, [
    `/external/industryData/./outboundProvisioningFlowSets/${SET_ID}`,
    `/external/industryData/roleGroups/../outboundProvisioningFlowSets/${SET_ID}`,
    `//external//industryData/outboundProvisioningFlowSets/${SET_ID}`,
    `/external/industryData/%2e/outboundProvisioningFlowSets/${SET_ID}`,
    `${plain}#/../../_mock/reset`,
    `${plain}?$select=displayName`,
    `/beta${plain}`,
    `/Beta${plain}`
  ], 'GET')
  t.same(responses.map(r => r.status), [200, 200, 200, 200, 200, 200, 200, 200], 'all answered 200 (the batch\'s own version prefix, as graph-client writes it, too)')
  for (const inner of responses) t.equal(inner.body.id, SET_ID, `${inner.id as string}: the flow set`)
  t.same(Object.keys(responses[5]?.body ?? {}), ['@odata.context', 'id', 'displayName'], 'the query string is kept')
})

t.test('an inner URL longer than a request line is refused', async t => {
  const app = await build(t)
  const long = `/external/industryData/outboundProvisioningFlowSets?$filter=${'x'.repeat(20_000)}`
  const [inner] = await batch(app, [long], 'GET')
  assertInnerError(t, inner as Json, 400, 'BadRequest', `Batch request '1' has a 'url' of ${long.length} characters; at most 16384 fit in a request line.`)
})

t.test('an inner request past its deadline is answered 504 and the batch still answers', async t => {
  const app = await build(t, {}, { batchDeadlineMs: 200 })
  await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '/beta/external/industryData/roleGroups', delayMs: 5000 } })
  const started = Date.now()
  const responses = await batch(app, ['/external/industryData/roleGroups', `/external/industryData/outboundProvisioningFlowSets/${SET_ID}`], 'GET')
  t.ok(Date.now() - started < 4000, 'the batch answered before the delayed request finished')
  assertInnerError(t, responses[0] as Json, 504, 'GatewayTimeout', "Batch request '1' did not finish within 200 ms.")
  t.equal(responses[1]?.status, 200, 'the other request is answered as usual')
})
