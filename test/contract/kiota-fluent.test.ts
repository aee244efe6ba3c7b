/**
 * The fluent `client.external.industryData…` builders of @microsoft/msgraph-beta-sdk, registered on its
 * GraphBetaServiceClient (kiota-fluent/), over GraphBetaRequestAdapter with its default middleware,
 * against a listening graph-mock in strict auth with tokens from /_mock/token. Registered with the
 * derived-aware body serializers, so post() and patch() send flows whole (the generated serializers'
 * gap: kiota-fluent-serializers.test.ts).
 */
import t from 'tap'
import { PageIterator, type PageCollection } from '@microsoft/msgraph-sdk-core'
import {
  createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
  type AdministrativeUnitProvisioningFlow,
  type BasicFilter,
  type ClassGroupProvisioningFlow,
  type OutboundProvisioningFlowSet,
  type SecurityGroupProvisioningFlow,
  type SimplePasswordSettings,
  type UserProvisioningFlow,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { CLASS_FLOW_ID, SECURITY_FLOW_ID, SET_ID } from '../helpers.js'
import {
  ODATA_TYPE,
  isAdministrativeUnitProvisioningFlow,
  isBasicFilter,
  isClassGroupProvisioningFlow,
  isSecurityGroupProvisioningFlow,
  isUserProvisioningFlow,
} from './kiota-models.js'
import { createBetaClient } from './kiota-fluent/client.js'
import { ERROR_MAPPINGS, registerIndustryDataBuilders } from './kiota-fluent/index.js'
import { clearJournal, journal } from './kiota-fluent/mock-control.js'
import { MockTokenProvider } from './kiota-fluent/mock-token-provider.js'
import { assertODataError } from './kiota-fluent/odata-error.js'
import { listen } from './listen.js'

registerIndustryDataBuilders({ bodySerializers: 'derived' })

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const SETS_PATH = '/beta/external/industryData/outboundProvisioningFlowSets'

/** A listening graph-mock and the fluent client of a user of it. */
async function fluentClient (t: Parameters<typeof listen>[0]) {
  const { url, graphUrl } = await listen(t, { auth: 'strict' })
  const { client, adapter } = createBetaClient(graphUrl, new MockTokenProvider(url))
  return { url, graphUrl, adapter, industryData: client.external.industryData }
}

t.test('the root, the collections and $count through the builders, with the SDK\'s default middleware on the wire', async t => {
  const { url, industryData } = await fluentClient(t)
  const root = await industryData.get()
  t.equal(root?.id, '00000000-0000-0000-0000-000000000001', 'industryData.get(): the root entity, its id the tenant\'s')

  const sets = await industryData.outboundProvisioningFlowSets.get()
  t.same(sets?.value?.map(s => s.id), [SET_ID], 'outboundProvisioningFlowSets.get() lists the fixture set')
  t.equal(sets?.value?.[0]?.displayName, 'Outbound Provisioning Flow Test', 'typed: displayName')
  const filter = sets?.value?.[0]?.filter
  t.ok(isBasicFilter(filter), 'its filter parses as a BasicFilter')
  t.same(isBasicFilter(filter) ? [filter.attribute, filter.inEscaped] : undefined, ['orgExternalId', ['Quarter', 'Demo']], 'with its attribute and values')

  const flows = await industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID).provisioningFlows.get()
  t.same(flows?.value?.map(f => f.odataType), [
    ODATA_TYPE.classGroupProvisioningFlow, ODATA_TYPE.securityGroupProvisioningFlow, ODATA_TYPE.administrativeUnitProvisioningFlow, ODATA_TYPE.userProvisioningFlow
  ], 'provisioningFlows.get(): each item parsed by its @odata.type')
  t.ok(flows?.value?.[0]?.createdDateTime instanceof Date, 'timestamps parse as Dates')

  const roleGroups = await industryData.roleGroups.get()
  t.same(roleGroups?.value?.map(g => g.id), ['students', 'staff'], 'roleGroups.get()')
  t.equal(await industryData.outboundProvisioningFlowSets.count.get(), 1, 'outboundProvisioningFlowSets.count.get(): a number from text/plain')
  t.equal(await industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID).provisioningFlows.count.get(), 4, 'provisioningFlows.count.get()')
  t.equal(await industryData.roleGroups.count.get(), 2, 'roleGroups.count.get()')

  const sent = await journal(url)
  t.same(sent.map(e => `${e.method} ${e.url} ${e.status}`), [
    'GET /beta/external/industryData 200',
    `GET ${SETS_PATH} 200`,
    `GET ${SETS_PATH}/${SET_ID}/provisioningFlows 200`,
    'GET /beta/external/industryData/roleGroups 200',
    `GET ${SETS_PATH}/$count 200`,
    `GET ${SETS_PATH}/${SET_ID}/provisioningFlows/$count 200`,
    'GET /beta/external/industryData/roleGroups/$count 200',
  ], 'the journal: the URLs the builders made, each answered')
  const headers = sent[0]?.headers ?? {}
  t.equal(headers.authorization, '[redacted]', 'a bearer token was sent (strict auth verified it)')
  t.match(headers['user-agent'], /^kiota-typescript\//, 'UserAgentHandler')
  t.match(headers.sdkversion, /^graph-typescript-beta\/1\.0\.0-preview\.81, graph-typescript-core\//, 'GraphTelemetryHandler: the beta SDK\'s SdkVersion')
  t.equal(headers.accept, 'application/json', 'Accept as the generated metadata asks')
  t.equal(sent[4]?.headers.accept, 'text/plain;q=0.9', '$count asks for text')
})

t.test('a flow set and one flow of each type: create, get, patch, delete', async t => {
  const { url, industryData } = await fluentClient(t)
  const sets = industryData.outboundProvisioningFlowSets
  const filter: BasicFilter = { odataType: ODATA_TYPE.basicFilter, attribute: 'orgExternalId', inEscaped: ['School-1', 'School-2'] }
  const set = await sets.post({ displayName: 'Fluent set', filter })
  t.match(set?.id, GUID, 'post(): the new set, with the server\'s id')
  t.equal(set?.displayName, 'Fluent set', 'its displayName')
  t.same(isBasicFilter(set?.filter) ? set.filter.inEscaped : undefined, ['School-1', 'School-2'], 'its filter')
  const [created] = await journal(url, { method: 'POST' })
  t.same(created?.body, {
    displayName: 'Fluent set',
    filter: { '@odata.type': ODATA_TYPE.basicFilter, attribute: 'orgExternalId', in: ['School-1', 'School-2'] }
  }, 'what was sent: the set whole, `inEscaped` as `in`')
  t.equal(created?.status, 201, 'answered 201')
  t.equal(created?.headers['content-encoding'], undefined, 'uncompressed: the default chain has no CompressionHandler')
  const setId = set?.id ?? ''
  const flows = sets.byOutboundProvisioningFlowSetId(setId).provisioningFlows

  const classGroupBody: ClassGroupProvisioningFlow = {
    odataType: ODATA_TYPE.classGroupProvisioningFlow,
    configuration: {
      additionalAttributes: ['courseCode'],
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: { memberEnrollmentMappings: [{ code: 'student' }], ownerEnrollmentMappings: [{ code: 'teacher' }] }
    }
  }
  const classGroup = await flows.post(classGroupBody)
  t.ok(isClassGroupProvisioningFlow(classGroup), 'class group: post() answers a ClassGroupProvisioningFlow')
  if (!isClassGroupProvisioningFlow(classGroup)) return
  t.same(classGroup.configuration?.additionalAttributes, ['courseCode'], 'with its configuration')
  t.equal(classGroup.configuration?.additionalOptions?.createTeam, true, 'and its options')
  t.equal(classGroup.readinessStatus, 'notReady', 'a new flow is notReady')

  const securityGroupBody: SecurityGroupProvisioningFlow = {
    odataType: ODATA_TYPE.securityGroupProvisioningFlow,
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false }
  }
  const securityGroup = await flows.post(securityGroupBody)
  t.ok(isSecurityGroupProvisioningFlow(securityGroup), 'security group: a SecurityGroupProvisioningFlow')
  if (!isSecurityGroupProvisioningFlow(securityGroup)) return
  t.equal(securityGroup.creationOptions?.createBasedOnRoleGroup, true, 'with its creationOptions')

  const adminUnitBody: AdministrativeUnitProvisioningFlow = {
    odataType: ODATA_TYPE.administrativeUnitProvisioningFlow,
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false }
  }
  const adminUnit = await flows.post(adminUnitBody)
  t.ok(isAdministrativeUnitProvisioningFlow(adminUnit), 'administrative unit: an AdministrativeUnitProvisioningFlow')
  if (!isAdministrativeUnitProvisioningFlow(adminUnit)) return
  t.equal(adminUnit.creationOptions?.createBasedOnOrg, true, 'with its creationOptions')

  const userBody: UserProvisioningFlow = {
    odataType: ODATA_TYPE.userProvisioningFlow,
    createUnmatchedUsers: true,
    managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'minor' } },
    creationOptions: {
      configurations: [{
        roleGroup: { id: 'staff' },
        licenseSkus: ['Sku1'],
        defaultPasswordSettings: { odataType: ODATA_TYPE.simplePasswordSettings, password: 'Fluent-Passw0rd!' } as never
      }]
    }
  }
  const user = await flows.post(userBody)
  t.ok(isUserProvisioningFlow(user), 'user: a UserProvisioningFlow')
  if (!isUserProvisioningFlow(user)) return
  t.equal(user.managementOptions?.additionalOptions?.studentAgeGroup, 'minor', 'with its managementOptions')
  t.same(user.creationOptions?.configurations?.[0]?.licenseSkus, ['Sku1'], 'and its creation configurations')
  const userPost = (await journal(url, { method: 'POST', path: '*/provisioningFlows' })).at(-1)
  t.same(userPost?.body, {
    '@odata.type': ODATA_TYPE.userProvisioningFlow,
    createUnmatchedUsers: true,
    creationOptions: {
      configurations: [{
        defaultPasswordSettings: { '@odata.type': ODATA_TYPE.simplePasswordSettings, password: 'Fluent-Passw0rd!' },
        licenseSkus: ['Sku1'],
        roleGroup: { id: 'staff' }
      }]
    },
    managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'minor' } }
  }, 'the user flow went out whole, its password included')

  const ids = [classGroup.id, securityGroup.id, adminUnit.id, user.id].map(id => id ?? '')
  const got = await Promise.all(ids.map(id => flows.byProvisioningFlowId(id).get()))
  t.same(got.map(f => f?.odataType), [
    ODATA_TYPE.classGroupProvisioningFlow, ODATA_TYPE.securityGroupProvisioningFlow, ODATA_TYPE.administrativeUnitProvisioningFlow, ODATA_TYPE.userProvisioningFlow
  ], 'byProvisioningFlowId(id).get(): each flow read back as its derived type')
  const gotUser = got[3]
  t.ok(isUserProvisioningFlow(gotUser), 'the user flow')
  if (!isUserProvisioningFlow(gotUser)) return
  t.equal(gotUser.creationOptions?.configurations?.[0]?.roleGroup?.displayName, 'Staff', 'its role group expanded into a RoleGroup')
  const password = gotUser.creationOptions?.configurations?.[0]?.defaultPasswordSettings as SimplePasswordSettings | undefined
  t.same([password?.odataType, password?.password], [ODATA_TYPE.simplePasswordSettings, '***************'], 'its password settings parsed as simplePasswordSettings, masked')

  const classGroupUpdate: ClassGroupProvisioningFlow = {
    odataType: ODATA_TYPE.classGroupProvisioningFlow,
    configuration: { additionalAttributes: ['courseTitle', 'courseCode'] }
  }
  const patched = await flows.byProvisioningFlowId(ids[0] ?? '').patch(classGroupUpdate)
  t.ok(isClassGroupProvisioningFlow(patched), 'patch(): the answer parses as the derived type')
  t.same(isClassGroupProvisioningFlow(patched) ? patched.configuration?.additionalAttributes : undefined, ['courseTitle', 'courseCode'], 'with the new attributes')
  t.equal(isClassGroupProvisioningFlow(patched) ? patched.configuration?.additionalOptions?.createTeam : undefined, true, 'and the options it did not send kept (merge)')
  t.ok((patched?.lastModifiedDateTime?.getTime() ?? 0) > (classGroup.lastModifiedDateTime?.getTime() ?? Infinity), 'lastModifiedDateTime moved on')
  const securityGroupUpdate: SecurityGroupProvisioningFlow = {
    odataType: ODATA_TYPE.securityGroupProvisioningFlow,
    creationOptions: { createBasedOnOrgPlusRoleGroup: true }
  }
  const patchedSecurity = await flows.byProvisioningFlowId(ids[1] ?? '').patch(securityGroupUpdate)
  t.same(isSecurityGroupProvisioningFlow(patchedSecurity)
    ? [patchedSecurity.creationOptions?.createBasedOnRoleGroup, patchedSecurity.creationOptions?.createBasedOnOrgPlusRoleGroup]
    : undefined, [true, true], 'a security group flow patched too')

  const renamed = await sets.byOutboundProvisioningFlowSetId(setId).patch({ displayName: 'Fluent set, renamed' })
  t.equal(renamed?.displayName, 'Fluent set, renamed', 'the set\'s patch()')
  t.same(isBasicFilter(renamed?.filter) ? renamed.filter.inEscaped : undefined, ['School-1', 'School-2'], 'its filter kept')
  t.equal((await sets.byOutboundProvisioningFlowSetId(setId).get())?.displayName, 'Fluent set, renamed', 'and get() sees it')

  for (const id of ids) await flows.byProvisioningFlowId(id).delete()
  t.same((await flows.get())?.value, [], 'byProvisioningFlowId(id).delete() removed each flow')
  await sets.byOutboundProvisioningFlowSetId(setId).delete()
  t.same((await sets.get())?.value?.map(s => s.id), [SET_ID], 'the set\'s delete() removed it')
  const deletes = await journal(url, { method: 'DELETE' })
  t.same(deletes.map(e => e.status), [204, 204, 204, 204, 204], 'every DELETE answered 204')
  t.equal(deletes.at(-1)?.path, `${SETS_PATH}/${setId}`, 'the last one the set\'s')
})

