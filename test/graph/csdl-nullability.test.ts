/**
 * Nullability as Graph's CSDL declares it, seen from a client: what may be sent as null, what must be there,
 * and what a read answers afterwards (also after a restart of the store).
 */
import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, SETS, USER_FLOW_ID } from '../helpers.js'

const NS = 'microsoft.graph.industryData'
type Json = Record<string, any>

t.test('provisioningFlow: createdDateTime, lastModifiedDateTime and readinessStatus are nullable', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: null, createdDateTime: null, lastModifiedDateTime: null, configuration: {} } })
  t.equal(res.statusCode, 200, 'null is accepted for all three')
  const body = res.json() as Json
  t.equal(body.readinessStatus, null, 'readinessStatus cleared')
  t.match(body.createdDateTime, /^\d{4}-/, 'createdDateTime stays the server\'s')
  t.match(body.lastModifiedDateTime, /^\d{4}-/, 'lastModifiedDateTime is the server\'s')
  const got = await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  t.equal(got.json().readinessStatus, null, 'a GET reads null back')
  const filtered = await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}/provisioningFlows?$filter=readinessStatus eq 'notReady'`, headers: auth })
  t.notOk((filtered.json().value as Json[]).some(f => f.id === CLASS_FLOW_ID), 'a null readinessStatus is not notReady')
  const reset = await app.inject({ method: 'POST', url: `${flowUrl(CLASS_FLOW_ID)}/reset`, headers: auth })
  t.equal(reset.statusCode, 202, 'reset still works on it')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json().readinessStatus, 'notReady', 'reset makes it notReady')
})

t.test('outboundProvisioningFlowSet: the timestamps are nullable, displayName is not', async t => {
  const app = await build(t)
  const created = await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'n', createdDateTime: null, lastModifiedDateTime: null } })
  t.equal(created.statusCode, 201, 'null timestamps are accepted on create')
  t.match(created.json().createdDateTime, /^\d{4}-/, 'and the server stamps them')
  const bad = await app.inject({ method: 'PATCH', url: `${SETS}/${SET_ID}`, headers: jsonAuth, payload: { displayName: null } })
  assertGraphError(t, bad, 400, 'BadRequest', "Invalid value for property 'displayName': null is not allowed; the property is not nullable.")
})

t.test('collections: Nullable describes the items', async t => {
  const app = await build(t)
  const ok = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: { additionalAttributes: ['courseCode', null] } } })
  t.equal(ok.statusCode, 200, 'additionalAttributes may hold null (the CSDL leaves its items nullable)')
  t.same(ok.json().configuration.additionalAttributes, ['courseCode', null], 'and answers it back')
  const whole = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: { additionalAttributes: null } } })
  assertGraphError(t, whole, 400, 'BadRequest', "Invalid value for property 'configuration.additionalAttributes': a collection cannot be null; send [] to empty it.")
  const filter = await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'f', filter: { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['a', null] } } })
  assertGraphError(t, filter, 400, 'BadRequest', "Invalid value for property 'filter.in[1]': null is not allowed; the property is not nullable.")
})

t.test('userConfiguration.roleGroup is not nullable: every configuration binds one', async t => {
  const app = await build(t)
  const configuration = { licenseSkus: ['Sku1'] }
  const missing = await app.inject({
    method: 'PATCH',
    url: flowUrl(USER_FLOW_ID),
    headers: jsonAuth,
    payload: { managementOptions: {}, creationOptions: { configurations: [configuration] } }
  })
  assertGraphError(t, missing, 400, 'BadRequest',
    "Invalid value for property 'creationOptions.configurations[0].roleGroup': the navigation property 'roleGroup' is not nullable; bind one with 'roleGroup@odata.bind'.")
  const nulled = await app.inject({
    method: 'PATCH',
    url: flowUrl(USER_FLOW_ID),
    headers: jsonAuth,
    payload: { managementOptions: {}, creationOptions: { configurations: [{ ...configuration, 'roleGroup@odata.bind': null }] } }
  })
  assertGraphError(t, nulled, 400, 'BadRequest', "Invalid value for property 'creationOptions.configurations[0].roleGroup@odata.bind': expected the URL of an entity, got null.")
  const bound = await app.inject({
    method: 'PATCH',
    url: flowUrl(USER_FLOW_ID),
    headers: jsonAuth,
    payload: { managementOptions: {}, creationOptions: { configurations: [{ ...configuration, 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff' }] } }
  })
  t.equal(bound.statusCode, 200, 'a configuration with its role group is accepted')
  const kiota = await app.inject({
    method: 'PATCH',
    url: flowUrl(USER_FLOW_ID),
    headers: jsonAuth,
    payload: { managementOptions: {}, creationOptions: { configurations: [{ ...configuration, roleGroup: { id: 'students' } }] } }
  })
  t.equal(kiota.statusCode, 200, 'so is one that carries the role group as an object (Kiota\'s models)')
})

t.test('a basicFilter without attribute (what the Kiota serializer sends) is refused by name, never stored as null', async t => {
  const app = await build(t)
  const kiotaShape = await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'k', filter: { '@odata.type': `#${NS}.basicFilter` } } })
  assertGraphError(t, kiotaShape, 400, 'BadRequest', `Property 'filter.attribute' is required: '${NS}.basicFilter' declares it not nullable. Use one of: orgExternalId.`)
  const created = await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'f', filter: { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['a'] } } })
  t.equal(created.statusCode, 201, 'with its attribute it is created')
  const id = String(created.json().id)
  const merged = await app.inject({ method: 'PATCH', url: `${SETS}/${id}`, headers: jsonAuth, payload: { displayName: 'f', filter: { '@odata.type': `#${NS}.basicFilter`, in: ['b'] } } })
  t.equal(merged.statusCode, 200, 'a PATCH of the filter without attribute merges into the stored one')
  t.same(merged.json().filter, { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['b'] }, 'which keeps its attribute')
  const password = await app.inject({
    method: 'PATCH',
    url: flowUrl(USER_FLOW_ID),
    headers: jsonAuth,
    payload: { managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff', defaultPasswordSettings: { '@odata.type': `#${NS}.simplePasswordSettings` } }] } }
  })
  assertGraphError(t, password, 400, 'BadRequest', `Property 'creationOptions.configurations[0].defaultPasswordSettings.password' is required: '${NS}.simplePasswordSettings' declares it not nullable.`)
  const sets = (await app.inject({ method: 'GET', url: SETS, headers: auth })).json() as { value: Json[] }
  t.notOk(sets.value.some(s => s.displayName === 'k'), 'the refused set was not stored')
})
