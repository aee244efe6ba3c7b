/**
 * Schema-driven reading of request bodies and fixtures: property names matched case-insensitively and
 * returned in canonical case, `@odata.type` checked, enums, dates and nullability enforced, and every
 * violation reported as Graph's 400 naming the property.
 */
import type { TSchema } from '@sinclair/typebox'
import { GraphError } from '../../errors/graph-error.js'
import { isDateTimeOffset } from '../../odata/date-time-offset.js'
import { isEdmDate } from '../../odata/edm-date.js'
import { SENTINEL, type BindableCollection } from '../schemas/graph-type.js'
import { propertyIndex } from '../../odata/property-index.js'
import { isJsonObject } from '../../json.js'
import { kindOf, qualified } from './schema-walk.js'

export type JsonPath = ReadonlyArray<string | number>

/**
 * The most items one collection property may hold. A 1 MiB body can carry some 350,000 empty objects in one
 * collection (a role group's `roles`), and each becomes a completed, stored and presented object: under a
 * 96 MB heap the hostile suite saw the server abort. Ten thousand is far more than any real configuration holds.
 */
export const MAX_COLLECTION_ITEMS = 10_000

/** A 400 that also knows where in the document it happened (fixtures report it as a JSON path). */
export class InvalidBodyError extends GraphError {
  readonly path: JsonPath
  constructor (message: string, path: JsonPath) {
    super(400, 'BadRequest', message)
    this.path = path
  }
}

