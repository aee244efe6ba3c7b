/**
 * What the one URL table serves, seen from a client: $metadata and the root, Graph v1.0's answer for
 * industryData, role-group writes and $count, $select of a navigation property, and every @odata.context
 * resolving against $metadata.
 */
import t from 'tap'
import { unservedOperations } from '../../src/http/url-routes.js'
import { keyedCollections } from '../../src/http/url-table.js'
import { industryDataOperations } from '../../src/industry-data/graph-api.js'
import { URL_SPACE } from '../../src/industry-data/url-space.js'
import { findAll, readXml, type XmlElement } from '../csdl-reader.js'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, SETS, USER_FLOW_ID } from '../helpers.js'

type Json = Record<string, any>
const ROOT = '/beta/external/industryData'
const NOT_IN_V1 = "Resource not found for the segment 'industryData'."

t.test('the table names no operation that nothing serves, and every keyed collection takes the key-in-parentheses form', async t => {
  const app = await build(t)
  t.same(unservedOperations(URL_SPACE, industryDataOperations({ provisioning: app.graphMock.provisioning, patchResponse: 'representation' }), ['batch']), [], 'all served')
  t.same(keyedCollections(URL_SPACE).sort(), ['dataConnectors', 'inboundFlows', 'outboundProvisioningFlowSets', 'provisioningFlows', 'referenceDefinitions', 'roleGroups', 'sourceSystems', 'years'], 'the keyed collections')
  const res = await app.inject({ method: 'GET', url: `${ROOT}/roleGroups('staff')`, headers: auth })
  t.equal(res.json().id, 'staff', "roleGroups('staff') is roleGroups/staff")
})

t.test('/v1.0 answers industryData as Graph v1.0 does: the segment does not exist', async t => {
  const app = await build(t)
  const cases: Array<[string, string]> = [
    ['GET', '/v1.0/external/industryData'],
    ['GET', '/v1.0/external/industryData/outboundProvisioningFlowSets'],
    ['POST', '/v1.0/external/industryData/outboundProvisioningFlowSets'],
    ['PATCH', `/v1.0/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`],
    ['DELETE', `/v1.0/external/industryData/outboundProvisioningFlowSets/${SET_ID}`],
    ['POST', `/v1.0/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}/reset`],
    ['GET', '/v1.0/external/industryData/roleGroups/$count'],
    ['GET', `/v1.0/external/industryData/outboundProvisioningFlowSets('${SET_ID}')`]
  ]
  for (const [method, url] of cases) {
    const res = await app.inject({ method: method as 'GET', url, headers: jsonAuth, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) })
    t.test(`${method} ${url}`, async t => { assertGraphError(t, res, 400, 'BadRequest', NOT_IN_V1) })
  }
  const spelled = await app.inject({ method: 'GET', url: '/V1.0/External/IndustryData/OutboundProvisioningFlowSets', headers: auth })
  assertGraphError(t, spelled, 400, 'BadRequest', "Resource not found for the segment 'IndustryData'.")
  const shortcut = await app.inject({ method: 'GET', url: '/v1.0/classGroupProvisioningFlow', headers: auth })
  assertGraphError(t, shortcut, 400, 'BadRequest', "Resource not found for the segment 'classGroupProvisioningFlow'.")
  const batch = await app.inject({ method: 'POST', url: '/v1.0/$batch', headers: jsonAuth, payload: { requests: [{ id: '1', method: 'GET', url: '/external/industryData/outboundProvisioningFlowSets' }] } })
  t.equal(batch.statusCode, 200, '$batch itself exists in v1.0')
  const inner = (batch.json() as { responses: Json[] }).responses[0]
  t.equal(inner?.status, 400, 'its inner industryData request is a 400')
  t.equal(inner?.body.error.message, NOT_IN_V1, 'with the same message')
  t.equal((await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}`, headers: auth })).statusCode, 200, '/beta still serves it')
})

t.test('GRAPH_MOCK_VERSIONS=beta,v1.0 serves the beta surface under /v1.0 too, on one store', async t => {
  const app = await build(t, { versions: 'beta,v1.0' })
  const created = await app.inject({ method: 'POST', url: '/v1.0/external/industryData/outboundProvisioningFlowSets', headers: jsonAuth, payload: { displayName: 'v1' } })
  t.equal(created.statusCode, 201, 'created under /v1.0')
  t.match(created.json()['@odata.context'], /\/v1\.0\/\$metadata#external\/industryData\/outboundProvisioningFlowSets\/\$entity$/, 'a v1.0 context')
  const seen = await app.inject({ method: 'GET', url: `${SETS}/${String(created.json().id)}`, headers: auth })
  t.equal(seen.statusCode, 200, 'and seen under /beta')
  t.equal((await app.inject({ method: 'GET', url: '/v1.0/$metadata' })).statusCode, 200, '/v1.0/$metadata too')
  t.equal((await app.inject({ method: 'GET', url: '/v1.0/classGroupProvisioningFlow', headers: auth })).statusCode, 200, 'and the shortcut route')
})

t.test('GET /beta/$metadata: the CSDL of what is served, without a token', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/beta/$metadata' })
  t.equal(res.statusCode, 200, '200 without Authorization')
  t.match(res.headers['content-type'], /^application\/xml/, 'XML')
  t.equal(res.headers['odata-version'], '4.0', 'OData-Version')
  const document = readXml(res.body)
  t.equal(document.children[0]?.name, 'edmx:Edmx', 'an EDMX document')
  t.ok(findAll(document, 'EntityType').some(e => e.attributes.Name === 'classGroupProvisioningFlow'), 'declares the flow types')
  assertGraphError(t, await app.inject({ method: 'GET', url: '/beta/$metadata?$top=1' }), 400, 'BadRequest', "Query option '$top' is not supported on $metadata.")
  assertGraphError(t, await app.inject({ method: 'POST', url: '/beta/$metadata', headers: jsonAuth, payload: {} }), 405, 'MethodNotAllowed', "The HTTP method 'POST' is not allowed on '/beta/$metadata'. Allowed: GET.")
})

t.test('GET /beta/external/industryData: the root entity', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: ROOT, headers: auth })
  t.equal(res.statusCode, 200, '200')
  t.same(res.json(), { '@odata.context': 'http://localhost:80/beta/$metadata#external/industryData/$entity', id: '00000000-0000-0000-0000-000000000001' }, 'its context and id')
  assertGraphError(t, await app.inject({ method: 'GET', url: ROOT }), 401, 'InvalidAuthenticationToken', 'Access token is empty.')
  assertGraphError(t, await app.inject({ method: 'PATCH', url: ROOT, headers: jsonAuth, payload: {} }), 405, 'MethodNotAllowed', "The HTTP method 'PATCH' is not allowed on '/beta/external/industryData'. Allowed: GET.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${ROOT}/runs`, headers: auth }), 400, 'BadRequest', "Resource not found for the segment 'runs'.")
})

