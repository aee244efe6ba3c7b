/**
 * The OpenAPI document agrees with the server: Graph's docs examples are bodies it allows; bodies it allows
 * (generated from its own schemas) the server takes; bodies it refuses the server refuses with Graph's 400; and
 * every answer of every served path validates against the schema the document declares for its status.
 */
import t from 'tap'
import fc from 'fast-check'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { isDateTimeOffset } from '../../src/odata/date-time-offset.js'
import { DOCS_BODIES } from '../docs-examples.js'
import { ADMIN_UNIT_FLOW_ID, assertGraphError, build, CLASS_FLOW_ID, SECURITY_FLOW_ID, SET_ID, USER_FLOW_ID } from '../helpers.js'
import { appDocumentValidator, documentValidator, type DocumentValidator } from '../openapi-validator.js'

type Json = Record<string, any>

const NS = 'microsoft.graph.industryData'
const ROOT = '/beta/external/industryData'
const SETS = `${ROOT}/outboundProvisioningFlowSets`
const SET = `${SETS}/{setId}`
const FLOWS = `${SET}/provisioningFlows`
const FLOW = `${FLOWS}/{flowId}`
const GROUPS = `${ROOT}/roleGroups`
const GROUP = `${GROUPS}/{roleGroupId}`
const SHORTCUT = '/beta/classGroupProvisioningFlow'
const AUTH = { authorization: 'Bearer openapi-conformance' }
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' }
const FLOW_OF_TYPE = {
  classGroupProvisioningFlow: CLASS_FLOW_ID,
  securityGroupProvisioningFlow: SECURITY_FLOW_ID,
  administrativeUnitProvisioningFlow: ADMIN_UNIT_FLOW_ID,
  userProvisioningFlow: USER_FLOW_ID
} as const
type FlowType = keyof typeof FLOW_OF_TYPE
const FLOW_TYPES = Object.keys(FLOW_OF_TYPE) as FlowType[]

const fill = (template: string, params: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))

/** Where each docs example is sent: the operation its page shows. */
const DOCS_OPERATIONS: Array<[keyof typeof DOCS_BODIES, string, string]> = [
  ['createFlowSet', 'POST', SETS],
  ['updateFlowSet', 'PATCH', SET],
  ['createAdministrativeUnitFlow', 'POST', FLOWS],
  ['createClassGroupFlow', 'POST', FLOWS],
  ['createSecurityGroupFlow', 'POST', FLOWS],
  ['createUserFlow', 'POST', FLOWS],
  ['updateAdministrativeUnitFlow', 'PATCH', FLOW],
  ['updateClassGroupFlow', 'PATCH', FLOW],
  ['updateClassGroupFlow', 'PATCH', SHORTCUT],
  ['updateSecurityGroupFlow', 'PATCH', FLOW],
  ['updateUserFlow', 'PATCH', FLOW]
]

t.test("Graph's docs examples are bodies the document allows; reset takes none", async t => {
  const app = await build(t)
  const validator = await appDocumentValidator(app)
  for (const [name, method, path] of DOCS_OPERATIONS) {
    t.equal(validator.body(path, method, DOCS_BODIES[name].body), undefined, `${DOCS_BODIES[name].page}: ${method} ${path}`)
  }
  for (const action of ['reset', `${NS}.reset`]) {
    t.equal(validator.document.paths[`${FLOW}/${action}`].post.requestBody, undefined, `POST …/${action} documents no body ("don't supply a request body")`)
  }
})

// ---------------------------------------------------------------- bodies the document allows

