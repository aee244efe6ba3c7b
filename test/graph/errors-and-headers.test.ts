import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID } from '../helpers.js'

t.test('Graph headers on every answer', async t => {
  const app = await build(t)
  const ok = await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: { ...auth, 'client-request-id': 'my-correlation-1' } })
  t.equal(ok.statusCode, 200, 'GET a flow')
  t.match(ok.headers['request-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'request-id is a new GUID')
  t.equal(ok.headers['client-request-id'], 'my-correlation-1', 'client-request-id echoed')
  t.same(JSON.parse(String(ok.headers['x-ms-ags-diagnostic'])).ServerInfo.DataCenter, 'graph-mock', 'x-ms-ags-diagnostic')
  t.equal(ok.headers['odata-version'], '4.0', 'OData-Version')
  t.equal(ok.headers['content-type'], 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', 'OData JSON media type')

  const other = await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  t.equal(other.headers['client-request-id'], other.headers['request-id'], 'client-request-id defaults to request-id')
  t.not(other.headers['request-id'], ok.headers['request-id'], 'a new request-id per request')

  const err = await app.inject({ method: 'GET', url: flowUrl('nope'), headers: { ...auth, 'client-request-id': 'corr-2' } })
  assertGraphError(t, err, 404, 'itemNotFound', "provisioningFlow 'nope' was not found.")
  t.equal(err.json().error.innerError['client-request-id'], 'corr-2', 'errors carry the client-request-id')
})

t.test('every failure is the Graph envelope', async t => {
  const app = await build(t)
  const url = flowUrl(CLASS_FLOW_ID)
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: '{"configuration": {' }), 400, 'BadRequest',
    /^Unable to read JSON request payload\. Please ensure Content-Type header is set and payload is of valid JSON format\. \(/)
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: { ...auth, 'content-type': 'text/plain' }, payload: 'configuration=1' }), 415, 'UnsupportedMediaType',
    "Content type 'text/plain' is not supported; send application/json.")
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: { ...auth, 'content-type': 'application/xml' }, payload: '<a/>' }), 415, 'UnsupportedMediaType',
    "Content type 'application/xml' is not supported; send application/json.")
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: JSON.stringify({ configuration: {}, pad: 'x'.repeat(1024 * 1024) }) }), 413, 'RequestEntityTooLarge',
    'The request body is larger than the 1048576-byte limit.')
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: '' }), 400, 'BadRequest', 'The request body is empty or null; send a JSON object.')
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: '{"__proto__": {"polluted": true}, "configuration": {}}' }), 400, 'BadRequest',
    "Property '__proto__' does not exist on type 'microsoft.graph.industryData.classGroupProvisioningFlow'.")
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution')

  assertGraphError(t, await app.inject({ method: 'GET', url: `/beta/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlowz`, headers: auth }), 400, 'BadRequest',
    "Resource not found for the segment 'provisioningFlowz'.")
  assertGraphError(t, await app.inject({ method: 'GET', url: '/beta/external/foo/bar', headers: auth }), 400, 'BadRequest', "Resource not found for the segment 'foo'.")
  assertGraphError(t, await app.inject({ method: 'GET', url: '/beta/me', headers: auth }), 400, 'BadRequest', "Resource not found for the segment 'me'.")
  assertGraphError(t, await app.inject({ method: 'GET', url: '/v2.0/external', headers: auth }), 400, 'BadRequest', "Resource not found for the segment 'v2.0'.")
  assertGraphError(t, await app.inject({ method: 'GET', url: flowUrl('0000'), headers: auth }), 404, 'itemNotFound', "provisioningFlow '0000' was not found.")
  assertGraphError(t, await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID, 'no-such-set'), headers: auth }), 404, 'itemNotFound',
    "outboundProvisioningFlowSet 'no-such-set' was not found.")
  const put = await app.inject({ method: 'PUT', url, headers: jsonAuth, payload: {} })
  assertGraphError(t, put, 405, 'MethodNotAllowed', `The HTTP method 'PUT' is not allowed on '${url}'. Allowed: GET, PATCH, DELETE.`)
  t.equal(put.headers.allow, 'GET, PATCH, DELETE', 'Allow header lists the methods')
  assertGraphError(t, await app.inject({ method: 'DELETE', url: '/beta/classGroupProvisioningFlow', headers: auth }), 405, 'MethodNotAllowed',
    "The HTTP method 'DELETE' is not allowed on '/beta/classGroupProvisioningFlow'. Allowed: GET, PATCH.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${url}?$expand=x`, headers: auth }), 400, 'BadRequest',
    "Query option '$expand' is not supported on a single provisioningFlow. Supported here: $select.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${url}?$frobnicate=1`, headers: auth }), 400, 'BadRequest', "Query option '$frobnicate' is not supported.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${url}?$select=colour`, headers: auth }), 400, 'BadRequest',
    "Could not find a property named 'colour' on type 'microsoft.graph.industryData.provisioningFlow'.")
  assertGraphError(t, await app.inject({ method: 'GET', url: '/beta/external/industryData/outboundProvisioningFlowSets/%E0%A4%A/provisioningFlows', headers: auth }), 400, 'BadRequest',
    'The request URL is not valid (bad percent-encoding).')
})

t.test('$select and the key-in-parentheses form', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: `${flowUrl(CLASS_FLOW_ID)}?$select=readinessStatus,CreatedDateTime`, headers: auth })
  t.same(Object.keys(res.json()), ['@odata.context', '@odata.type', 'id', 'createdDateTime', 'readinessStatus'], '$select keeps id, @odata.type and the named properties')
  const noDollar = await app.inject({ method: 'GET', url: `${flowUrl(CLASS_FLOW_ID)}?select=readinessStatus`, headers: auth })
  t.same(Object.keys(noDollar.json()), ['@odata.context', '@odata.type', 'id', 'readinessStatus'], 'the $ is optional')
  const parens = await app.inject({ method: 'GET', url: `/beta/external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows('${CLASS_FLOW_ID}')`, headers: auth })
  t.equal(parens.statusCode, 200, 'key-as-parentheses addresses the same flow')
  t.equal(parens.json().id, CLASS_FLOW_ID, 'same flow')
  const upper = await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID.toUpperCase(), SET_ID.toUpperCase()), headers: auth })
  t.equal(upper.statusCode, 200, 'ids match case-insensitively')
  t.equal(upper.json().id, CLASS_FLOW_ID, 'answered with the stored id')
})

t.test('authentication', async t => {
  const app = await build(t)
  const url = flowUrl(CLASS_FLOW_ID)
  for (const authorization of [undefined, '', 'Bearer', 'Bearer   ', 'Basic dXNlcjpwYXNz']) {
    const headers = authorization === undefined ? {} : { authorization }
    assertGraphError(t, await app.inject({ method: 'GET', url, headers }), 401, 'InvalidAuthenticationToken', 'Access token is empty.')
  }
  const unauthenticatedWrite = await app.inject({ method: 'PATCH', url, headers: { 'content-type': 'application/json' }, payload: { configuration: {} } })
  assertGraphError(t, unauthenticatedWrite, 401, 'InvalidAuthenticationToken', 'Access token is empty.')
  t.equal((await app.inject({ method: 'GET', url, headers: { authorization: 'bearer some-opaque-token' } })).statusCode, 200, 'any opaque bearer token reads')

  const open = await build(t, { auth: 'off' })
  t.equal((await open.inject({ method: 'GET', url })).statusCode, 200, 'GRAPH_MOCK_AUTH=off needs no token')
  t.equal((await open.inject({ method: 'PATCH', url, headers: { 'content-type': 'application/json' }, payload: { configuration: {} } })).statusCode, 200, 'nor for writes')
})

t.test('lenient mode honours JWT claims', async t => {
  const app = await build(t)
  const url = flowUrl(CLASS_FLOW_ID)
  const jwt = (claims: Record<string, unknown>): string =>
    ['{"alg":"none","typ":"JWT"}', JSON.stringify(claims)].map(p => Buffer.from(p).toString('base64url')).join('.') + '.sig'
  const now = Math.floor(Date.now() / 1000)
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${jwt({ exp: now - 60 })}` } }), 401, 'InvalidAuthenticationToken',
    'Lifetime validation failed, the token is expired.')
  const readOnly = `Bearer ${jwt({ exp: now + 600, scp: 'IndustryData-OutboundFlow.Read.All User.Read' })}`
  t.equal((await app.inject({ method: 'GET', url, headers: { authorization: readOnly } })).statusCode, 200, 'Read.All reads')
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: { authorization: readOnly, 'content-type': 'application/json' }, payload: { configuration: {} } }), 403, 'Forbidden',
    'Missing permission: this operation needs IndustryData-OutboundFlow.ReadWrite.All; the token has IndustryData-OutboundFlow.Read.All, User.Read.')
  const app2 = `Bearer ${jwt({ roles: ['IndustryData-OutboundFlow.ReadWrite.All'] })}`
  t.equal((await app.inject({ method: 'PATCH', url, headers: { authorization: app2, 'content-type': 'application/json' }, payload: { configuration: {} } })).statusCode, 200, 'application role ReadWrite.All writes')
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${jwt({ roles: [] })}` } }), 403, 'Forbidden',
    'Missing permission: this operation needs IndustryData-OutboundFlow.Read.All or IndustryData-OutboundFlow.ReadWrite.All; the token has none.')
})

t.test('GRAPH_MOCK_PUBLIC_URL addresses every link', async t => {
  const app = await build(t, { publicUrl: 'https://graph.example.test/mock', versions: 'beta,v1.0' })
  const flow = (await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json()
  t.equal(flow['@odata.context'], `https://graph.example.test/mock/beta/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows/$entity`, '@odata.context')
  const page = (await app.inject({ method: 'GET', url: `/beta/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows?$top=1`, headers: auth })).json()
  t.match(page['@odata.nextLink'], /^https:\/\/graph\.example\.test\/mock\/beta\/external\/industryData\//, '@odata.nextLink')
  const created = await app.inject({ method: 'POST', url: '/v1.0/external/industryData/outboundProvisioningFlowSets', headers: jsonAuth, payload: { displayName: 'x' } })
  t.match(created.headers.location, /^https:\/\/graph\.example\.test\/mock\/v1\.0\/external\/industryData\/outboundProvisioningFlowSets\/[0-9a-f-]{36}$/, 'Location')
})

t.test('an HTTP/1.0 request without Host is addressed as localhost', async t => {
  const app = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const { connect } = await import('node:net')
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${flowUrl(CLASS_FLOW_ID)} HTTP/1.0\r\nAuthorization: Bearer t\r\n\r\n`))
    let received = ''
    socket.on('data', chunk => { received += chunk.toString() })
    socket.on('end', () => resolve(received))
    socket.on('error', reject)
  })
  t.match(raw, /^HTTP\/1\.1 200 /, '200')
  const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, string>
  t.match(body['@odata.context'], /^http:\/\/localhost\/beta\/\$metadata#/, 'context names localhost')
})
