/** Tenancy (SPEC §6): every row belongs to the token's tid; tenants never see each other's writes; a new tenant is seeded once. */
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TENANT } from '../../src/auth/principal.js'
import { buildApp } from '../../src/app.js'
import { auth, build, CLASS_FLOW_ID, flowUrl, SET_ID, SETS, testConfig, USER_FLOW_ID } from '../helpers.js'
import { bearer, mint } from './tokens.js'

const json = { 'content-type': 'application/json' }
const classFlow = { '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow' }

/** Rows per table for `tenant`, straight from the database. */
function rowCounts (app: FastifyInstance, tenant: string): { flowSets: number, flows: number, roleGroups: number, tenantRows: number } {
  const { db } = app.graphMock.store
  const count = (sql: string): number => (db.prepare(sql).get(tenant) as { n: number }).n
  return {
    flowSets: count('SELECT count(*) AS n FROM flow_sets WHERE tenant = ?'),
    flows: count('SELECT count(*) AS n FROM flows WHERE tenant = ?'),
    roleGroups: count('SELECT count(*) AS n FROM role_groups WHERE tenant = ?'),
    tenantRows: count('SELECT count(*) AS n FROM tenants WHERE id = ?')
  }
}

function fixtureCounts (app: FastifyInstance): { flowSets: number, flows: number, roleGroups: number, tenantRows: number } {
  const seed = app.graphMock.store.seed()
  return { flowSets: seed.flowSets.length, flows: seed.flows.length, roleGroups: seed.roleGroups.length, tenantRows: 1 }
}

t.test('two tenants writing the same ids in parallel never see each other\'s writes', async t => {
  const app = await build(t)
  const a = { ...bearer(await mint(app, { tenant: 'tenant-a' })), ...json }
  const b = { ...bearer(await mint(app, { tenant: 'tenant-b' })), ...json }
  const untouched = (await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json()

  const writes = []
  for (let i = 0; i < 10; i++) {
    writes.push(app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: a, payload: { ...classFlow, configuration: { additionalAttributes: ['courseCode'], additionalOptions: { createTeam: true } } } }))
    writes.push(app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: b, payload: { ...classFlow, configuration: { additionalAttributes: ['courseTitle'], additionalOptions: { createTeam: false } } } }))
    writes.push(app.inject({ method: 'PATCH', url: `${SETS}/${SET_ID}`, headers: i % 2 === 0 ? a : b, payload: { displayName: i % 2 === 0 ? 'Set of A' : 'Set of B' } }))
  }
  const answers = await Promise.all(writes)
  t.same(answers.map(r => r.statusCode), answers.map(() => 200), 'every write in both tenants answered 200')

  const get = async (headers: Record<string, string>, url: string): Promise<Record<string, unknown>> => (await app.inject({ method: 'GET', url, headers })).json()
  const flowA = await get(a, flowUrl(CLASS_FLOW_ID))
  const flowB = await get(b, flowUrl(CLASS_FLOW_ID))
  t.same(flowA.configuration, { ...untouched.configuration, additionalAttributes: ['courseCode'], additionalOptions: { ...untouched.configuration.additionalOptions, createTeam: true } }, 'tenant A sees its own write')
  t.same(flowB.configuration, { ...untouched.configuration, additionalAttributes: ['courseTitle'], additionalOptions: { ...untouched.configuration.additionalOptions, createTeam: false } }, 'tenant B sees its own write')
  t.equal((await get(a, `${SETS}/${SET_ID}`)).displayName, 'Set of A', 'tenant A\'s flow set name')
  t.equal((await get(b, `${SETS}/${SET_ID}`)).displayName, 'Set of B', 'tenant B\'s flow set name')
  t.same(await get(auth, flowUrl(CLASS_FLOW_ID)), untouched, 'the default tenant still has the fixture value')

  t.equal((await app.inject({ method: 'DELETE', url: flowUrl(USER_FLOW_ID), headers: a })).statusCode, 204, 'tenant A deletes its user flow')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: a })).statusCode, 404, 'gone in A')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: b })).statusCode, 200, 'still there in B')

  const created = await app.inject({ method: 'POST', url: SETS, headers: a, payload: { displayName: 'Only in A' } })
  t.equal(created.statusCode, 201, 'tenant A creates a flow set')
  t.equal((await app.inject({ method: 'GET', url: `${SETS}/${String(created.json().id)}`, headers: b })).statusCode, 404, 'tenant B cannot read it')
  t.equal((await app.inject({ method: 'PATCH', url: `${SETS}/${String(created.json().id)}`, headers: b, payload: { displayName: 'hijack' } })).statusCode, 404, 'nor write it')
})

