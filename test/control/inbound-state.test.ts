/**
 * The inbound configuration in the control plane: the bundled fixtures are one SDS setup, reset puts it back,
 * state round-trips it, and fixtures are checked with the messages API writes give.
 */
import t from 'tap'
import { REFERENCE_DEFINITIONS_SEED } from '../../src/industry-data/reference-definitions.js'
import { assertGraphError, auth, build, INBOUND, jsonAuth } from '../helpers.js'

const { root: ROOT, bindBase: B, sourceSystem: SOURCE, connector: CONNECTOR, year: YEAR, flow: FLOW } = INBOUND
type Json = Record<string, any>

t.test('the bundled fixtures: a source system, a connector, a year and an inbound file flow bound together', async t => {
  const app = await build(t)
  const get = async (path: string): Promise<any> => (await app.inject({ method: 'GET', url: `${ROOT}${path}`, headers: auth })).json() as Json
  t.same((await get('/sourceSystems')).value.map((s: Json) => s.id), [SOURCE], 'one source system')
  t.match(await get(`/dataConnectors/${CONNECTOR}`), { '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector', displayName: 'CSV connector', fileFormat: { code: 'schoolDataSyncV1' } }, 'an azureDataLakeConnector')
  t.equal((await get(`/dataConnectors/${CONNECTOR}/sourceSystem`)).id, SOURCE, 'bound to the source system')
  t.match(await get(`/years/${YEAR}`), { startDate: '2026-08-15', endDate: '2027-06-30', year: { code: '2026' } }, 'a year')
  t.match(await get(`/inboundFlows/${FLOW}`), { '@odata.type': '#microsoft.graph.industryData.inboundFileFlow', readinessStatus: 'ready', dataDomain: 'educationRostering' }, 'an inbound file flow')
  t.equal((await get(`/inboundFlows/${FLOW}/dataConnector`)).id, CONNECTOR, 'reading from the connector')
  t.equal((await get(`/inboundFlows/${FLOW}/year`)).id, YEAR, 'for the year')
  const renamed = await app.inject({ method: 'PATCH', url: `${ROOT}/inboundFlows/${FLOW}/dataConnector`, headers: jsonAuth, payload: { displayName: 'SIS export' } })
  t.match(renamed.json(), { '@odata.context': `http://localhost:80/beta/$metadata#external/industryData/inboundFlows('${FLOW}')/dataConnector/$entity`, id: CONNECTOR, displayName: 'SIS export' }, 'PATCH through the navigation updates the connector')
  t.equal((await get(`/dataConnectors/${CONNECTOR}`)).displayName, 'SIS export', 'as the connector reads')
  t.equal(await get('/referenceDefinitions/$count'), REFERENCE_DEFINITIONS_SEED.length, 'and every built-in reference definition')
})

t.test('what binds cannot go: 409 naming the dependants, for each kind of bind', async t => {
  const app = await build(t)
  const del = async (path: string) => await app.inject({ method: 'DELETE', url: `${ROOT}${path}`, headers: auth })
  assertGraphError(t, await del(`/sourceSystems/${SOURCE}`), 409, 'Conflict', `The sourceSystemDefinition '${SOURCE}' is bound by the azureDataLakeConnector '${CONNECTOR}'; delete them or bind them elsewhere first.`)
  assertGraphError(t, await del(`/dataConnectors/${CONNECTOR}`), 409, 'Conflict', `The azureDataLakeConnector '${CONNECTOR}' is bound by the inboundFileFlow '${FLOW}'; delete them or bind them elsewhere first.`)
  assertGraphError(t, await del(`/years/${YEAR}`), 409, 'Conflict', `The yearTimePeriodDefinition '${YEAR}' is bound by the inboundFileFlow '${FLOW}'; delete them or bind them elsewhere first.`)
  const group = await app.inject({ method: 'POST', url: `${ROOT}/roleGroups`, headers: jsonAuth, payload: { displayName: 'Guardians', roles: [{ code: 'guardian' }] } })
  const groupId = String(group.json().id)
  const source = await app.inject({ method: 'POST', url: `${ROOT}/sourceSystems`, headers: jsonAuth, payload: { displayName: 'Contacts', userMatchingSettings: [{ priorityOrder: 0, sourceIdentifier: { code: 'email' }, 'roleGroup@odata.bind': `${B}/roleGroups/${groupId}` }] } })
  assertGraphError(t, await del(`/roleGroups/${groupId}`), 409, 'Conflict', `The roleGroup '${groupId}' is bound by the sourceSystemDefinition '${String(source.json().id)}'; change their userMatchingSettings first.`)
  t.equal((await del(`/inboundFlows/${FLOW}`)).statusCode, 204, 'the flow goes')
  t.equal((await del(`/dataConnectors/${CONNECTOR}`)).statusCode, 204, 'then its connector')
  t.equal((await del(`/years/${YEAR}`)).statusCode, 204, 'and its year')
  t.equal((await del(`/sourceSystems/${SOURCE}`)).statusCode, 204, 'then the source system')
})

