/**
 * Every request example of Graph's inbound configuration pages, sent as printed (method, URL, header spelling,
 * body), against a tenant holding what the example names; the answer carries the page's status and every
 * property the page shows with the page's value, except server-generated ids and the deliberate differences
 * listed in docs/differences-from-graph.md.
 */
import { isDeepStrictEqual } from 'node:util'
import t, { type Test } from 'tap'
import { auth, build } from '../helpers.js'
import { inboundDocsExamples, type InboundDocsExample } from '../inbound-docs-examples.js'

const B = 'https://graph.microsoft.com/beta/external/industryData'
const SOURCE = 'aa050107-5784-4a8e-1876-08daddab21bc'
const CONNECTOR = '51dca0a0-85f6-4478-f526-08daddab2271'
const YEAR = 'ebf18762-ab92-487e-21d1-08daddab28bb'
const ONE_ROSTER = 'f72b2c92-4b8b-461d-3725-08dc3fc158ff'
const STAFF = `${B}/roleGroups/staff`
const oneRoster = (id: string): Doc => ({
  '@odata.type': '#microsoft.graph.industryData.oneRosterApiDataConnector',
  id,
  displayName: 'One Roster Connector',
  'sourceSystem@odata.bind': `${B}/sourceSystems('${SOURCE}')`,
  apiFormat: 'oneRoster',
  baseUrl: 'https://fakeProvider.net/ims/oneroster/v1p1',
  apiVersion: '1.1',
  credential: { '@odata.type': '#microsoft.graph.industryData.oAuth2ClientCredential', displayName: 'Credentials', clientId: '530be723-6af3-4952-8658-668fb2598ad7', clientSecret: 'secret', tokenUrl: 'https://login.microsoftonline.com/c27f982b-f7ee-4b8b-bb0e-3c55bd1dc02c/oauth2/token', scope: null },
  isDemographicsEnabled: false,
  isFlagsEnabled: false,
  isContactsEnabled: false
})
type Doc = Record<string, unknown>
type Collection = 'sourceSystems' | 'dataConnectors' | 'years' | 'inboundFlows'

const minimal: Record<Collection, (id: string) => Doc> = {
  sourceSystems: id => ({ id, displayName: 'Source', userMatchingSettings: [] }),
  dataConnectors: id => ({ '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector', id, displayName: 'CSV connector', 'sourceSystem@odata.bind': `${B}/sourceSystems('${SOURCE}')` }),
  years: id => ({ id, displayName: 'Year', startDate: '2022-09-01', endDate: '2023-06-15', year: { code: '2022' } }),
  inboundFlows: id => ({ '@odata.type': '#microsoft.graph.industryData.inboundFileFlow', id, displayName: 'Flow', dataDomain: 'educationRostering', effectiveDateTime: '2023-03-12T11:10:46.924769Z', expirationDateTime: '2023-03-13T11:10:46.924769Z', 'dataConnector@odata.bind': `${B}/dataConnectors/${CONNECTOR}`, 'year@odata.bind': `${B}/years/${YEAR}` })
}

/** What the example binds to, and the entities a read or write names, with the page's ids. */
function seedFor (example: InboundDocsExample): Record<Collection, Doc[]> {
  const seed: Record<Collection, Doc[]> = {
    sourceSystems: [minimal.sourceSystems(SOURCE), minimal.sourceSystems('c93a6e02-aeb7-437f-cc52-08dc3fc158af')],
    years: [minimal.years(YEAR)],
    // An API flow reads from a OneRoster connector: the pages of API flows and OneRoster connectors bind that kind.
    dataConnectors: [/inboundapiflow|onerosterapidataconnector/.test(example.page) ? oneRoster(CONNECTOR) : minimal.dataConnectors(CONNECTOR), oneRoster(ONE_ROSTER)],
    inboundFlows: []
  }
  const collection = /industryData\/(sourceSystems|dataConnectors|years|inboundFlows)/.exec(example.url)?.[1] as Collection | undefined
  if (collection === undefined) return seed
  const put = (doc: Doc): void => {
    const list = seed[collection]
    const at = list.findIndex(item => item.id === doc.id)
    if (at >= 0) list.splice(at, 1)
    list.push(doc)
  }
  if (example.method === 'GET') {
    const response = example.response as Doc
    const items = (Array.isArray(response.value) ? response.value : [response]) as Doc[]
    for (const item of items) {
      const { '@odata.context': _context, readinessStatus: _readiness, ...rest } = item
      const doc: Doc = { ...minimal[collection](String(item.id)), ...rest }
      if (Array.isArray(doc.userMatchingSettings)) doc.userMatchingSettings = (doc.userMatchingSettings as Doc[]).map(setting => ({ ...setting, 'roleGroup@odata.bind': STAFF }))
      if (doc['@odata.type'] === '#microsoft.graph.industryData.inboundApiFlow') doc['dataConnector@odata.bind'] = `${B}/dataConnectors/${ONE_ROSTER}`
      if (doc['@odata.type'] === '#microsoft.graph.industryData.oneRosterApiDataConnector') Object.assign(doc, { ...oneRoster(String(doc.id)), ...rest })
      put(doc)
    }
  } else if (example.method !== 'POST') {
    const id = /\/([^/]+)$/.exec(example.url)?.[1] ?? ''
    const type = (example.body as Doc | undefined)?.['@odata.type']
    const concrete = typeof type === 'string' && !type.endsWith('.inboundFlow') ? `#${type.replace(/^#/, '')}` : undefined
    const stored = seed[collection].find(item => item.id === id)
    if (stored === undefined) put(concrete?.endsWith('oneRosterApiDataConnector') === true ? oneRoster(id) : { ...minimal[collection](id), ...(concrete === undefined ? {} : { '@odata.type': concrete }) })
    if (concrete?.endsWith('inboundApiFlow') === true) seed[collection].forEach(item => { if (item.id === id) item['dataConnector@odata.bind'] = `${B}/dataConnectors/${ONE_ROSTER}` })
  }
  return seed
}

