/**
 * Each part of the namespace asks for its own permissions, as its docs pages list them: a token for one part
 * reads (and, with ReadWrite.All, writes) that part only. Role groups take the outbound or the reference-definition
 * permissions; the root any industryData permission.
 */
import t from 'tap'
import { assertGraphError, build } from '../helpers.js'
import { bearer, mint } from './tokens.js'

const ROOT = '/beta/external/industryData'
const json = (token: string) => ({ ...bearer(token), 'content-type': 'application/json' })

const PARTS: ReadonlyArray<readonly [string, string]> = [
  ['sourceSystems', 'IndustryData-SourceSystem'],
  ['dataConnectors', 'IndustryData-DataConnector'],
  ['years', 'IndustryData-TimePeriod'],
  ['inboundFlows', 'IndustryData-InboundFlow'],
  ['referenceDefinitions', 'IndustryData-ReferenceDefinition'],
  ['outboundProvisioningFlowSets', 'IndustryData-OutboundFlow']
]

t.test('a collection reads with its part\'s Read.All or ReadWrite.All, and with nothing else', async t => {
  const app = await build(t)
  for (const [collection, family] of PARTS) {
    for (const permission of [`${family}.Read.All`, `${family}.ReadWrite.All`]) {
      const res = await app.inject({ method: 'GET', url: `${ROOT}/${collection}`, headers: bearer(await mint(app, { roles: [permission] })) })
      t.equal(res.statusCode, 200, `GET ${collection} with ${permission}`)
    }
    const other = PARTS.find(([name]) => name !== collection)?.[1] ?? ''
    const token = await mint(app, { scopes: [`${other}.ReadWrite.All`] })
    assertGraphError(t, await app.inject({ method: 'GET', url: `${ROOT}/${collection}`, headers: bearer(token) }), 403, 'Forbidden',
      `Missing permission: this operation needs ${family}.Read.All or ${family}.ReadWrite.All; the token has ${other}.ReadWrite.All.`)
  }
})

t.test('writes need ReadWrite.All of the part', async t => {
  const app = await build(t)
  const reader = await mint(app, { scopes: ['IndustryData-SourceSystem.Read.All'] })
  assertGraphError(t, await app.inject({ method: 'POST', url: `${ROOT}/sourceSystems`, headers: json(reader), payload: { displayName: 'SIS' } }), 403, 'Forbidden',
    'Missing permission: this operation needs IndustryData-SourceSystem.ReadWrite.All; the token has IndustryData-SourceSystem.Read.All.')
  const writer = await mint(app, { scopes: ['IndustryData-SourceSystem.ReadWrite.All'] })
  const created = await app.inject({ method: 'POST', url: `${ROOT}/sourceSystems`, headers: json(writer), payload: { displayName: 'SIS' } })
  t.equal(created.statusCode, 201, 'created with ReadWrite.All')
  assertGraphError(t, await app.inject({ method: 'POST', url: `${ROOT}/years`, headers: json(writer), payload: { displayName: 'Y', startDate: '2026-08-01', endDate: '2027-06-30', year: { code: '2026' } } }), 403, 'Forbidden',
    'Missing permission: this operation needs IndustryData-TimePeriod.ReadWrite.All; the token has IndustryData-SourceSystem.ReadWrite.All.')
})

t.test('role groups: the outbound or the reference-definition permissions; the root: any part\'s; a default minted token: all of them', async t => {
  const app = await build(t)
  for (const permission of ['IndustryData-ReferenceDefinition.Read.All', 'IndustryData-OutboundFlow.Read.All']) {
    const res = await app.inject({ method: 'GET', url: `${ROOT}/roleGroups/staff`, headers: bearer(await mint(app, { roles: [permission] })) })
    t.equal(res.statusCode, 200, `GET a role group with ${permission}`)
  }
  const years = await mint(app, { roles: ['IndustryData-TimePeriod.Read.All'] })
  t.equal((await app.inject({ method: 'GET', url: ROOT, headers: bearer(years) })).statusCode, 200, 'the root with a years token')
  assertGraphError(t, await app.inject({ method: 'GET', url: `${ROOT}/roleGroups`, headers: bearer(years) }), 403, 'Forbidden',
    'Missing permission: this operation needs IndustryData-OutboundFlow.Read.All or IndustryData-OutboundFlow.ReadWrite.All or IndustryData-ReferenceDefinition.Read.All or IndustryData-ReferenceDefinition.ReadWrite.All; the token has IndustryData-TimePeriod.Read.All.')
  const all = await mint(app)
  for (const [collection] of PARTS) t.equal((await app.inject({ method: 'GET', url: `${ROOT}/${collection}`, headers: bearer(all) })).statusCode, 200, `a default token reads ${collection}`)
  // Inside $batch the same rule holds for each inner request.
  const batch = await app.inject({ method: 'POST', url: '/beta/$batch', headers: json(years), payload: { requests: [{ id: '1', method: 'GET', url: '/external/industryData/years' }, { id: '2', method: 'GET', url: '/external/industryData/sourceSystems' }] } })
  const statuses = Object.fromEntries((batch.json() as { responses: Array<{ id: string, status: number }> }).responses.map(r => [r.id, r.status]))
  t.same(statuses, { 1: 200, 2: 403 }, 'inner requests are authorised one by one')
})
