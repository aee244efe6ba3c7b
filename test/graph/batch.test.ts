import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, jsonAuth, SET_ID } from '../helpers.js'

type Json = Record<string, any>
const NS = 'microsoft.graph.industryData'

t.test('$batch mixes reads, writes, a failure and its dependants', async t => {
  const app = await build(t)
  const res = await app.inject({
    method: 'POST',
    url: '/beta/$batch',
    headers: { ...jsonAuth, 'client-request-id': 'batch-1' },
    payload: {
      requests: [
        { id: '1', method: 'GET', url: `/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}?$select=readinessStatus` },
        { id: '2', method: 'PATCH', url: `/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`, headers: { 'Content-Type': 'application/json' }, body: { readinessStatus: 'ready', configuration: {} } },
        { id: '3', method: 'POST', url: '/external/industryData/outboundProvisioningFlowSets', body: { displayName: 'From a batch' } },
        { id: '4', method: 'PATCH', url: '/classGroupProvisioningFlow', body: { readinessStatus: 'sleepy', configuration: {} }, dependsOn: ['2'] },
        { id: '5', method: 'GET', url: '/classGroupProvisioningFlow', dependsOn: ['4'] },
        { id: '6', method: 'POST', url: '/external/industryData/roleGroups/staff' },
        { id: '7', method: 'GET', url: `external/industryData/outboundProvisioningFlowSets/${SET_ID}`, dependsOn: ['2', '3'] }
      ]
    }
  })
  t.equal(res.statusCode, 200, 'the batch itself succeeds')
  const responses = (res.json() as { responses: Json[] }).responses
  t.same(responses.map(r => [r.id, r.status]), [['1', 200], ['2', 200], ['3', 201], ['4', 400], ['5', 424], ['6', 405], ['7', 200]], 'statuses, in request order')
  const byId = new Map(responses.map(r => [r.id, r]))
  t.same(Object.keys(byId.get('1')?.body ?? {}), ['@odata.context', '@odata.type', 'id', 'readinessStatus'], 'query options apply inside a batch')
  t.equal(byId.get('2')?.body.readinessStatus, 'ready', 'write answered')
  t.match(byId.get('3')?.headers.Location, /\/beta\/external\/industryData\/outboundProvisioningFlowSets\/[0-9a-f-]{36}$/, 'Location passed back')
  t.equal(byId.get('4')?.body.error.code, 'BadRequest', 'validation like a direct request')
  t.equal(byId.get('5')?.body.error.code, 'FailedDependency', '424 for the dependant of a failure')
  t.equal(byId.get('5')?.body.error.message, "The request depends on request '4', which failed with status 400.", 'says which dependency failed')
  t.equal(byId.get('6')?.body.error.code, 'MethodNotAllowed', 'unmatched inner route')
  t.match(byId.get('7')?.body['@odata.context'], /^http:\/\/localhost:80\/beta\/\$metadata#/, 'inner answers use the batch\'s host and version')
  const flow = (await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: auth })).json() as Json
  t.equal(flow.readinessStatus, 'ready', 'the write inside the batch is stored')
  const journaled = app.graphMock.journal.entries().map(e => [e.method, e.status])
  t.same(journaled.slice(0, 7), [['GET', 200], ['PATCH', 200], ['POST', 201], ['PATCH', 400], ['POST', 405], ['GET', 200], ['POST', 200]], 'each inner request is journaled like a direct one, then the batch')
})

t.test('each inner request is authorised on its own', async t => {
  const app = await build(t, { versions: 'beta,v1.0' })
  const readOnly = ['{"alg":"none"}', JSON.stringify({ scp: 'IndustryData-OutboundFlow.Read.All' })].map(p => Buffer.from(p).toString('base64url')).join('.') + '.x'
  const res = await app.inject({
    method: 'POST',
    url: '/v1.0/$batch',
    headers: { authorization: `Bearer ${readOnly}`, 'content-type': 'application/json' },
    payload: { requests: [{ id: 'a', method: 'GET', url: '/classGroupProvisioningFlow' }, { id: 'b', method: 'PATCH', url: '/classGroupProvisioningFlow', body: { configuration: {} } }] }
  })
  const responses = (res.json() as { responses: Json[] }).responses
  t.same(responses.map(r => r.status), [200, 403], 'read allowed, write forbidden')
  assertGraphError(t, await app.inject({ method: 'POST', url: '/beta/$batch', headers: { 'content-type': 'application/json' }, payload: { requests: [] } }), 401, 'InvalidAuthenticationToken', 'Access token is empty.')
})

t.test('bad batches are 400s', async t => {
  const app = await build(t)
  const post = async (payload: unknown) => app.inject({ method: 'POST', url: '/beta/$batch', headers: jsonAuth, payload: JSON.stringify(payload) })
  const get = { method: 'GET', url: '/classGroupProvisioningFlow' }
  const cases: Array<[unknown, string]> = [
    [{}, "A batch body must be a JSON object with a 'requests' array."],
    [{ requests: [] }, 'A batch must contain at least one request.'],
    [{ requests: Array.from({ length: 21 }, (_, i) => ({ ...get, id: String(i) })) }, 'A batch can contain at most 20 requests; this one has 21.'],
    [{ requests: [{ ...get, id: 'x' }, { ...get, id: 'X' }] }, "Batch request id 'X' is used more than once."],
    [{ requests: [{ ...get }] }, "Batch request 0 needs a non-empty string 'id'."],
    [{ requests: [{ ...get, id: '1', method: 'FETCH' }] }, "Batch request '1' has an invalid 'method' (\"FETCH\")."],
    [{ requests: [{ ...get, id: '1', url: 'https://graph.microsoft.com/beta/me' }] }, "Batch request '1' needs a relative 'url' such as '/external/industryData/outboundProvisioningFlowSets'."],
    [{ requests: [{ ...get, id: '1', dependsOn: ['9'] }] }, "Batch request '1' depends on '9', which is not in the batch."],
    [{ requests: [{ ...get, id: '1', dependsOn: ['2'] }, { ...get, id: '2', dependsOn: ['1'] }] }, "Batch request '1' is part of a dependsOn cycle."],
    [{ requests: [{ ...get, id: '1', headers: { 'x-a': 1 } }] }, "Batch request '1' header 'x-a' must be a string."]
  ]
  for (const [payload, message] of cases) assertGraphError(t, await post(payload), 400, 'BadRequest', message)
  const nested = await post({ requests: [{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] } }] })
  t.equal(nested.json().responses[0].status, 400, 'no batch inside a batch')
  t.equal(nested.json().responses[0].body.error.message, "Batch request '1' is a $batch request; a batch cannot contain another batch.", 'says why')
  t.equal(nested.json().responses[0].body.error.code, 'BadRequest', `code, ${NS}`)
})

t.test('a refused inner request is dated by the server clock, frozen or not', async t => {
  const app = await build(t)
  const frozen = await app.inject({ method: 'POST', url: '/_mock/clock', payload: { freeze: '2031-05-06T07:08:09Z' } })
  t.equal(frozen.statusCode, 200, 'clock frozen')
  const nested = await app.inject({ method: 'POST', url: '/beta/$batch', headers: jsonAuth, payload: JSON.stringify({ requests: [{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] } }] }) })
  t.equal(nested.json().responses[0].body.error.innerError.date, '2031-05-06T07:08:09', 'a nested $batch error has the frozen date')
})