/** A value of `schema` (from the document), its property names sometimes in another casing. */
function arbitraryOf (document: Json, schema: Json, omit: readonly string[] = []): fc.Arbitrary<unknown> {
  let s = schema
  while (typeof s.$ref === 'string') s = document.components.schemas[s.$ref.slice('#/components/schemas/'.length)]
  if (Array.isArray(s.examples)) return fc.constantFrom(...(s.examples as unknown[]))
  if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as Json[]).map(member => arbitraryOf(document, member)))
  if (s.const !== undefined) return fc.constant(s.const)
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]))
  switch (s.type) {
    case 'null': return fc.constant(null)
    case 'boolean': return fc.boolean()
    case 'string':
      if (s.format === 'date-time') return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map(d => d.toISOString())
      return fc.string({ minLength: s.minLength ?? 0, maxLength: 12 })
    case 'array': return fc.array(arbitraryOf(document, s.items as Json), { maxLength: 3 })
    case 'object': {
      // `if: { not: { required: [a] } }, then: { required: [b] }`: a or b.
      const either: string[][] = s.if?.not?.required !== undefined ? [s.then.required, s.if.not.required] : [[]]
      return fc.oneof(...either.map(extra => {
        const must = new Set<string>([...(s.required ?? []), ...extra])
        const entries = Object.entries(s.properties as Record<string, Json>).filter(([name]) => !omit.includes(name))
        const record = fc.record(
          Object.fromEntries(entries.map(([name, property]) => [name, fc.tuple(fc.constantFrom(name, name.toUpperCase()), arbitraryOf(document, property))])),
          { requiredKeys: entries.map(([name]) => name).filter(name => must.has(name)) }
        )
        // A required name keeps its spelling (the document requires that one); the others may come in any casing.
        return record.map(r => Object.fromEntries(Object.entries(r).map(([name, [key, value]]) => [must.has(name) ? name : key, value])))
      }))
    }
  }
  throw new Error(`no arbitrary for ${JSON.stringify(s)}`)
}

const bodySchema = (validator: DocumentValidator, path: string, method: string): Json =>
  validator.document.paths[path][method.toLowerCase()].requestBody.content['application/json'].schema

t.test('bodies the document allows, the server takes', async t => {
  const app = await build(t)
  const validator = await appDocumentValidator(app)
  const { document } = validator
  const component = (name: string): Json => ({ $ref: `#/components/schemas/${NS}.${name}` })
  let seen = 0
  const property = (name: string, arbitrary: fc.Arbitrary<unknown>, send: (body: unknown) => Promise<{ path: string, method: string, res: LightMyRequestResponse }>, status: number) =>
    t.test(name, async t => {
      await fc.assert(fc.asyncProperty(arbitrary, async body => {
        const { path, method, res } = await send(body)
        const refused = validator.body(path, method, body)
        if (refused !== undefined) throw new Error(`the generator made a body the document refuses (${refused}): ${JSON.stringify(body)}`)
        if (res.statusCode !== status) throw new Error(`${method} ${path}: ${res.statusCode} for a body the document allows\n  body: ${JSON.stringify(body)}\n  answer: ${res.body}`)
        seen++
      }), { numRuns: 25 })
      t.pass(`${name}: 25 generated bodies taken`)
    })
  const inject = async (method: 'POST' | 'PATCH', url: string, body: unknown) => await app.inject({ method, url, headers: JSON_AUTH, payload: JSON.stringify(body) })

  await property('create a flow set', arbitraryOf(document, bodySchema(validator, SETS, 'POST')), async body =>
    ({ path: SETS, method: 'POST', res: await inject('POST', SETS, body) }), 201)
  await property('update a flow set', arbitraryOf(document, component('outboundProvisioningFlowSet-update'), ['id']), async body =>
    ({ path: SET, method: 'PATCH', res: await inject('PATCH', fill(SET, { setId: SET_ID }), body) }), 200)
  for (const type of FLOW_TYPES) {
    await property(`create a ${type}`, arbitraryOf(document, component(`${type}-create`)), async body => {
      const set = (await inject('POST', SETS, { displayName: 'for one flow' })).json() as Json
      return { path: FLOWS, method: 'POST', res: await inject('POST', fill(FLOWS, { setId: set.id }), body) }
    }, 201)
    await property(`update a ${type}`, arbitraryOf(document, component(`${type}-update`), ['id']), async body =>
      ({ path: FLOW, method: 'PATCH', res: await inject('PATCH', fill(FLOW, { setId: SET_ID, flowId: FLOW_OF_TYPE[type] }), body) }), 200)
  }
  await property('update the oldest classGroupProvisioningFlow', arbitraryOf(document, bodySchema(validator, SHORTCUT, 'PATCH'), ['id']), async body =>
    ({ path: SHORTCUT, method: 'PATCH', res: await inject('PATCH', SHORTCUT, body) }), 200)
  await property('create a role group', arbitraryOf(document, bodySchema(validator, GROUPS, 'POST')), async body =>
    ({ path: GROUPS, method: 'POST', res: await inject('POST', GROUPS, body) }), 201)
  await property('update a role group', arbitraryOf(document, component('roleGroup-update'), ['id']), async body =>
    ({ path: GROUP, method: 'PATCH', res: await inject('PATCH', fill(GROUP, { roleGroupId: 'students' }), body) }), 200)
  t.equal(seen, 25 * 13, 'every generated body was sent and taken')
})

