// json-server as another baseline (SPEC §10 compares graph-mock with it). It is not a dependency of the
// project: the bench installs the pinned version once into bench/.cache with npm, and reports it as not
// available when the registry cannot be reached.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, installPinned, spawnServer } from './servers.js'

export const JSON_SERVER_VERSION = '0.17.4'
const CACHE = fileURLToPath(new URL('../.cache', import.meta.url))
const BIN = join(CACHE, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js')

/** The json-server CLI path, installing it into bench/.cache when missing; or {error} saying why not. */
export function ensureJsonServer () {
  if (existsSync(BIN)) return { bin: BIN }
  const failed = installPinned(CACHE, `json-server@${JSON_SERVER_VERSION}`, 180_000)
  if (failed !== undefined) return { error: failed }
  return existsSync(BIN) ? { bin: BIN } : { error: 'json-server installed but its CLI was not found' }
}

/**
 * json-server over a db.json holding the same flow and flow sets: PATCH/GET /flows/:id, GET
 * /outboundProvisioningFlowSets?_limit=100. It writes the whole db.json on every PATCH (lowdb), as users run it.
 */
export async function startJsonServer ({ bin, dir, flow, sets }) {
  const db = join(dir, 'json-server-db.json')
  writeFileSync(db, JSON.stringify({ flows: [flow], outboundProvisioningFlowSets: sets }))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = await spawnServer({ args: [bin, '--port', String(port), '--host', '127.0.0.1', '--quiet', db], readyUrl: `${url}/flows/${encodeURIComponent(flow.id)}` })
  return { ...server, url }
}
