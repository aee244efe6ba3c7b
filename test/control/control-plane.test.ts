import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, USER_FLOW_ID } from '../helpers.js'

type Json = Record<string, any>
const NS = 'microsoft.graph.industryData'

t.test('health and ready', async t => {
  const app = await build(t)
  const health = (await app.inject({ method: 'GET', url: '/_mock/health' })).json() as { status: string, memory: { heapUsedBytes: number, rssBytes: number } }
  t.equal(health.status, 'ok', 'health')
  t.ok(health.memory.heapUsedBytes > 0 && health.memory.rssBytes >= health.memory.heapUsedBytes, 'health reports the process memory')
  const ready = await app.inject({ method: 'GET', url: '/_mock/ready' })
  t.equal(ready.statusCode, 200, 'ready once migrations ran and fixtures loaded')
  t.same(ready.json(), { status: 'ready' }, 'ready body')
  app.graphMock.ready = false
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/ready' }), 503, 'ServiceUnavailable', 'graph-mock is starting: migrations or fixtures are not done yet.')
})

t.test('reset restores the fixtures and clears journal and faults', async t => {
  const app = await build(t)
  await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: 'ready', configuration: {} } })
  await app.inject({ method: 'DELETE', url: flowUrl(USER_FLOW_ID), headers: auth })
  await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '*/roleGroups*', status: 503 } })
  t.equal(app.graphMock.journal.entries().length, 2, 'two requests journaled')
  const res = await app.inject({ method: 'POST', url: '/_mock/reset' })
  t.same(res.json(), { reset: 'all tenants' }, 'reset all')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json().readinessStatus, 'disabled', 'fixture readiness back')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).statusCode, 200, 'deleted flow back')
  t.same((await app.inject({ method: 'GET', url: '/_mock/faults' })).json(), { value: [] }, 'faults cleared')
  t.equal(app.graphMock.journal.entries().length, 2, 'journal cleared by the reset (only the two GETs since)')

  const other = { authorization: `Bearer ${['{"alg":"none"}', '{"tid":"tenant-b"}'].map(p => Buffer.from(p).toString('base64url')).join('.')}.x`, 'content-type': 'application/json' }
  await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: other, payload: { readinessStatus: 'failed', configuration: {} } })
  await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: 'expired', configuration: {} } })
  await app.inject({ method: 'POST', url: '/_mock/reset?tenant=tenant-b' })
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: other })).json().readinessStatus, 'disabled', 'tenant-b reset')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json().readinessStatus, 'expired', 'default tenant untouched')
  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/reset?tenant=' }), 400, 'BadRequest', /tenant/)
})

