/** A graph-mock child process for the reliability tests: the built CLI, as users start it, on loopback. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childEnv } from '../helpers.js'

// The built command (npm test builds dist/ before tap runs).
export const CLI = fileURLToPath(new URL('../../dist/graph-mock.js', import.meta.url))
export const AUTH = { authorization: 'Bearer reliability-test-token' }
export const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' }
export const SETS = '/beta/external/industryData/outboundProvisioningFlowSets'

export interface Child {
  process: ChildProcess
  url: string
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  /** What the process wrote to stderr (kept for failure messages). */
  stderr: () => string
}

/** A free loopback port (bound, then released). */
export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => { resolve(port) })
    })
  })
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Start `node dist/graph-mock.js` (the bundled command) on a free port and wait (bounded) until /_mock/ready answers 200. */
export async function startChild (options: { db: string, env?: Record<string, string>, timeoutMs?: number }): Promise<Child> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [CLI, '--port', String(port), '--db', options.db], {
    env: childEnv({ LOG_LEVEL: 'warn', GRAPH_MOCK_AUTH: 'lenient', ...options.env }),
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => {
    child.on('exit', (code, signal) => { resolve({ code, signal }) })
  })
  let gone = false
  void exited.then(() => { gone = true })
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  for (;;) {
    if (gone) throw new Error(`graph-mock exited before it was ready: ${stderr}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`graph-mock was not ready within ${options.timeoutMs ?? 30_000} ms: ${stderr}`)
    }
    try {
      const res = await fetch(`${url}/_mock/ready`)
      await res.arrayBuffer()
      if (res.status === 200) break
    } catch { /* not listening yet */ }
    await sleep(20)
  }
  return { process: child, url, exited, stderr: () => stderr }
}

/** A database file in a fresh temporary folder, removed when the test ends. */
export function tempDatabase (t: { teardown: (fn: () => unknown) => void }, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `graph-mock-${name}-`))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return join(dir, `${name}.db`)
}
