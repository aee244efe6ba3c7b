import t from 'tap'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childEnv } from '../helpers.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const EXAMPLE = join(ROOT, 'examples', 'in-process')

t.test('the in-process example project passes its own tap tests against the built package', async t => {
  // What `npm install` does for the example's "graph-mock": "file:../.." dependency: a link to the package.
  const link = join(EXAMPLE, 'node_modules', 'graph-mock')
  rmSync(link, { recursive: true, force: true })
  mkdirSync(dirname(link), { recursive: true })
  symlinkSync(ROOT, link, 'dir')
  t.ok(existsSync(join(ROOT, 'dist', 'index.js')), 'the package is built (npm test builds before tap)')
  const tapBin = join(ROOT, 'node_modules', 'tap', 'dist', 'esm', 'run.mjs')
  // A clean environment, as the example's own `npm test` would have: none of the outer tap run's variables.
  const env = childEnv()
  const res = spawnSync(process.execPath, [tapBin, '--disable-coverage', '--reporter=tap', 'test/provisioning.test.mjs'], { cwd: EXAMPLE, env, encoding: 'utf8', timeout: 120_000 })
  if (res.status !== 0) t.comment(`${res.stdout.slice(-3000)}\n${res.stderr.slice(-2000)}`)
  t.equal(res.status, 0, 'the example\'s tests pass')
  t.match(res.stdout, /# \{ total: \d+, pass: \d+ \}|# pass\s+\d+|ok \d+ - test\/provisioning\.test\.mjs/, 'the example ran its tests')
})
