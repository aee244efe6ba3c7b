import t from 'tap'
import { createAdministrativeUnitFlow, createClassGroupFlow, createFlowSet, createSecurityGroupFlow, createUserFlow, updateFlowSet } from '../docs-examples.js'
import { assertGraphError, auth, build, flowUrl, jsonAuth, SET_ID, TIMESTAMP_7, USER_FLOW_ID } from '../helpers.js'

const NS = 'microsoft.graph.industryData'
const DOCS_SETS = '/beta/external/industryData/OutboundProvisioningFlowSets'
type Json = Record<string, any>

const classGroupExample = createClassGroupFlow.body
const userExample = createUserFlow.body

t.test('flow set: create, get, update, delete as the docs show them', async t => {
  const app = await build(t)
  const created = await app.inject({
    method: 'POST',
    url: DOCS_SETS,
    headers: jsonAuth,
    payload: createFlowSet.body
  })
  t.equal(created.statusCode, 201, '201 Created')
  const set = created.json() as Json
  t.same(Object.keys(set), ['@odata.context', 'id', 'createdDateTime', 'lastModifiedDateTime', 'displayName', 'filter'], 'the docs\' property order, no @odata.type on the set')
  t.match(set['@odata.context'], /\/beta\/\$metadata#external\/industryData\/outboundProvisioningFlowSets\/\$entity$/, 'context')
  t.match(set.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'id is a GUID')
  t.match(set.createdDateTime, TIMESTAMP_7, 'createdDateTime')
  t.equal(set.createdDateTime, set.lastModifiedDateTime, 'created == lastModified on create')
  t.same(set.filter, { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['Quarter', 'Demo'] }, 'derived complex value keeps its @odata.type')
  t.equal(created.headers.location, `http://localhost:80/beta/external/industryData/outboundProvisioningFlowSets/${String(set.id)}`, 'Location of the new set')

  const url = `${DOCS_SETS}/${String(set.id)}`
  const got = await app.inject({ method: 'GET', url, headers: auth })
  t.same(got.json(), set, 'GET answers the same entity')

  const patched = await app.inject({ method: 'PATCH', url, headers: { ...jsonAuth, prefer: 'return=minimal' }, payload: updateFlowSet.body })
  t.equal(patched.statusCode, 204, 'the docs\' 204 with return=minimal')
  const after = (await app.inject({ method: 'GET', url, headers: auth })).json() as Json
  t.equal(after.displayName, 'Outbound provisioning flow Updated', 'displayName updated')
  t.same(after.filter, set.filter, 'filter untouched')
  t.ok(after.lastModifiedDateTime > set.lastModifiedDateTime, 'lastModifiedDateTime moved')
  assertGraphError(t, await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: { filter: null } }), 400, 'BadRequest',
    `Property 'displayName' is required when updating a '${NS}.outboundProvisioningFlowSet'.`)

  t.equal((await app.inject({ method: 'DELETE', url, headers: auth })).statusCode, 204, 'DELETE 204')
  assertGraphError(t, await app.inject({ method: 'GET', url, headers: auth }), 404, 'itemNotFound', `outboundProvisioningFlowSet '${String(set.id)}' was not found.`)
  assertGraphError(t, await app.inject({ method: 'DELETE', url, headers: auth }), 404, 'itemNotFound', `outboundProvisioningFlowSet '${String(set.id)}' was not found.`)
})

t.test('flow set validation', async t => {
  const app = await build(t)
  const post = async (payload: unknown) => app.inject({ method: 'POST', url: DOCS_SETS, headers: jsonAuth, payload: JSON.stringify(payload) })
  assertGraphError(t, await post({ filter: null }), 400, 'BadRequest', `Property 'displayName' is required when creating a '${NS}.outboundProvisioningFlowSet'.`)
  assertGraphError(t, await post({ displayName: 'x', filter: { attribute: 'orgExternalId', in: 'a' } }), 400, 'BadRequest',
    "Invalid value for property 'filter.in': expected a JSON array, got \"a\".")
  assertGraphError(t, await post({ displayName: 'x', filter: { '@odata.type': `#${NS}.filter`, attribute: 'orgExternalId', in: [] } }), 400, 'BadRequest',
    `Invalid value for property 'filter': '@odata.type' '#${NS}.filter' is not a concrete type derived from '${NS}.filter' (#${NS}.basicFilter).`)
  assertGraphError(t, await post({ displayName: 'x', filter: { attribute: 'schoolId', in: [] } }), 400, 'BadRequest',
    `Invalid value for property 'filter.attribute': 'schoolId' is not a member of '${NS}.filterOptions'. Use one of: orgExternalId.`)
  const untyped = await post({ displayName: 'untyped filter', filter: { attribute: 'orgExternalId', in: ['A'] } })
  t.equal(untyped.statusCode, 201, 'a filter without @odata.type is the one concrete type, basicFilter')
  t.equal(untyped.json().filter['@odata.type'], `#${NS}.basicFilter`, 'answered as basicFilter')
})