t.test('a date-time the document allows is an Edm.DateTimeOffset the server reads', async t => {
  const validator = documentValidator((await (await build(t)).inject({ method: 'GET', url: '/_mock/openapi.json' })).json() as Json)
  const pad = (n: number, width: number): string => String(n).padStart(width, '0')
  const text = fc.tuple(
    fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 61 }),
    fc.option(fc.stringMatching(/^\d{1,9}$/)), fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+01:30', '-05:00', '+14:00', '-14:00', '+14:01', '+15:00')
  ).map(([y, mo, d, h, mi, s, fraction, zone]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction === null ? '' : `.${fraction}`}${zone}`)
  const edges = fc.constantFrom('0001-01-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:59:59.9999999Z', '9999-12-31T23:00:00-01:00', '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z')
  let allowed = 0
  fc.assert(fc.property(fc.oneof(text, edges), value => {
    const body = { displayName: 'x', createdDateTime: value }
    if (validator.body(SETS, 'POST', body) !== undefined) return true
    allowed++
    return isDateTimeOffset(value)
  }), { numRuns: 2000 })
  t.ok(allowed > 100, `${allowed} of the generated date-times were allowed, and each one read`)
})

// ---------------------------------------------------------------- bodies the document refuses

t.test('bodies the document refuses, the server refuses with the 400 that says why', async t => {
  const app = await build(t)
  const validator = await appDocumentValidator(app)
  const set = (await app.inject({ method: 'POST', url: SETS, headers: JSON_AUTH, payload: { displayName: 'empty' } })).json() as Json
  const configuration = (overrides: Json): Json => ({ managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff', defaultPasswordSettings: { password: 'p' }, ...overrides }] } })
  const cases: Array<[string, string, string, Record<string, string>, unknown, string]> = [
    ['a flow without @odata.type', 'POST', FLOWS, { setId: set.id }, { configuration: {} },
      `'@odata.type' is required: name the concrete flow type, e.g. '#${NS}.classGroupProvisioningFlow'.`],
    ['the abstract flow type', 'POST', FLOWS, { setId: set.id }, { '@odata.type': `#${NS}.provisioningFlow` },
      `'#${NS}.provisioningFlow' is abstract; name a concrete flow type (#${NS}.classGroupProvisioningFlow, #${NS}.securityGroupProvisioningFlow, #${NS}.administrativeUnitProvisioningFlow, #${NS}.userProvisioningFlow).`],
    ['a flow set without displayName', 'POST', SETS, {}, { filter: null },
      `Property 'displayName' is required when creating a '${NS}.outboundProvisioningFlowSet'.`],
    ['a flow set update without displayName', 'PATCH', SET, { setId: SET_ID }, { filter: null },
      `Property 'displayName' is required when updating a '${NS}.outboundProvisioningFlowSet'.`],
    ['an empty displayName', 'PATCH', SET, { setId: SET_ID }, { displayName: '' },
      "Invalid value for property 'displayName': it cannot be empty."],
    ['a role group without displayName', 'POST', GROUPS, {}, { roles: [] },
      `Property 'displayName' is required when creating a '${NS}.roleGroup'.`],
    ['an empty role-group displayName', 'PATCH', GROUP, { roleGroupId: 'staff' }, { displayName: '' },
      "Invalid value for property 'displayName': it cannot be empty."],
    ['a filter without its attribute', 'POST', SETS, {}, { displayName: 'x', filter: { in: ['A'] } },
      `Property 'filter.attribute' is required: '${NS}.basicFilter' declares it not nullable. Use one of: orgExternalId.`],
    ['an unknown property', 'PATCH', FLOW, { setId: SET_ID, flowId: CLASS_FLOW_ID }, { configuration: {}, colour: 'blue' },
      `Property 'colour' does not exist on type '${NS}.classGroupProvisioningFlow'.`],
    ['the enum sentinel', 'PATCH', FLOW, { setId: SET_ID, flowId: CLASS_FLOW_ID }, { configuration: {}, readinessStatus: 'unknownFutureValue' },
      `Invalid value for property 'readinessStatus': 'unknownFutureValue' is the evolvable-enum sentinel of '${NS}.readinessStatus' and cannot be sent. Use one of: notReady, ready, failed, disabled, expired.`],
    ['a class-group update without configuration', 'PATCH', SHORTCUT, {}, { readinessStatus: 'ready' },
      `Property 'configuration' is required when updating a '${NS}.classGroupProvisioningFlow'.`],
    ['a boolean as a string', 'PATCH', FLOW, { setId: SET_ID, flowId: CLASS_FLOW_ID }, { configuration: { additionalOptions: { createTeam: 'yes' } } },
      "Invalid value for property 'configuration.additionalOptions.createTeam': Cannot convert the literal '\"yes\"' to the expected type 'Edm.Boolean'."],
    ['a null collection', 'PATCH', FLOW, { setId: SET_ID, flowId: CLASS_FLOW_ID }, { configuration: { additionalAttributes: null } },
      "Invalid value for property 'configuration.additionalAttributes': a collection cannot be null; send [] to empty it."],
    ['a collection of 10,001 items', 'PATCH', FLOW, { setId: SET_ID, flowId: CLASS_FLOW_ID }, { configuration: { additionalAttributes: Array(10_001).fill('classCode') } },
      "Invalid value for property 'configuration.additionalAttributes': a collection holds at most 10000 items; this one has 10001."],
    ['a user configuration without its role group', 'PATCH', FLOW, { setId: SET_ID, flowId: USER_FLOW_ID }, { managementOptions: {}, creationOptions: { configurations: [{ licenseSkus: [] }] } },
      "Invalid value for property 'creationOptions.configurations[0].roleGroup': the navigation property 'roleGroup' is not nullable; bind one with 'roleGroup@odata.bind'."],
    ['a bind that is not a role-group URL', 'PATCH', FLOW, { setId: SET_ID, flowId: USER_FLOW_ID }, configuration({ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/users/1' }),
      "Invalid value for property 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/users/1' is not the URL of a role group (https://graph.microsoft.com/beta/external/industryData/roleGroups/{id})."],
    ['a password setting without its password', 'PATCH', FLOW, { setId: SET_ID, flowId: USER_FLOW_ID }, configuration({ defaultPasswordSettings: {} }),
      `Property 'creationOptions.configurations[0].defaultPasswordSettings.password' is required: '${NS}.simplePasswordSettings' declares it not nullable.`],
    ['a date-time with eight fractional digits', 'POST', SETS, {}, { displayName: 'x', createdDateTime: '2026-01-01T00:00:00.12345678Z' },
      "Invalid value for property 'createdDateTime': '2026-01-01T00:00:00.12345678Z' is not a valid Edm.DateTimeOffset; use ISO 8601 with a time zone, e.g. 2026-11-28T21:28:02Z."],
    ['a body that is not an object', 'POST', SETS, {}, ['displayName'], 'The request body must be a JSON object.']
  ]
  for (const [name, method, path, params, body, message] of cases) {
    t.test(name, async t => {
      t.not(validator.body(path, method, body), undefined, 'the document refuses it')
      assertGraphError(t, await app.inject({ method: method as 'POST', url: fill(path, params), headers: JSON_AUTH, payload: JSON.stringify(body) }), 400, 'BadRequest', message)
    })
  }
})