t.test('a role group: create, get, patch, count, delete', async t => {
  const { url, industryData } = await fluentClient(t)
  const roleGroups = industryData.roleGroups
  const created = await roleGroups.post({ displayName: 'Parents', roles: [{ code: 'parent' }] })
  t.match(created?.id, GUID, 'post(): the new role group, with the server\'s id')
  const id = created?.id ?? ''
  t.same((await roleGroups.byRoleGroupId(id).get())?.roles?.map(r => r.code), ['parent'], 'byRoleGroupId(id).get() reads its roles')
  const renamed = await roleGroups.byRoleGroupId(id).patch({ displayName: 'Guardians' })
  t.same([renamed?.displayName, renamed?.roles?.map(r => r.code)], ['Guardians', ['parent']], 'patch() renamed it, roles kept')
  t.equal(await roleGroups.count.get(), 3, 'count.get() counts it')
  await roleGroups.byRoleGroupId(id).delete()
  t.same((await roleGroups.get())?.value?.map(g => g.id), ['students', 'staff'], 'delete() removed it')
  t.same((await journal(url, { path: `*/roleGroups/${id}` })).map(e => `${e.method} ${e.status}`), ['GET 200', 'PATCH 200', 'DELETE 204'], 'the journal: its URL, each answered')
})