t.test('the docs\' create-flow examples, verbatim', async t => {
  const app = await build(t)
  const set = (await app.inject({ method: 'POST', url: DOCS_SETS, headers: jsonAuth, payload: { displayName: 'empty set' } })).json() as Json
  const flows = `${DOCS_SETS}/${String(set.id)}/provisioningFlows`
  const examples: Array<[Json, (body: Json) => void]> = [
    [createAdministrativeUnitFlow.body,
      body => t.same(body.creationOptions, { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true }, 'adminUnit options canonical')],
    [classGroupExample, body => {
      t.same(body.configuration.enrollmentMappings.ownerEnrollmentMappings.map((m: Json) => m.code), ['teacher', 'proctor', 'teacherAssistant', 'paraprofessional', 'physicalTherapist', 'speechTherapist', 'visionTherapist', 'occupationalTherapist', 'staff'], 'owner mappings: codes in the known roles\' spelling, as the docs answer')
      t.notOk('@odata.type' in body.configuration.additionalOptions, 'no @odata.type on non-polymorphic values')
    }],
    [createSecurityGroupFlow.body,
      body => t.same(body.creationOptions, { createBasedOnOrgPlusRoleGroup: false, createBasedOnRoleGroup: true }, 'securityGroup options canonical')],
    [userExample, body => {
      t.same(body.creationOptions.configurations, [
        { defaultPasswordSettings: { '@odata.type': `#${NS}.simplePasswordSettings`, password: '***************' }, licenseSkus: ['Sku1'] },
        { defaultPasswordSettings: { '@odata.type': `#${NS}.simplePasswordSettings`, password: '***************' }, licenseSkus: ['Sku2'] }
      ], 'no roleGroup in the 201 answer, passwords masked (as the docs show)')
    }]
  ]
  for (const [payload, check] of examples) {
    const res = await app.inject({ method: 'POST', url: flows, headers: { ...jsonAuth, 'content-type': 'application/json' }, payload })
    t.equal(res.statusCode, 201, `${String(payload['@odata.type'])}: 201`)
    const body = res.json() as Json
    t.same(Object.keys(body).slice(0, 6), ['@odata.context', '@odata.type', 'id', 'createdDateTime', 'lastModifiedDateTime', 'readinessStatus'], 'the docs\' leading members')
    t.equal(body['@odata.context'], `http://localhost:80/beta/$metadata#external/industryData/outboundProvisioningFlowSets('${String(set.id)}')/provisioningFlows/$entity`, 'context names the set')
    t.equal(body.readinessStatus, 'notReady', 'a new flow is notReady')
    t.equal(body.createdDateTime, body.lastModifiedDateTime, 'created == lastModified')
    t.match(res.headers.location, new RegExp(`/provisioningFlows/${String(body.id)}$`), 'Location')
    check(body)
  }
  const second = await app.inject({ method: 'POST', url: flows, headers: jsonAuth, payload: classGroupExample })
  assertGraphError(t, second, 409, 'Conflict', new RegExp(`^The outboundProvisioningFlowSet '${String(set.id)}' already has a classGroupProvisioningFlow \\('[0-9a-f-]{36}'\\); a set holds at most one flow of each type\\.$`))

  assertGraphError(t, await app.inject({ method: 'POST', url: flows, headers: jsonAuth, payload: { configuration: {} } }), 400, 'BadRequest',
    `'@odata.type' is required: name the concrete flow type, e.g. '#${NS}.classGroupProvisioningFlow'.`)
  assertGraphError(t, await app.inject({ method: 'POST', url: flows, headers: jsonAuth, payload: { '@odata.type': `#${NS}.provisioningFlow` } }), 400, 'BadRequest',
    `'#${NS}.provisioningFlow' is abstract; name a concrete flow type (#${NS}.classGroupProvisioningFlow, #${NS}.securityGroupProvisioningFlow, #${NS}.administrativeUnitProvisioningFlow, #${NS}.userProvisioningFlow).`)
  assertGraphError(t, await app.inject({ method: 'POST', url: flows, headers: jsonAuth, payload: { '@odata.type': '#microsoft.graph.group' } }), 400, 'BadRequest',
    `'@odata.type' '#microsoft.graph.group' is not a provisioning flow type (#${NS}.classGroupProvisioningFlow, #${NS}.securityGroupProvisioningFlow, #${NS}.administrativeUnitProvisioningFlow, #${NS}.userProvisioningFlow).`)
  assertGraphError(t, await app.inject({ method: 'POST', url: `${DOCS_SETS}/missing/provisioningFlows`, headers: jsonAuth, payload: classGroupExample }), 404, 'itemNotFound',
    "outboundProvisioningFlowSet 'missing' was not found.")

  t.equal((await app.inject({ method: 'DELETE', url: `${DOCS_SETS}/${String(set.id)}`, headers: auth })).statusCode, 204, 'delete the set')
  const orphans = app.graphMock.store.db.prepare('SELECT count(*) AS n FROM flows WHERE set_id = ?').get(set.id) as { n: number }
  t.equal(orphans.n, 0, 'deleting a set deleted its flows')
})