// ---------------------------------------------------------------- answers

t.test('every answer of every served path is what the document declares for its status', async t => {
  const app: FastifyInstance = await build(t)
  const validator = await appDocumentValidator(app)
  const documented = new Set<string>()
  const call = async (method: string, path: string, params: Record<string, string>, status: number, options: { query?: string, headers?: Record<string, string>, body?: unknown } = {}): Promise<Json> => {
    const url = `${fill(path, params)}${options.query === undefined ? '' : `?${options.query}`}`
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...(options.body === undefined ? AUTH : JSON_AUTH), ...options.headers },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) })
    })
    t.equal(res.statusCode, status, `${method} ${url}: ${status}`)
    t.equal(validator.answer(path, method, res.statusCode, res.headers['content-type'], res.body), undefined, `${method} ${url}: the ${res.statusCode} answer is as documented`)
    documented.add(`${method} ${path}`)
    return res.body === '' || !String(res.headers['content-type']).includes('json') ? {} : res.json() as Json
  }
  const minimal = { prefer: 'return=minimal' }

  await call('GET', ROOT, {}, 200)
  await call('GET', '/beta/$metadata', {}, 200)
  await call('GET', SETS, {}, 200)
  await call('GET', SETS, {}, 200, { query: '$select=displayName&$filter=displayName ne \'x\'' })
  await call('GET', `${SETS}/$count`, {}, 200)
  const set = await call('POST', SETS, {}, 201, { body: DOCS_BODIES.createFlowSet.body })
  const setId = String(set.id)
  const page = await call('GET', SETS, {}, 200, { query: '$count=true&$top=1&$expand=provisioningFlows' })
  t.ok(page['@odata.nextLink'] !== undefined && page['@odata.count'] === 2 && page.value[0].provisioningFlows.length > 0, 'a page with its count, next link and expanded flows')
  await call('GET', SET, { setId }, 200)
  const expanded = await call('GET', SET, { setId: SET_ID }, 200, { query: '$expand=provisioningFlows' })
  t.ok(expanded.provisioningFlows.some((flow: Json) => flow.creationOptions?.configurations?.some((c: Json) => c.roleGroup !== undefined)), 'with a user flow whose bound role group is inline')
  await call('PATCH', SET, { setId }, 200, { body: DOCS_BODIES.updateFlowSet.body })
  await call('PATCH', SET, { setId }, 204, { body: DOCS_BODIES.updateFlowSet.body, headers: minimal })

  const flowIds: Partial<Record<FlowType, string>> = {}
  for (const [name, type] of [['createAdministrativeUnitFlow', 'administrativeUnitProvisioningFlow'], ['createClassGroupFlow', 'classGroupProvisioningFlow'], ['createSecurityGroupFlow', 'securityGroupProvisioningFlow'], ['createUserFlow', 'userProvisioningFlow']] as const) {
    flowIds[type] = String((await call('POST', FLOWS, { setId }, 201, { body: DOCS_BODIES[name].body })).id)
  }
  await call('GET', FLOWS, { setId }, 200)
  await call('GET', FLOWS, { setId }, 200, { query: '$top=2&$count=true' })
  await call('GET', `${FLOWS}/$count`, { setId }, 200)
  for (const [name, type] of [['updateAdministrativeUnitFlow', 'administrativeUnitProvisioningFlow'], ['updateClassGroupFlow', 'classGroupProvisioningFlow'], ['updateSecurityGroupFlow', 'securityGroupProvisioningFlow'], ['updateUserFlow', 'userProvisioningFlow']] as const) {
    const flowId = flowIds[type] ?? ''
    await call('PATCH', FLOW, { setId, flowId }, 200, { body: DOCS_BODIES[name].body })
    await call('PATCH', FLOW, { setId, flowId }, 204, { body: DOCS_BODIES[name].body, headers: minimal })
    await call('GET', FLOW, { setId, flowId }, 200)
    await call('GET', FLOW, { setId, flowId }, 200, { headers: { prefer: 'include-unknown-enum-members' } })
    await call('POST', `${FLOW}/reset`, { setId, flowId }, 202)
    await call('POST', `${FLOW}/${NS}.reset`, { setId, flowId }, 202)
  }
  const user = await call('GET', FLOW, { setId, flowId: flowIds.userProvisioningFlow ?? '' }, 200)
  t.same(user.creationOptions.configurations.map((c: Json) => c.roleGroup.id), ['staff', 'students'], 'the user flow answers its bound role groups inline')
  await call('GET', FLOW, { setId, flowId: flowIds.classGroupProvisioningFlow ?? '' }, 200, { query: '$select=configuration' })
  await call('GET', SHORTCUT, {}, 200)
  await call('GET', '/classGroupProvisioningFlow', {}, 200)
  await call('PATCH', SHORTCUT, {}, 200, { body: DOCS_BODIES.updateClassGroupFlow.body })
  await call('PATCH', '/classGroupProvisioningFlow', {}, 204, { body: DOCS_BODIES.updateClassGroupFlow.body, headers: minimal })

  await call('GET', GROUPS, {}, 200)
  await call('GET', GROUPS, {}, 200, { query: '$count=true&$top=1' })
  await call('GET', `${GROUPS}/$count`, {}, 200)
  await call('GET', GROUP, { roleGroupId: 'students' }, 200)
  const group = await call('POST', GROUPS, {}, 201, { body: { displayName: 'Counsellors', roles: [{ code: 'counselor' }] } })
  await call('PATCH', GROUP, { roleGroupId: String(group.id) }, 200, { body: { displayName: 'Counselors' } })
  await call('PATCH', GROUP, { roleGroupId: String(group.id) }, 204, { body: { roles: [] }, headers: minimal })
  await call('DELETE', GROUP, { roleGroupId: String(group.id) }, 204)

  // The inbound side's configuration: each collection's life cycle and navigations, as their docs pages send them.
  const bind = (collection: string, id: string): string => `https://graph.microsoft.com/beta/external/industryData/${collection}/${id}`
  const SOURCES = `${ROOT}/sourceSystems`
  const source = await call('POST', SOURCES, {}, 201, { body: { displayName: 'Rostering source', userMatchingSettings: [{ matchTarget: { code: 'userPrincipalName' }, priorityOrder: 0, 'roleGroup@odata.bind': bind('roleGroups', 'staff'), sourceIdentifier: { code: 'username' } }] } })
  await call('GET', SOURCES, {}, 200, { query: '$count=true' })
  await call('GET', `${SOURCES}/$count`, {}, 200)
  await call('GET', `${SOURCES}/{sourceSystemId}`, { sourceSystemId: String(source.id) }, 200)
  await call('PATCH', `${SOURCES}/{sourceSystemId}`, { sourceSystemId: String(source.id) }, 200, { body: { vendor: 'Contoso' } })
  const YEARS = `${ROOT}/years`
  const year = await call('POST', YEARS, {}, 201, { body: { displayName: 'Fiscal Year 2022', endDate: '2023-06-15', startDate: '2022-09-01', year: { code: '2022' } } })
  await call('GET', YEARS, {}, 200)
  await call('GET', `${YEARS}/$count`, {}, 200)
  await call('GET', `${YEARS}/{yearId}`, { yearId: String(year.id) }, 200)
  await call('PATCH', `${YEARS}/{yearId}`, { yearId: String(year.id) }, 204, { body: { displayName: 'School year 2022' }, headers: minimal })
  const CONNECTORS = `${ROOT}/dataConnectors`
  const connector = await call('POST', CONNECTORS, {}, 201, { body: { '@odata.type': `#${NS}.azureDataLakeConnector`, displayName: 'CSV connector', 'sourceSystem@odata.bind': bind('sourceSystems', String(source.id)) } })
  await call('GET', CONNECTORS, {}, 200)
  await call('GET', `${CONNECTORS}/$count`, {}, 200)
  await call('GET', `${CONNECTORS}/{dataConnectorId}`, { dataConnectorId: String(connector.id) }, 200)
  await call('GET', `${CONNECTORS}/{dataConnectorId}/sourceSystem`, { dataConnectorId: String(connector.id) }, 200)
  await call('PATCH', `${CONNECTORS}/{dataConnectorId}`, { dataConnectorId: String(connector.id) }, 200, { body: { displayName: 'CSV files' } })
  const FLOWS_IN = `${ROOT}/inboundFlows`
  const inbound = await call('POST', FLOWS_IN, {}, 201, {
    body: { '@odata.type': `#${NS}.inboundFileFlow`, dataDomain: 'educationRostering', displayName: 'Inbound rostering flow', effectiveDateTime: '2023-03-12T16:40:46.924769+05:30', 'dataConnector@odata.bind': bind('dataConnectors', String(connector.id)), 'year@odata.bind': bind('years', String(year.id)) }
  })
  await call('GET', FLOWS_IN, {}, 200)
  await call('GET', `${FLOWS_IN}/$count`, {}, 200)
  await call('GET', `${FLOWS_IN}/{inboundFlowId}`, { inboundFlowId: String(inbound.id) }, 200)
  await call('GET', `${FLOWS_IN}/{inboundFlowId}/dataConnector`, { inboundFlowId: String(inbound.id) }, 200)
  await call('GET', `${FLOWS_IN}/{inboundFlowId}/year`, { inboundFlowId: String(inbound.id) }, 200)
  await call('PATCH', `${FLOWS_IN}/{inboundFlowId}/dataConnector`, { inboundFlowId: String(inbound.id) }, 200, { body: { displayName: 'CSV files, renamed' } })
  await call('PATCH', `${FLOWS_IN}/{inboundFlowId}/year`, { inboundFlowId: String(inbound.id) }, 204, { body: { displayName: 'Year 2022' }, headers: minimal })
  await call('PATCH', `${CONNECTORS}/{dataConnectorId}/sourceSystem`, { dataConnectorId: String(connector.id) }, 200, { body: { vendor: 'Fabrikam' } })
  await call('PATCH', `${FLOWS_IN}/{inboundFlowId}`, { inboundFlowId: String(inbound.id) }, 200, { body: { readinessStatus: 'ready' } })
  await call('DELETE', `${CONNECTORS}/{dataConnectorId}`, { dataConnectorId: String(connector.id) }, 409)
  await call('DELETE', `${FLOWS_IN}/{inboundFlowId}`, { inboundFlowId: String(inbound.id) }, 204)
  await call('DELETE', `${CONNECTORS}/{dataConnectorId}`, { dataConnectorId: String(connector.id) }, 204)
  await call('DELETE', `${YEARS}/{yearId}`, { yearId: String(year.id) }, 204)
  await call('DELETE', `${SOURCES}/{sourceSystemId}`, { sourceSystemId: String(source.id) }, 204)
  const DEFINITIONS = `${ROOT}/referenceDefinitions`
  await call('GET', DEFINITIONS, {}, 200, { query: "$filter=referenceType eq 'RefIdentifierType'" })
  await call('GET', `${DEFINITIONS}/$count`, {}, 200)
  await call('GET', `${DEFINITIONS}/{referenceDefinitionId}`, { referenceDefinitionId: 'RefAcademicSubject-01' }, 200)

  // Errors fall to the documented default: Graph's envelope.
  await call('GET', SET, { setId: 'missing' }, 404)
  await call('GET', SETS, {}, 400, { query: '$search=x' })
  await call('POST', SETS, {}, 400, { body: {} })
  await call('PATCH', FLOW, { setId, flowId: flowIds.classGroupProvisioningFlow ?? '' }, 400, { body: { '@odata.type': `#${NS}.userProvisioningFlow`, managementOptions: {} } })
  await call('POST', FLOWS, { setId }, 409, { body: DOCS_BODIES.createClassGroupFlow.body })
  await call('DELETE', GROUP, { roleGroupId: 'staff' }, 409)
  await call('POST', `${FLOW}/reset`, { setId, flowId: 'gone' }, 404)

  await call('DELETE', FLOW, { setId, flowId: flowIds.securityGroupProvisioningFlow ?? '' }, 204)
  await call('DELETE', SET, { setId }, 204)

  const graphOperations = Object.entries(validator.document.paths as Record<string, Json>)
    .filter(([path]) => path.startsWith('/beta/') || path === '/classGroupProvisioningFlow')
    .flatMap(([path, item]) => Object.keys(item).map(method => `${method.toUpperCase()} ${path}`))
    .filter(operation => operation !== 'POST /beta/$batch')
  t.same(graphOperations.filter(operation => !documented.has(operation)), [], 'every documented Graph operation was called')
})
