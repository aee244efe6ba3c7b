import t from 'tap'
import type { ClassGroupProvisioningFlow, UserProvisioningFlow } from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { CLASS_FLOW_ID, SET_ID, USER_FLOW_ID } from '../helpers.js'
import { createAdapter, getFlow, isClassGroupProvisioningFlow, isODataError, isUserProvisioningFlow, patchFlow, roleGroupBind } from './kiota-client.js'
import { listen } from './listen.js'

t.test('Kiota client: the docs\' classGroup PATCH, answered and parsed as a ClassGroupProvisioningFlow', async t => {
  const { graphUrl } = await listen(t)
  const adapter = createAdapter(graphUrl, 'opaque-token')
  const update: ClassGroupProvisioningFlow = {
    odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow',
    configuration: {
      additionalAttributes: ['courseTitle', 'courseCode'],
      additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: {
        memberEnrollmentMappings: [{ code: 'student' }],
        ownerEnrollmentMappings: [{ code: 'teacher' }]
      }
    }
  }
  const answer = await patchFlow(adapter, SET_ID, CLASS_FLOW_ID, update)
  t.ok(isClassGroupProvisioningFlow(answer), 'the 200 answer parses into the derived model')
  if (!isClassGroupProvisioningFlow(answer)) return
  t.equal(answer.id, CLASS_FLOW_ID, 'id')
  t.same(answer.configuration?.additionalAttributes, ['courseTitle', 'courseCode'], 'attributes written')
  t.equal(answer.configuration?.additionalOptions?.createTeam, false, 'createTeam written')
  t.same(answer.configuration?.enrollmentMappings?.ownerEnrollmentMappings?.map(m => m.code), ['teacher'], 'owner mappings written')
  t.ok(answer.lastModifiedDateTime instanceof Date, 'lastModifiedDateTime parses as a Date')
  t.equal(answer.readinessStatus, 'disabled', 'readinessStatus read back (Kiota never sends it)')

  const again = await getFlow(adapter, SET_ID, CLASS_FLOW_ID)
  t.ok(isClassGroupProvisioningFlow(again), 'GET parses into the derived model')
  t.same(isClassGroupProvisioningFlow(again) ? again.configuration?.additionalAttributes : undefined, ['courseTitle', 'courseCode'], 'GET sees the write')
})

t.test('Kiota client: a user flow with roleGroup as the model carries it, and as @odata.bind', async t => {
  const { graphUrl } = await listen(t)
  const adapter = createAdapter(graphUrl, 'opaque-token')
  const update: UserProvisioningFlow = {
    odataType: '#microsoft.graph.industryData.userProvisioningFlow',
    createUnmatchedUsers: false,
    managementOptions: { additionalAttributes: ['userNumber'], additionalOptions: { studentAgeGroup: 'notAdult', allowStudentContactAssociation: true } },
    creationOptions: {
      configurations: [
        { roleGroup: { id: 'students' }, licenseSkus: ['A1'], defaultPasswordSettings: { odataType: '#microsoft.graph.industryData.simplePasswordSettings', password: 'S3cret!' } as never },
        { licenseSkus: ['A2'], additionalData: roleGroupBind('https://graph.microsoft.com/beta', 'staff') }
      ]
    }
  }
  const answer = await patchFlow(adapter, SET_ID, USER_FLOW_ID, update)
  t.ok(isUserProvisioningFlow(answer), 'parsed as UserProvisioningFlow')
  const got = await getFlow(adapter, SET_ID, USER_FLOW_ID)
  if (!isUserProvisioningFlow(got)) { t.fail('GET parses as UserProvisioningFlow'); return }
  const configurations = got.creationOptions?.configurations ?? []
  t.same(configurations.map(c => c.roleGroup?.id), ['students', 'staff'], 'both binding forms stored; GET expands roleGroup')
  t.equal(configurations[0]?.roleGroup?.displayName, 'Students', 'expanded role group parses')
  t.equal(got.managementOptions?.additionalOptions?.studentAgeGroup, 'notAdult', 'studentAgeGroup written')
})

t.test('Kiota client: a 400 surfaces as ODataError with Graph\'s code and message', async t => {
  const { graphUrl } = await listen(t)
  const adapter = createAdapter(graphUrl, 'opaque-token')
  try {
    await patchFlow(adapter, SET_ID, CLASS_FLOW_ID, { odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow' } as ClassGroupProvisioningFlow)
    t.fail('should have thrown')
  } catch (error) {
    t.ok(isODataError(error), 'an ODataError')
    if (!isODataError(error)) return
    t.equal(error.responseStatusCode, 400, 'status 400')
    t.equal(error.errorEscaped?.code, 'BadRequest', 'code')
    t.equal(error.errorEscaped?.message, "Property 'configuration' is required when updating a 'microsoft.graph.industryData.classGroupProvisioningFlow'.", 'message')
    t.match(error.errorEscaped?.innerError?.additionalData?.['request-id'] ?? (error.errorEscaped?.innerError as Record<string, unknown> | undefined)?.requestId, /^[0-9a-f-]{36}$/, 'innerError request-id')
  }
})

t.test('Kiota client with its CompressionHandler: the gzipped PATCH is decoded and applied', async t => {
  const { app, graphUrl } = await listen(t)
  const adapter = createAdapter(graphUrl, 'opaque-token', { compression: true })
  const update: ClassGroupProvisioningFlow = { odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow', configuration: { additionalAttributes: ['classCode'] } }
  const answer = await patchFlow(adapter, SET_ID, CLASS_FLOW_ID, update)
  t.ok(isClassGroupProvisioningFlow(answer), 'the answer parses')
  t.same(isClassGroupProvisioningFlow(answer) ? answer.configuration?.additionalAttributes : undefined, ['classCode'], 'the decoded body was applied')
  const [entry] = app.graphMock.journal.entries().filter(e => e.method === 'PATCH')
  t.equal(entry?.headers['content-encoding'], 'gzip', 'the request really was gzipped')
  t.match(JSON.stringify(entry?.body), /classCode/, 'and the journal holds it decoded')
})
