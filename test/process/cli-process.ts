/** Running the built `graph-mock` command in tests, as users run it (npm test builds dist/ before tap runs). */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnSyncReturns } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { childEnv } from '../helpers.js'

export const CLI = fileURLToPath(new URL('../../dist/graph-mock.js', import.meta.url))

/** Run the command to completion (an in-memory database and no logs unless `env` says otherwise). */
export const runCli = (args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: childEnv({ LOG_LEVEL: 'silent', GRAPH_MOCK_DB: ':memory:', ...env }), timeout: 20_000 })

/** Each case must exit 2 with one stderr line matching its pattern. */
export function assertExit2 (t: Test, cases: ReadonlyArray<[string[], Record<string, string>, RegExp]>): void {
  for (const [args, env, line] of cases) {
    const res = runCli(args, env)
    t.equal(res.status, 2, `${args.join(' ')} ${JSON.stringify(env)}: exit 2`)
    t.match(res.stderr, line, 'one line saying which setting and why')
  }
}

/** Start the command and wait for its pino 'graph-mock listening' line, which it returns parsed. */
export async function startCli (args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcessWithoutNullStreams, listening: Record<string, unknown> }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: childEnv({ GRAPH_MOCK_DB: ':memory:', LOG_LEVEL: 'info', ...env }) })
  let out = ''
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 15_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = out.split('\n').find(l => l.includes('graph-mock listening'))
      if (found !== undefined) { clearTimeout(timer); resolve(found) }
    })
  })
  return { child, listening: JSON.parse(line) as Record<string, unknown> }
}

/** SIGTERM, then the exit code. */
export async function stopCli (child: ChildProcessWithoutNullStreams): Promise<number | null> {
  child.kill('SIGTERM')
  return await new Promise<number | null>(resolve => child.on('exit', resolve))
}
