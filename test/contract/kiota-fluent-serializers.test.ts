/**
 * The SDK's serializer gap, through the fluent builders registered exactly as generated: the body
 * serializers of provisioningFlows' post()/patch() (serializeProvisioningFlow) and of a flow set's
 * (serializeOutboundProvisioningFlowSet, through serializeFilter) call the derived type's serializer with
 * isSerializingDerivedType=true, which returns at once. What goes out, what graph-mock answers, and the
 * three ways around it that docs/clients.md describes.
 */
import t from 'tap'
import {
  createProvisioningFlowFromDiscriminatorValue,
  serializeClassGroupProvisioningFlow,
  type BasicFilter,
  type ClassGroupConfiguration,
  type ClassGroupProvisioningFlow,
  type ProvisioningFlow,
  type SecurityGroupProvisioningFlow,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { CLASS_FLOW_ID, SECURITY_FLOW_ID, SET_ID } from '../helpers.js'
import { ODATA_TYPE, isClassGroupProvisioningFlow, isSecurityGroupProvisioningFlow, serializeProvisioningFlowDerived } from './kiota-models.js'
import { createBetaClient } from './kiota-fluent/client.js'
import { ERROR_MAPPINGS, registerIndustryDataBuilders } from './kiota-fluent/index.js'
import { journal } from './kiota-fluent/mock-control.js'
import { MockTokenProvider } from './kiota-fluent/mock-token-provider.js'
import { assertODataError } from './kiota-fluent/odata-error.js'
import { listen } from './listen.js'

registerIndustryDataBuilders()

const CONFIGURATION: ClassGroupConfiguration = {
  additionalAttributes: ['courseCode'],
  additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
  enrollmentMappings: { memberEnrollmentMappings: [{ code: 'student' }], ownerEnrollmentMappings: [{ code: 'teacher' }] }
}
const CLASS_GROUP: ClassGroupProvisioningFlow = { odataType: ODATA_TYPE.classGroupProvisioningFlow, configuration: CONFIGURATION }

/** A listening graph-mock, its fluent client, and an empty flow set of its own. */
async function withEmptySet (t: Parameters<typeof listen>[0]) {
  const { url, graphUrl } = await listen(t, { auth: 'strict' })
  const { client, adapter } = createBetaClient(graphUrl, new MockTokenProvider(url))
  const sets = client.external.industryData.outboundProvisioningFlowSets
  const set = await sets.post({ displayName: 'Empty set' })
  return { url, adapter, sets, flows: sets.byOutboundProvisioningFlowSetId(set?.id ?? '').provisioningFlows }
}

t.test('the gap: post() of a flow sends its @odata.type alone, and graph-mock creates a flow of defaults', async t => {
  const { url, flows } = await withEmptySet(t)
  const created = await flows.post(CLASS_GROUP)
  const [sent] = await journal(url, { method: 'POST', path: '*/provisioningFlows' })
  t.same(sent?.body, { '@odata.type': ODATA_TYPE.classGroupProvisioningFlow }, 'the body: @odata.type, the configuration gone')
  t.equal(sent?.status, 201, 'a concrete @odata.type is all a create needs, so: 201')
  t.ok(isClassGroupProvisioningFlow(created), 'the answer parses as a ClassGroupProvisioningFlow')
  const configuration = isClassGroupProvisioningFlow(created) ? created.configuration : undefined
  t.same([configuration?.additionalAttributes, configuration?.additionalOptions?.createTeam], [[], false], 'holding the defaults, not what was asked for')
})

t.test('the gap: patch() of a flow sends its @odata.type alone; a class group flow\'s PATCH is then a 400', async t => {
  const { url, graphUrl } = await listen(t, { auth: 'strict' })
  const { client } = createBetaClient(graphUrl, new MockTokenProvider(url))
  const flows = client.external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID).provisioningFlows
  const refused = await flows.byProvisioningFlowId(CLASS_FLOW_ID).patch(CLASS_GROUP).catch((error: unknown) => error)
  const [sent] = await journal(url, { method: 'PATCH' })
  t.same(sent?.body, { '@odata.type': ODATA_TYPE.classGroupProvisioningFlow }, 'the body: @odata.type alone')
  assertODataError(t, refused, sent, 400, 'BadRequest', "Property 'configuration' is required when updating a 'microsoft.graph.industryData.classGroupProvisioningFlow'.")

  // A flow read with get() and sent back whole loses the same way: its id and @odata.context go out, nothing else.
  const read = await flows.byProvisioningFlowId(CLASS_FLOW_ID).get()
  const again = await flows.byProvisioningFlowId(CLASS_FLOW_ID).patch(read ?? {}).catch((error: unknown) => error)
  const resent = (await journal(url, { method: 'PATCH' })).at(-1)
  t.same(Object.keys(resent?.body ?? {}), ['id', '@odata.type', '@odata.context'], 'a flow from get(), patched back: id, @odata.type, @odata.context')
  assertODataError(t, again, resent, 400, 'BadRequest', "Property 'configuration' is required when updating a 'microsoft.graph.industryData.classGroupProvisioningFlow'.")
})

