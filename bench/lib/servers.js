// Child-process servers for the bench: graph-mock (the built CLI), the bare Fastify baseline, json-server.
// Each server runs in its own process so the load generator (this process) never shares an event loop with
// it; on a 2-core machine the two processes then each get a core, for graph-mock and the baselines alike.
import { execFileSync, spawn } from 'node:child_process'
import http from 'node:http'
import { openSync, closeSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CLI = join(ROOT, 'dist', 'graph-mock.js')
export const BASELINE = fileURLToPath(new URL('../baseline-server.js', import.meta.url))
export const AUTH = { authorization: 'Bearer bench-opaque-token' }

/** The environment without loaders or inspector flags the bench itself may have been started with. */
export function cleanEnv (extra = {}) {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  for (const name of Object.keys(env)) if (name.startsWith('TAP') || name.startsWith('_TAPJS')) delete env[name]
  return { ...env, ...extra }
}

/** A free loopback port (bound and released at once). */
export function freePort () {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

/** One GET on a fresh connection (node:http, no pool to warm up); the status, or undefined when nothing answered. */
export function probe (url, headers = {}) {
  return new Promise(resolve => {
    const req = http.get(url, { headers, agent: false }, res => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
      res.on('error', () => resolve(undefined))
    })
    req.on('error', () => resolve(undefined))
    req.setTimeout(5000, () => { req.destroy() })
  })
}

/**
 * Spawn `node <args>` and wait until `readyUrl` answers `okStatus`. stdout/stderr go to `logFile` (a real
 * sink: graph-mock's pino lines cost what they cost in a container) or are discarded.
 */
export async function spawnServer ({ args, env = {}, readyUrl, readyHeaders = {}, okStatus = 200, logFile, timeoutMs = 60_000, pollMs = 2 }) {
  const fd = logFile === undefined ? 'ignore' : openSync(logFile, 'a')
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', fd, fd] })
  if (typeof fd === 'number') closeSync(fd)
  let exited = null
  child.on('exit', (code, signal) => { exited = { code, signal } })
  const deadline = started + timeoutMs
  let cpuAtReady
  for (;;) {
    if (exited !== null) throw new Error(`${args.join(' ')} exited (${exited.code ?? exited.signal}) before answering`)
    if (performance.now() > deadline) { child.kill('SIGKILL'); throw new Error(`${args.join(' ')} did not answer ${readyUrl} within ${timeoutMs} ms`) }
    const status = await probe(readyUrl, readyHeaders)
    if (status === okStatus) { cpuAtReady = cpuMs(child.pid); break }
    if (status !== undefined) throw new Error(`${readyUrl} answered ${status}`)
    await sleep(pollMs)
  }
  return {
    child,
    pid: child.pid,
    startMs: performance.now() - started,
    startCpuMs: cpuAtReady,
    stop: stopper(child, () => exited)
  }
}

/** A child's stop(signal): the signal (SIGTERM by default), SIGKILL after 10 s; resolves with how it exited. */
export function stopper (child, exitedAlready) {
  return async (signal = 'SIGTERM') => {
    const exited = exitedAlready()
    if (exited !== null) return exited
    const done = new Promise(resolve => child.once('exit', (code, sig) => resolve({ code, signal: sig })))
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    const result = await done
    clearTimeout(timer)
    return result
  }
}

/**
 * `npm install <spec>` into `prefix` (a folder of bench/.cache of its own: an install with --no-save into a
 * shared prefix would prune the other baselines); undefined, or an error line saying why it failed.
 */
export function installPinned (prefix, spec, timeoutMs = 300_000) {
  try {
    mkdirSync(prefix, { recursive: true })
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', spec], { stdio: 'ignore', timeout: timeoutMs })
    return undefined
  } catch (error) {
    return `${spec} could not be installed from the npm registry (${error.message.split('\n')[0]})`
  }
}

/** Start graph-mock as users do: the compiled CLI, a database file, lenient auth, pino at LOG_LEVEL (default info). */
export async function startGraphMock ({ db, fixtures: given, logFile, env = {}, port, cli = CLI }) {
  const p = port ?? await freePort()
  // Another build reads the fixtures of its own checkout: the fixture format grows, and an older build refuses
  // a newer document.
  const fixtures = given ?? (cli === CLI ? undefined : join(dirname(cli), '..', 'fixtures'))
  const url = `http://127.0.0.1:${p}`
  const server = await spawnServer({
    args: [cli, '--port', String(p), '--db', db, ...(fixtures === undefined ? [] : ['--fixtures', fixtures])],
    env: { GRAPH_MOCK_AUTH: 'lenient', ...env },
    readyUrl: `${url}/beta/external/industryData/outboundProvisioningFlowSets/$count`,
    readyHeaders: AUTH,
    logFile
  })
  return { ...server, url }
}

/** The bare Fastify baseline: answers the JSON in `bodiesFile` on the same paths. */
export async function startBaseline ({ bodiesFile }) {
  const p = await freePort()
  const url = `http://127.0.0.1:${p}`
  const server = await spawnServer({ args: [BASELINE, String(p), bodiesFile], readyUrl: `${url}/ready` })
  return { ...server, url }
}

/** Resident set size of a process in MB (Linux /proc), or undefined elsewhere. */
export function rssMb (pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1])
    return Number.isFinite(kb) ? kb / 1024 : undefined
  } catch {
    return undefined
  }
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; 10 ms ticks), or undefined elsewhere. */
export function cpuMs (pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
    // After "pid (comm) ": state is field 0, utime 11, stime 12 (in clock ticks, 100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}
