/**
 * Files of the package itself (package.json, fixtures/, public/). Every module that asks sits one level below
 * the package root: src/*.ts as the tests run them, dist/*.js from tsc, and the esbuild bundles dist/graph-mock*.js
 * (with their chunks), so one URL relative to this module reaches the root from all three.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)

/** The absolute path of `relative` inside the package, e.g. packagePath('public/inspector/index.html'). */
export const packagePath = (relative: string): string => fileURLToPath(new URL(relative, root))

/** The package version, read once from package.json. */
export const VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version

/** The fixtures shipped with the package. */
export const BUNDLED_FIXTURES = packagePath('fixtures')