t.test('the gap in a flow set: post() sends a basicFilter as its @odata.type alone, a 400', async t => {
  const { url, sets } = await withEmptySet(t)
  const filter: BasicFilter = { odataType: ODATA_TYPE.basicFilter, attribute: 'orgExternalId', inEscaped: ['School-1'] }
  const refused = await sets.post({ displayName: 'Filtered set', filter }).catch((error: unknown) => error)
  const sent = (await journal(url, { method: 'POST' })).at(-1)
  t.same(sent?.body, { displayName: 'Filtered set', filter: { '@odata.type': ODATA_TYPE.basicFilter } }, 'the filter went out without attribute and in')
  assertODataError(t, refused, sent, 400, 'BadRequest',
    "Property 'filter.attribute' is required: 'microsoft.graph.industryData.basicFilter' declares it not nullable. Use one of: orgExternalId.")
})

t.test('way around 1: the builder\'s RequestInformation, its content set again with a derived-aware serializer', async t => {
  const { url, adapter, flows } = await withEmptySet(t)
  const info = flows.toPostRequestInformation(CLASS_GROUP)
  info.setContentFromParsable(adapter, 'application/json', CLASS_GROUP, serializeClassGroupProvisioningFlow) // the SDK's own, called directly
  const created = await adapter.send<ProvisioningFlow>(info, createProvisioningFlowFromDiscriminatorValue, ERROR_MAPPINGS)
  t.ok(isClassGroupProvisioningFlow(created), 'adapter.send() answers the created ClassGroupProvisioningFlow')
  t.same(isClassGroupProvisioningFlow(created) ? created.configuration?.additionalAttributes : undefined, ['courseCode'], 'with its configuration')
  const sent = (await journal(url, { method: 'POST' })).at(-1)
  t.same(sent?.body, { '@odata.type': ODATA_TYPE.classGroupProvisioningFlow, configuration: CONFIGURATION }, 'the flow went out whole')
  t.equal(sent?.path.endsWith('/provisioningFlows'), true, 'to the URL the builder made')

  const update: ClassGroupProvisioningFlow = { odataType: ODATA_TYPE.classGroupProvisioningFlow, configuration: { additionalAttributes: ['courseTitle'] } }
  const patchInfo = flows.byProvisioningFlowId(created?.id ?? '').toPatchRequestInformation(update)
  patchInfo.setContentFromParsable(adapter, 'application/json', update, serializeProvisioningFlowDerived) // kiota-models.ts: picks by odataType
  const patched = await adapter.send<ProvisioningFlow>(patchInfo, createProvisioningFlowFromDiscriminatorValue, ERROR_MAPPINGS)
  t.same(isClassGroupProvisioningFlow(patched) ? patched.configuration?.additionalAttributes : undefined, ['courseTitle'], 'and the same for a PATCH')
})

t.test('way around 2: the derived properties in additionalData, which the generated serializer writes', async t => {
  const { url, flows } = await withEmptySet(t)
  const created = await flows.post({ odataType: ODATA_TYPE.classGroupProvisioningFlow, additionalData: { configuration: CONFIGURATION } })
  t.same(isClassGroupProvisioningFlow(created) ? created.configuration?.additionalAttributes : undefined, ['courseCode'], 'post() created the flow as asked')
  const sent = (await journal(url, { method: 'POST' })).at(-1)
  t.same(sent?.body, { '@odata.type': ODATA_TYPE.classGroupProvisioningFlow, configuration: CONFIGURATION }, 'the body carried the configuration')

  const patched = await flows.byProvisioningFlowId(created?.id ?? '').patch({
    odataType: ODATA_TYPE.classGroupProvisioningFlow,
    additionalData: { configuration: { additionalAttributes: ['courseTitle'] } }
  })
  t.same(isClassGroupProvisioningFlow(patched) ? patched.configuration?.additionalAttributes : undefined, ['courseTitle'], 'and patch() too')
})

t.test('way around 3: register builders whose requestBodySerializer is derived-aware', async t => {
  const { url, graphUrl } = await listen(t, { auth: 'strict' })
  const tokens = new MockTokenProvider(url)
  const before = createBetaClient(graphUrl, tokens).client
  registerIndustryDataBuilders({ bodySerializers: 'derived' })
  t.teardown(() => registerIndustryDataBuilders()) // back to the generated serializers for whatever runs next
  const after = createBetaClient(graphUrl, tokens).client
  const update: SecurityGroupProvisioningFlow = { odataType: ODATA_TYPE.securityGroupProvisioningFlow, creationOptions: { createBasedOnOrgPlusRoleGroup: true } }
  const flowOf = (client: typeof before) => client.external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID)
    .provisioningFlows.byProvisioningFlowId(SECURITY_FLOW_ID)

  await flowOf(before).patch(update)
  const patched = await flowOf(after).patch(update)
  const sent = await journal(url, { method: 'PATCH' })
  t.same(sent.map(e => e.body), [
    { '@odata.type': ODATA_TYPE.securityGroupProvisioningFlow },
    { '@odata.type': ODATA_TYPE.securityGroupProvisioningFlow, creationOptions: { createBasedOnOrgPlusRoleGroup: true } }
  ], 'a client made before the registration keeps the generated serializer; one made after sends the flow whole')
  t.same(sent.map(e => e.status), [200, 200], 'both 200: a security group flow\'s PATCH needs nothing, so the first changed nothing')
  t.equal(isSecurityGroupProvisioningFlow(patched) ? patched.creationOptions?.createBasedOnOrgPlusRoleGroup : undefined, true, 'the second one did')
})
