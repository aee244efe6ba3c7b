/** What a create or update body may say about an item of a document collection, as pure functions. */
import type { TObject } from '@sinclair/typebox'
import { badRequest } from '../../errors/graph-errors.js'
import type { Json } from '../../json.js'
import { concreteTypeList, typeOf, type DocumentCollection } from '../document-collections.js'
import { checkIdMatches, refuseEmpty, requireObjectBody, ruleOf } from './flow-input.js'
import { findODataType, InvalidBodyError, normaliseODataType, readValue, type JsonPath, type ReadContext } from './read-body.js'
import { kindOf, qualified } from './schema-walk.js'

export interface DocumentCreate { type: string, schema: TObject, value: Json }

/** The concrete type a create names: required when the collection holds more than one, and never abstract. */
function createType (collection: DocumentCollection, given: string | undefined, path: JsonPath): string {
  const names = Object.keys(collection.types)
  const only = names.length === 1 ? names[0] : undefined
  if (given === undefined) {
    if (only !== undefined) return only
    throw new InvalidBodyError(`'@odata.type' is required: name the concrete type of the ${collection.entityType} (${concreteTypeList(collection)}).`, [...path, '@odata.type'])
  }
  const match = names.find(type => qualified(type).toLowerCase() === normaliseODataType(given))
  if (match !== undefined) return match
  throw new InvalidBodyError(`'@odata.type' '${given}' is not a concrete type of the ${collection.entityType} collection (${concreteTypeList(collection)}).`, [...path, '@odata.type'])
}

/** Body of POST to a document collection; the id is the server's (a fixture's own, with `keepId`). */
export function readDocumentCreate (collection: DocumentCollection, body: unknown, context: ReadContext, path: JsonPath = [], keepId = false): DocumentCreate {
  const object = requireObjectBody(body, path)
  const type = createType(collection, findODataType(object, path), path)
  const schema = typeOf(collection, type)
  if (schema === undefined) throw new Error(`no schema for ${type}`)
  const value = readValue(schema, object, path, context) as Json
  refuseEmpty(value, ruleOf(type, 'create'), path)
  if (!keepId) delete value.id
  return { type, schema, value }
}

/**
 * Body of PATCH on a stored item of `type`: `@odata.type` optional but never another type. A required bind the
 * body leaves out keeps its stored target (it is checked again: the target must still exist).
 */
export function readDocumentPatch (schema: TObject, type: string, stored: Json, id: string, body: unknown, context: ReadContext): Json {
  const object = requireObjectBody(body, [])
  const given = findODataType(object)
  if (given !== undefined && normaliseODataType(given) !== qualified(type).toLowerCase()) {
    throw badRequest(`'@odata.type' '${given}' does not match the type of the stored item, '#${qualified(type)}'; its type cannot change.`)
  }
  const kind = kindOf(schema)
  const sent = new Set(Object.keys(object).map(key => key.toLowerCase()))
  const kept: Json = {}
  if (kind.kind === 'object') {
    for (const navigation of kind.requiredBindings) {
      const key = `${navigation}@odata.bind`
      if (!sent.has(key.toLowerCase()) && !sent.has(navigation.toLowerCase()) && typeof stored[key] === 'string') kept[key] = stored[key]
    }
  }
  const value = readValue(schema, { ...kept, ...object }, [], context) as Json
  refuseEmpty(value, ruleOf(type, 'update'), [])
  checkIdMatches(value, id, [])
  delete value.id
  return value
}
