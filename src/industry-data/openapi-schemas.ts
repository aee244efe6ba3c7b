/**
 * The OpenAPI document's schemas of the industryData types (`components.schemas`), made from the declarations
 * the domain walkers read (schemas/), so the document says what the server does:
 * - `microsoft.graph.industryData.<type>`: what an answer holds. Closed: every member an answer carries is
 *   declared (`@odata.type` where the type answers it, `@odata.context` on an entity answered alone, a bound
 *   role group inline, expanded flows).
 * - `…<type>-input`: a value inside a request body; `…<type>-create` and `…<type>-update`: a whole body.
 *   Names match in any casing, as the server reads them. A request schema may be stricter than the server (it
 *   names `@odata.type` in its two canonical spellings, annotations in their canonical casing), never looser:
 *   what it allows is refused only for what a schema cannot say (one name sent twice in two casings, an id that
 *   is not the URL's, a role group that does not exist, a flow of another type than the stored one).
 */
import type { TSchema } from '@sinclair/typebox'
import type { Json } from '../json.js'
import { DATE_TIME_OFFSET_PATTERN } from '../odata/date-time-offset.js'
import { SERVER_OWNED, WRITE_RULES, type WriteRule } from './domain/flow-input.js'
import { MAX_COLLECTION_ITEMS } from './domain/read-body.js'
import { bindReference, bindReferencePattern } from './domain/references.js'
import { hasNoDefault } from './domain/merge-patch.js'
import { REFERENCE_DEFINITIONS_SEED } from './reference-definitions.js'
import { kindOf, qualified } from './domain/schema-walk.js'
import { SENTINEL, type BindableCollection, type NavigationDeclaration } from './schemas/graph-type.js'
import { SERVED_COMPLEX_TYPES, SERVED_ENTITY_TYPES, SERVED_ENUMS } from './schemas/served-types.js'

export type Write = 'create' | 'update'

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })

/** The answer schema of a type (short name). */
export const answerRef = (type: string): Json => ref(qualified(type))
/** The schema of a create or update body of a type (short name). */
export const bodyRef = (type: string, write: Write): Json => ref(`${qualified(type)}-${write}`)
const inputRef = (type: string): Json => ref(`${qualified(type)}-input`)

/** A pattern that matches `name` in any casing. */
export function anyCase (name: string): string {
  const letters = [...name].map(c => c.toLowerCase() === c.toUpperCase() ? c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : `[${c.toLowerCase()}${c.toUpperCase()}]`)
  return `^${letters.join('')}$`
}

const short = (qualifiedName: string): string => qualifiedName.slice(qualifiedName.lastIndexOf('.') + 1)
const objectKind = (schema: TSchema) => {
  const kind = kindOf(schema)
  if (kind.kind !== 'object') throw new Error(`${String(schema.graphType)} is not an object type`)
  return kind
}
const navigationOf = (schema: TSchema): Readonly<Record<string, NavigationDeclaration>> =>
  (schema.graphNavigation ?? {}) as Record<string, NavigationDeclaration>

/** The served concrete types deriving from an abstract one, in the order they are served. */
/** The concrete types deriving from an abstract one, through abstract types between (credential → oAuthClientCredential → …). */
function concreteOf (abstractType: string): TSchema[] {
  const derived = [...SERVED_COMPLEX_TYPES, ...SERVED_ENTITY_TYPES].filter(s => s.graphBase === qualified(abstractType))
  return derived.flatMap(s => s.graphAbstractType === true ? concreteOf(String(s.graphType)) : [s])
}

// ---- answers

function answerOf (schema: TSchema): Json {
  const kind = kindOf(schema)
  switch (kind.kind) {
    case 'nullable': return { anyOf: [answerOf(kind.inner), { type: 'null' }] }
    case 'object': case 'abstract': case 'enum': return answerRef(kind.type)
    case 'array': return { type: 'array', items: answerOf(kind.items) }
    case 'string': return kind.dateTime ? { type: 'string', format: 'date-time' } : { type: 'string' }
    case 'boolean': return { type: 'boolean' }
    case 'integer': return { type: 'integer', minimum: kind.minimum, maximum: kind.maximum }
  }
}

/**
 * Types answered with their `@odata.type`: derived complex types of an abstract base (basicFilter), and entities
 * derived from another entity (the flows, which share one collection).
 */
const answersODataType = (schema: TSchema): boolean =>
  schema.graphDerived === true || (schema.graphEntity === true && schema.graphBase !== 'graph.entity')

