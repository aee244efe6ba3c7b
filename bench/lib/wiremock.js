// WireMock as another baseline (SPEC §10 compares graph-mock with it). It is not a dependency of the project:
// the bench installs the pinned npm package (which ships the standalone jar) once into bench/.cache/wiremock
// with npm, and runs the jar with the `java` on PATH. Without Java or the registry it is reported as not
// available. WireMock keeps its defaults (request journal on, as graph-mock's is; Jetty's default threads).
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { request } from './load.js'
import { cleanEnv, freePort, installPinned, probe, ROOT, stopper } from './servers.js'

export const WIREMOCK_VERSION = '3.13.2'
const CACHE = fileURLToPath(new URL('../.cache/wiremock', import.meta.url))
const BUILD = join(CACHE, 'node_modules', 'wiremock', 'build')

/** The jar inside the npm package, or undefined (the package names it wiremock-standalone-<version>.jar). */
function findJar () {
  if (!existsSync(BUILD)) return undefined
  const jar = readdirSync(BUILD).find(name => /^wiremock-standalone-.*\.jar$/.test(name))
  return jar === undefined ? undefined : join(BUILD, jar)
}

/** The Java runtime's version line, or undefined when there is no `java` on PATH. */
function javaVersion () {
  // `java -version` writes to stderr; its first line names the runtime.
  const run = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 30_000 })
  if (run.error !== undefined || run.status !== 0) return undefined
  return (run.stderr || run.stdout).split('\n')[0].trim() || 'java'
}

/** {jar, java} ready to run, installing the package into bench/.cache when missing; or {error} saying why not. */
export function ensureWireMock () {
  const java = javaVersion()
  if (java === undefined) return { error: `WireMock ${WIREMOCK_VERSION} not measured: it runs on the JVM and no working \`java\` is on PATH` }
  let jar = findJar()
  if (jar !== undefined) return { jar, java }
  const failed = installPinned(CACHE, `wiremock@${WIREMOCK_VERSION}`)
  if (failed !== undefined) return { error: failed }
  jar = findJar()
  return jar === undefined ? { error: `wiremock@${WIREMOCK_VERSION} installed but its standalone jar was not found` } : { jar, java }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

/** `java -jar` the standalone jar and wait for its admin health endpoint; the same shape as spawnServer's result. */
async function spawnWireMock ({ jar, port, rootDir, logFile, timeoutMs = 120_000 }) {
  const fd = openSync(logFile, 'a')
  const started = performance.now()
  // --root-dir keeps its mappings/ and __files/ folders in the bench's temp dir instead of the working directory.
  const args = ['-jar', jar, '--port', String(port), '--bind-address', '127.0.0.1', '--disable-banner', '--root-dir', rootDir]
  const child = spawn('java', args, { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', fd, fd] })
  closeSync(fd)
  let exited = null
  child.on('exit', (code, signal) => { exited = { code, signal } })
  child.on('error', error => { exited = { code: error.message } })
  const readyUrl = `http://127.0.0.1:${port}/__admin/health`
  for (;;) {
    if (exited !== null) throw new Error(`java ${args.join(' ')} exited (${exited.code ?? exited.signal}) before answering; see its log`)
    if (performance.now() > started + timeoutMs) { child.kill('SIGKILL'); throw new Error(`WireMock did not answer ${readyUrl} within ${timeoutMs} ms`) }
    if (await probe(readyUrl) === 200) break
    await sleep(50)
  }
  return {
    child,
    pid: child.pid,
    startMs: performance.now() - started,
    stop: stopper(child, () => exited)
  }
}

/**
 * WireMock with three stubs answering what graph-mock answered (`bodies`: patch, flow, page), on graph-mock's
 * paths: PATCH and GET of `flowPath`, and GET of `pagePath` with its $top query parameter matched. Each stub
 * also asks for a Bearer Authorization header, the check graph-mock's lenient auth makes. Stubs go in through
 * the admin API, so they live in memory as they would in a test suite.
 */
export async function startWireMock ({ jar, dir, flowPath, pagePath, bodies }) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const rootDir = join(dir, 'wiremock')
  mkdirSync(rootDir, { recursive: true })
  const server = await spawnWireMock({ jar, port, rootDir, logFile: join(dir, 'wiremock.log') })
  try {
    const [path, query] = pagePath.split('?')
    const queryParameters = Object.fromEntries([...new URLSearchParams(query)].map(([name, value]) => [name, { equalTo: value }]))
    const auth = { Authorization: { matches: '^Bearer .+' } }
    const answer = body => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) })
    const stubs = [
      { request: { method: 'PATCH', urlPath: flowPath, headers: auth }, response: answer(bodies.patch) },
      { request: { method: 'GET', urlPath: flowPath, headers: auth }, response: answer(bodies.flow) },
      { request: { method: 'GET', urlPath: path, queryParameters, headers: auth }, response: answer(bodies.page) }
    ]
    for (const stub of stubs) {
      const res = await request(`${url}/__admin/mappings`, { method: 'POST', body: stub })
      if (res.status !== 201) throw new Error(`WireMock refused a stub mapping (${res.status}): ${res.body.slice(0, 300)}`)
    }
  } catch (error) {
    await server.stop()
    throw error
  }
  return { ...server, url }
}
