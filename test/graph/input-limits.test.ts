/**
 * Depth and size are limited before any recursive code runs: JSON deeper than 100 levels is a 400 wherever it
 * arrives (a Graph body, a typed property, a $batch body or inner body, the control plane, the in-process
 * seed), and the OData query options have length and term limits answered with 400s that say so. Afterwards
 * the journal still answers and the server still writes.
 */
import t from 'tap'
import { seedState } from '../../src/control/state.js'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, SETS } from '../helpers.js'

type Json = Record<string, any>
const arrays = (n: number): string => `${'['.repeat(n)}1${']'.repeat(n)}`
const objects = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
const TOO_DEEP = 'Unable to read JSON request payload: it nests objects and arrays deeper than 100 levels, the most Graph reads.'

t.test('JSON deeper than 100 levels is a 400 in every place JSON is read', async t => {
  const app = await build(t)
  const targets: Array<[string, string, (deep: string) => string]> = [
    ['PATCH', flowUrl(CLASS_FLOW_ID), deep => `{"configuration":${deep}}`],
    ['PATCH', flowUrl(CLASS_FLOW_ID), deep => `{"configuration":{"additionalAttributes":${deep}}}`],
    ['PATCH', `${SETS}/${SET_ID}`, deep => `{"displayName":"x","filter":${deep}}`],
    ['POST', SETS, deep => `{"displayName":${deep}}`],
    ['POST', '/beta/$batch', deep => `{"requests":${deep}}`],
    ['POST', '/beta/$batch', deep => `{"requests":[{"id":"1","method":"PATCH","url":"/external/industryData/outboundProvisioningFlowSets","body":${deep}}]}`],
    ['POST', '/_mock/seed', deep => `{"outboundProvisioningFlowSets":[${deep}]}`],
    ['POST', '/_mock/faults', deep => `{"path":${deep}}`],
    ['POST', '/_mock/throttle', deep => deep],
    ['POST', '/_mock/clock', deep => `{"freeze":${deep}}`],
    ['POST', '/_mock/token', deep => `{"scopes":${deep}}`]
  ]
  for (const [method, url, wrap] of targets) {
    for (const deep of [arrays(101), objects(5000), arrays(10_000)]) {
      const res = await app.inject({ method: method as 'POST', url, headers: jsonAuth, payload: wrap(deep) })
      assertGraphError(t, res, 400, 'BadRequest', TOO_DEEP)
    }
    const ok = await app.inject({ method: method as 'POST', url, headers: jsonAuth, payload: wrap(arrays(90)) })
    t.not(ok.statusCode, 500, `${method} ${url}: 90 levels is read (and answered without a 5xx: ${ok.statusCode})`)
  }
  const journal = await app.inject({ method: 'GET', url: '/_mock/requests' })
  t.equal(journal.statusCode, 200, 'the journal answers after deep requests')
  const kept = (journal.json() as { value: Json[] }).value.find(e => typeof e.body === 'string' && e.body.startsWith('{"configuration":[[['))
  t.ok(kept, 'a refused deep body is kept as text, not parsed again')
  const patched = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: { additionalAttributes: ['courseCode'] } } })
  t.equal(patched.statusCode, 200, 'a normal write still works')
})

t.test('a seed document built in process is checked for depth before it is read', async t => {
  const app = await build(t)
  let deep: unknown = 1
  for (let i = 0; i < 20_000; i++) deep = [deep]
  const cyclic: Json = { outboundProvisioningFlowSets: [] }
  cyclic.outboundProvisioningFlowSets.push(cyclic)
  for (const doc of [{ outboundProvisioningFlowSets: [deep] }, cyclic]) {
    t.throws(() => seedState(app.graphMock.provisioning, 'deep-tenant', doc, false), {
      statusCode: 400, code: 'BadRequest', message: 'Unable to read JSON seed document: it nests objects and arrays deeper than 100 levels, the most Graph reads.'
    }, 'refused before any recursive reading')
  }
})

t.test('query options have length and term limits', async t => {
  const app = await build(t)
  const get = async (query: string): Promise<import('fastify').LightMyRequestResponse> =>
    await app.inject({ method: 'GET', url: `${SETS}?${query}`, headers: auth })
  const ors = (n: number): string => Array.from({ length: n }, (_, i) => `id eq '${i}'`).join(' or ')
  const filter101 = ors(101)
  assertGraphError(t, await get(`$filter=${encodeURIComponent(filter101)}`), 400, 'BadRequest',
    `Invalid $filter '${filter101}': the expression has more than 100 comparisons and isof calls (the one at position ${ors(100).length + 4} is one too many).`)
  t.equal((await get(`$filter=${encodeURIComponent(ors(100))}`)).statusCode, 200, '100 terms are evaluated')
  const longFilter = `displayName eq '${'x'.repeat(9000)}'`
  assertGraphError(t, await get(`$filter=${encodeURIComponent(longFilter)}`), 400, 'BadRequest', `Query option '$filter' is ${longFilter.length} characters long; graph-mock reads at most 8192.`)
  assertGraphError(t, await get(`$select=${Array.from({ length: 101 }, () => 'id').join(',')}`), 400, 'BadRequest', "Query option '$select' lists more than 100 items, the most graph-mock reads.")
  assertGraphError(t, await get(`$select=${'a'.repeat(5000)}`), 400, 'BadRequest', "Query option '$select' is 5000 characters long; graph-mock reads at most 4096.")
  assertGraphError(t, await get(`$orderby=${Array.from({ length: 11 }, () => 'displayName').join(',')}`), 400, 'BadRequest', "Query option '$orderby' lists more than 10 items, the most graph-mock reads.")
  assertGraphError(t, await get(`$expand=${Array.from({ length: 11 }, () => 'provisioningFlows').join(',')}`), 400, 'BadRequest', "Query option '$expand' lists more than 10 items, the most graph-mock reads.")
  assertGraphError(t, await get(`$top=${'9'.repeat(20)}`), 400, 'BadRequest', "Query option '$top' is 20 characters long; graph-mock reads at most 16.")
})

t.test('a $filter of 20,000 terms through $batch is a 400, not a 500', async t => {
  const app = await build(t)
  const filter = Array.from({ length: 20_000 }, (_, i) => `id eq '${i}'`).join(' or ')
  const res = await app.inject({ method: 'POST', url: '/beta/$batch', headers: jsonAuth, payload: { requests: [{ id: '1', method: 'GET', url: `/external/industryData/outboundProvisioningFlowSets?$filter=${encodeURIComponent(filter)}` }] } })
  t.equal(res.statusCode, 200, 'the batch answers')
  const inner = (res.json() as { responses: Json[] }).responses[0] as Json
  t.equal(inner.status, 400, 'the inner request is a 400')
  t.match(inner.body.error.message, /^Batch request '1' has a 'url' of \d+ characters; at most 16384 fit in a request line\.$/, 'says the URL is too long')
})

t.test('a collection property holds at most 10,000 items', async t => {
  const app = await build(t)
  const url = '/beta/external/industryData/roleGroups/staff'
  const many = await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: { roles: Array.from({ length: 10_001 }, () => ({})) } })
  assertGraphError(t, many, 400, 'BadRequest', "Invalid value for property 'roles': a collection holds at most 10000 items; this one has 10001.")
  const enough = await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: { roles: Array.from({ length: 10_000 }, () => ({ code: 'student' })) } })
  t.equal(enough.statusCode, 200, '10,000 are accepted')
})