t.test('seed validates like API writes, is atomic, and state round-trips', async t => {
  const app = await build(t)
  const doc = {
    roleGroups: [{ id: 'parents', displayName: 'Parents', roles: [{ code: 'parent' }] }],
    outboundProvisioningFlowSets: [{
      id: 'set-2',
      displayName: 'Second set',
      provisioningFlows: [
        { '@odata.type': `#${NS}.userProvisioningFlow`, id: 'user-2', readinessStatus: 'ready', managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/parents', defaultPasswordSettings: { password: 'pw' } }] } }
      ]
    }]
  }
  const seeded = await app.inject({ method: 'POST', url: '/_mock/seed', payload: doc })
  t.same(seeded.json(), { tenant: '00000000-0000-0000-0000-000000000001', replaced: false, outboundProvisioningFlowSets: 1, provisioningFlows: 1, roleGroups: 1, sourceSystems: 0, years: 0, dataConnectors: 0, inboundFlows: 0 }, 'counts')
  const flow = (await app.inject({ method: 'GET', url: flowUrl('user-2', 'set-2'), headers: auth })).json() as Json
  t.equal(flow.readinessStatus, 'ready', 'seeded flow served')
  t.equal(flow.creationOptions.configurations[0].roleGroup.id, 'parents', 'binding to a role group of the same document')
  t.equal(flow.creationOptions.configurations[0].defaultPasswordSettings.password, '***************', 'masked in answers')

  const again = await app.inject({ method: 'POST', url: '/_mock/seed', payload: doc })
  assertGraphError(t, again, 409, 'Conflict', "The seed document uses an id that already exists in tenant '00000000-0000-0000-0000-000000000001'; use replace=true to start from an empty tenant.")
  const bad = await app.inject({ method: 'POST', url: '/_mock/seed', payload: { outboundProvisioningFlowSets: [{ displayName: 'ok', provisioningFlows: [] }, { displayName: 'x', provisioningFlows: [{ '@odata.type': `#${NS}.classGroupProvisioningFlow`, configuration: { additionalAttributes: ['nope'] } }] }] } })
  assertGraphError(t, bad, 400, 'BadRequest',
    `Invalid seed document at $.outboundProvisioningFlowSets[1].provisioningFlows[0].configuration.additionalAttributes[0]: Invalid value for property 'outboundProvisioningFlowSets[1].provisioningFlows[0].configuration.additionalAttributes[0]': 'nope' is not a member of '${NS}.additionalClassGroupAttributes'. Use one of: courseTitle, courseCode, courseSubject, courseGradeLevel, courseExternalId, academicSessionTitle, academicSessionExternalId, classCode.`)
  t.equal(app.graphMock.store.flowSets.list('00000000-0000-0000-0000-000000000001').length, 2, 'nothing of the rejected document was stored')

  const state = (await app.inject({ method: 'GET', url: '/_mock/state' })).json() as Json
  t.equal(state.outboundProvisioningFlowSets.length, 2, 'fixture set and seeded set exported')
  t.equal(state.outboundProvisioningFlowSets[1].provisioningFlows[0].creationOptions.configurations[0].defaultPasswordSettings.password, 'pw', 'state keeps the real password so seed(state) round-trips')
  const before = (await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json() as Json

  const fresh = await build(t)
  const replaced = await fresh.inject({ method: 'POST', url: '/_mock/seed?replace=true', payload: state })
  t.equal(replaced.statusCode, 200, 'seed(state) into another server')
  t.same((await fresh.inject({ method: 'GET', url: '/_mock/state' })).json(), state, 'state(seed(state)) == state')
  t.same((await fresh.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json(), before, 'the same answers')
})

t.test('request journal', async t => {
  const app = await build(t)
  await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: { ...auth, 'client-request-id': 'c-1' } })
  await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: 'nope', configuration: {} } })
  await app.inject({ method: 'PATCH', url: '/beta/classGroupProvisioningFlow', headers: jsonAuth, payload: { readinessStatus: 'ready', configuration: {} } })
  await app.inject({ method: 'GET', url: '/_mock/health' })
  const all = (await app.inject({ method: 'GET', url: '/_mock/requests' })).json() as Json
  t.equal(all.count, 3, 'Graph requests only, not /_mock')
  const [get, failed, patched] = all.value as Json[]
  t.match(get, { seq: 1, method: 'GET', url: flowUrl(CLASS_FLOW_ID), status: 200, tenant: '00000000-0000-0000-0000-000000000001' }, 'method, url, status, tenant')
  t.equal(get?.headers.authorization, '[redacted]', 'Authorization redacted')
  t.equal(get?.headers['client-request-id'], 'c-1', 'other headers kept')
  t.match(get?.requestId, /^[0-9a-f-]{36}$/, 'request-id')
  t.type(get?.durationMs, 'number', 'duration')
  t.same(failed?.body, { readinessStatus: 'nope', configuration: {} }, 'request body')
  t.equal(failed?.response.body.error.code, 'BadRequest', 'response body')
  t.equal(patched?.response.headers['content-type'], 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', 'response headers')

  const filtered = async (query: string) => ((await app.inject({ method: 'GET', url: `/_mock/requests?${query}` })).json() as Json).value.map((e: Json) => e.seq)
  t.same(await filtered('method=patch'), [2, 3], 'by method')
  t.same(await filtered('status=400'), [2], 'by status')
  t.same(await filtered('path=/beta/classGroup*'), [3], 'by path glob')
  t.same(await filtered('path=provisioningFlows'), [1, 2], 'by path substring')
  t.same(await filtered('since=1'), [2, 3], 'since a seq')
  t.same(await filtered('limit=1'), [3], 'limit keeps the newest')
  t.same(await filtered('tenant=someone-else'), [], 'by tenant')
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/requests?limit=many' }), 400, 'BadRequest', /limit/)
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/requests?colour=red' }), 400, 'BadRequest', /colour|additional/i)
  t.equal((await app.inject({ method: 'DELETE', url: '/_mock/requests' })).statusCode, 204, 'clear')
  t.same(await filtered(''), [], 'empty after clear')
})

t.test('the journal is a bounded ring', async t => {
  const app = await build(t, {}, { journalSize: 5 })
  for (let i = 0; i < 12; i++) await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: auth })
  const body = (await app.inject({ method: 'GET', url: '/_mock/requests' })).json() as Json
  t.equal(body.capacity, 5, 'capacity')
  t.same(body.value.map((e: Json) => e.seq), [8, 9, 10, 11, 12], 'the newest five, oldest first')
})