t.test('reset puts the inbound setup back; state round-trips it into another tenant', async t => {
  const app = await build(t)
  await app.inject({ method: 'PATCH', url: `${ROOT}/sourceSystems/${SOURCE}`, headers: jsonAuth, payload: { vendor: 'Changed' } })
  await app.inject({ method: 'DELETE', url: `${ROOT}/inboundFlows/${FLOW}`, headers: auth })
  t.equal((await app.inject({ method: 'POST', url: '/_mock/reset' })).statusCode, 200, 'reset')
  t.equal((await app.inject({ method: 'GET', url: `${ROOT}/sourceSystems/${SOURCE}`, headers: auth })).json().vendor, 'Contoso SIS', 'the change is undone')
  t.equal((await app.inject({ method: 'GET', url: `${ROOT}/inboundFlows/${FLOW}`, headers: auth })).statusCode, 200, 'the deleted flow is back')

  const state = (await app.inject({ method: 'GET', url: '/_mock/state' })).json() as Json
  t.same(Object.keys(state), ['roleGroups', 'sourceSystems', 'years', 'dataConnectors', 'inboundFlows', 'outboundProvisioningFlowSets'], 'every collection, in the order they bind')
  t.equal(state.dataConnectors[0]['@odata.type'], '#microsoft.graph.industryData.azureDataLakeConnector', 'polymorphic items say their type')
  t.equal(state.inboundFlows[0]['dataConnector@odata.bind'], `${B}/dataConnectors/${CONNECTOR}`, 'binds as URLs')
  const seeded = await app.inject({ method: 'POST', url: '/_mock/seed?tenant=copy&replace=true', payload: state })
  t.match(seeded.json(), { sourceSystems: 1, years: 1, dataConnectors: 1, inboundFlows: 1 }, 'seeded into another tenant')
  t.same((await app.inject({ method: 'GET', url: '/_mock/state?tenant=copy' })).json(), state, 'and exported the same')
  const definitions = await app.inject({ method: 'GET', url: '/_mock/state?tenant=copy' })
  t.notOk('referenceDefinitions' in (definitions.json() as Json), 'built-in definitions are not state')
})

t.test('fixtures are checked as API writes are, with the same messages', async t => {
  const app = await build(t)
  const cases: ReadonlyArray<readonly [string, Json, string, string, Json]> = [
    ['a bind to a source system that does not exist', { dataConnectors: [{ '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector', displayName: 'c', 'sourceSystem@odata.bind': `${B}/sourceSystems/nope` }] },
      '$.dataConnectors[0].sourceSystem@odata.bind', "Invalid value for property 'sourceSystem@odata.bind': the source system 'nope' does not exist.",
      { path: '/dataConnectors', body: { '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector', displayName: 'c', 'sourceSystem@odata.bind': `${B}/sourceSystems/nope` } }],
    ['a year code that is no reference definition', { years: [{ displayName: 'y', startDate: '2026-08-01', endDate: '2027-06-30', year: { code: '1999' } }] },
      '$.years[0].year.code', "Invalid value for property 'year.code': '1999' is not a code of the reference type 'RefAcademicYear' (GET /external/industryData/referenceDefinitions lists them).",
      { path: '/years', body: { displayName: 'y', startDate: '2026-08-01', endDate: '2027-06-30', year: { code: '1999' } } }],
    ['an end before the start', { years: [{ displayName: 'y', startDate: '2026-08-01', endDate: '2026-06-30', year: { code: '2026' } }] },
      '$.years[0].endDate', "Invalid value for property 'endDate': '2026-06-30' is before the startDate '2026-08-01'.",
      { path: '/years', body: { displayName: 'y', startDate: '2026-08-01', endDate: '2026-06-30', year: { code: '2026' } } }],
    ['an inbound file flow reading from an API connector', {
      sourceSystems: [{ id: 's1', displayName: 's' }],
      dataConnectors: [{ '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector', id: 'c1', displayName: 'c', 'sourceSystem@odata.bind': `${B}/sourceSystems/s1`, apiFormat: 'oneRoster', baseUrl: 'https://sis.example/ims/oneroster', apiVersion: '1.1', credential: { '@odata.type': '#microsoft.graph.industryData.oAuth1ClientCredential', displayName: 'k', clientId: 'id', clientSecret: 's' } }],
      inboundFlows: [{ '@odata.type': '#microsoft.graph.industryData.inboundFileFlow', displayName: 'f', dataDomain: 'educationRostering', effectiveDateTime: '2026-08-01T00:00:00Z', 'dataConnector@odata.bind': `${B}/dataConnectors/c1`, 'year@odata.bind': `${B}/years/${YEAR}` }]
    }, '$.inboundFlows[0].dataConnector@odata.bind', "Invalid value for property 'dataConnector@odata.bind': a inboundFileFlow reads from a azureDataLakeConnector; the data connector 'c1' is a oneRosterApiDataConnector.", { path: '', body: {} }]
  ]
  for (const [name, doc, at, message, write] of cases) {
    t.test(name, async t => {
      // A fixture's message names a nested property by its place in the document, as for flows.
      const inDocument = message.replace("'year.code'", "'years[0].year.code'")
      assertGraphError(t, await app.inject({ method: 'POST', url: '/_mock/seed', payload: doc }), 400, 'BadRequest', `Invalid seed document at ${at}: ${inDocument}`)
      if (write.path !== '') assertGraphError(t, await app.inject({ method: 'POST', url: `${ROOT}${write.path}`, headers: jsonAuth, payload: write.body }), 400, 'BadRequest', message)
    })
  }
})