t.test('role groups: create, read, update, $count, delete, as the CSDL contains them', async t => {
  const app = await build(t)
  const created = await app.inject({ method: 'POST', url: `${ROOT}/roleGroups`, headers: jsonAuth, payload: { displayName: 'Parents', roles: [{ code: 'parent' }, { code: 'guardian' }] } })
  t.equal(created.statusCode, 201, '201 Created')
  const group = created.json() as Json
  t.match(group.id, /^[0-9a-f-]{36}$/, 'a server id')
  t.same(group, { '@odata.context': 'http://localhost:80/beta/$metadata#external/industryData/roleGroups/$entity', id: group.id, displayName: 'Parents', roles: [{ code: 'parent' }, { code: 'guardian' }] }, 'the entity')
  t.equal(created.headers.location, `http://localhost:80/beta/external/industryData/roleGroups/${String(group.id)}`, 'Location')
  t.equal((await app.inject({ method: 'GET', url: `${ROOT}/roleGroups/$count`, headers: auth })).body, '3', '$count counts it with the fixtures\' two')
  t.equal((await app.inject({ method: 'GET', url: `${ROOT}/roleGroups/$count?$filter=displayName eq 'Parents'`, headers: auth })).body, '1', '$count takes $filter')
  const patched = await app.inject({ method: 'PATCH', url: `${ROOT}/roleGroups/${String(group.id)}`, headers: jsonAuth, payload: { roles: [{ code: 'parent' }] } })
  t.equal(patched.statusCode, 200, 'PATCH 200')
  t.same(patched.json().roles, [{ code: 'parent' }], 'roles replaced')
  t.equal(patched.json().displayName, 'Parents', 'displayName kept')
  const bound = await app.inject({
    method: 'PATCH',
    url: flowUrl(USER_FLOW_ID),
    headers: jsonAuth,
    payload: { managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': `https://graph.microsoft.com/beta/external/industryData/roleGroups/${String(group.id)}` }] } }
  })
  t.equal(bound.statusCode, 200, 'a user flow can bind the new group')
  const inUse = await app.inject({ method: 'DELETE', url: `${ROOT}/roleGroups/${String(group.id)}`, headers: auth })
  assertGraphError(t, inUse, 409, 'Conflict', `The roleGroup '${String(group.id)}' is bound by the userProvisioningFlow '${USER_FLOW_ID}'; change their creationOptions first.`)
  await app.inject({ method: 'PATCH', url: flowUrl(USER_FLOW_ID), headers: jsonAuth, payload: { managementOptions: {}, creationOptions: { configurations: [] } } })
  t.equal((await app.inject({ method: 'DELETE', url: `${ROOT}/roleGroups/${String(group.id)}`, headers: auth })).statusCode, 204, 'then DELETE 204')
  assertGraphError(t, await app.inject({ method: 'GET', url: `${ROOT}/roleGroups/${String(group.id)}`, headers: auth }), 404, 'itemNotFound', `roleGroup '${String(group.id)}' was not found.`)
  assertGraphError(t, await app.inject({ method: 'DELETE', url: `${ROOT}/roleGroups/${String(group.id)}`, headers: auth }), 404, 'itemNotFound', `roleGroup '${String(group.id)}' was not found.`)
})

t.test('role groups: bad writes are Graph\'s 400s, and a reset brings the fixtures back', async t => {
  const app = await build(t)
  const post = async (payload: unknown) => await app.inject({ method: 'POST', url: `${ROOT}/roleGroups`, headers: jsonAuth, payload: JSON.stringify(payload) })
  assertGraphError(t, await post({ roles: [] }), 400, 'BadRequest', "Property 'displayName' is required when creating a 'microsoft.graph.industryData.roleGroup'.")
  assertGraphError(t, await post({ displayName: 'r', roles: [null] }), 400, 'BadRequest', "Invalid value for property 'roles[0]': null is not allowed; the property is not nullable.")
  assertGraphError(t, await post({ displayName: 'r', colour: 'red' }), 400, 'BadRequest', "Property 'colour' does not exist on type 'microsoft.graph.industryData.roleGroup'.")
  assertGraphError(t, await app.inject({ method: 'PATCH', url: `${ROOT}/roleGroups/staff`, headers: jsonAuth, payload: { displayName: null } }), 400, 'BadRequest',
    "Invalid value for property 'displayName': null is not allowed; the property is not nullable.")
  assertGraphError(t, await app.inject({ method: 'PATCH', url: `${ROOT}/roleGroups/staff`, headers: jsonAuth, payload: { id: 'students' } }), 400, 'BadRequest',
    "The 'id' in the body ('students') does not match the id in the URL ('staff').")
  const readOnly = ['{"alg":"none"}', JSON.stringify({ scp: 'IndustryData-OutboundFlow.Read.All' })].map(p => Buffer.from(p).toString('base64url')).join('.') + '.x'
  assertGraphError(t, await app.inject({ method: 'POST', url: `${ROOT}/roleGroups`, headers: { authorization: `Bearer ${readOnly}`, 'content-type': 'application/json' }, payload: { displayName: 'x' } }), 403, 'Forbidden',
    /IndustryData-OutboundFlow\.ReadWrite\.All/)
  await app.inject({ method: 'PATCH', url: `${ROOT}/roleGroups/staff`, headers: jsonAuth, payload: { displayName: 'Changed' } })
  await post({ displayName: 'extra' })
  t.equal((await app.inject({ method: 'POST', url: '/_mock/reset' })).statusCode, 200, 'reset')
  const after = (await app.inject({ method: 'GET', url: `${ROOT}/roleGroups`, headers: auth })).json() as { value: Json[] }
  t.same(after.value.map(g => [g.id, g.displayName]), [['students', 'Students'], ['staff', 'Staff']], 'the fixtures\' role groups, as they were')
})

t.test('$select may name the flow set\'s navigation property', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}?$select=provisioningFlows`, headers: auth })
  t.equal(res.statusCode, 200, '200')
  t.same(Object.keys(res.json()), ['@odata.context', 'id'], 'id only, until it is expanded')
  const expanded = await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}?$select=displayName,provisioningFlows&$expand=provisioningFlows`, headers: auth })
  t.same(Object.keys(expanded.json()), ['@odata.context', 'id', 'displayName', 'provisioningFlows'], 'with $expand, the flows')
  assertGraphError(t, await app.inject({ method: 'GET', url: `${SETS}?$select=roleGroups`, headers: auth }), 400, 'BadRequest',
    "Could not find a property named 'roleGroups' on type 'microsoft.graph.industryData.outboundProvisioningFlowSet'.")
})