t.test('the seed route and batches act in the token\'s tenant', async t => {
  const app = await build(t)
  const a = { ...bearer(await mint(app, { tenant: 'tenant-a' })), ...json }
  const b = { ...bearer(await mint(app, { tenant: 'tenant-b' })), ...json }
  const patched = await app.inject({ method: 'PATCH', url: '/classGroupProvisioningFlow', headers: a, payload: { configuration: { additionalAttributes: ['classCode'] } } })
  t.equal(patched.statusCode, 200, 'shortcut-route PATCH in tenant A')
  t.same((await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: a })).json().configuration.additionalAttributes, ['classCode'], 'A reads its write')
  t.not((await app.inject({ method: 'GET', url: '/beta/classGroupProvisioningFlow', headers: b })).json().configuration.additionalAttributes, ['classCode'], 'B does not')

  const batch = await app.inject({
    method: 'POST',
    url: '/beta/$batch',
    headers: b,
    payload: { requests: [{ id: '1', method: 'PATCH', url: `/external/industryData/outboundProvisioningFlowSets/${SET_ID}`, body: { displayName: 'Batched in B' } }] }
  })
  t.equal(batch.json().responses[0].status, 200, 'batched write in B')
  t.equal((await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}`, headers: b })).json().displayName, 'Batched in B', 'B sees it')
  t.not((await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}`, headers: a })).json().displayName, 'Batched in B', 'A does not')
})

t.test('50 concurrent first requests of a new tenant seed it exactly once', async t => {
  const app = await build(t)
  const token = bearer(await mint(app, { tenant: 'brand-new-tenant' }))
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).statusCode, 200, 'the default tenant is in use')
  t.same(rowCounts(app, 'brand-new-tenant'), { flowSets: 0, flows: 0, roleGroups: 0, tenantRows: 0 }, 'nothing stored before its first request')
  const requests = Array.from({ length: 50 }, (_, i) => i % 5 === 0
    ? app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: { ...token, ...json }, payload: { configuration: { additionalAttributes: ['courseCode'] } } })
    : app.inject({ method: 'GET', url: i % 2 === 0 ? flowUrl(CLASS_FLOW_ID) : '/beta/external/industryData/roleGroups/students', headers: token }))
  const answers = await Promise.all(requests)
  t.same(answers.map(r => r.statusCode), answers.map(() => 200), 'all 50 answered 200')
  t.same(rowCounts(app, 'brand-new-tenant'), fixtureCounts(app), 'one copy of the fixtures: as many rows as the fixtures hold')
  t.same(rowCounts(app, DEFAULT_TENANT), fixtureCounts(app), 'the default tenant is unchanged in size')
})

t.test('a database file has one server: a second one on it is refused; once the first closes, the tenant it seeded is there', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-tenants-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'shared.db')
  const first = await buildApp(testConfig({ db }))
  const token = bearer(await mint(first, { tenant: 'shared-new-tenant' }))
  const answers = await Promise.all(Array.from({ length: 20 }, () => first.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: token })))
  t.same(answers.map(r => r.statusCode), answers.map(() => 200), '20 concurrent first requests of a new tenant answered 200')
  t.same(rowCounts(first, 'shared-new-tenant'), fixtureCounts(first), 'the tenant was seeded once')
  await t.rejects(buildApp(testConfig({ db })), { message: 'the database file is in use by another graph-mock process (SQLITE_BUSY); give each server its own file' }, 'a second server on the file is refused')
  await first.close()
  const second = await build(t, { db })
  t.same(rowCounts(second, 'shared-new-tenant'), fixtureCounts(second), 'after the first closed, the next server on the file finds the tenant as seeded')
  t.equal((await second.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: token })).statusCode, 200, 'and serves it')
})

