import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SET_ID, SETS, USER_FLOW_ID } from '../helpers.js'

type Json = Record<string, any>
const NS = 'microsoft.graph.industryData'
const FLOWS = `${SETS}/${SET_ID}/provisioningFlows`

t.test('list flows: polymorphic, each with its @odata.type', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: FLOWS.replace('outboundProvisioningFlowSets', 'OutboundProvisioningFlowSets'), headers: auth })
  t.equal(res.statusCode, 200, '200')
  const body = res.json() as Json
  t.equal(body['@odata.context'], `http://localhost:80/beta/$metadata#external/industryData/outboundProvisioningFlowSets('${SET_ID}')/provisioningFlows`, 'collection context')
  t.same(body.value.map((f: Json) => f['@odata.type']), ['classGroup', 'securityGroup', 'administrativeUnit', 'user'].map(n => `#${NS}.${n}ProvisioningFlow`), 'every type, in insertion order')
  t.notOk('@odata.context' in body.value[0], 'items carry no context of their own')
  t.equal(body.value[3].creationOptions.configurations[0].roleGroup.id, 'staff', 'list expands bound role groups like GET')
  t.notOk('@odata.nextLink' in body, 'one page')
})

t.test('$filter, $orderby, $select, $count on flows', async t => {
  const app = await build(t)
  await app.inject({ method: 'PATCH', url: flowUrl(USER_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: 'ready', managementOptions: {} } })
  const get = async (query: string) => (await app.inject({ method: 'GET', url: `${FLOWS}?${query}`, headers: auth })).json() as Json
  const ids = (body: Json): string[] => body.value.map((f: Json) => f.id)
  t.same(ids(await get("$filter=readinessStatus eq 'ready'")), [USER_FLOW_ID], 'eq on readinessStatus')
  t.same(ids(await get("$filter=readinessStatus ne 'ready' and isof('microsoft.graph.industryData.classGroupProvisioningFlow')")), [CLASS_FLOW_ID], 'and + isof')
  t.same(ids(await get("filter=isof('microsoft.graph.industryData.userProvisioningFlow') or id eq '" + CLASS_FLOW_ID.toUpperCase() + "'")).sort(), [CLASS_FLOW_ID, USER_FLOW_ID].sort(), 'or; id case-insensitive; $ optional')
  t.same(ids(await get('$filter=not (createdDateTime lt 2024-03-22T23:34:18.5035988Z)&$orderby=createdDateTime desc')), [USER_FLOW_ID, '4598f62a-7bd9-40a1-d38a-08dc4ac68cf2', CLASS_FLOW_ID], 'not, timestamps to 7 digits, orderby desc')
  t.same(ids(await get('$orderby=lastModifiedDateTime desc&$top=1')), [USER_FLOW_ID], 'latest modified first')
  const counted = await get('$count=true&$top=2')
  t.equal(counted['@odata.count'], 4, '@odata.count counts all matches')
  t.equal(counted.value.length, 2, 'while the page holds $top')
  t.match(counted['@odata.nextLink'], /^http:\/\/localhost:80\/beta\/external\/industryData\/outboundProvisioningFlowSets\/9ab41255-5364-4c53-e15c-08dc4ab6ee03\/provisioningFlows\?\$count=true&\$top=2&\$skiptoken=[\w-]+$/, 'absolute nextLink keeps the other options')
  const selected = await get('$select=readinessStatus')
  t.same(Object.keys(selected.value[0]), ['@odata.type', 'id', 'readinessStatus'], '$select on items keeps @odata.type and id')
  const count = await app.inject({ method: 'GET', url: `${FLOWS}/$count?$filter=readinessStatus eq 'disabled'`, headers: auth })
  t.equal(count.body, '3', '$count segment with $filter')
  t.match(count.headers['content-type'], /^text\/plain/, 'as text/plain')
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$filter=startswith(id,'a')`, headers: auth }), 400, 'BadRequest',
    "Invalid $filter 'startswith(id,'a')': the function 'startswith' at position 0 is not supported.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$filter=displayName eq 'x'`, headers: auth }), 400, 'BadRequest',
    "Invalid $filter 'displayName eq 'x'': property 'displayName' is not supported in $filter on provisioningFlows. Supported: readinessStatus, id, createdDateTime, lastModifiedDateTime, isof(...).")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$orderby=displayName`, headers: auth }), 400, 'BadRequest',
    "Invalid $orderby 'displayName': property 'displayName' is not supported in $orderby. Supported: createdDateTime, lastModifiedDateTime.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$top=0`, headers: auth }), 400, 'BadRequest', "Invalid $top value '0': it must be an integer from 1 to 999.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$skiptoken=garbage!`, headers: auth }), 400, 'BadRequest', /^Invalid \$skiptoken: /)
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$search=x`, headers: auth }), 400, 'BadRequest',
    "Query option '$search' is not supported on provisioningFlows. Supported here: $filter, $orderby, $top, $skiptoken, $count, $select.")
  assertGraphError(t, await app.inject({ method: 'GET', url: `${FLOWS}?$expand=provisioningFlows`, headers: auth }), 400, 'BadRequest',
    "Query option '$expand' is not supported on provisioningFlows. Supported here: $filter, $orderby, $top, $skiptoken, $count, $select.")
})

t.test('walking 250 flow sets with $top=7 sees each exactly once, even while sets are added', async t => {
  const app = await build(t)
  const created: string[] = [SET_ID]
  for (let i = 0; i < 249; i++) {
    const res = await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: `Set ${String(i).padStart(3, '0')}` } })
    created.push(res.json().id)
  }
  const seen: string[] = []
  let url: string | undefined = `${SETS}?$top=7&$count=true`
  let pages = 0
  while (url !== undefined) {
    const res = await app.inject({ method: 'GET', url, headers: auth })
    t.equal(res.statusCode, 200, `page ${pages}`)
    const body = res.json() as Json
    if (pages === 0) t.equal(body['@odata.count'], 250, '@odata.count on the first page')
    seen.push(...body.value.map((s: Json) => s.id))
    if (pages === 3) await app.inject({ method: 'POST', url: SETS, headers: jsonAuth, payload: { displayName: 'added while paging' } })
    const next: string | undefined = body['@odata.nextLink']
    url = next === undefined ? undefined : next.replace('http://localhost:80', '')
    pages += 1
    if (pages > 100) break
  }
  const original = seen.filter(id => created.includes(id))
  t.equal(original.length, 250, 'all 250 original sets seen')
  t.equal(new Set(original).size, 250, 'none twice')
  t.equal(new Set(seen).size, seen.length, 'no duplicates at all')
  t.same(original, created, 'in insertion order')

  const names = async (query: string): Promise<string[]> => ((await app.inject({ method: 'GET', url: `${SETS}?${query}`, headers: auth })).json() as Json).value.map((s: Json) => s.displayName)
  t.same(await names("$filter=displayName eq 'Set 007'"), ['Set 007'], 'eq on displayName')
  t.same(await names('$orderby=displayName desc&$top=2&$filter=displayName ne \'added while paging\''), ['Set 248', 'Set 247'], 'orderby displayName desc')
  const count = await app.inject({ method: 'GET', url: `${SETS}/$count`, headers: auth })
  t.equal(count.body, '251', 'flow set $count')
  const defaultPage = (await app.inject({ method: 'GET', url: SETS, headers: auth })).json() as Json
  t.equal(defaultPage.value.length, 100, 'default page size 100')
  t.ok(defaultPage['@odata.nextLink'], 'with a nextLink')
  const token = new URL(String(defaultPage['@odata.nextLink'])).searchParams.get('$skiptoken') ?? ''
  assertGraphError(t, await app.inject({ method: 'GET', url: `${SETS}?$orderby=displayName&$skiptoken=${token}`, headers: auth }), 400, 'BadRequest',
    'Invalid $skiptoken: it belongs to a different query (collection, $filter or $orderby); follow @odata.nextLink unchanged.')
})

t.test('$expand=provisioningFlows and $select on flow sets; role group list', async t => {
  const app = await build(t)
  const list = (await app.inject({ method: 'GET', url: `${SETS}?$expand=provisioningFlows&$select=displayName`, headers: auth })).json() as Json
  t.same(Object.keys(list.value[0]), ['id', 'displayName', 'provisioningFlows'], 'selected plus expanded')
  t.equal(list.value[0].provisioningFlows.length, 4, 'the set\'s flows inline')
  t.equal(list.value[0].provisioningFlows[0]['@odata.type'], `#${NS}.classGroupProvisioningFlow`, 'typed')
  const one = (await app.inject({ method: 'GET', url: `${SETS}/${SET_ID}?expand=provisioningFlows`, headers: auth })).json() as Json
  t.equal(one.provisioningFlows.length, 4, 'on a single set too')
  assertGraphError(t, await app.inject({ method: 'GET', url: `${SETS}?$expand=owners`, headers: auth }), 400, 'BadRequest',
    "Invalid $expand 'owners': only 'provisioningFlows' can be expanded on an outboundProvisioningFlowSet.")
  const groups = (await app.inject({ method: 'GET', url: '/beta/external/industryData/roleGroups', headers: auth })).json() as Json
  t.same(groups.value.map((g: Json) => g.id), ['students', 'staff'], 'role groups from fixtures')
  t.equal(groups['@odata.context'], 'http://localhost:80/beta/$metadata#external/industryData/roleGroups', 'context')
  t.equal(groups.value[1].roles.length, 29, 'the staff group\'s 29 roles')
})

t.test('list items follow every write, and $select or $expand on one list leaves the next unchanged', async t => {
  const app = await build(t)
  const list = async (query = ''): Promise<Json[]> => ((await app.inject({ method: 'GET', url: `${SETS}${query}`, headers: auth })).json() as Json).value
  const first = await list()
  t.equal(first.length, 1, 'the fixture set')
  const id = String(first[0]!.id)
  t.same(Object.keys((await list('?$select=displayName'))[0]!), ['id', 'displayName'], '$select keeps id and the selected property')
  t.ok('provisioningFlows' in (await list('?$expand=provisioningFlows'))[0]!, '$expand adds the flows')
  t.same(await list(), first, 'the plain list is as it was: neither $select nor $expand changed its items')
  const patched = await app.inject({ method: 'PATCH', url: `${SETS}/${id}`, headers: { ...auth, 'content-type': 'application/json' }, payload: { displayName: 'Renamed after a list' } })
  t.equal(patched.statusCode, 200, 'PATCH the set')
  const after = await list()
  t.equal(after[0]!.displayName, 'Renamed after a list', 'the list shows the write at once')
  t.equal(after[0]!.lastModifiedDateTime, patched.json().lastModifiedDateTime, 'with its new lastModifiedDateTime')
})