/** The type a `$metadata#…` fragment addresses, walking the document as a client would; throws where it does not resolve. */
function resolveContext (document: XmlElement, fragment: string): string {
  const types = new Map<string, XmlElement>()
  for (const schema of findAll(document, 'Schema')) {
    for (const element of schema.children) {
      types.set(`${schema.attributes.Namespace ?? ''}.${element.attributes.Name ?? ''}`, element)
      if (schema.attributes.Alias !== undefined) types.set(`${schema.attributes.Alias}.${element.attributes.Name ?? ''}`, element)
    }
  }
  const memberOf = (typeName: string, name: string): XmlElement | undefined => {
    const type = types.get(typeName)
    if (type === undefined) throw new Error(`type ${typeName} is not declared`)
    return type.children.find(c => c.attributes.Name === name) ?? (type.attributes.BaseType === undefined ? undefined : memberOf(type.attributes.BaseType, name))
  }
  const derivesFrom = (typeName: string, base: string): boolean => typeName === base || (types.get(typeName)?.attributes.BaseType !== undefined && derivesFrom(types.get(typeName)?.attributes.BaseType ?? '', base))
  const [first, ...rest] = fragment.split('/')
  const singleton = findAll(document, 'Singleton').find(s => s.attributes.Name === first)
  if (singleton === undefined) throw new Error(`no singleton ${first ?? ''}`)
  let type = singleton.attributes.Type ?? ''
  let collection = false
  for (const segment of rest) {
    if (segment === '$entity') {
      if (collection) collection = false
      continue
    }
    const keyed = /^(\w+)\('(?:[^']|'')*'\)$/.exec(segment)
    const name = keyed?.[1] ?? segment
    if (name.includes('.')) {
      if (!derivesFrom(name, type)) throw new Error(`${name} does not derive from ${type}`)
      type = name
      continue
    }
    const member = memberOf(type, name)
    if (member === undefined) throw new Error(`${type} has no member ${name}`)
    const declared = member.attributes.Type ?? ''
    collection = declared.startsWith('Collection(')
    type = declared.replace(/^Collection\((.*)\)$/, '$1')
    if (keyed !== null) {
      if (!collection) throw new Error(`${name} is not a collection, so takes no key`)
      collection = false
    }
  }
  return `${type}${collection ? ' (collection)' : ''}`
}

