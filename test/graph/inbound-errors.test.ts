/** Every refusal of the inbound configuration collections, each with Graph's error envelope and a message naming what was wrong. */
import t from 'tap'
import { assertGraphError, auth, build, INBOUND, jsonAuth } from '../helpers.js'

const NS = 'microsoft.graph.industryData'
const { root: ROOT, bindBase: B, sourceSystem: SOURCE, connector: CONNECTOR, year: YEAR, flow: FLOW } = INBOUND
const LAKE = `#${NS}.azureDataLakeConnector`
const ONE_ROSTER = `#${NS}.oneRosterApiDataConnector`

const lake = (extra: Record<string, unknown> = {}) => ({ '@odata.type': LAKE, displayName: 'CSV', 'sourceSystem@odata.bind': `${B}/sourceSystems/${SOURCE}`, ...extra })
const oneRoster = (extra: Record<string, unknown> = {}) => ({
  '@odata.type': ONE_ROSTER,
  displayName: 'API',
  'sourceSystem@odata.bind': `${B}/sourceSystems/${SOURCE}`,
  apiFormat: 'oneRoster',
  baseUrl: 'https://sis.example/ims/oneroster',
  apiVersion: '1.1',
  credential: { '@odata.type': `#${NS}.oAuth2ClientCredential`, displayName: 'k', clientId: 'id', clientSecret: 's', tokenUrl: 'https://login.example/token' },
  ...extra
})
const year = (extra: Record<string, unknown> = {}) => ({ displayName: 'Y', startDate: '2026-08-01', endDate: '2027-06-30', year: { code: '2026' }, ...extra })
const inbound = (extra: Record<string, unknown> = {}) => ({
  '@odata.type': `#${NS}.inboundFileFlow`,
  displayName: 'F',
  dataDomain: 'educationRostering',
  effectiveDateTime: '2026-08-01T00:00:00Z',
  'dataConnector@odata.bind': `${B}/dataConnectors/${CONNECTOR}`,
  'year@odata.bind': `${B}/years/${YEAR}`,
  ...extra
})

type Case = readonly [string, 'POST' | 'PATCH' | 'GET' | 'DELETE', string, unknown, number, string, string]

