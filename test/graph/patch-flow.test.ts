import t from 'tap'
import {
  ADMIN_UNIT_FLOW_ID, assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth, SECURITY_FLOW_ID, TIMESTAMP_7, USER_FLOW_ID
} from '../helpers.js'

const NS = 'microsoft.graph.industryData'
type Json = Record<string, any>

t.test('the seed document\'s PATCH /classGroupProvisioningFlow', async t => {
  const app = await build(t, { versions: 'beta,v1.0' })
  const seedExample = {
    '@odata.type': `#${NS}.classGroupProvisioningFlow`,
    readinessStatus: 'String',
    configuration: { '@odata.type': `${NS}.classGroupConfiguration` }
  }
  const invalid = await app.inject({ method: 'PATCH', url: '/beta/classGroupProvisioningFlow', headers: jsonAuth, payload: seedExample })
  assertGraphError(t, invalid, 400, 'BadRequest',
    `Invalid value for property 'readinessStatus': 'String' is not a member of '${NS}.readinessStatus'. Use one of: notReady, ready, failed, disabled, expired.`)

  for (const url of ['/beta/classGroupProvisioningFlow', '/v1.0/classGroupProvisioningFlow', '/classGroupProvisioningFlow', '/BETA/ClassGroupProvisioningFlow']) {
    const res = await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload: { ...seedExample, readinessStatus: 'ready' } })
    t.equal(res.statusCode, 200, `${url}: seed contract answers 200`)
    const body = res.json() as Json
    t.equal(body['@odata.type'], `#${NS}.classGroupProvisioningFlow`, `${url}: derived type kept`)
    t.equal(body.id, CLASS_FLOW_ID, `${url}: the fixture's classGroup flow (seed example id)`)
    t.equal(body.readinessStatus, 'ready', `${url}: readinessStatus written`)
    t.same(body.configuration.additionalAttributes.slice(0, 2), ['courseTitle', 'courseCode'], `${url}: empty configuration merges, nothing lost`)
    t.notOk('@odata.type' in body.configuration, `${url}: non-polymorphic complex value carries no @odata.type`)
    t.match(body['@odata.context'], /^http:\/\/localhost(:\d+)?\/(beta|v1\.0)\/\$metadata#external\/industryData\/outboundProvisioningFlowSets\('9ab41255-5364-4c53-e15c-08dc4ab6ee03'\)\/provisioningFlows\/\$entity$/, `${url}: @odata.context`)
  }
  const got = await app.inject({ method: 'GET', url: '/classGroupProvisioningFlow', headers: auth })
  t.equal(got.statusCode, 200, 'GET on the seed route')
  t.equal(got.json().readinessStatus, 'ready', 'GET sees the write')
})