function answerObject (schema: TSchema): Json {
  const kind = objectKind(schema)
  const properties: Json = {}
  if (schema.graphEntity === true) properties['@odata.context'] = { type: 'string', description: 'On an answer about this entity alone.' }
  if (answersODataType(schema)) properties['@odata.type'] = { const: `#${qualified(kind.type)}` }
  for (const [name, property] of kind.entries) properties[name] = answerOf(property)
  for (const [name, navigation] of Object.entries(navigationOf(schema))) {
    if (name in kind.bindings) {
      // A GET answers the bound entity inline; write answers leave it out.
      properties[`${name}@odata.context`] = { type: 'string' }
      properties[name] = { ...ref(navigation.type), description: 'The bound entity, in a GET answer.' }
    } else if (navigation.collection === true && navigation.containsTarget === true) {
      properties[name] = { type: 'array', items: ref(navigation.type), description: `With $expand=${name}.` }
    }
  }
  return {
    type: 'object',
    description: `${qualified(kind.type)}, as answered.`,
    properties,
    ...(answersODataType(schema) ? { required: ['@odata.type'] } : {}),
    additionalProperties: false
  }
}

function answerComponent (schema: TSchema): Json {
  if (typeof schema.graphEnum === 'string') {
    const kind = kindOf(schema)
    if (kind.kind !== 'enum') throw new Error('not an enum')
    return { type: 'string', enum: kind.members, description: `${qualified(kind.type)}; members after '${SENTINEL}' only with Prefer: include-unknown-enum-members.` }
  }
  if (schema.graphAbstractType === true) {
    return { anyOf: concreteOf(String(schema.graphType)).map(s => answerRef(String(s.graphType))), description: `${qualified(String(schema.graphType))} is abstract: one of its concrete types, which @odata.type names.` }
  }
  return answerObject(schema)
}

// ---- request bodies

function inputOf (schema: TSchema): Json {
  const kind = kindOf(schema)
  switch (kind.kind) {
    case 'nullable': return { anyOf: [inputOf(kind.inner), { type: 'null' }] }
    case 'object': case 'abstract': return inputRef(kind.type)
    case 'enum': return { type: 'string', enum: kind.members.filter(m => m !== SENTINEL) }
    case 'array': return { type: 'array', items: inputOf(kind.items), maxItems: MAX_COLLECTION_ITEMS }
    case 'string': return kind.dateTime ? { type: 'string', format: 'date-time', pattern: DATE_TIME_OFFSET_PATTERN } : { type: 'string' }
    case 'boolean': return { type: 'boolean' }
    case 'integer': return { type: 'integer', minimum: kind.minimum, maximum: kind.maximum }
  }
}

/** A value the server cannot leave out of a new value: a string or an enum that is not nullable. */
const neverNull = hasNoDefault

/**
 * The schema of an object type in a request: as a value inside a body (`input`), or as a create or update body
 * with its rule. A new value must hold every non-nullable string and enum; an update body only what its rule
 * requires, the stored entity having the rest.
 */