t.test('in lenient mode an unsigned JWT\'s tid picks the tenant; with auth off a tid still does', async t => {
  const jwt = (tid: string): string => ['{"alg":"none"}', JSON.stringify({ tid })].map(p => Buffer.from(p).toString('base64url')).join('.') + '.x'
  for (const mode of ['lenient', 'off'] as const) {
    const app = await build(t, { auth: mode })
    const write = await app.inject({ method: 'PATCH', url: `${SETS}/${SET_ID}`, headers: { ...bearer(jwt('LeNiEnT-Tenant')), ...json }, payload: { displayName: 'Mine' } })
    t.equal(write.statusCode, 200, `${mode}: write in tenant lenient-tenant`)
    t.equal((await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}`, headers: bearer(jwt('lenient-tenant')) })).json().displayName, 'Mine', `${mode}: tid matches case-insensitively`)
    t.not((await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}`, headers: auth })).json().displayName, 'Mine', `${mode}: the default tenant is untouched`)
    t.equal(rowCounts(app, 'lenient-tenant').tenantRows, 1, `${mode}: the tenant id is stored in lower case`)
  }
})

t.test('collections, $count and paging are per tenant', async t => {
  const app = await build(t)
  const a = { ...bearer(await mint(app, { tenant: 'tenant-a' })), ...json }
  const b = { ...bearer(await mint(app, { tenant: 'tenant-b' })), ...json }
  for (const name of ['A one', 'A two', 'A three']) {
    t.equal((await app.inject({ method: 'POST', url: SETS, headers: a, payload: { displayName: name } })).statusCode, 201, `tenant A creates '${name}'`)
  }
  t.equal((await app.inject({ method: 'DELETE', url: flowUrl(USER_FLOW_ID), headers: a })).statusCode, 204, 'tenant A deletes a flow')

  const text = async (headers: Record<string, string>, url: string): Promise<string> => (await app.inject({ method: 'GET', url, headers })).body
  t.equal(await text(a, `${SETS}/$count`), '4', 'A counts its fixture set and three new ones')
  t.equal(await text(b, `${SETS}/$count`), '1', 'B counts only its fixture set')
  t.equal(await text(a, `${SETS}/${SET_ID}/provisioningFlows/$count`), '3', 'A has one flow fewer')
  t.equal(await text(b, `${SETS}/${SET_ID}/provisioningFlows/$count`), '4', 'B has all four')

  const list = async (headers: Record<string, string>, url: string): Promise<{ value: Array<{ id: string, displayName: string }>, '@odata.count'?: number, '@odata.nextLink'?: string }> =>
    (await app.inject({ method: 'GET', url, headers })).json()
  const allB = await list(b, `${SETS}?$count=true`)
  t.equal(allB['@odata.count'], 1, 'B\'s @odata.count')
  t.same(allB.value.map(s => s.id), [SET_ID], 'B lists only its own set')

  const first = await list(a, `${SETS}?$top=2&$count=true&$orderby=displayName`)
  t.equal(first['@odata.count'], 4, 'A\'s @odata.count')
  t.equal(first.value.length, 2, 'first page of two')
  const next = first['@odata.nextLink']
  if (next === undefined) throw new Error('expected a nextLink')
  const path = new URL(next).pathname + new URL(next).search
  const rest = await list(a, path)
  t.same([...first.value, ...rest.value].map(s => s.displayName).sort(), ['A one', 'A three', 'A two', 'Outbound Provisioning Flow Test'].sort(), 'A pages through exactly its own four sets')
  const replayed = await app.inject({ method: 'GET', url: path, headers: b })
  const replayedIds = replayed.statusCode === 200 ? (replayed.json() as { value: Array<{ id: string }> }).value.map(s => s.id) : []
  t.ok(replayedIds.every(id => id === SET_ID), `A's nextLink replayed by B shows none of A's sets (status ${replayed.statusCode})`)
})
