/**
 * Control-plane input is validated like Graph input: tenants by the rule a token's tid follows, numbers
 * bounded (Retry-After whole seconds), `limit=0` means none, and path patterns matched in linear time.
 */
import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth } from '../helpers.js'

type Json = Record<string, any>
const BAD_TENANT = (shown: string): string => `Invalid tenant '${shown}': a tenant id is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.`

t.test('?tenant= follows the tid rule on every control route, and creates no tenant when refused', async t => {
  const app = await build(t)
  const junk = ['../x', '-leading-dash', 'a b', '%00', '😀', 'a'.repeat(101)]
  for (const tenant of junk) {
    const q = `tenant=${encodeURIComponent(tenant)}`
    const shown = tenant.length > 100 ? `${tenant.slice(0, 100)}…` : tenant === '%00' ? '%00' : tenant
    for (const [method, url] of [['POST', `/_mock/reset?${q}`], ['POST', `/_mock/seed?${q}`], ['GET', `/_mock/state?${q}`], ['GET', `/_mock/requests?${q}`]] as const) {
      const res = await app.inject({ method, url, ...(method === 'POST' && url.includes('seed') ? { headers: { 'content-type': 'application/json' }, payload: {} } : {}) })
      assertGraphError(t, res, 400, 'BadRequest', BAD_TENANT(shown))
    }
  }
  t.same(app.graphMock.store.tenants().filter(id => !/^[0-9a-f-]{36}$/.test(id)), [], 'no tenant was created by a refused request')
  const ok = await app.inject({ method: 'GET', url: '/_mock/state?tenant=Contoso.School_1' })
  t.equal(ok.statusCode, 200, 'a tenant id by the rule is served')
  for (const payload of [{ path: '/x', status: 503, tenant: '../x' }, { requestsPerSecond: 1, tenant: 'a b' }]) {
    const url = 'requestsPerSecond' in payload ? '/_mock/throttle' : '/_mock/faults'
    assertGraphError(t, await app.inject({ method: 'POST', url, payload }), 400, 'BadRequest', /tenant/)
  }
})

t.test('?limit=0 answers no entries; other limits take the newest', async t => {
  const app = await build(t)
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  const none = (await app.inject({ method: 'GET', url: '/_mock/requests?limit=0' })).json() as Json
  t.same([none.count, none.value], [0, []], 'limit=0 means none')
  const two = (await app.inject({ method: 'GET', url: '/_mock/requests?limit=2' })).json() as Json
  t.equal(two.count, 2, 'limit=2 takes two')
  const huge = await app.inject({ method: 'GET', url: '/_mock/requests?limit=99999999999999999999' })
  t.equal((huge.json() as Json).count, 3, 'a huge limit takes everything there is')
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/requests?limit=-1' }), 400, 'BadRequest', /limit/)
})

t.test('throttle and fault numbers are bounded; Retry-After is whole seconds', async t => {
  const app = await build(t)
  for (const requestsPerSecond of [1e-300, 0, -1, 1e300]) {
    assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/throttle', payload: { requestsPerSecond } }), 400, 'BadRequest', /requestsPerSecond/)
  }
  const slowest = await app.inject({ method: 'POST', url: '/_mock/throttle', payload: { requestsPerSecond: 0.001, burst: 1 } })
  t.equal(slowest.statusCode, 200, 'the slowest rate is accepted')
  await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  const limited = await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  t.equal(limited.statusCode, 429, 'throttled')
  t.match(limited.headers['retry-after'], /^\d+$/, 'Retry-After is whole seconds')
  t.ok(Number(limited.headers['retry-after']) <= 1000, `Retry-After is bounded (${String(limited.headers['retry-after'])})`)
  await app.inject({ method: 'DELETE', url: '/_mock/throttle' })
  const faults: Json[] = [{ status: 503, retryAfter: 86401 }, { status: 503, retryAfter: 1.5 }, { delayMs: 120001 }, { status: 503, times: 1e10 }, { status: 503, after: -1 },
    { status: 503, probability: 1.01 }, { path: 'x'.repeat(16 * 1024 + 1), status: 503 }, { method: 'G'.repeat(21), status: 503 }]
  for (const payload of faults) assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/faults', payload }), 400, 'BadRequest', /^body\//)
})

t.test('at most 1,000 fault rules', async t => {
  const app = await build(t)
  for (let i = 0; i < 1000; i++) app.graphMock.faults.add({ path: `/x${i}`, status: 503 })
  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '/one-more', status: 503 } }), 400, 'BadRequest',
    'There are already 1000 fault rules, the most graph-mock keeps; delete some first (DELETE /_mock/faults).')
})

t.test('path patterns that would backtrack match in linear time', async t => {
  const app = await build(t)
  const stars = `${'*a'.repeat(30)}*b`
  const rule = await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: stars, status: 503 } })
  t.equal(rule.statusCode, 201, 'the pattern is accepted')
  const long = `/beta/${'a'.repeat(8000)}`
  const res = await app.inject({ method: 'GET', url: long, headers: auth })
  t.equal(res.statusCode, 400, 'the request is answered (not matched, so the route answers)')
  t.equal((await app.inject({ method: 'GET', url: `/_mock/requests?path=${encodeURIComponent(stars)}` })).statusCode, 200, 'a journal filter of the same pattern answers')
  const write = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.equal(write.statusCode, 200, 'the server still writes')
})