function inputObject (schema: TSchema, write: Write | 'input', rule: WriteRule = { required: [], nonEmpty: [] }): Json {
  const kind = objectKind(schema)
  const entity = schema.graphEntity === true
  const name = qualified(kind.type)
  const properties: Json = { '@odata.type': { type: 'string', enum: [`#${name}`, name] } }
  if (entity) properties['@odata.context'] = { type: 'string', description: 'As echoed from an answer: accepted and ignored.' }
  for (const [property, declared] of kind.entries) {
    let value = inputOf(declared)
    if (rule.nonEmpty.includes(property)) value = { ...value, minLength: 1 }
    if ((SERVER_OWNED as readonly string[]).includes(property)) value = { ...value, readOnly: true, description: 'Set by the server: a value sent is checked, then ignored.' }
    if (entity && property === 'id') value = { ...value, description: write === 'create' ? 'Ignored: the server assigns the id.' : 'When sent, the id in the URL.' }
    properties[property] = value
  }
  const required = write === 'update'
    ? [...rule.required]
    : [...rule.required, ...kind.entries.filter(([property, declared]) => neverNull(declared) && !(entity && property === 'id')).map(([property]) => property)]
  const bindings: Json[] = []
  // A reference value is documented by its code alone (see below).
  for (const [navigation, target] of kind.referenceType === undefined ? Object.entries(kind.bindings) : []) {
    properties[`${navigation}@odata.bind`] = {
      type: 'string',
      pattern: bindReferencePattern(target as BindableCollection),
      description: `The URL of the ${short(navigationOf(schema)[navigation]?.type ?? target)} to bind, in the ${target} collection.`,
      examples: target === 'roleGroups' ? [bindReference('roleGroups', 'staff'), bindReference('roleGroups', 'students')] : [bindReference(target as BindableCollection, '{id}')]
    }
    properties[navigation] = {
      type: 'object',
      description: `The ${navigation} by its id, as Kiota models send it, in place of ${navigation}@odata.bind; its other members are ignored.`,
      required: ['id'],
      properties: { id: { type: 'string', minLength: 1, examples: ['staff', 'students'] } }
    }
    properties[`${navigation}@odata.context`] = { type: 'string', description: 'As echoed from an answer: accepted and ignored.' }
    // An update leaves a required bind out to keep the stored one.
    if (kind.requiredBindings.includes(navigation) && write !== 'update') bindings.push({ if: { not: { required: [navigation] } }, then: { required: [`${navigation}@odata.bind`] } })
  }
  if (kind.referenceType !== undefined) {
    // A reference value names a definition of its type: by one of their codes, or by value@odata.bind.
    const codes = REFERENCE_DEFINITIONS_SEED.filter(d => d.referenceType === kind.referenceType).map(d => d.code)
    // Codes match in any case, as the server reads them (the docs send `paraProfessional` for `paraprofessional`).
    const pattern = `^(?:${codes.map(code => anyCase(String(code)).slice(1, -1)).join('|')})$`
    properties.code = { type: 'string', pattern, examples: codes.slice(0, 3), description: `A code of the reference type ${kind.referenceType}: ${codes.join(', ')}, in any case.` }
    // The server also takes value@odata.bind alone; the document asks for the code, which every definition has.
    required.push('code')
  }
  const unique = [...new Set(required)]
  return {
    type: 'object',
    description: write === 'input' ? `${name}, in a request body.` : `The body of a${write === 'create' ? ' create' : 'n update'} of ${name}.`,
    properties,
    ...(unique.length === 0 ? {} : { required: unique }),
    patternProperties: Object.fromEntries(Object.entries(properties).map(([property, value]) => [anyCase(property), value])),
    additionalProperties: false,
    ...(bindings.length === 0 ? {} : bindings.length === 1 ? bindings[0] : { allOf: bindings })
  }
}

function inputComponent (schema: TSchema): Json {
  if (schema.graphAbstractType !== true) return inputObject(schema, 'input')
  const concrete = concreteOf(String(schema.graphType))
  return {
    anyOf: concrete.map(s => inputRef(String(s.graphType))),
    // With one concrete type, a value without @odata.type is that type; with more, it must say which.
    ...(concrete.length > 1 ? { required: ['@odata.type'] } : {}),
    description: `${qualified(String(schema.graphType))} is abstract: one of its concrete types.`
  }
}

/** The create and update bodies of the written entity types, and of an abstract entity: one of its concrete types'. */
function bodyComponents (): Array<[string, Json]> {
  const out: Array<[string, Json]> = []
  for (const schema of SERVED_ENTITY_TYPES) {
    const type = String(schema.graphType)
    for (const write of ['create', 'update'] as const) {
      const rule = WRITE_RULES[type]?.[write]
      if (rule !== undefined) out.push([`${qualified(type)}-${write}`, inputObject(schema, write, rule)])
      const concrete = schema.graphAbstractType === true ? concreteOf(type).filter(s => WRITE_RULES[String(s.graphType)] !== undefined) : []
      if (concrete.length > 0) {
        out.push([`${qualified(type)}-${write}`, { anyOf: concrete.map(s => bodyRef(String(s.graphType), write)), description: `One of the concrete types of ${qualified(type)}${write === 'create' ? ', which @odata.type names' : ': the stored flow\'s'}.` }])
      }
    }
  }
  return out
}

/** Every schema the industryData routes refer to, by component name. */
export function industryDataSchemas (): Json {
  const complexAndEntities = [...SERVED_COMPLEX_TYPES, ...SERVED_ENTITY_TYPES]
  return Object.fromEntries([
    ...[...SERVED_ENUMS, ...complexAndEntities].map(s => [qualified(String(s.graphEnum ?? s.graphType)), answerComponent(s)]),
    ...SERVED_COMPLEX_TYPES.map(s => [`${qualified(String(s.graphType))}-input`, inputComponent(s)]),
    ...bodyComponents()
  ])
}
