/** The only module that touches process: configuration in, a listening server out, a graceful exit. */
import { existsSync } from 'node:fs'
import closeWithGrace from 'close-with-grace'
import pino from 'pino'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, tlsEnabled, type Config } from './config.js'
import { FixtureError } from './industry-data/fixtures.js'
import { BUNDLED_FIXTURES } from './package-files.js'

/** Start serving with settings from `env` (CLI flags already folded in); exits 2 on bad configuration. */
export async function main (env: Readonly<Record<string, string | undefined>>): Promise<void> {
  let config: Config
  try {
    config = loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) fail(`graph-mock: invalid setting ${error.message}`)
    throw error
  }
  // Run from another folder (npx, a global install) with no ./fixtures there: serve the package's own.
  if ((env.GRAPH_MOCK_FIXTURES ?? '') === '' && !existsSync(config.fixtures)) config = { ...config, fixtures: BUNDLED_FIXTURES }
  const logStream = bufferedStdout()
  let app
  try {
    app = await buildApp(config, { logStream })
  } catch (error) {
    if (error instanceof FixtureError) fail(`graph-mock: ${error.message}`)
    if (error instanceof ConfigError) fail(`graph-mock: invalid setting ${error.message}`) // key and certificate files
    if (error instanceof Error && /bindings file|better_sqlite3\.node|NODE_MODULE_VERSION/.test(error.message)) {
      fail(`graph-mock: the native SQLite module (better-sqlite3) is not built for this Node.js ${process.version}; run 'npm rebuild better-sqlite3' (${error.message.split('\n')[0] ?? ''})`)
    }
    if (error instanceof Error && /SQLITE|database/i.test(error.message)) fail(`graph-mock: invalid setting GRAPH_MOCK_DB: cannot open '${config.db}' (${error.message})`)
    throw error
  }
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  try {
    const address = await app.listen({ port: config.port, host: config.host })
    app.log.info({ address, graph: `${address}/beta`, db: config.db, auth: config.auth, tls: tlsEnabled(config) }, 'graph-mock listening')
    logStream.flush()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      await app.close()
      fail(`graph-mock: invalid setting ${code === 'EADDRINUSE' || code === 'EACCES' ? 'PORT' : 'HOST'}: cannot listen on ${config.host}:${config.port} (${code})`)
    }
    throw error
  }
}

/**
 * Log lines are buffered and written in chunks, off the request path: a synchronous write per request line cost
 * an eighth of PATCH CPU time. A timer writes what is buffered every 100 ms, so `docker logs -f` stays live; pino
 * writes the rest when the process exits. A kill -9 loses at most the last 100 ms of log lines (never data).
 */
function bufferedStdout (): pino.DestinationStream & { flush: () => void } {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 })
  // A closed stdout (the reader went away) must not take the server down with it.
  stream.on('error', () => {})
  setInterval(() => { stream.flush() }, 100).unref()
  return stream
}

function fail (line: string): never {
  process.stderr.write(`${line}\n`)
  process.exit(2)
}
