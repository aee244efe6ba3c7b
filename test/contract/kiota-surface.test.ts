import t from 'tap'
import type {
  AdministrativeUnitProvisioningFlow, ClassGroupProvisioningFlow, ProvisioningFlow, SecurityGroupProvisioningFlow, UserProvisioningFlow
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import {
  collectAllPages, createAdapter, createFlow, createFlowSet, createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
  deleteFlow, deleteFlowSet, getFlow, getFlowSet, isAdministrativeUnitProvisioningFlow, isBasicFilter, isClassGroupProvisioningFlow,
  isODataError, isSecurityGroupProvisioningFlow, isUserProvisioningFlow, listFlows, listFlowSets, listRoleGroups, patchFlow, patchFlowSet,
  resetFlow, roleGroupBind, type BasicFilter, type OutboundProvisioningFlowSet
} from './kiota-client.js'
import { listen } from './listen.js'

const NS = '#microsoft.graph.industryData'

t.test('Kiota: every operation on every flow type, each answer parsed into the right derived model', async t => {
  const { graphUrl } = await listen(t)
  const adapter = createAdapter(graphUrl, 'opaque-token')

  const filter: BasicFilter = { odataType: `${NS}.basicFilter`, attribute: 'orgExternalId', inEscaped: ['School-1'] }
  const set = await createFlowSet(adapter, { displayName: 'Kiota set', filter } satisfies OutboundProvisioningFlowSet)
  t.ok(set?.id, 'created a flow set')
  t.ok(isBasicFilter(set?.filter), 'its filter parses as basicFilter')
  t.same(isBasicFilter(set?.filter) ? set?.filter.inEscaped : undefined, ['School-1'], 'filter values round-trip')
  const setId = set?.id ?? ''

  const flows: Array<[ProvisioningFlow, (f: ProvisioningFlow | undefined) => boolean]> = [
    [{ odataType: `${NS}.classGroupProvisioningFlow`, configuration: { additionalAttributes: ['courseCode'], additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false }, enrollmentMappings: { memberEnrollmentMappings: [{ code: 'student' }], ownerEnrollmentMappings: [{ code: 'teacher' }] } } } as ClassGroupProvisioningFlow, isClassGroupProvisioningFlow],
    [{ odataType: `${NS}.securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } } as SecurityGroupProvisioningFlow, isSecurityGroupProvisioningFlow],
    [{ odataType: `${NS}.administrativeUnitProvisioningFlow`, creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true } } as AdministrativeUnitProvisioningFlow, isAdministrativeUnitProvisioningFlow],
    [{ odataType: `${NS}.userProvisioningFlow`, createUnmatchedUsers: true, managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { allowStudentContactAssociation: false, studentAgeGroup: 'minor' } }, creationOptions: { configurations: [{ licenseSkus: ['Sku1'], additionalData: roleGroupBind(graphUrl, 'staff') }] } } as UserProvisioningFlow, isUserProvisioningFlow]
  ]
  const ids: string[] = []
  for (const [flow, is] of flows) {
    const created = await createFlow(adapter, setId, flow)
    t.ok(is(created), `${String(flow.odataType)}: create answer parses into the derived model`)
    t.equal(created?.readinessStatus, 'notReady', 'new flows are notReady')
    ids.push(created?.id ?? '')
    const got = await getFlow(adapter, setId, created?.id ?? '')
    t.ok(is(got), 'GET parses into the derived model')
  }
  try {
    await createFlow(adapter, setId, flows[0]?.[0] ?? {})
    t.fail('a second classGroup flow must be refused')
  } catch (error) {
    t.equal(isODataError(error) ? error.errorEscaped?.code : undefined, 'Conflict', 'second flow of a type: ODataError Conflict')
    t.equal(isODataError(error) ? error.responseStatusCode : undefined, 409, 'status 409')
  }

  const listed = await listFlows(adapter, setId, { top: 3 })
  t.ok(listed?.odataNextLink, 'a nextLink with $top=3')
  const all = await collectAllPages(adapter, listed, (await import('@microsoft/msgraph-beta-sdk/models/industryData/index.js')).createProvisioningFlowCollectionResponseFromDiscriminatorValue)
  t.same(all.map(f => f.odataType), flows.map(([f]) => f.odataType), 'following nextLink lists every flow, each with its derived type')
  t.ok(isUserProvisioningFlow(all[3]) && all[3].creationOptions?.configurations?.[0]?.roleGroup?.id === 'staff', 'the list expands the bound role group')

  const patched = await patchFlow(adapter, setId, ids[1] ?? '', { odataType: `${NS}.securityGroupProvisioningFlow`, creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true } } as SecurityGroupProvisioningFlow)
  t.ok(isSecurityGroupProvisioningFlow(patched) && patched.creationOptions?.createBasedOnOrgPlusRoleGroup === true, 'PATCH answer parsed and updated')
  await resetFlow(adapter, setId, ids[1] ?? '')
  t.equal((await getFlow(adapter, setId, ids[1] ?? ''))?.readinessStatus, 'notReady', 'reset through the SDK\'s qualified action path')
  await resetFlow(adapter, setId, ids[1] ?? '', { path: 'short' })

  const renamed = await patchFlowSet(adapter, setId, { displayName: 'Renamed by Kiota' })
  t.equal(renamed?.displayName, 'Renamed by Kiota', 'flow set PATCH')
  const sets = await collectAllPages(adapter, await listFlowSets(adapter, { top: 1 }), createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue)
  t.same(sets.map(s => s.displayName), ['Outbound Provisioning Flow Test', 'Renamed by Kiota'], 'flow sets listed page by page')
  t.same((await listRoleGroups(adapter))?.value?.map(g => g.id), ['students', 'staff'], 'role groups')

  for (const id of ids) await deleteFlow(adapter, setId, id)
  t.equal((await listFlows(adapter, setId))?.value?.length, 0, 'flows deleted')
  await deleteFlowSet(adapter, setId)
  try {
    await getFlowSet(adapter, setId)
    t.fail('deleted set must be gone')
  } catch (error) {
    t.equal(isODataError(error) ? error.errorEscaped?.code : undefined, 'itemNotFound', 'a 404 becomes ODataError itemNotFound')
  }
})
