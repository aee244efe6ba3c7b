import t from 'tap'
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLASS_FLOW_ID, childEnv } from '../helpers.js'

// The package as a user gets it: `npm pack` (of the dist/ that `npm test` just built), installed into an
// empty project from the tarball, run through `npx graph-mock`. Needs the npm registry for the
// dependencies (`--prefer-offline` takes them from npm's cache when it has them).
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx'
// Served from the package's files at run time, so they must be in the tarball themselves.
const INSPECTOR_FILES = ['public/inspector/index.html', 'public/inspector/inspector.css', 'public/inspector/inspector.js']

// No runner loaders, and none of the outer `npm test`'s project variables: the consumer is its own project.
const env = Object.fromEntries(Object.entries(childEnv()).filter(([name]) =>
  !name.startsWith('npm_package_') && !name.startsWith('npm_lifecycle_') && name !== 'npm_config_local_prefix' && name !== 'INIT_CWD'))

interface PackedFile { path: string }
interface Packed { filename: string, files: PackedFile[] }

const run = (cmd: string, args: string[], cwd: string, timeout: number): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout })

const tail = (res: SpawnSyncReturns<string>): string => `${res.error?.message ?? ''}\n${res.stdout.slice(-2000)}\n${res.stderr.slice(-3000)}`

/** Start `npx graph-mock …` in its own process group; resolve with the address from the pino 'graph-mock listening' line. */
async function startServer (cwd: string, args: string[]): Promise<{ child: ChildProcess, address: string, output: () => string, exited: Promise<unknown> }> {
  const child = spawn(NPX, ['graph-mock', '--port', '0', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString() })
  const exited = new Promise(resolve => child.on('exit', resolve))
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => done(() => {
      if (child.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL')
      reject(new Error(`no 'graph-mock listening' line after 30 s:\n${out}`))
    }), 30_000)
    const poll = setInterval(() => {
      const line = out.split('\n').find(l => l.includes('graph-mock listening'))
      if (line !== undefined) done(() => resolve((JSON.parse(line) as { address: string }).address))
    }, 50)
    void exited.then(() => done(() => reject(new Error(`graph-mock exited before listening:\n${out}`))))
    function done (fn: () => void): void { clearTimeout(timer); clearInterval(poll); fn() }
  })
  return { child, address, output: () => out, exited }
}

const groupAlive = (pid: number): boolean => {
  try { process.kill(-pid, 0); return true } catch { return false }
}

/**
 * SIGTERM to the whole process group, as a terminal's Ctrl-C signals the foreground group: npm exec runs
 * the bin under `sh -c`, which dies on SIGTERM without passing it on, so signalling npx alone orphans the server.
 */
async function stopGroup (pid: number, withinMs: number): Promise<boolean> {
  process.kill(-pid, 'SIGTERM')
  const deadline = Date.now() + withinMs
  while (groupAlive(pid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50))
  return !groupAlive(pid)
}