t.test('every @odata.context graph-mock writes resolves against its $metadata', async t => {
  const app = await build(t)
  const document = readXml((await app.inject({ method: 'GET', url: '/beta/$metadata' })).body)
  const contexts = new Set<string>()
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key.endsWith('@odata.context') && typeof v === 'string') contexts.add(v)
        collect(v)
      }
    }
  }
  const urls = [ROOT, SETS, `${SETS}/${SET_ID}`, `${SETS}/${SET_ID}?$expand=provisioningFlows`, `${SETS}/${SET_ID}/provisioningFlows`, flowUrl(CLASS_FLOW_ID), flowUrl(USER_FLOW_ID),
    `${ROOT}/roleGroups`, `${ROOT}/roleGroups/staff`, '/beta/classGroupProvisioningFlow']
  for (const url of urls) collect((await app.inject({ method: 'GET', url, headers: auth })).json())
  collect((await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'c' } })).json())
  t.ok(contexts.size >= 8, `${contexts.size} distinct contexts`)
  const expected: Record<string, string> = {
    'external/industryData/$entity': 'microsoft.graph.industryData.industryDataRoot',
    'external/industryData/outboundProvisioningFlowSets': 'microsoft.graph.industryData.outboundProvisioningFlowSet (collection)',
    'external/industryData/roleGroups/$entity': 'microsoft.graph.industryData.roleGroup'
  }
  for (const context of contexts) {
    const fragment = context.replace(/^http:\/\/localhost:80\/beta\/\$metadata#/, '')
    t.doesNotThrow(() => resolveContext(document, fragment), `${fragment} resolves`)
    if (expected[fragment] !== undefined) t.equal(resolveContext(document, fragment), expected[fragment], `${fragment} is a ${expected[fragment] ?? ''}`)
  }
})
