// Prism as another baseline (SPEC §10 compares graph-mock with it). It is not a dependency of the project:
// the bench installs the pinned CLI once into bench/.cache/prism with npm, and reports it as not available
// when the registry cannot be reached. Prism mocks graph-mock's own OpenAPI document, in its default static
// mode, validating every request against the document as users run it.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, installPinned, spawnServer } from './servers.js'

export const PRISM_VERSION = '5.16.0'
const CACHE = fileURLToPath(new URL('../.cache/prism', import.meta.url))
const BIN = join(CACHE, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js')

/** The Prism CLI path, installing it into bench/.cache when missing; or {error} saying why not. */
export function ensurePrism () {
  if (existsSync(BIN)) return { bin: BIN }
  const failed = installPinned(CACHE, `@stoplight/prism-cli@${PRISM_VERSION}`)
  if (failed !== undefined) return { error: failed }
  return existsSync(BIN) ? { bin: BIN } : { error: '@stoplight/prism-cli installed but its CLI was not found' }
}

/**
 * Give the operations in `examples` ({ '<path>': { <method>: body } }) a JSON example for their 200 answer.
 * graph-mock's document gives each answer's schema, from which static Prism would make up a sample body of
 * another size; with the bodies graph-mock answered as examples it serialises the same JSON the others send.
 * Answers the names of operations the document lacks.
 */
export function addExamples (document, examples) {
  const missing = []
  for (const [path, methods] of Object.entries(examples)) {
    for (const [method, body] of Object.entries(methods)) {
      const operation = document.paths?.[path]?.[method]
      if (operation === undefined) { missing.push(`${method.toUpperCase()} ${path}`); continue }
      operation.responses ??= {}
      const ok = operation.responses['200'] ??= { description: 'OK' }
      ok.content ??= {}
      ok.content['application/json'] = { ...ok.content['application/json'], example: body }
    }
  }
  return missing
}

/**
 * `prism mock` over `document` (written to the bench's temp dir) on a free loopback port, at Prism's defaults
 * (static examples, info logging to its log file, CORS on), with `--errors false` spelled out: a request that
 * breaks the document still gets Prism's own 4xx, but a valid one is answered from the examples.
 * `readyPath` must be a GET the document answers 200 to (with `readyHeaders`).
 */
export async function startPrism ({ bin, dir, document, readyPath, readyHeaders }) {
  const file = join(dir, 'prism-openapi.json')
  writeFileSync(file, JSON.stringify(document))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = await spawnServer({
    args: [bin, 'mock', file, '--port', String(port), '--host', '127.0.0.1', '--errors', 'false'],
    readyUrl: `${url}${readyPath}`,
    readyHeaders,
    logFile: join(dir, 'prism.log'),
    timeoutMs: 120_000,
    pollMs: 50
  })
  return { ...server, url }
}
