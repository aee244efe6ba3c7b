/**
 * Concurrency over real sockets (SPEC §3, §10): no lost update when many PATCHes race, and exactly one winner
 * when 200 clients create the same flow type in one set. The server listens on loopback with a file database,
 * and every request of a burst is sent before any answer is read.
 */
import t from 'tap'
import { startGraphMock, type GraphMock } from '../../src/index.js'
import { ADMIN_UNIT_FLOW_ID, CLASS_FLOW_ID, FIXTURES, SECURITY_FLOW_ID, SET_ID, USER_FLOW_ID } from '../helpers.js'
import { AUTH, JSON_AUTH, SETS, tempDatabase } from './child.js'

type Json = Record<string, any>
const SET_COUNT = 200
const ROUNDS = 6
const setId = (i: number): string => `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`
const flowUrl = (flowId: string): string => `${SETS}/${SET_ID}/provisioningFlows/${flowId}`

async function start (t: { teardown: (fn: () => unknown) => void }): Promise<GraphMock> {
  const mock = await startGraphMock({ port: 0, db: tempDatabase(t, 'concurrency'), fixtures: FIXTURES })
  t.teardown(async () => { await mock.close() })
  return mock
}

async function send (mock: GraphMock, method: string, path: string, body?: unknown): Promise<{ status: number, json: Json }> {
  const res = await fetch(`${mock.url}${path}`, { method, headers: body === undefined ? AUTH : JSON_AUTH, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const text = await res.text()
  return { status: res.status, json: text === '' ? {} : JSON.parse(text) as Json }
}

/**
 * Each write touches one leaf property of one flow of the bundled set, so in a round every one of them must
 * survive whatever order the server applies them in. `value(round)` differs between consecutive rounds.
 */
interface PropertyWrite { flowId: string, name: string, body: (round: number) => Json, read: (flow: Json) => unknown, value: (round: number) => unknown }
const odd = (round: number): boolean => round % 2 === 1
const PROPERTY_WRITES: PropertyWrite[] = [
  { flowId: USER_FLOW_ID, name: 'createUnmatchedUsers', value: r => odd(r), body: r => ({ createUnmatchedUsers: odd(r), managementOptions: {} }), read: f => f.createUnmatchedUsers },
  { flowId: USER_FLOW_ID, name: 'allowStudentContactAssociation', value: r => odd(r), body: r => ({ managementOptions: { additionalOptions: { allowStudentContactAssociation: odd(r) } } }), read: f => f.managementOptions.additionalOptions.allowStudentContactAssociation },
  { flowId: USER_FLOW_ID, name: 'markAllStudentsAsMinors', value: r => !odd(r), body: r => ({ managementOptions: { additionalOptions: { markAllStudentsAsMinors: !odd(r) } } }), read: f => f.managementOptions.additionalOptions.markAllStudentsAsMinors },
  { flowId: USER_FLOW_ID, name: 'studentAgeGroup', value: r => ['minor', 'notAdult', 'adult'][r % 3], body: r => ({ managementOptions: { additionalOptions: { studentAgeGroup: ['minor', 'notAdult', 'adult'][r % 3] } } }), read: f => f.managementOptions.additionalOptions.studentAgeGroup },
  { flowId: USER_FLOW_ID, name: 'additionalAttributes (user)', value: r => [odd(r) ? 'userNumber' : 'userGradeLevel'], body: r => ({ managementOptions: { additionalAttributes: [odd(r) ? 'userNumber' : 'userGradeLevel'] } }), read: f => f.managementOptions.additionalAttributes },
  { flowId: CLASS_FLOW_ID, name: 'createTeam', value: r => !odd(r), body: r => ({ configuration: { additionalOptions: { createTeam: !odd(r) } } }), read: f => f.configuration.additionalOptions.createTeam },
  { flowId: CLASS_FLOW_ID, name: 'writeDisplayNameOnCreateOnly', value: r => !odd(r), body: r => ({ configuration: { additionalOptions: { writeDisplayNameOnCreateOnly: !odd(r) } } }), read: f => f.configuration.additionalOptions.writeDisplayNameOnCreateOnly },
  { flowId: CLASS_FLOW_ID, name: 'additionalAttributes (class)', value: r => [odd(r) ? 'classCode' : 'courseCode'], body: r => ({ configuration: { additionalAttributes: [odd(r) ? 'classCode' : 'courseCode'] } }), read: f => f.configuration.additionalAttributes },
  { flowId: CLASS_FLOW_ID, name: 'memberEnrollmentMappings', value: r => [{ code: odd(r) ? 'student' : 'aide' }], body: r => ({ configuration: { enrollmentMappings: { memberEnrollmentMappings: [{ code: odd(r) ? 'student' : 'aide' }] } } }), read: f => f.configuration.enrollmentMappings.memberEnrollmentMappings },
  { flowId: CLASS_FLOW_ID, name: 'ownerEnrollmentMappings', value: r => [{ code: odd(r) ? 'teacher' : 'staff' }], body: r => ({ configuration: { enrollmentMappings: { ownerEnrollmentMappings: [{ code: odd(r) ? 'teacher' : 'staff' }] } } }), read: f => f.configuration.enrollmentMappings.ownerEnrollmentMappings },
  { flowId: SECURITY_FLOW_ID, name: 'createBasedOnRoleGroup', value: r => odd(r), body: r => ({ creationOptions: { createBasedOnRoleGroup: odd(r) } }), read: f => f.creationOptions.createBasedOnRoleGroup },
  { flowId: SECURITY_FLOW_ID, name: 'createBasedOnOrgPlusRoleGroup (security)', value: r => !odd(r), body: r => ({ creationOptions: { createBasedOnOrgPlusRoleGroup: !odd(r) } }), read: f => f.creationOptions.createBasedOnOrgPlusRoleGroup },
  { flowId: ADMIN_UNIT_FLOW_ID, name: 'createBasedOnOrg', value: r => odd(r), body: r => ({ creationOptions: { createBasedOnOrg: odd(r) } }), read: f => f.creationOptions.createBasedOnOrg },
  { flowId: ADMIN_UNIT_FLOW_ID, name: 'createBasedOnOrgPlusRoleGroup (admin unit)', value: r => !odd(r), body: r => ({ creationOptions: { createBasedOnOrgPlusRoleGroup: !odd(r) } }), read: f => f.creationOptions.createBasedOnOrgPlusRoleGroup },
  { flowId: ADMIN_UNIT_FLOW_ID, name: 'readinessStatus', value: r => ['ready', 'failed', 'disabled'][r % 3], body: r => ({ readinessStatus: ['ready', 'failed', 'disabled'][r % 3], creationOptions: {} }), read: f => f.readinessStatus }
]

t.test('no lost update: 200 sets and 15 properties of four flows, PATCHed at once, for six rounds', async t => {
  const mock = await start(t)
  const seeded = await send(mock, 'POST', '/_mock/seed', {
    outboundProvisioningFlowSets: Array.from({ length: SET_COUNT }, (_, i) => ({ id: setId(i), displayName: `set ${i} round 0` }))
  })
  t.equal(seeded.status, 200, `seeded ${SET_COUNT} flow sets`)

  for (let round = 1; round <= ROUNDS; round++) {
    const burst = [
      ...Array.from({ length: SET_COUNT }, (_, i) => send(mock, 'PATCH', `${SETS}/${setId(i)}`, { displayName: `set ${i} round ${round}` })),
      ...PROPERTY_WRITES.map(write => send(mock, 'PATCH', flowUrl(write.flowId), write.body(round)))
    ]
    const answers = await Promise.all(burst)
    const failed = answers.map((a, i) => [a.status, i] as const).filter(([status]) => status !== 200)
    t.same(failed, [], `round ${round}: all ${burst.length} PATCHes answered 200`)

    const sets = await Promise.all(Array.from({ length: SET_COUNT }, (_, i) => send(mock, 'GET', `${SETS}/${setId(i)}`)))
    const staleSets = sets.map((s, i) => [i, s.json.displayName] as const).filter(([i, name]) => name !== `set ${i} round ${round}`)
    t.same(staleSets, [], `round ${round}: every flow set holds its round's displayName`)

    const flows = new Map<string, Json>()
    for (const id of [USER_FLOW_ID, CLASS_FLOW_ID, SECURITY_FLOW_ID, ADMIN_UNIT_FLOW_ID]) flows.set(id, (await send(mock, 'GET', flowUrl(id))).json)
    const lost = PROPERTY_WRITES.filter(write => JSON.stringify(write.read(flows.get(write.flowId) ?? {})) !== JSON.stringify(write.value(round))).map(write => write.name)
    t.same(lost, [], `round ${round}: every property written concurrently to the same flows survived`)

    // The answers of writes to one flow carry strictly increasing, distinct lastModifiedDateTime values.
    for (const id of [USER_FLOW_ID, CLASS_FLOW_ID]) {
      const stamps = answers.slice(SET_COUNT).filter((_, i) => PROPERTY_WRITES[i]?.flowId === id).map(a => String(a.json.lastModifiedDateTime))
      t.equal(new Set(stamps).size, stamps.length, `round ${round}: ${stamps.length} writes to one flow got distinct lastModifiedDateTime values`)
      t.ok(stamps.every(stamp => stamp <= String(flows.get(id)?.lastModifiedDateTime)), `round ${round}: the stored flow is at least as new as every answer`)
    }
  }
})

t.test('200 concurrent PATCHes of one property: the stored value is the one written last', async t => {
  const mock = await start(t)
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) =>
    send(mock, 'PATCH', `${SETS}/${SET_ID}`, { displayName: `writer ${i}` })))
  t.same(answers.filter(a => a.status !== 200).map(a => a.status), [], 'all 200 answered 200')
  const stamps = answers.map(a => String(a.json.lastModifiedDateTime))
  t.equal(new Set(stamps).size, 200, 'each write got its own lastModifiedDateTime')
  const last = answers.reduce((a, b) => String(a.json.lastModifiedDateTime) > String(b.json.lastModifiedDateTime) ? a : b)
  const stored = await send(mock, 'GET', `${SETS}/${SET_ID}`)
  t.equal(stored.json.displayName, last.json.displayName, 'the stored displayName is that of the latest write (writes serialised, none lost)')
  t.equal(stored.json.lastModifiedDateTime, last.json.lastModifiedDateTime, 'and so is its lastModifiedDateTime')
})

t.test('200 concurrent creates of one flow type in one set: one 201, 199 409 Conflict', async t => {
  const mock = await start(t)
  const created = await send(mock, 'POST', SETS, { displayName: 'race' })
  t.equal(created.status, 201, 'an empty flow set')
  const flows = `${SETS}/${String(created.json.id)}/provisioningFlows`
  const body = {
    '@odata.type': '#microsoft.graph.industryData.securityGroupProvisioningFlow',
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false }
  }
  const answers = await Promise.all(Array.from({ length: 200 }, () => send(mock, 'POST', flows, body)))
  const statuses = answers.map(a => a.status)
  t.equal(statuses.filter(s => s === 201).length, 1, 'exactly one 201 Created')
  t.equal(statuses.filter(s => s === 409).length, 199, '199 answered 409')
  t.ok(answers.filter(a => a.status === 409).every(a => a.json.error?.code === 'Conflict' && typeof a.json.error?.innerError?.['request-id'] === 'string'), 'every 409 is a Graph Conflict error')
  const list = await send(mock, 'GET', flows)
  t.equal(list.json.value.length, 1, 'the set holds one flow')
  t.equal(list.json.value[0].id, answers.find(a => a.status === 201)?.json.id, 'the one that was answered 201')
})