const CASES: readonly Case[] = [
  ['a connector without @odata.type', 'POST', '/dataConnectors', { displayName: 'x', 'sourceSystem@odata.bind': `${B}/sourceSystems/${SOURCE}` }, 400, 'BadRequest',
    `'@odata.type' is required: name the concrete type of the industryDataConnector (${LAKE}, ${ONE_ROSTER}).`],
  ['an abstract connector type', 'POST', '/dataConnectors', { ...lake(), '@odata.type': `#${NS}.fileDataConnector` }, 400, 'BadRequest',
    `'@odata.type' '#${NS}.fileDataConnector' is not a concrete type of the industryDataConnector collection (${LAKE}, ${ONE_ROSTER}).`],
  ['a connector without its source system', 'POST', '/dataConnectors', { '@odata.type': LAKE, displayName: 'x' }, 400, 'BadRequest',
    "Invalid value for property 'sourceSystem': the navigation property 'sourceSystem' is not nullable; bind one with 'sourceSystem@odata.bind'."],
  ['a source-system bind that points into another collection', 'POST', '/dataConnectors', lake({ 'sourceSystem@odata.bind': `${B}/years/${YEAR}` }), 400, 'BadRequest',
    `Invalid value for property 'sourceSystem@odata.bind': '${B}/years/${YEAR}' is not the URL of a source system (https://graph.microsoft.com/beta/external/industryData/sourceSystems/{id}).`],
  ['a OneRoster connector without a credential', 'POST', '/dataConnectors', { ...oneRoster(), credential: undefined }, 400, 'BadRequest',
    `Property 'credential' is required: '${NS}.oneRosterApiDataConnector' declares it not nullable.`],
  ['a credential of the abstract type', 'POST', '/dataConnectors', oneRoster({ credential: { '@odata.type': `#${NS}.oAuthClientCredential`, displayName: 'k', clientId: 'id' } }), 400, 'BadRequest',
    `Invalid value for property 'credential': '@odata.type' '#${NS}.oAuthClientCredential' is not a concrete type derived from '${NS}.credential' (#${NS}.oAuth1ClientCredential, #${NS}.oAuth2ClientCredential).`],
  ['a type change on PATCH', 'PATCH', `/dataConnectors/${CONNECTOR}`, { '@odata.type': ONE_ROSTER }, 400, 'BadRequest',
    `'@odata.type' '${ONE_ROSTER}' does not match the type of the stored item, '${LAKE}'; its type cannot change.`],
  ['an empty display name on create', 'POST', '/sourceSystems', { displayName: '' }, 400, 'BadRequest', "Invalid value for property 'displayName': it cannot be empty."],
  ['an empty display name on PATCH', 'PATCH', `/years/${YEAR}`, { displayName: '' }, 400, 'BadRequest', "Invalid value for property 'displayName': it cannot be empty."],
  ['a display name of 101 characters', 'POST', '/sourceSystems', { displayName: 'x'.repeat(101) }, 400, 'BadRequest',
    "Invalid value for property 'displayName': the maximum supported length is 100 characters; this one has 101."],
  ['a source system without a display name', 'POST', '/sourceSystems', { vendor: 'v' }, 400, 'BadRequest',
    `Property 'displayName' is required: '${NS}.sourceSystemDefinition' declares it not nullable.`],
  ['a date that is no calendar day', 'POST', '/years', year({ endDate: '2027-02-29' }), 400, 'BadRequest',
    "Invalid value for property 'endDate': '2027-02-29' is not a valid Edm.Date; use yyyy-mm-dd, e.g. 2026-08-15."],
  ['a date with a time', 'POST', '/years', year({ startDate: '2026-08-01T00:00:00Z' }), 400, 'BadRequest',
    "Invalid value for property 'startDate': '2026-08-01T00:00:00Z' is not a valid Edm.Date; use yyyy-mm-dd, e.g. 2026-08-15."],
  ['an end before the start', 'PATCH', `/years/${YEAR}`, { endDate: '2026-01-01' }, 400, 'BadRequest',
    "Invalid value for property 'endDate': '2026-01-01' is before the startDate '2026-08-15'."],
  ['a year without its year code', 'POST', '/years', { ...year(), year: undefined }, 400, 'BadRequest',
    `Property 'year' is required: '${NS}.yearTimePeriodDefinition' declares it not nullable.`],
  ['a reference value with neither code nor bind', 'POST', '/years', year({ year: {} }), 400, 'BadRequest',
    "Invalid value for property 'year.code': a reference value names its referenceDefinition by 'code' or 'value@odata.bind'."],
  ['a reference bind into another collection', 'POST', '/years', year({ year: { 'value@odata.bind': `${B}/years/${YEAR}` } }), 400, 'BadRequest',
    `Invalid value for property 'value@odata.bind': '${B}/years/${YEAR}' is not the URL of a reference definition (https://graph.microsoft.com/beta/external/industryData/referenceDefinitions/{id}).`],
  ['a reference bind to a definition that does not exist', 'POST', '/years', year({ year: { 'value@odata.bind': `${B}/referenceDefinitions/RefAcademicYear-1900` } }), 400, 'BadRequest',
    "Invalid value for property 'value@odata.bind': the reference definition 'RefAcademicYear-1900' does not exist."],
  ['a reference bind to a definition of another type', 'POST', '/years', year({ year: { 'value@odata.bind': `${B}/referenceDefinitions/RefRole-student` } }), 400, 'BadRequest',
    "Invalid value for property 'year.value@odata.bind': the reference definition 'RefRole-student' is of the reference type 'RefRole'; 'RefAcademicYear' is expected here."],
  ['a code and a bind naming two definitions', 'POST', '/years', year({ year: { code: '2026', 'value@odata.bind': `${B}/referenceDefinitions/RefAcademicYear-2027` } }), 400, 'BadRequest',
    "Invalid value for property 'year.value@odata.bind': it points at 'RefAcademicYear-2027' but 'code' says '2026'; send one of them, or both naming the same definition."],
  ['an inbound file flow reading from an API connector', 'PATCH', `/inboundFlows/${FLOW}`, { 'dataConnector@odata.bind': `${B}/dataConnectors/API_CONNECTOR` }, 400, 'BadRequest',
    "Invalid value for property 'dataConnector@odata.bind': a inboundFileFlow reads from a azureDataLakeConnector; the data connector 'API_CONNECTOR' is a oneRosterApiDataConnector."],
  ['an expiration before the effective date', 'POST', '/inboundFlows', inbound({ expirationDateTime: '2026-07-01T00:00:00Z' }), 400, 'BadRequest',
    "Invalid value for property 'expirationDateTime': '2026-07-01T00:00:00Z' is not after the effectiveDateTime '2026-08-01T00:00:00Z'."],
  ['an inbound flow without its year', 'POST', '/inboundFlows', { ...inbound(), 'year@odata.bind': undefined }, 400, 'BadRequest',
    "Invalid value for property 'year': the navigation property 'year' is not nullable; bind one with 'year@odata.bind'."],
  ['an inbound flow without its data domain', 'POST', '/inboundFlows', { ...inbound(), dataDomain: undefined }, 400, 'BadRequest',
    `Property 'dataDomain' is required: '${NS}.inboundFileFlow' declares it not nullable. Use one of: educationRostering.`],
  ['an item that does not exist', 'GET', '/sourceSystems/nope', undefined, 404, 'itemNotFound', "sourceSystemDefinition 'nope' was not found."],
  ['the navigation of an item that does not exist', 'GET', '/inboundFlows/nope/year', undefined, 404, 'itemNotFound', "inboundFlow 'nope' was not found."],
  ['a delete of an item that does not exist', 'DELETE', '/years/nope', undefined, 404, 'itemNotFound', "yearTimePeriodDefinition 'nope' was not found."],
  ['a write to the read-only reference definitions', 'POST', '/referenceDefinitions', { code: 'x', referenceType: 'RefRole' }, 405, 'MethodNotAllowed',
    "The HTTP method 'POST' is not allowed on '/beta/external/industryData/referenceDefinitions'. Allowed: GET."],
  ['$select of a property the type does not have', 'GET', '/years?$select=nope', undefined, 400, 'BadRequest',
    `Could not find a property named 'nope' on type '${NS}.yearTimePeriodDefinition'.`],
  ['a $filter field the collection does not filter', 'GET', "/years?$filter=startDate eq '2026-08-15'", undefined, 400, 'BadRequest',
    "Invalid $filter 'startDate eq '2026-08-15'': property 'startDate' is not supported in $filter on years. Supported: id, displayName."]
]

t.test('each refusal answers Graph\'s envelope with its message', async t => {
  const app = await build(t)
  // An API connector the file-flow case can point at.
  const api = await app.inject({ method: 'POST', url: `${ROOT}/dataConnectors`, headers: jsonAuth, payload: oneRoster() })
  t.equal(api.statusCode, 201, 'an API connector to bind')
  const apiId = String(api.json().id)
  for (const [name, method, path, body, status, code, message] of CASES) {
    const url = `${ROOT}${path.replace('API_CONNECTOR', apiId)}`
    const res = await app.inject({ method, url, headers: body === undefined ? auth : jsonAuth, ...(body === undefined ? {} : { payload: JSON.stringify(body).replace('API_CONNECTOR', apiId) }) })
    t.test(name, async t => { assertGraphError(t, res, status, code, message.replace('API_CONNECTOR', apiId)) })
  }
})