/**
 * Where graph-mock answers otherwise, each listed in docs/differences-from-graph.md: an inbound flow is stored
 * `notReady` (the pages show `ready`), a credential is answered isValid false until validated, and date-times are
 * answered as written rather than converted to UTC. The create pages' answer names the flow `…fow`, a typo.
 */
const NOT_COMPARED = new Set(['readinessStatus', 'isValid', '@odata.nextLink'])
const CREATED_FLOW_NOT_COMPARED = new Set(['displayName', 'effectiveDateTime', 'expirationDateTime'])
const STATUS: Record<string, number> = {
  // An earlier draft of the page answered 200; graph-mock answers a create with 201, as the current page does.
  'createOneRosterApiDataConnector (variant)': 201,
  // The abstract base type in '@odata.type' is refused: the stored flow is an inboundFileFlow.
  updateInboundFlow: 400,
  // The page prints the body with a trailing comma; graph-mock's JSON reader is strict.
  updateInboundFileFlow: 400
}

/** Every property the page shows is present in the answer with the page's value (ids of created entities aside). */
function assertShown (tt: Test, shown: unknown, answered: unknown, path: string, created: boolean, optionalItems = false): void {
  if (Array.isArray(shown)) {
    tt.ok(Array.isArray(answered), `${path} is an array`)
    const items = answered as unknown[]
    shown.forEach((item, i) => {
      const id = (item as Doc | null)?.id
      if (typeof id !== 'string') {
        // Values without an id (roles, matching settings) are compared as members: a shown one is among the answered.
        tt.ok(items.some(a => isDeepStrictEqual(a, item)), `${path}[${i}] is among the answered`)
        return
      }
      const match = items.find(a => (a as Doc | null)?.id === id)
      // The tenant's reference definitions are graph-mock's own set, answered a page at a time: a shown one need not be on the first page.
      if (match === undefined && optionalItems) return
      assertShown(tt, item, match, `${path}[${id}]`, created, optionalItems)
    })
    return
  }
  if (shown !== null && typeof shown === 'object') {
    tt.ok(answered !== null && typeof answered === 'object', `${path} is an object`)
    for (const [key, value] of Object.entries(shown as Doc)) {
      if (NOT_COMPARED.has(key) || (created && path === '$' && CREATED_FLOW_NOT_COMPARED.has(key) && /inboundFlows/.test(String((shown as Doc)['@odata.context'] ?? 'inboundFlows')) && 'dataDomain' in (shown as Doc))) continue
      // Reference values are answered as { code } (a deliberate choice); @odata.context is answered on the mock's own host, at the top only.
      if (key === '@odata.type' && 'code' in (shown as Doc)) continue
      if (key === '@odata.context') { if (path === '$') tt.equal(String((answered as Doc)[key]).replace(/^.*\/beta\//, ''), String(value).replace(/^.*\/beta\//, ''), '$.@odata.context past the host'); continue }
      if (created && key === 'id' && path === '$') { tt.match((answered as Doc).id, /^[0-9a-f-]{36}$/, 'a generated id'); continue }
      assertShown(tt, value, (answered as Doc | undefined)?.[key], `${path}.${key}`, created, optionalItems)
    }
    return
  }
  tt.equal(answered, shown, path)
}

for (const example of inboundDocsExamples) {
  t.test(`${example.page}: ${example.operation}`, async t => {
    const app = await build(t, example.method === 'PATCH' ? { patchResponse: 'minimal' } : {})
    // The bundled fixtures already hold the docs' ids for a source system, a connector, a year and a flow: start
    // from an empty tenant with the two role groups the examples bind, and what the example names.
    const roleGroups = [{ id: 'staff', displayName: 'Staff', roles: [{ code: 'faculty' }, { code: 'teacher' }] }, { id: 'students', displayName: 'Students', roles: [{ code: 'student' }] }]
    const seeded = await app.inject({ method: 'POST', url: '/_mock/seed?replace=true', payload: { roleGroups, ...seedFor(example) } })
    t.equal(seeded.statusCode, 200, 'the tenant holds what the example names', { body: seeded.body })
    // A page that writes the URL relative to the version (`/external/…`) means the beta endpoint.
    const url = example.url.startsWith('/beta/') ? example.url : `/beta${example.url}`
    const payload = example.bodyText ?? (example.body === undefined ? undefined : JSON.stringify(example.body))
    // The pages' Content-length values are illustrative; the header is sent with its spelling and the body's real length.
    const headers = Object.fromEntries(Object.entries(example.headers).map(([name, value]) => [name, name.toLowerCase() === 'content-length' ? String(Buffer.byteLength(payload ?? '')) : value]))
    const res = await app.inject({ method: example.method, url, headers: { ...auth, ...headers }, ...(payload === undefined ? {} : { payload }) })
    const status = STATUS[example.operation] ?? example.status
    t.equal(res.statusCode, status, `status ${status}`, { body: res.body })
    if (status === 400) t.equal(res.json().error.code, 'BadRequest', 'a Graph error')
    else if (example.response !== undefined) assertShown(t, example.response, res.json(), '$', example.method === 'POST', example.operation === 'listReferenceDefinitions')
    else t.equal(res.body, '', 'no body')
  })
}
