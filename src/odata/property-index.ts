/** Case-insensitive property names of an object schema: Graph matches request names without regard to case. */
import type { TSchema } from '@sinclair/typebox'

/** Lower-cased property name → canonical name, made once per schema. */
const indexes = new WeakMap<TSchema, ReadonlyMap<string, string>>()
export function propertyIndex (schema: TSchema): ReadonlyMap<string, string> {
  let index = indexes.get(schema)
  if (index === undefined) {
    index = new Map(Object.keys((schema.properties ?? {}) as object).map(name => [name.toLowerCase(), name]))
    indexes.set(schema, index)
  }
  return index
}
