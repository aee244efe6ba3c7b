/** Every import in src/ runs downhill: a module imports only from its own layer or earlier ones (docs/architecture.md). */
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

/** The layer order, first to last; a path is matched by its first segment under src/. */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['errors', 'clock.ts', 'ids.ts', 'config.ts', 'config-table.ts', 'setting-files.ts', 'json.ts', 'package-files.ts'],
  ['odata'],
  ['auth'],
  ['http'],
  ['store'],
  ['industry-data'],
  ['control'],
  ['app.ts'],
  ['server.ts', 'index.ts'],
  ['cli.ts', 'ready-check.ts']
]

const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
  entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [])

function layerOf (path: string): number {
  const layer = LAYERS.findIndex(names => names.includes(path.split('/')[0] ?? ''))
  if (layer < 0) throw new Error(`src/${path} is in no layer: add it to docs/architecture.md and LAYERS`)
  return layer + 1
}

// import … from '…', export … from '…', import '…' and import('…'); only relative specifiers are modules of src/.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.[^']*)'/g

t.test('no module imports from a later layer', async t => {
  const uphill: string[] = []
  for (const file of sources(SRC)) {
    const from = relative(SRC, file).split('\\').join('/')
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const to = relative(SRC, resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))).split('\\').join('/')
      if (layerOf(to) > layerOf(from)) uphill.push(`${from} -> ${to}`)
    }
  }
  const unexpected = [...new Set(uphill)]
  t.same(unexpected, [], unexpected.length === 0 ? 'no import runs uphill' : `imports that run uphill:\n${unexpected.join('\n')}`)
})
