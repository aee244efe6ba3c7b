/** OData PATCH semantics over canonical values, and completion of values to their full declared shape. */
import type { TSchema } from '@sinclair/typebox'
import { isJsonObject, type Json } from '../../json.js'
import { formatPath, InvalidBodyError, type JsonPath } from './read-body.js'
import { kindOf, qualified, unwrapNullable } from './schema-walk.js'
import { SENTINEL } from '../schemas/graph-type.js'

/**
 * Merge `patch` into `stored` (both canonical, already read against `schema`): absent properties stay,
 * primitives and collections replace, complex values merge recursively, null clears.
 */
export function mergePatch (schema: TSchema, stored: Json, patch: Json): Json {
  const kind = kindOf(schema)
  if (kind.kind !== 'object') throw new Error('mergePatch needs an object schema')
  const out: Json = { ...stored }
  for (const [name, value] of Object.entries(patch)) {
    if (name === '@odata.type') continue
    const property = kind.properties[name]
    const current = out[name]
    if (property !== undefined && isJsonObject(value) && isJsonObject(current)) {
      const target = complexSchemaFor(property, value, current)
      out[name] = target === undefined ? value : mergePatch(target, current, value)
    } else {
      out[name] = value
    }
  }
  return out
}

/** The schema to merge two complex values with; undefined when the derived type changes (then the value replaces). */
function complexSchemaFor (property: TSchema, value: Json, current: Json): TSchema | undefined {
  const inner = unwrapNullable(property)
  const kind = kindOf(inner)
  if (kind.kind === 'object') return inner
  if (kind.kind === 'abstract') {
    if (value['@odata.type'] !== current['@odata.type']) return undefined
    return kind.derived.find(s => `#microsoft.graph.industryData.${String(s.graphType)}` === value['@odata.type'])
  }
  return undefined
}

/**
 * Whether a non-nullable property has no value the server could fill in: a string, an enum, an abstract type
 * (which concrete one?) or a reference value (which definition?). Its absence from a new value is a 400.
 */
export function hasNoDefault (schema: TSchema): boolean {
  const kind = kindOf(schema)
  return kind.kind === 'string' || kind.kind === 'enum' || kind.kind === 'abstract' || (kind.kind === 'object' && kind.referenceType !== undefined)
}

/**
 * Give a canonical value every declared property, in declaration order: collections [], the rest null or their
 * default. A non-nullable string or enum has no default to give: its absence is a 400 naming it (`path` says
 * where the value sits), never a stored null the CSDL does not allow.
 */
export function complete (schema: TSchema, value: Json, path: JsonPath = []): Json {
  const kind = kindOf(schema)
  if (kind.kind !== 'object') throw new Error('complete needs an object schema')
  const out: Json = {}
  if (kind.derived) out['@odata.type'] = value['@odata.type']
  for (const [name, property] of kind.entries) {
    const given = value[name]
    if ((given === undefined || given === null) && hasNoDefault(property)) {
      const required = kindOf(property)
      const allowed = required.kind === 'enum' ? ` Use one of: ${required.members.filter(m => m !== SENTINEL).join(', ')}.` : ''
      throw new InvalidBodyError(`Property '${formatPath([...path, name])}' is required: '${qualified(kind.type)}' declares it not nullable.${allowed}`, [...path, name])
    }
    out[name] = completeValue(property, given, [...path, name])
  }
  for (const [name, v] of Object.entries(value)) {
    if (name.endsWith('@odata.bind')) out[name] = v
  }
  return out
}

function completeValue (schema: TSchema, value: unknown, path: JsonPath): unknown {
  const inner = unwrapNullable(schema)
  const kind = kindOf(inner)
  if (kind.kind === 'array') {
    if (!Array.isArray(value)) return []
    const items = unwrapNullable(kind.items)
    return isStructured(items) ? value.map((item, i) => item === null ? null : completeValue(items, item, [...path, i])) : value
  }
  if (value === undefined || value === null) return defaultOf(schema, path)
  if (kind.kind === 'object' && isJsonObject(value)) return complete(inner, value, path)
  if (kind.kind === 'abstract' && isJsonObject(value)) {
    const derived = kind.derived.find(s => `#microsoft.graph.industryData.${String(s.graphType)}` === value['@odata.type'])
    return derived === undefined ? value : complete(derived, value, path)
  }
  return value
}

/**
 * What an absent property holds: null where the CSDL allows it; otherwise the type's default
 * (false, 0, or a complex value of defaults), as Graph's service fills non-nullable values.
 */
function defaultOf (schema: TSchema, path: JsonPath): unknown {
  const kind = kindOf(schema)
  if (kind.kind === 'nullable') return null
  if (kind.kind === 'boolean') return false
  if (kind.kind === 'integer') return 0
  if (kind.kind === 'object') return complete(schema, {}, path)
  return null
}

function isStructured (schema: TSchema): boolean {
  const kind = kindOf(schema).kind
  return kind === 'object' || kind === 'abstract'
}