t.test('fault rules', async t => {
  const app = await build(t)
  const rule = await app.inject({ method: 'POST', url: '/_mock/faults', payload: { method: 'get', path: '*/provisioningFlows/*', status: 503, retryAfter: 7, times: 2, after: 1 } })
  t.equal(rule.statusCode, 201, 'created')
  t.match(rule.json(), { id: 'fault-1', method: 'GET', status: 503, matched: 0, applied: 0 }, 'rule echoed with an id')
  const statuses: number[] = []
  for (let i = 0; i < 4; i++) {
    const res = await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
    statuses.push(res.statusCode)
    if (res.statusCode === 503) {
      assertGraphError(t, res, 503, 'ServiceUnavailable', 'Injected fault (fault-1).')
      t.equal(res.headers['retry-after'], '7', 'Retry-After')
    }
  }
  t.same(statuses, [200, 503, 503, 200], 'after 1, then 2 times')
  t.equal((await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })).statusCode, 200, 'other methods pass')
  t.match((await app.inject({ method: 'GET', url: '/_mock/faults' })).json(), { value: [{ id: 'fault-1', matched: 4, applied: 2 }] }, 'counts')

  await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '/beta/classGroupProvisioningFlow', status: 429, code: 'activityLimitReached', message: 'Slow down.', tenant: 'other-tenant' } })
  t.equal((await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: auth })).statusCode, 200, 'tenant filter: default tenant not matched')

  const delayed = await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '*/roleGroups/*', delayMs: 150 } })
  const started = Date.now()
  const slow = await app.inject({ method: 'GET', url: '/beta/external/industryData/roleGroups/staff', headers: auth })
  t.equal(slow.statusCode, 200, 'a delay rule answers normally')
  t.ok(Date.now() - started >= 140, 'after the delay')
  t.equal((await app.inject({ method: 'DELETE', url: `/_mock/faults/${String(delayed.json().id)}` })).statusCode, 204, 'delete one rule')
  assertGraphError(t, await app.inject({ method: 'DELETE', url: '/_mock/faults/fault-99' }), 404, 'itemNotFound', "Fault rule 'fault-99' was not found.")

  await app.inject({ method: 'DELETE', url: '/_mock/faults' })
  await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '/beta/classGroupProvisioningFlow', status: 500, probability: 0.5, seed: 42 } })
  const run = async (): Promise<number[]> => {
    const out: number[] = []
    for (let i = 0; i < 20; i++) out.push((await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: auth })).statusCode)
    return out
  }
  const first = await run()
  t.ok(first.includes(500) && first.includes(200), 'probability: some fail, some pass')
  await app.inject({ method: 'DELETE', url: '/_mock/faults' })
  await app.inject({ method: 'POST', url: '/_mock/faults', payload: { path: '/beta/classGroupProvisioningFlow', status: 500, probability: 0.5, seed: 42 } })
  t.same(await run(), first, 'the same seed gives the same sequence')

  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/faults', payload: { status: 200 } }), 400, 'BadRequest', /status/)
  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/faults', payload: { status: 500, colour: 'red' } }), 400, 'BadRequest', /colour|additional/i)
})

t.test('throttling: a token bucket per tenant, and early retries counted', async t => {
  const app = await build(t)
  const configured = await app.inject({ method: 'POST', url: '/_mock/throttle', payload: { requestsPerSecond: 0.5, burst: 2 } })
  t.match(configured.json(), { enabled: true, config: { requestsPerSecond: 0.5, burst: 2 } }, 'configured')
  app.graphMock.clock.freeze()
  const get = async () => app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: auth })
  t.equal((await get()).statusCode, 200, 'first within burst')
  t.equal((await get()).statusCode, 200, 'second within burst')
  const limited = await get()
  assertGraphError(t, limited, 429, 'TooManyRequests', 'Too many requests. Retry after the time given in Retry-After.')
  t.equal(limited.headers['retry-after'], '2', 'Retry-After: seconds until a token (0.5/s)')
  const retry = await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: { ...auth, 'retry-attempt': '1' } })
  t.equal(retry.statusCode, 429, 'retried at once (Retry-Attempt, as the SDKs\' retry handlers send it): still throttled')
  const other = await app.inject({ method: 'GET', url: '/beta/external/industryData/roleGroups', headers: auth })
  t.equal(other.statusCode, 429, 'another request meanwhile: throttled too')
  t.equal((await get()).statusCode, 429, 'and a copy of the throttled one from another connection, not saying it retries')
  app.graphMock.clock.shift(2000)
  t.equal((await get()).statusCode, 200, 'after Retry-After on the server clock: allowed')
  const report = (await app.inject({ method: 'GET', url: '/_mock/throttle' })).json() as Json
  t.equal(report.earlyRetries, 1, 'one retry came before Retry-After elapsed: neither the other request nor the copy counts')
  t.match(report.tenants['00000000-0000-0000-0000-000000000001'], { allowed: 3, throttled: 4 }, 'per-tenant counts')
  t.equal((await app.inject({ method: 'POST', url: '/_mock/reset' })).statusCode, 200, 'reset')
  const afterReset = (await app.inject({ method: 'GET', url: '/_mock/throttle' })).json() as Json
  t.match(afterReset, { enabled: true, earlyRetries: 0, clients: [], tenants: {} }, 'a reset clears the counts and refills the buckets; throttling stays on')
  const otherTenant = { authorization: `Bearer ${['{"alg":"none"}', '{"tid":"tenant-c"}'].map(p => Buffer.from(p).toString('base64url')).join('.')}.x` }
  t.equal((await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: otherTenant })).statusCode, 200, 'another tenant has its own bucket')
  t.equal((await app.inject({ method: 'DELETE', url: '/_mock/throttle' })).statusCode, 204, 'off')
  for (let i = 0; i < 5; i++) t.equal((await get()).statusCode, 200, `unthrottled ${i}`)
  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/throttle', payload: { requestsPerSecond: 0 } }), 400, 'BadRequest', /requestsPerSecond/)
})