t.test('reset, under both spellings', async t => {
  const app = await build(t)
  for (const action of ['reset', 'microsoft.graph.industryData.reset']) {
    await app.inject({ method: 'PATCH', url: flowUrl(USER_FLOW_ID), headers: jsonAuth, payload: { managementOptions: {}, readinessStatus: 'ready' } })
    const before = (await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json() as Json
    t.equal(before.readinessStatus, 'ready', 'ready before the reset')
    const res = await app.inject({ method: 'POST', url: `${flowUrl(USER_FLOW_ID)}/${action}`, headers: auth })
    t.equal(res.statusCode, 202, `${action}: 202 Accepted`)
    t.equal(res.body, '', 'no body')
    const after = (await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json() as Json
    t.equal(after.readinessStatus, 'notReady', 'readinessStatus back to notReady')
    t.ok(after.lastModifiedDateTime > before.lastModifiedDateTime, 'lastModifiedDateTime moved')
  }
  const withJsonEmptyBody = await app.inject({ method: 'POST', url: `${flowUrl(USER_FLOW_ID)}/reset`, headers: jsonAuth, payload: '' })
  t.equal(withJsonEmptyBody.statusCode, 202, 'an empty JSON body is fine for an action')
  assertGraphError(t, await app.inject({ method: 'POST', url: `${flowUrl('gone')}/reset`, headers: auth }), 404, 'itemNotFound', "provisioningFlow 'gone' was not found.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${flowUrl(USER_FLOW_ID)}/reset`, headers: auth }), 405, 'MethodNotAllowed',
    `The HTTP method 'GET' is not allowed on '${flowUrl(USER_FLOW_ID)}/reset'. Allowed: POST.`)
})

t.test('role groups', async t => {
  const app = await build(t)
  const students = await app.inject({ method: 'GET', url: '/beta/external/industryData/roleGroups/students', headers: auth })
  t.same(students.json(), {
    '@odata.context': 'http://localhost:80/beta/$metadata#external/industryData/roleGroups/$entity',
    id: 'students',
    displayName: 'Students',
    roles: [{ code: 'student' }]
  }, 'the docs\' students group')
  assertGraphError(t, await app.inject({ method: 'GET', url: '/beta/external/industryData/roleGroups/parents', headers: auth }), 404, 'itemNotFound', "roleGroup 'parents' was not found.")
  assertGraphError(t, await app.inject({ method: 'POST', url: '/beta/external/industryData/roleGroups/students', headers: jsonAuth, payload: {} }), 405, 'MethodNotAllowed',
    "The HTTP method 'POST' is not allowed on '/beta/external/industryData/roleGroups/students'. Allowed: GET, PATCH, DELETE.")
})

t.test('GET of a user flow expands its role groups; the same set in v1.0 (GRAPH_MOCK_VERSIONS=beta,v1.0)', async t => {
  const app = await build(t, { versions: 'beta,v1.0' })
  const res = await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID).replace('/beta/', '/v1.0/'), headers: auth })
  const body = res.json() as Json
  t.match(body['@odata.context'], /^http:\/\/localhost:80\/v1\.0\/\$metadata#/, 'v1.0 context')
  const config = body.creationOptions.configurations[1]
  t.equal(config['roleGroup@odata.context'], `http://localhost:80/v1.0/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows('${USER_FLOW_ID}')/microsoft.graph.industryData.userProvisioningFlow/creationOptions/configurations/roleGroup/$entity`, 'roleGroup@odata.context')
  t.same(config.roleGroup, { id: 'students', displayName: 'Students', roles: [{ code: 'student' }] }, 'roleGroup inline')
})
