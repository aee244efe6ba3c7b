/** Role-group writes and $count through the Kiota pieces of the official beta SDK, with its default middleware. */
import t from 'tap'
import { countRoleGroups, createAdapter, createRoleGroup, deleteRoleGroup, getRoleGroup, isODataError, listRoleGroups, patchRoleGroup } from './kiota-client.js'
import { listen } from './listen.js'

t.test('Kiota: create, read, update, count and delete a role group', async t => {
  const { graphUrl } = await listen(t)
  const adapter = createAdapter(graphUrl, 'opaque-token')
  const created = await createRoleGroup(adapter, { displayName: 'Parents', roles: [{ code: 'parent' }] })
  t.match(created?.id, /^[0-9a-f-]{36}$/, 'the create answer parses, with the server\'s id')
  t.same(created?.roles?.map(r => r.code), ['parent'], 'and its roles')
  const id = created?.id ?? ''
  t.equal(await countRoleGroups(adapter), 3, '$count reads as a number')
  t.equal(await countRoleGroups(adapter, "displayName eq 'Parents'"), 1, 'with $filter')
  const patched = await patchRoleGroup(adapter, id, { displayName: 'Guardians' })
  t.equal(patched?.displayName, 'Guardians', 'PATCH answers the updated group')
  t.same(patched?.roles?.map(r => r.code), ['parent'], 'roles kept')
  t.equal((await getRoleGroup(adapter, id))?.displayName, 'Guardians', 'GET sees it')
  t.ok((await listRoleGroups(adapter))?.value?.some(g => g.id === id), 'and the list')
  await deleteRoleGroup(adapter, id)
  const gone = await getRoleGroup(adapter, id).catch((error: unknown) => error)
  t.ok(isODataError(gone), 'after DELETE, GET is an ODataError')
  t.equal(isODataError(gone) ? gone.responseStatusCode : undefined, 404, '404')
  const missing = await createRoleGroup(adapter, { roles: [] }).catch((error: unknown) => error)
  t.equal(isODataError(missing) ? missing.errorEscaped?.message : undefined, "Property 'displayName' is required when creating a 'microsoft.graph.industryData.roleGroup'.", 'a bad create is an ODataError with Graph\'s message')
})