t.test('reset, in both spellings the builders can send', async t => {
  const { url, graphUrl, industryData } = await fluentClient(t)
  const flows = industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID).provisioningFlows
  t.equal((await flows.byProvisioningFlowId(CLASS_FLOW_ID).get())?.readinessStatus, 'disabled', 'the fixture class flow is disabled')
  await flows.byProvisioningFlowId(CLASS_FLOW_ID).microsoftGraphIndustryDataReset.post()
  t.equal((await flows.byProvisioningFlowId(CLASS_FLOW_ID).get())?.readinessStatus, 'notReady', 'microsoftGraphIndustryDataReset.post() made it notReady')

  // The Graph docs' spelling, …/reset, through the same builder: withUrl() replaces its URL.
  const shortUrl = `${graphUrl}/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${SECURITY_FLOW_ID}/reset`
  await flows.byProvisioningFlowId(SECURITY_FLOW_ID).microsoftGraphIndustryDataReset.withUrl(shortUrl).post()
  t.equal((await flows.byProvisioningFlowId(SECURITY_FLOW_ID).get())?.readinessStatus, 'notReady', 'withUrl(…/reset).post() did the same')

  const resets = await journal(url, { method: 'POST' })
  t.same(resets.map(e => `${e.path} ${e.status}`), [
    `${SETS_PATH}/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}/microsoft.graph.industryData.reset 202`,
    `${SETS_PATH}/${SET_ID}/provisioningFlows/${SECURITY_FLOW_ID}/reset 202`
  ], 'the journal: the qualified action and the short one, each answered 202')
  t.same(resets.map(e => [e.body, e.headers['content-length']]), [[null, '0'], [null, '0']], 'neither with a body')
})