t.test('a client secret is stored, never answered, never journaled', async t => {
  const app = await build(t)
  const body = {
    '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector',
    displayName: 'Generic OAuth2 Connector',
    'sourceSystem@odata.bind': `${B}/sourceSystems('${SOURCE}')`,
    apiFormat: 'oneRoster',
    baseUrl: 'https://fakeProvider.net/ims/oneroster',
    apiVersion: '1.1',
    credential: { '@odata.type': '#microsoft.graph.industryData.oAuth2ClientCredential', displayName: 'One Roster API Credentials', clientId: '667d5178', clientSecret: 'thisIsASecret', tokenUrl: 'https://login.example/oauth2/token', scope: null },
    isDemographicsEnabled: false,
    isFlagsEnabled: false,
    isContactsEnabled: false
  }
  const created = await app.inject({ method: 'POST', url: `${ROOT}/dataConnectors`, headers: jsonAuth, payload: body })
  t.equal(created.statusCode, 201, 'created')
  t.notMatch(created.body, /thisIsASecret|clientSecret/, 'not in the create answer')
  const id = String(created.json().id)
  const patched = await app.inject({ method: 'PATCH', url: `${ROOT}/dataConnectors/${id}`, headers: jsonAuth, payload: { displayName: 'Renamed' } })
  t.notMatch(patched.body, /thisIsASecret|clientSecret/, 'nor in an update answer')
  for (const url of [`${ROOT}/dataConnectors/${id}`, `${ROOT}/dataConnectors`]) t.notMatch((await app.inject({ method: 'GET', url, headers: auth })).body, /thisIsASecret|clientSecret/, `nor in GET ${url}`)
  const journal = (await app.inject({ method: 'GET', url: '/_mock/requests' })).body
  t.notMatch(journal, /thisIsASecret/, 'nor in the journal')
  t.match(journal, /clientSecret\\?":\\?"\[redacted\]/, 'where it shows as redacted')
  const escaped = await app.inject({ method: 'PATCH', url: `${ROOT}/dataConnectors/${id}`, headers: jsonAuth, payload: '{"credential":{"@odata.type":"#microsoft.graph.industryData.oAuth2ClientCredential","displayName":"k","clientId":"c","tokenUrl":"https://t","\\u0063lientSecret":"escapedSecret"}}' })
  t.equal(escaped.statusCode, 200, 'a key spelled with an escape is the same key')
  t.notMatch((await app.inject({ method: 'GET', url: '/_mock/requests' })).body, /escapedSecret/, 'and is not journaled either')
  const state = (await app.inject({ method: 'GET', url: '/_mock/state' })).json() as Json
  t.equal(state.dataConnectors.find((c: Json) => c.id === id)?.credential?.clientSecret, 'escapedSecret', 'the state export keeps it, so a round trip loses nothing')
})
