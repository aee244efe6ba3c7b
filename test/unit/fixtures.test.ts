/** Fixture documents are read with the same rules as API writes: a timestamp that is no instant is refused by path. */
import t, { type Test } from 'tap'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock } from '../../src/clock.js'
import { createIdSource } from '../../src/ids.js'
import { FixtureError, loadFixtureFolder } from '../../src/industry-data/fixtures.js'

const deps = { ids: createIdSource('fixture-test'), clock: createClock() }

function folderWith (t: Test, doc: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-fixtures-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  writeFileSync(join(dir, 'one.json'), JSON.stringify(doc))
  return dir
}

t.test('a fixture timestamp is kept as its instant in the canonical form', async t => {
  const dir = folderWith(t, { outboundProvisioningFlowSets: [{ displayName: 'x', createdDateTime: '2024-02-29T01:00:00+01:00' }] })
  const prepared = loadFixtureFolder(dir, deps)
  t.equal(prepared.flowSets[0]?.value.createdDateTime, '2024-02-29T00:00:00.0000000Z', 'leap day, offset converted to UTC, 7 digits')
  t.equal(prepared.flowSets[0]?.value.lastModifiedDateTime, '2024-02-29T00:00:00.0000000Z', 'lastModifiedDateTime defaults to createdDateTime')
})

t.test('a day the month does not have is refused, naming the file and JSON path', async t => {
  for (const [property, doc] of [
    ['createdDateTime', { outboundProvisioningFlowSets: [{ displayName: 'x', createdDateTime: '2026-02-30T00:00:00Z' }] }],
    ['lastModifiedDateTime', { outboundProvisioningFlowSets: [{ displayName: 'x', provisioningFlows: [{ '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow', configuration: {}, lastModifiedDateTime: '2026-04-31T00:00:00Z' }] }] }]
  ] as const) {
    const dir = folderWith(t, doc)
    const path = property === 'createdDateTime' ? '$.outboundProvisioningFlowSets[0].createdDateTime' : '$.outboundProvisioningFlowSets[0].provisioningFlows[0].lastModifiedDateTime'
    t.throws(() => loadFixtureFolder(dir, deps), FixtureError, `${property}: a FixtureError`)
    try {
      loadFixtureFolder(dir, deps)
    } catch (error) {
      t.match((error as Error).message, `Invalid fixture ${join(dir, 'one.json')} at ${path}: `, `${property}: names the file and the JSON path`)
      t.match((error as Error).message, 'is not a valid Edm.DateTimeOffset', `${property}: says why`)
    }
  }
})

t.test('a fixture flow without readinessStatus starts notReady; one that says null keeps null, as the CSDL allows', async t => {
  const flow = (extra: Record<string, unknown>) => ({ '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow', configuration: {}, ...extra })
  const dir = folderWith(t, { outboundProvisioningFlowSets: [{ displayName: 'a', provisioningFlows: [flow({})] }, { displayName: 'b', provisioningFlows: [flow({ readinessStatus: null })] }] })
  const prepared = loadFixtureFolder(dir, deps)
  t.equal(prepared.flowSets[0]?.flows[0]?.value.readinessStatus, 'notReady', 'absent: notReady')
  t.equal(prepared.flowSets[1]?.flows[0]?.value.readinessStatus, null, 'null: null')
})