t.test('$top, $select, $filter and $count through queryParameters', async t => {
  const { url, industryData } = await fluentClient(t)
  const flows = industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID).provisioningFlows
  const sets = industryData.outboundProvisioningFlowSets

  const page = await flows.get({ queryParameters: { top: 2 } })
  t.same(page?.value?.map(f => f.id), [CLASS_FLOW_ID, SECURITY_FLOW_ID], 'top: 2 answers the first two flows')
  t.match(page?.odataNextLink, /\$skiptoken=/, 'and an odataNextLink to the rest')

  const selected = await sets.get({ queryParameters: { select: ['displayName'] } })
  t.equal(selected?.value?.[0]?.displayName, 'Outbound Provisioning Flow Test', 'select: displayName is there')
  t.equal(selected?.value?.[0]?.id, SET_ID, 'with the id Graph always keeps')
  t.equal(selected?.value?.[0]?.filter, undefined, 'and nothing else')
  const one = await flows.byProvisioningFlowId(CLASS_FLOW_ID).get({ queryParameters: { select: ['readinessStatus'] } })
  t.ok(isClassGroupProvisioningFlow(one), 'select on one flow keeps its @odata.type, so it parses as its type')
  t.same(isClassGroupProvisioningFlow(one) ? [one.readinessStatus, one.configuration] : undefined, ['disabled', undefined], 'with only what was selected')

  const users = await flows.get({ queryParameters: { filter: "isof('microsoft.graph.industryData.userProvisioningFlow')" } })
  t.same(users?.value?.map(f => f.odataType), [ODATA_TYPE.userProvisioningFlow], 'filter: isof() picks the user flow')
  const named = await sets.get({ queryParameters: { filter: "displayName eq 'Outbound Provisioning Flow Test'" } })
  t.same(named?.value?.map(s => s.id), [SET_ID], 'filter: displayName eq')

  const counted = await flows.get({ queryParameters: { count: true, top: 1 } })
  t.equal(counted?.odataCount, 4, 'count: true adds odataCount, whatever the page size')
  t.equal(counted?.value?.length, 1, 'beside a page of one')
  t.equal(await flows.count.get({ queryParameters: { filter: "readinessStatus eq 'disabled'" } }), 4, 'count.get() with a filter')
  t.equal(await industryData.roleGroups.count.get({ queryParameters: { filter: "displayName eq 'Staff'" } }), 1, 'roleGroups.count.get() with a filter')

  const sent = (await journal(url)).map(e => new URL(e.url, url).search)
  t.same(sent.map(search => [...new URLSearchParams(search)]), [
    [['$top', '2']],
    [['$select', 'displayName']],
    [['$select', 'readinessStatus']],
    [['$filter', "isof('microsoft.graph.industryData.userProvisioningFlow')"]],
    [['$filter', "displayName eq 'Outbound Provisioning Flow Test'"]],
    [['$count', 'true'], ['$top', '1']],
    [['$filter', "readinessStatus eq 'disabled'"]],
    [['$filter', "displayName eq 'Staff'"]],
  ], 'the journal: each option sent as Graph spells it, `$` and all')
})