t.test('npm pack, install into an empty project, npx graph-mock', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-pack-'))
  const started: number[] = []
  t.teardown(() => {
    for (const pid of started) if (groupAlive(pid)) process.kill(-pid, 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  // --ignore-scripts: `prepack` would build again; `npm test` built dist/ just before tap ran.
  const pack = run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT, 30_000)
  t.equal(pack.status, 0, `npm pack succeeds${pack.status === 0 ? '' : tail(pack)}`)
  const packed = (JSON.parse(pack.stdout) as Packed[])[0]
  if (packed === undefined) return
  const paths = packed.files.map(f => f.path)
  for (const needed of ['package.json', 'README.md', 'dist/graph-mock.js', 'dist/graph-mock-lib.js', 'dist/cli.js', 'dist/index.js', 'dist/index.d.ts', 'fixtures/default.json', ...INSPECTOR_FILES]) {
    t.ok(paths.includes(needed), `the tarball holds ${needed}`)
  }
  t.same(paths.filter(p => !/^(dist|fixtures)\//.test(p) && !['package.json', 'README.md', 'LICENSE', ...INSPECTOR_FILES].includes(p)), [],
    'nothing but dist/, fixtures/, the inspector\'s public/ files, README.md and package.json is shipped (no src, tests, Docker files)')
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>, exports: Record<string, { types?: string, import?: string }> }
  t.equal(manifest.bin['graph-mock'], 'dist/graph-mock.js', 'bin graph-mock is the bundled command')
  t.equal(manifest.exports['.']?.types, './dist/index.d.ts', 'exports carries the types')
  t.equal(manifest.exports['.']?.import, './dist/graph-mock-lib.js', 'import resolves to the bundled library (it loads in a fraction of the time)')

  // better-sqlite3's install script is `prebuild-install || node-gyp rebuild`. Here its binary comes from a
  // local prebuild made of the addon this checkout already compiled (the download prebuild-install would
  // make, minus the network; compiling from source takes minutes), through prebuild-install's own
  // `local-prebuilds` setting, so the install script must still run for the addon to be there. The
  // override pins the version that the checkout's addon was built from.
  const sqlite = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }
  const consumer = join(dir, 'consumer')
  mkdirSync(consumer)
  const prebuilds = join(dir, 'prebuilds')
  const addon = join('build', 'Release', 'better_sqlite3.node')
  if (existsSync(join(ROOT, 'node_modules', 'better-sqlite3', addon))) {
    mkdirSync(prebuilds)
    const name = `better-sqlite3-v${sqlite.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
    const tar = run('tar', ['-czf', join(prebuilds, name), '-C', join(ROOT, 'node_modules', 'better-sqlite3'), addon], ROOT, 30_000)
    t.equal(tar.status, 0, `a local prebuild of the checkout's addon${tar.status === 0 ? '' : tail(tar)}`)
    writeFileSync(join(consumer, '.prebuild-installrc'), `local-prebuilds=${prebuilds}\n`)
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({
    name: 'graph-mock-consumer',
    private: true,
    type: 'module',
    // What a consumer adds (or `npm install-scripts approve better-sqlite3`): see docs/docker.md, Installing.
    allowScripts: { 'better-sqlite3': true },
    overrides: { 'better-sqlite3': sqlite.version }
  }, null, 2))

  // --strict-allow-scripts: any other dependency with an install script would fail this, as it would for a consumer who sets it.
  const install = run(NPM, ['install', join(dir, packed.filename), '--prefer-offline', '--no-audit', '--no-fund', '--strict-allow-scripts'], consumer, 75_000)
  t.equal(install.status, 0, `npm install <tarball> succeeds${install.status === 0 ? '' : tail(install)}`)
  if (install.status !== 0) return
  t.ok(existsSync(join(consumer, 'node_modules', 'better-sqlite3', addon)), 'better-sqlite3\'s install script ran: its addon is in place')

  const help = run(NPX, ['graph-mock', '--help'], consumer, 20_000)
  t.equal(help.status, 0, `npx graph-mock --help exits 0${help.status === 0 ? '' : tail(help)}`)
  t.match(help.stdout, /Usage: graph-mock \[options\]/, '--help prints the usage')

  const api = run(process.execPath, ['--input-type=module', '-e', 'const m = await import("graph-mock"); console.log(typeof m.buildApp, typeof m.startGraphMock)'], consumer, 20_000)
  t.equal(api.stdout.trim(), 'function function', `import('graph-mock') resolves through exports${api.status === 0 ? '' : tail(api)}`)

  // No settings, as `npx graph-mock` is documented: no ./fixtures here, so the package's bundled fixtures.
  const server = await startServer(consumer, [])
  if (server.child.pid !== undefined) started.push(server.child.pid)
  t.match(server.address, /^http:\/\/127\.0\.0\.1:\d+$/, 'the pino listening line carries the address')
  const res = await fetch(`${server.address}/beta/classGroupProvisioningFlow`, { headers: { authorization: 'Bearer consumer-token' } })
  const body = await res.json() as { id?: string, '@odata.type'?: string }
  t.equal(res.status, 200, 'GET /beta/classGroupProvisioningFlow answers 200')
  t.equal(body.id, CLASS_FLOW_ID, 'the bundled fixtures\' class-group flow')
  t.ok(existsSync(join(consumer, 'data', 'graph-mock.db')), 'the default database ./data/graph-mock.db was created in the project')
  // The bundled bin finds public/ one level above dist/, inside node_modules/graph-mock, from another folder.
  const script = await fetch(`${server.address}/_mock/inspector.js`)
  t.equal(script.status, 200, 'GET /_mock/inspector.js answers 200')
  t.match(script.headers.get('content-type'), /^text\/javascript/, 'as JavaScript')
  const installed = join(consumer, 'node_modules', 'graph-mock', 'public', 'inspector')
  t.equal(await script.text(), readFileSync(join(installed, 'inspector.js'), 'utf8'), 'the installed package\'s public/inspector/inspector.js')
  const page = await fetch(`${server.address}/_mock/`)
  t.equal(page.status, 200, 'GET /_mock/ (the inspector page) answers 200')
  t.equal(await page.text(), readFileSync(join(installed, 'index.html'), 'utf8'), 'the installed package\'s public/inspector/index.html')

  t.ok(await stopGroup(server.child.pid ?? 0, 10_000), 'SIGTERM to the process group ends npx and the server within 10 s')
  await server.exited
  t.match(server.output(), /"signal":"SIGTERM".*"msg":"shutting down"/, 'the server shut down gracefully on SIGTERM')
})
