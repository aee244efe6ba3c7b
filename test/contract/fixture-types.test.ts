import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WORK = join(ROOT, '.tap', 'fixture-types')

t.test('every bundled fixture type-checks against @microsoft/microsoft-graph-types-beta (IndustryData.*)', async t => {
  mkdirSync(WORK, { recursive: true })
  const files = readdirSync(join(ROOT, 'fixtures')).filter(f => f.endsWith('.json'))
  t.ok(files.length > 0, 'there are fixtures')
  const checks = files.map(file => {
    const name = join(WORK, `${file.replace(/\W/g, '_')}.ts`)
    // An object literal in source keeps its literal types and gets excess-property checks: the strictest check TypeScript offers.
    const literal = readFileSync(join(ROOT, 'fixtures', file), 'utf8')
    writeFileSync(name, `import type { FixtureDocument } from '../../test/contract/fixture-document.js'\nexport const doc: FixtureDocument = ${literal}\n`)
    return name
  })
  // One compiler run for both: every fixture must compile, and the deliberately broken document must not.
  const broken = join(WORK, 'broken.ts')
  writeFileSync(broken, 'import type { FixtureDocument } from \'../../test/contract/fixture-document.js\'\nexport const doc: FixtureDocument = { outboundProvisioningFlowSets: [{ displayName: \'x\', provisioningFlows: [{ \'@odata.type\': \'#microsoft.graph.industryData.classGroupProvisioningFlow\', configuration: { additionalAttributes: [\'courseName\'] } }] }] }\n')
  writeFileSync(join(WORK, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, target: 'ES2022', types: [] },
    files: [...checks, broken].map(f => f.slice(WORK.length + 1))
  }))
  const res = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', WORK, '--pretty', 'false'], { encoding: 'utf8', timeout: 120_000 })
  const errorLines = res.stdout.split('\n').filter(line => /error TS\d+/.test(line))
  const inFixtures = errorLines.filter(line => !line.includes('broken.ts('))
  if (inFixtures.length > 0) t.comment(inFixtures.join('\n'))
  t.same(inFixtures, [], 'tsc accepts the fixtures typed as the official Graph types')
  t.ok(errorLines.some(line => line.includes('broken.ts(') && line.includes('courseName')), 'and the check can fail: a wrong enum member is a type error naming the bad value')
})