t.test('PageIterator from @microsoft/msgraph-sdk-core follows odataNextLink over every page', async t => {
  const { url, adapter, industryData } = await fluentClient(t)
  const sets = industryData.outboundProvisioningFlowSets
  for (const n of [1, 2, 3, 4]) await sets.post({ displayName: `Fluent set ${n}` })
  await clearJournal(url)

  const first = await sets.get({ queryParameters: { top: 2 } })
  const names: string[] = []
  const iterator = new PageIterator<OutboundProvisioningFlowSet>(
    adapter,
    first as PageCollection<OutboundProvisioningFlowSet>,
    set => { names.push(set.displayName ?? ''); return true },
    createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
    ERROR_MAPPINGS
  )
  await iterator.iterate()
  t.same(names, ['Outbound Provisioning Flow Test', 'Fluent set 1', 'Fluent set 2', 'Fluent set 3', 'Fluent set 4'], 'every set, in order, once')
  t.equal(iterator.getPagingState(), 'Complete', 'the iterator says it is done')
  const pages = await journal(url, { method: 'GET' })
  t.equal(pages.length, 3, 'five sets two to a page: three GETs')
  t.same(pages.map(e => new URLSearchParams(new URL(e.url, url).search).has('$skiptoken')), [false, true, true], 'the second and third followed the nextLink')
  t.same(pages.map(e => e.status), [200, 200, 200], 'each answered')

  const seen: string[] = []
  const paused = new PageIterator<OutboundProvisioningFlowSet>(
    adapter,
    first as PageCollection<OutboundProvisioningFlowSet>,
    set => { seen.push(set.displayName ?? ''); return seen.length !== 3 },
    createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
    ERROR_MAPPINGS
  )
  await paused.iterate()
  t.equal(paused.getPagingState(), 'Paused', 'a callback answering false pauses it')
  t.equal(seen.length, 3, 'after the third set')
  await paused.resume()
  t.same(seen, names, 'resume() goes on where it stopped')
})

