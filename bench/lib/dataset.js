// Data sets for the bench: Graph-shaped fixture documents of any size, and database files built through the
// project's own store (the same code path a server start uses to seed a tenant).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './servers.js'

const TYPE = name => `#microsoft.graph.industryData.${name}`
const BUNDLED = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'default.json'), 'utf8'))
export const ROLE_GROUPS = BUNDLED.roleGroups
export const DEFAULT_SET_ID = '9ab41255-5364-4c53-e15c-08dc4ab6ee03'
export const DEFAULT_CLASS_FLOW_ID = '6eb14a8c-e373-08cb-f352-64f045cbf6ef'

/** A deterministic GUID from a prefix digit and a counter. */
export const guid = (kind, n) => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`

const FLOWS = [
  id => ({
    '@odata.type': TYPE('classGroupProvisioningFlow'),
    id,
    readinessStatus: 'ready',
    configuration: {
      additionalAttributes: ['courseTitle', 'courseCode', 'courseSubject'],
      additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: { ownerEnrollmentMappings: [{ code: 'teacher' }, { code: 'staff' }], memberEnrollmentMappings: [{ code: 'student' }] }
    }
  }),
  id => ({ '@odata.type': TYPE('securityGroupProvisioningFlow'), id, readinessStatus: 'notReady', creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false } }),
  id => ({ '@odata.type': TYPE('administrativeUnitProvisioningFlow'), id, readinessStatus: 'disabled', creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true } }),
  id => ({
    '@odata.type': TYPE('userProvisioningFlow'),
    id,
    readinessStatus: 'notReady',
    createUnmatchedUsers: true,
    managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { markAllStudentsAsMinors: true, allowStudentContactAssociation: false } },
    creationOptions: { configurations: [{ 'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/students', licenseSkus: ['STUDENT_SKU'] }] }
  })
]

/**
 * `flowCount` flows in sets of up to four (one of each type), ids from `first` on. Flow ids are
 * guid(2, n), set ids guid(1, n). With `roleGroups`, the document carries the bundled role groups.
 */
export function fixtureDocument ({ flows: flowCount, first = 0, roleGroups = false, emptySets = 0 }) {
  const sets = []
  let made = 0
  for (let s = 0; made < flowCount || s < emptySets; s++) {
    const n = first + s
    const flows = []
    for (let k = 0; k < 4 && made < flowCount; k++, made++) flows.push(FLOWS[k](guid(2, n * 4 + k)))
    sets.push({
      id: guid(1, n),
      displayName: `Bench set ${n}`,
      filter: { '@odata.type': TYPE('basicFilter'), attribute: 'orgExternalId', in: [`school-${n}`] },
      provisioningFlows: flows
    })
  }
  return roleGroups ? { roleGroups: ROLE_GROUPS, outboundProvisioningFlowSets: sets } : { outboundProvisioningFlowSets: sets }
}

/** The ids of a flow set and its classGroup flow near the middle of `fixtureDocument({ flows: flowCount, first })`. */
export function middleFlow (flowCount, first = 0) {
  const set = first + Math.floor(Math.max(0, flowCount - 1) / 8)
  return { setId: guid(1, set), flowId: guid(2, set * 4) }
}

/**
 * A database file whose default tenant holds the bundled role groups and `flowCount` flows, written through
 * dist/store (fixtures validated and completed by dist/industry-data exactly as a server seeds a tenant). Returns the build time.
 */
export async function buildDatabase (file, flowCount) {
  const { openStore } = await import('../../dist/store/store.js')
  const { prepareFixtureDocument, toSeedRows } = await import('../../dist/industry-data/fixtures.js')
  const { createClock } = await import('../../dist/clock.js')
  const { createIdSource } = await import('../../dist/ids.js')
  const { DEFAULT_TENANT } = await import('../../dist/auth/principal.js')
  const started = performance.now()
  const clock = createClock()
  const fixtures = prepareFixtureDocument(fixtureDocument({ flows: flowCount, roleGroups: true }), { ids: createIdSource(), clock })
  const store = openStore({ file, seed: toSeedRows(fixtures), clock })
  store.ensureTenant(DEFAULT_TENANT)
  const count = store.db.prepare('SELECT count(*) AS n FROM flows').get().n
  store.close()
  if (count !== flowCount) throw new Error(`built ${count} flows, wanted ${flowCount}`)
  return performance.now() - started
}