t.test('clock: freeze, set, shift, resume', async t => {
  const app = await build(t)
  const frozen = await app.inject({ method: 'POST', url: '/_mock/clock', payload: { freeze: '2030-01-02T03:04:05.000Z' } })
  t.same(frozen.json(), { now: '2030-01-02T03:04:05.000Z', frozen: true, offsetMs: 0 }, 'frozen at a time')
  const patched = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.equal(patched.json().lastModifiedDateTime, '2030-01-02T03:04:05.0000000Z', 'writes stamp the frozen time')
  await app.inject({ method: 'POST', url: '/_mock/clock', payload: { shiftMs: 60000 } })
  t.equal((await app.inject({ method: 'GET', url: '/_mock/clock' })).json().now, '2030-01-02T03:05:05.000Z', 'shifted while frozen')
  const created = await app.inject({ method: 'POST', url: `/beta/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows`, headers: jsonAuth, payload: { '@odata.type': `#${NS}.securityGroupProvisioningFlow` } })
  t.equal(created.statusCode, 409, 'the fixture set already has a security flow')
  await app.inject({ method: 'POST', url: '/_mock/clock', payload: { resume: true } })
  const now = Date.parse((await app.inject({ method: 'GET', url: '/_mock/clock' })).json().now)
  t.ok(Math.abs(now - Date.now()) < 5000, 'resumed to real time')
  await app.inject({ method: 'POST', url: '/_mock/clock', payload: { set: '2040-06-01T00:00:00Z' } })
  const state = (await app.inject({ method: 'GET', url: '/_mock/clock' })).json() as Json
  t.equal(state.frozen, false, 'set keeps time running')
  t.ok(state.now.startsWith('2040-06-01T00:00'), 'from the set time')
  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/clock', payload: { freeze: 'tomorrow' } }), 400, 'BadRequest', "Invalid clock request: 'tomorrow' is not an ISO 8601 date-time with a time zone.")
  assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/clock', payload: { warp: 9 } }), 400, 'BadRequest', /^Invalid clock request: /)
})

t.test('GRAPH_MOCK_ID_SEED makes generated ids reproducible', async t => {
  const create = async () => {
    const app = await build(t, { idSeed: 'fixed' })
    const res = await app.inject({ method: 'POST', url: '/beta/external/industryData/outboundProvisioningFlowSets', headers: jsonAuth, payload: { displayName: 'seeded ids' } })
    return res.json().id as string
  }
  const first = await create()
  t.equal(await create(), first, 'same seed, same id on a fresh server')
})

t.test('GRAPH_MOCK_ADMIN_TOKEN guards the control plane but not health and ready', async t => {
  const app = await build(t, { adminToken: 'let-me-in' })
  t.equal((await app.inject({ method: 'GET', url: '/_mock/health' })).statusCode, 200, 'health is open')
  t.equal((await app.inject({ method: 'GET', url: '/_mock/ready' })).statusCode, 200, 'ready is open')
  for (const [method, url] of [['POST', '/_mock/reset'], ['GET', '/_mock/state'], ['GET', '/_mock/requests'], ['POST', '/_mock/faults'], ['GET', '/_mock/throttle'], ['GET', '/_mock/clock']] as const) {
    assertGraphError(t, await app.inject({ method, url }), 401, 'InvalidAuthenticationToken', 'The control plane needs the x-mock-admin-token header (GRAPH_MOCK_ADMIN_TOKEN is set).')
  }
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/state', headers: { 'x-mock-admin-token': 'guess' } }), 401, 'InvalidAuthenticationToken',
    'The x-mock-admin-token header does not match GRAPH_MOCK_ADMIN_TOKEN.')
  t.equal((await app.inject({ method: 'GET', url: '/_mock/state', headers: { 'x-mock-admin-token': 'let-me-in' } })).statusCode, 200, 'the right token opens it')
  t.equal((await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: auth })).statusCode, 200, 'the Graph API is not affected')
})