t.test('errors: a 404 and a 400 become ODataErrors with Graph\'s code, message and status', async t => {
  const { url, industryData } = await fluentClient(t)
  const sets = industryData.outboundProvisioningFlowSets
  const missing = await sets.byOutboundProvisioningFlowSetId('0a0a0a0a-0000-0000-0000-000000000000').get().catch((error: unknown) => error)
  assertODataError(t, missing, (await journal(url)).at(-1), 404, 'itemNotFound', "outboundProvisioningFlowSet '0a0a0a0a-0000-0000-0000-000000000000' was not found.")
  t.notOk(missing instanceof Error, 'an ODataError is not an Error')
  t.throws(() => String(missing), /Cannot convert object to primitive value/, 'and, a backing-store Proxy, it cannot be made a string: read its fields')

  const noName = await sets.post({}).catch((error: unknown) => error)
  assertODataError(t, noName, (await journal(url)).at(-1), 400, 'BadRequest', "Property 'displayName' is required when creating a 'microsoft.graph.industryData.outboundProvisioningFlowSet'.")

  const skipped = await sets.get({ queryParameters: { skip: 1 } }).catch((error: unknown) => error)
  assertODataError(t, skipped, (await journal(url)).at(-1), 400, 'BadRequest', "Query option '$skip' is not supported on outboundProvisioningFlowSets. Supported here: $filter, $orderby, $top, $skiptoken, $count, $select, $expand.")
})