t.test('seed route: 404 when the tenant has no classGroup flow', async t => {
  const app = await build(t)
  const del = await app.inject({ method: 'DELETE', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  t.equal(del.statusCode, 204, 'deleted the only classGroup flow')
  const res = await app.inject({ method: 'PATCH', url: '/beta/classGroupProvisioningFlow', headers: jsonAuth, payload: { configuration: {} } })
  assertGraphError(t, res, 404, 'itemNotFound', 'classGroupProvisioningFlow (this tenant has none) was not found.')
})

t.test('the Graph docs\' update examples, verbatim, on every flow type', async t => {
  const app = await build(t)
  const examples: Array<[string, Json, (body: Json) => void]> = [
    [CLASS_FLOW_ID, {
      '@odata.type': `#${NS}.classGroupProvisioningFlow`,
      configuration: {
        '@odata.type': `#${NS}.classGroupConfiguration`,
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { '@odata.type': `#${NS}.additionalClassGroupOptions`, createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: {
          '@odata.type': `#${NS}.enrollmentMappings`,
          memberEnrollmentMappings: [{ '@odata.type': `#${NS}.sectionRoleReferenceValue`, code: 'student' }],
          ownerEnrollmentMappings: [{ '@odata.type': `#${NS}.sectionRoleReferenceValue`, code: 'teacher' }]
        }
      }
    }, body => {
      t.same(body.configuration, {
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: { memberEnrollmentMappings: [{ code: 'student' }], ownerEnrollmentMappings: [{ code: 'teacher' }] }
      }, 'classGroup: collections replaced, nested @odata.type dropped from the answer')
    }],
    [SECURITY_FLOW_ID, {
      '@odata.type': `#${NS}.securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true }
    }, body => t.same(body.creationOptions, { createBasedOnOrgPlusRoleGroup: true, createBasedOnRoleGroup: true }, 'securityGroup updated')],
    [ADMIN_UNIT_FLOW_ID, {
      '@odata.type': `#${NS}.administrativeUnitProvisioningFlow`,
      creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusroleGroup: false }
    }, body => t.same(body.creationOptions, { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false }, 'adminUnit: mis-cased name accepted, answered canonical')],
    [USER_FLOW_ID, {
      '@odata.type': `#${NS}.userProvisioningFlow`,
      createUnmatchedUsers: true,
      managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { studentAgeGroup: 'minor', allowStudentContactAssociation: true } },
      creationOptions: {
        configurations: [
          { 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff', defaultPasswordSettings: { '@odata.type': `#${NS}.simplePasswordSettings`, password: '********' }, licenseSkus: ['SkuUpdated'] },
          { 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/students', defaultPasswordSettings: { '@odata.type': `#${NS}.simplePasswordSettings`, password: '********' }, licenseSkus: ['SkuUpdated2'] }
        ]
      }
    }, body => {
      t.same(body.managementOptions, {
        additionalAttributes: ['userGradeLevel'],
        additionalOptions: { allowStudentContactAssociation: true, markAllStudentsAsMinors: true, studentAgeGroup: 'minor' }
      }, 'user: managementOptions merged (markAllStudentsAsMinors kept from before)')
      t.same(body.creationOptions.configurations[0], {
        defaultPasswordSettings: { '@odata.type': `#${NS}.simplePasswordSettings`, password: '***************' },
        licenseSkus: ['SkuUpdated']
      }, 'user: derived complex type keeps @odata.type, password masked, no roleGroup in a write answer')
    }]
  ]
  for (const [flowId, payload, check] of examples) {
    const url = flowUrl(flowId).replace('outboundProvisioningFlowSets', 'OutboundProvisioningFlowSets')
    const res = await app.inject({ method: 'PATCH', url, headers: jsonAuth, payload })
    t.equal(res.statusCode, 200, `${payload['@odata.type']}: 200`)
    const body = res.json() as Json
    t.equal(body['@odata.type'], payload['@odata.type'], 'type kept')
    t.match(body.lastModifiedDateTime, TIMESTAMP_7, 'lastModifiedDateTime has 7 fractional digits')
    check(body)
    const again = await app.inject({ method: 'GET', url, headers: auth })
    t.same({ ...again.json(), '@odata.context': undefined }, { ...body, '@odata.context': undefined, ...(flowId === USER_FLOW_ID ? { creationOptions: again.json().creationOptions } : {}) }, 'GET answers what PATCH answered')
  }
  const user = (await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json() as Json
  const first = user.creationOptions.configurations[0]
  t.same(Object.keys(first), ['defaultPasswordSettings', 'licenseSkus', 'roleGroup@odata.context', 'roleGroup'], 'GET expands the bound role group')
  t.equal(first.roleGroup.id, 'staff', 'bound to staff')
  t.equal(first.roleGroup.displayName, 'Staff', 'role group inline')
  t.match(first['roleGroup@odata.context'], new RegExp(`provisioningFlows\\('${USER_FLOW_ID}'\\)/microsoft\\.graph\\.industryData\\.userProvisioningFlow/creationOptions/configurations/roleGroup/\\$entity$`), 'roleGroup@odata.context as Graph writes it')
})

t.test('merge semantics', async t => {
  const app = await build(t)
  const patch = async (payload: Json, flowId = USER_FLOW_ID) => app.inject({ method: 'PATCH', url: flowUrl(flowId), headers: jsonAuth, payload })
  const before = (await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json() as Json

  const res = await patch({ managementOptions: { additionalOptions: { studentAgeGroup: 'adult' } } })
  const body = res.json() as Json
  t.equal(res.statusCode, 200, 'merged')
  t.same(body.managementOptions.additionalAttributes, before.managementOptions.additionalAttributes, 'absent collection untouched')
  t.equal(body.managementOptions.additionalOptions.markAllStudentsAsMinors, true, 'absent sibling primitive untouched')
  t.equal(body.managementOptions.additionalOptions.studentAgeGroup, 'adult', 'nested primitive written')
  t.equal(body.createUnmatchedUsers, true, 'absent top-level property untouched')

  const cleared = await patch({ managementOptions: { additionalOptions: { studentAgeGroup: null } }, createUnmatchedUsers: null })
  t.equal(cleared.statusCode, 200, 'null accepted on nullable properties')
  t.equal(cleared.json().managementOptions.additionalOptions.studentAgeGroup, null, 'studentAgeGroup cleared')
  t.equal(cleared.json().createUnmatchedUsers, null, 'createUnmatchedUsers cleared')

  const replaced = await patch({ managementOptions: { additionalAttributes: ['userNumber', 'userGradeLevel'] } })
  t.same(replaced.json().managementOptions.additionalAttributes, ['userNumber', 'userGradeLevel'], 'collections replace')

  assertGraphError(t, await patch({ managementOptions: null }), 400, 'BadRequest',
    "Invalid value for property 'managementOptions': null is not allowed; the property is not nullable.")
  assertGraphError(t, await patch({ managementOptions: { additionalOptions: null } }), 400, 'BadRequest',
    "Invalid value for property 'managementOptions.additionalOptions': null is not allowed; the property is not nullable.")
  assertGraphError(t, await patch({ configuration: { additionalOptions: { createTeam: null } } }, CLASS_FLOW_ID), 400, 'BadRequest',
    "Invalid value for property 'configuration.additionalOptions.createTeam': null is not allowed; the property is not nullable.")
  assertGraphError(t, await patch({ managementOptions: { additionalAttributes: null } }), 400, 'BadRequest',
    "Invalid value for property 'managementOptions.additionalAttributes': a collection cannot be null; send [] to empty it.")
  const after = (await app.inject({ method: 'GET', url: flowUrl(USER_FLOW_ID), headers: auth })).json() as Json
  t.same(after.managementOptions.additionalAttributes, ['userNumber', 'userGradeLevel'], 'rejected writes changed nothing')
})

t.test('validation: every rule answers 400 naming the property', async t => {
  const app = await build(t)
  const patch = async (payload: unknown, flowId = CLASS_FLOW_ID) =>
    app.inject({ method: 'PATCH', url: flowUrl(flowId), headers: jsonAuth, payload: JSON.stringify(payload) })
  const cases: Array<[string, unknown, string, string?]> = [
    ['enum member', { configuration: { additionalAttributes: ['courseName'] } },
      `Invalid value for property 'configuration.additionalAttributes[0]': 'courseName' is not a member of '${NS}.additionalClassGroupAttributes'. Use one of: courseTitle, courseCode, courseSubject, courseGradeLevel, courseExternalId, academicSessionTitle, academicSessionExternalId, classCode.`],
    ['unknownFutureValue', { configuration: {}, readinessStatus: 'unknownFutureValue' },
      `Invalid value for property 'readinessStatus': 'unknownFutureValue' is the evolvable-enum sentinel of '${NS}.readinessStatus' and cannot be sent. Use one of: notReady, ready, failed, disabled, expired.`],
    ['bad date', { configuration: {}, createdDateTime: 'yesterday' },
      "Invalid value for property 'createdDateTime': 'yesterday' is not a valid Edm.DateTimeOffset; use ISO 8601 with a time zone, e.g. 2026-11-28T21:28:02Z."],
    ['date without zone', { configuration: {}, lastModifiedDateTime: '2026-01-01T00:00:00' },
      "Invalid value for property 'lastModifiedDateTime': '2026-01-01T00:00:00' is not a valid Edm.DateTimeOffset; use ISO 8601 with a time zone, e.g. 2026-11-28T21:28:02Z."],
    ['a day the month does not have', { configuration: {}, createdDateTime: '2026-02-30T00:00:00Z' },
      "Invalid value for property 'createdDateTime': '2026-02-30T00:00:00Z' is not a valid Edm.DateTimeOffset; use ISO 8601 with a time zone, e.g. 2026-11-28T21:28:02Z."],
    ['id mismatch', { configuration: {}, id: 'another' },
      `The 'id' in the body ('another') does not match the id in the URL ('${CLASS_FLOW_ID}').`],
    ['classGroup needs configuration', { readinessStatus: 'ready' },
      `Property 'configuration' is required when updating a '${NS}.classGroupProvisioningFlow'.`],
    ['user flow needs managementOptions', { createUnmatchedUsers: false },
      `Property 'managementOptions' is required when updating a '${NS}.userProvisioningFlow'.`, USER_FLOW_ID],
    ['unknown property', { configuration: {}, colour: 'blue' },
      `Property 'colour' does not exist on type '${NS}.classGroupProvisioningFlow'.`],
    ['unknown nested property', { configuration: { additionalOptions: { createChannel: true } } },
      `Property 'createChannel' does not exist on type '${NS}.additionalClassGroupOptions'.`],
    ['property of another flow type', { configuration: {}, creationOptions: {} },
      `Property 'creationOptions' does not exist on type '${NS}.classGroupProvisioningFlow'.`],
    ['wrong @odata.type', { '@odata.type': `#${NS}.userProvisioningFlow`, configuration: {} },
      `'@odata.type' '#${NS}.userProvisioningFlow' does not match the type of the stored flow, '#${NS}.classGroupProvisioningFlow'; a flow's type cannot change.`],
    ['wrong nested @odata.type', { configuration: { '@odata.type': `#${NS}.enrollmentMappings` } },
      `'@odata.type' '#${NS}.enrollmentMappings' does not match the type '${NS}.classGroupConfiguration' expected at 'configuration'.`],
    ['boolean as string', { configuration: { additionalOptions: { createTeam: 'yes' } } },
      "Invalid value for property 'configuration.additionalOptions.createTeam': Cannot convert the literal '\"yes\"' to the expected type 'Edm.Boolean'."],
    ['object expected', { configuration: 'all' },
      `Invalid value for property 'configuration': expected a JSON object of type '${NS}.classGroupConfiguration', got "all".`],
    ['array expected', { configuration: { additionalAttributes: 'courseCode' } },
      "Invalid value for property 'configuration.additionalAttributes': expected a JSON array, got \"courseCode\"."],
    ['duplicate names differing in case', { configuration: {}, readinessStatus: 'ready', ReadinessStatus: 'failed' },
      "Property 'readinessStatus' appears more than once (property names are case-insensitive)."],
    ['body is not an object', [1, 2], 'The request body must be a JSON object.'],
    ['role group that does not exist', { managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/parents' }] } },
      "Invalid value for property 'roleGroup@odata.bind': the role group 'parents' does not exist.", USER_FLOW_ID],
    ['bind that is not a role group URL', { managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://example.com/users/1' }] } },
      "Invalid value for property 'roleGroup@odata.bind': 'https://example.com/users/1' is not the URL of a role group (https://graph.microsoft.com/beta/external/industryData/roleGroups/{id}).", USER_FLOW_ID],
    ['bind whose id is a malformed escape', { managementOptions: {}, creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/%ZZ' }] } },
      "Invalid value for property 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/%ZZ' is not the URL of a role group (https://graph.microsoft.com/beta/external/industryData/roleGroups/{id}).", USER_FLOW_ID],
    ['abstract type with a foreign @odata.type', { managementOptions: {}, creationOptions: { configurations: [{ defaultPasswordSettings: { '@odata.type': '#microsoft.graph.passwordProfile', password: 'x' } }] } },
      `Invalid value for property 'creationOptions.configurations[0].defaultPasswordSettings': '@odata.type' '#microsoft.graph.passwordProfile' is not a concrete type derived from '${NS}.passwordSettings' (#${NS}.simplePasswordSettings).`, USER_FLOW_ID]
  ]
  const before = (await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json() as Json
  for (const [name, payload, message, flowId] of cases) {
    t.test(name, async t => { assertGraphError(t, await patch(payload, flowId), 400, 'BadRequest', message) })
  }
  const after = (await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json() as Json
  t.same(after, before, 'no rejected write changed the flow')
})

t.test('accepted, then ignored: server-owned values and echoed annotations', async t => {
  const app = await build(t)
  const res = await app.inject({
    method: 'PATCH',
    url: flowUrl(CLASS_FLOW_ID),
    headers: jsonAuth,
    payload: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#whatever',
      '@odata.type': `${NS}.classGroupProvisioningFlow`,
      id: CLASS_FLOW_ID.toUpperCase(),
      createdDateTime: '2001-01-01T00:00:00Z',
      lastModifiedDateTime: '2001-01-01T00:00:00.1234567+02:00',
      CONFIGURATION: { AdditionalAttributes: ['classCode'] }
    }
  })
  t.equal(res.statusCode, 200, 'accepted')
  const body = res.json() as Json
  t.equal(body.createdDateTime, '2024-03-22T23:34:18.5035988Z', 'createdDateTime is the server\'s')
  t.not(body.lastModifiedDateTime, '2001-01-01T00:00:00.1234567+02:00', 'lastModifiedDateTime is the server\'s')
  t.same(body.configuration.additionalAttributes, ['classCode'], 'names matched case-insensitively, stored canonical')
  t.notOk('CONFIGURATION' in body, 'answered in canonical case')
})

t.test('timestamps move strictly forward, with 7 fractional digits', async t => {
  const app = await build(t)
  const stamps: string[] = []
  for (let i = 0; i < 20; i++) {
    const res = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
    stamps.push(res.json().lastModifiedDateTime)
  }
  for (const stamp of stamps) t.match(stamp, TIMESTAMP_7, `${stamp} has 7 digits`)
  const sorted = [...stamps].sort()
  t.same(sorted, stamps, 'increasing')
  t.equal(new Set(stamps).size, stamps.length, 'strictly: no two alike')
})

t.test('Prefer: return=minimal and GRAPH_MOCK_PATCH_RESPONSE', async t => {
  const app = await build(t)
  const minimal = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: { ...jsonAuth, prefer: 'return=minimal' }, payload: { configuration: {}, readinessStatus: 'failed' } })
  t.equal(minimal.statusCode, 204, '204 No Content')
  t.equal(minimal.headers['preference-applied'], 'return=minimal', 'Preference-Applied')
  t.equal(minimal.body, '', 'no body')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).json().readinessStatus, 'failed', 'the write happened')

  const graphLike = await build(t, { patchResponse: 'minimal' })
  const byDefault = await graphLike.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.equal(byDefault.statusCode, 204, 'minimal server default: 204 as production Graph')
  t.notOk(byDefault.headers['preference-applied'], 'nothing asked, nothing applied')
  const asked = await graphLike.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: { ...jsonAuth, prefer: 'return=representation' }, payload: { configuration: {} } })
  t.equal(asked.statusCode, 200, 'return=representation gives 200')
  t.equal(asked.headers['preference-applied'], 'return=representation', 'and says so')
  t.equal(asked.json().id, CLASS_FLOW_ID, 'with the entity')
})
