/** Checking control-plane input against its TypeBox schema outside a route (the in-process API). */
import type { Static, TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { badRequest } from '../errors/graph-errors.js'

/** `value` typed as the schema, or a 400 listing what is wrong. */
export function assertValid<T extends TSchema> (schema: T, value: unknown, what: string): Static<T> {
  if (Value.Check(schema, value)) return value
  const problems = [...Value.Errors(schema, value)].slice(0, 5).map(e => `${e.path === '' ? '/' : e.path} ${e.message}`)
  throw badRequest(`Invalid ${what}: ${problems.join('; ')}.`)
}
