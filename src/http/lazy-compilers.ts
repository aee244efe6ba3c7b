/**
 * Fastify's schema compilers, loaded on first use. Created without `schemaController.compilersFactory`,
 * Fastify requires Ajv (its default validator) and fast-json-stringify at once: a quarter of graph-mock's
 * start-up CPU, for compilers the Graph routes never use (they validate with TypeBox and answer plain JSON).
 * Only a few control-plane routes declare response schemas; each gets its serializer on its first answer.
 */
import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

type Compiler = (route: unknown) => (...args: unknown[]) => unknown
type CompilerFactory = (...factoryArgs: unknown[]) => Compiler

// Resolved beside fastify, whose dependencies these are.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))

/** A compilers-factory entry that loads `id` (a Fastify compiler selector package) when a compiled function first runs. */
function lazyCompilerFactory (id: string): CompilerFactory {
  return (...factoryArgs) => {
    let compiler: Compiler | undefined
    const load = (): Compiler => (compiler ??= (fromFastify(id) as () => CompilerFactory)()(...factoryArgs))
    return (route) => {
      let compiled: ((...args: unknown[]) => unknown) & { errors?: unknown } | undefined
      const run = (...args: unknown[]): unknown => {
        compiled ??= load()(route)
        const result = compiled(...args)
        run.errors = compiled.errors // Ajv reports a failed validation here
        return result
      }
      run.errors = undefined as unknown
      return run
    }
  }
}

/** Fastify's `schemaController` option: the default compilers, each loaded when first needed. */
export const lazySchemaCompilers = {
  compilersFactory: {
    buildValidator: lazyCompilerFactory('@fastify/ajv-compiler'),
    buildSerializer: lazyCompilerFactory('@fastify/fast-json-stringify-compiler')
  }
} as unknown as NonNullable<FastifyServerOptions['schemaController']> // the same call shapes, typed loosely