/** `configuration.additionalAttributes[0]` */
export function formatPath (path: JsonPath): string {
  return path.reduce<string>((text, part) => typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`, '')
}

/** `$.outboundProvisioningFlowSets[0].displayName` */
export function formatJsonPath (path: JsonPath): string {
  const text = formatPath(path)
  return text === '' ? '$' : text.startsWith('[') ? `$${text}` : `$.${text}`
}

export interface ReadContext {
  /** Resolve `nav@odata.bind` into `collection`; returns the canonical reference to store, or throws. */
  bind: (navigation: string, collection: BindableCollection, target: string, path: JsonPath) => string
  /**
   * Resolve a reference value (its `code`, its `value@odata.bind`, or both) to a referenceDefinition of
   * `referenceType`; returns the value to store, or throws.
   */
  reference: (referenceType: string, value: Record<string, unknown>, path: JsonPath) => Record<string, unknown>
}

/** OData control information a client may echo back from a GET; accepted and dropped wherever it appears. */
const IGNORED_ANNOTATIONS = new Set(['@odata.context', '@odata.etag', '@odata.id', '@odata.editlink', '@odata.readlink'])

const invalid = (path: JsonPath, why: string): InvalidBodyError =>
  new InvalidBodyError(`Invalid value for property '${formatPath(path)}': ${why}`, path)

const literal = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/** Normalise `#microsoft.graph.x` / `microsoft.graph.x` for comparison. */
export const normaliseODataType = (value: string): string => value.replace(/^#/, '').toLowerCase()

/** Read `value` as an instance of `schema`: a new canonical value, or an InvalidBodyError. */
export function readValue (schema: TSchema, value: unknown, path: JsonPath, context: ReadContext): unknown {
  const kind = kindOf(schema)
  switch (kind.kind) {
    case 'nullable':
      return value === null ? null : readValue(kind.inner, value, path, context)
    case 'object':
      if (value === null) throw invalid(path, 'null is not allowed; the property is not nullable.')
      return readObject(schema, value, path, context)
    case 'abstract':
      if (value === null) throw invalid(path, 'null is not allowed; the property is not nullable.')
      return readAbstract(kind.type, kind.derived, value, path, context)
    case 'enum':
      return readEnum(kind.type, kind.members, value, path)
    case 'array':
      if (value === null) throw invalid(path, 'a collection cannot be null; send [] to empty it.')
      if (!Array.isArray(value)) throw invalid(path, `expected a JSON array, got ${literal(value)}.`)
      if (value.length > MAX_COLLECTION_ITEMS) throw invalid(path, `a collection holds at most ${MAX_COLLECTION_ITEMS} items; this one has ${value.length}.`)
      return value.map((item, i) => readValue(kind.items, item, [...path, i], context))
    case 'string':
      if (value === null) throw invalid(path, 'null is not allowed; the property is not nullable.')
      if (typeof value !== 'string') throw invalid(path, `Cannot convert the literal '${literal(value)}' to the expected type '${kind.edm}'.`)
      if (kind.dateTime && !isDateTimeOffset(value)) {
        throw invalid(path, `'${value}' is not a valid Edm.DateTimeOffset; use ISO 8601 with a time zone, e.g. 2026-11-28T21:28:02Z.`)
      }
      if (kind.date && !isEdmDate(value)) throw invalid(path, `'${value}' is not a valid Edm.Date; use yyyy-mm-dd, e.g. 2026-08-15.`)
      return value
    case 'boolean':
      if (value === null) throw invalid(path, 'null is not allowed; the property is not nullable.')
      if (typeof value !== 'boolean') throw invalid(path, `Cannot convert the literal '${literal(value)}' to the expected type 'Edm.Boolean'.`)
      return value
    case 'integer':
      if (value === null) throw invalid(path, 'null is not allowed; the property is not nullable.')
      if (typeof value !== 'number' || !Number.isInteger(value) || value < kind.minimum || value > kind.maximum) {
        throw invalid(path, `Cannot convert the literal '${literal(value)}' to the expected type '${kind.edm}'.`)
      }
      return value
  }
}

function readEnum (type: string, members: readonly string[], value: unknown, path: JsonPath): string {
  const allowed = members.filter(m => m !== SENTINEL)
  if (value === SENTINEL) {
    throw invalid(path, `'${SENTINEL}' is the evolvable-enum sentinel of '${qualified(type)}' and cannot be sent. Use one of: ${allowed.join(', ')}.`)
  }
  if (typeof value !== 'string' || !members.includes(value)) {
    const shown = value === null ? 'null' : typeof value === 'string' ? `'${value}'` : literal(value)
    throw invalid(path, `${shown} is not a member of '${qualified(type)}'. Use one of: ${allowed.join(', ')}.`)
  }
  return value
}

function readAbstract (type: string, derived: readonly TSchema[], value: unknown, path: JsonPath, context: ReadContext): unknown {
  if (!isJsonObject(value)) throw invalid(path, `expected a JSON object of a type derived from '${qualified(type)}', got ${literal(value)}.`)
  const odataType = findODataType(value)
  if (odataType === undefined) {
    // Only one concrete type exists for each abstract type here, so an untyped value can only mean that one.
    const only = derived[0]
    if (derived.length === 1 && only !== undefined) return readObject(only, value, path, context)
    throw invalid(path, `'@odata.type' is required for the abstract type '${qualified(type)}'.`)
  }
  const match = derived.find(s => normaliseODataType(odataType) === qualified(String(s.graphType)).toLowerCase())
  if (match === undefined) {
    const names = derived.map(s => `#${qualified(String(s.graphType))}`).join(', ')
    throw invalid(path, `'@odata.type' '${odataType}' is not a concrete type derived from '${qualified(type)}' (${names}).`)
  }
  return readObject(match, value, path, context)
}

/** The value of an `@odata.type` key in any casing, if present and a string (else a 400). */
export function findODataType (value: Record<string, unknown>, path: JsonPath = []): string | undefined {
  for (const [key, v] of Object.entries(value)) {
    if (key.toLowerCase() !== '@odata.type') continue
    if (typeof v !== 'string') throw new InvalidBodyError(`'@odata.type' must be a string, got ${literal(v)}.`, [...path, '@odata.type'])
    return v
  }
  return undefined
}

function readObject (schema: TSchema, value: unknown, path: JsonPath, context: ReadContext): Record<string, unknown> {
  const kind = kindOf(schema)
  if (kind.kind !== 'object') throw new Error('readObject needs an object schema')
  if (!isJsonObject(value)) throw invalid(path, `expected a JSON object of type '${qualified(kind.type)}', got ${literal(value)}.`)
  const index = propertyIndex(schema)
  const out: Record<string, unknown> = {}
  if (kind.derived) out['@odata.type'] = `#${qualified(kind.type)}`
  for (const [key, raw] of Object.entries(value)) {
    const lower = key.toLowerCase()
    if (lower === '@odata.type') {
      const given = findODataType(value, path) ?? ''
      if (normaliseODataType(given) !== qualified(kind.type).toLowerCase()) {
        throw new InvalidBodyError(`'@odata.type' '${given}' does not match the type '${qualified(kind.type)}' expected at '${formatPath(path) || 'the request body'}'.`, [...path, '@odata.type'])
      }
      continue
    }
    if (IGNORED_ANNOTATIONS.has(lower)) continue
    const at = key.indexOf('@')
    if (at > 0 && lower.endsWith('@odata.context')) continue // echoed from a GET (e.g. roleGroup@odata.context)
    const embedded = Object.keys(kind.bindings).find(name => name.toLowerCase() === lower)
    if (embedded !== undefined) {
      // Kiota models carry the navigation as an object ({ "roleGroup": { "id": "staff" } }): bind by its id.
      const id = isJsonObject(raw) ? raw.id : undefined
      if (typeof id !== 'string' || id === '') throw invalid([...path, embedded], `expected an object with the 'id' of a ${embedded}, or use '${embedded}@odata.bind'.`)
      const collection = kind.bindings[embedded] as BindableCollection
      out[`${embedded}@odata.bind`] = context.bind(embedded, collection, `external/industryData/${collection}/${encodeURIComponent(id)}`, [...path, embedded])
      continue
    }
    if (at > 0 && key.slice(at + 1).toLowerCase() === 'odata.bind') {
      const navigation = Object.keys(kind.bindings).find(name => name.toLowerCase() === key.slice(0, at).toLowerCase())
      if (navigation === undefined) throw unknownPropertyAt(key, kind.type, path)
      if (typeof raw !== 'string') throw invalid([...path, key], `expected the URL of an entity, got ${literal(raw)}.`)
      out[`${navigation}@odata.bind`] = context.bind(navigation, kind.bindings[navigation] as BindableCollection, raw, [...path, key])
      continue
    }
    const canonical = index.get(lower)
    if (canonical === undefined) throw unknownPropertyAt(key, kind.type, path)
    if (Object.hasOwn(out, canonical)) throw new InvalidBodyError(`Property '${canonical}' appears more than once (property names are case-insensitive).`, [...path, canonical])
    const propertySchema = kind.properties[canonical]
    if (propertySchema === undefined) throw unknownPropertyAt(key, kind.type, path)
    out[canonical] = readValue(propertySchema, raw, [...path, canonical], context)
  }
  for (const navigation of kind.requiredBindings) {
    if (out[`${navigation}@odata.bind`] === undefined) {
      throw invalid([...path, navigation], `the navigation property '${navigation}' is not nullable; bind one with '${navigation}@odata.bind'.`)
    }
  }
  return kind.referenceType === undefined ? out : context.reference(kind.referenceType, out, path)
}

function unknownPropertyAt (name: string, type: string, path: JsonPath): InvalidBodyError {
  return new InvalidBodyError(`Property '${name}' does not exist on type '${qualified(type)}'.`, [...path, name])
}
