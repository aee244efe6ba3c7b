/**
 * The operations over the document collections (document-collections.ts) and the store: what each of their Graph
 * routes does, minus HTTP. A bind must resolve in the tenant, and nothing is deleted while another item still
 * binds it: the store never holds a bind that points at nothing.
 */
import { conflict, itemNotFound } from '../errors/graph-errors.js'
import type { Json } from '../json.js'
import type { EntityRow } from '../store/entity-repository.js'
import { entityRow, parseBody } from '../store/rows.js'
import { typeOf, type DocumentCollection } from './document-collections.js'
import { readDocumentCreate, readDocumentPatch } from './domain/document-input.js'
import { complete, mergePatch } from './domain/merge-patch.js'
import { bindTargetOf } from './domain/references.js'
import { qualified } from './domain/schema-walk.js'
import { entitiesBinding, entityLookupFor, readContextFor, type Provisioning } from './provisioning.js'
import type { BindableCollection } from './schemas/graph-type.js'

export interface StoredDocument {
  collection: DocumentCollection
  /** The concrete type, unqualified. */
  type: string
  value: Json
}

const notFound = (collection: DocumentCollection, id: string) => itemNotFound(`${collection.entityType} '${id}'`)

function toStored (collection: DocumentCollection, row: EntityRow): StoredDocument {
  if (typeOf(collection, row.type) === undefined) throw new Error(`stored ${collection.name} item has unknown type ${row.type}`)
  return { collection, type: row.type, value: parseBody(row) }
}

/** The rows of a collection, in insertion order, for the collection reader: bodies are parsed only for the page. */
export function listDocumentRows (p: Provisioning, tenant: string, collection: DocumentCollection): Array<EntityRow & { seq: number }> {
  return p.store.entities.list(tenant, collection.name)
}

export function findDocument (p: Provisioning, tenant: string, collection: DocumentCollection, id: string): StoredDocument | undefined {
  const row = p.store.entities.get(tenant, collection.name, id)
  return row === undefined ? undefined : toStored(collection, row)
}

export function getDocument (p: Provisioning, tenant: string, collection: DocumentCollection, id: string): StoredDocument {
  const found = findDocument(p, tenant, collection, id)
  if (found === undefined) throw notFound(collection, id)
  return found
}

/** The item a stored value's `nav@odata.bind` points at, for a navigation GET; 404 when it has none. */
export function boundDocument (p: Provisioning, tenant: string, from: StoredDocument, navigation: string, target: DocumentCollection): StoredDocument {
  const reference = from.value[`${navigation}@odata.bind`]
  const bound = typeof reference === 'string' ? bindTargetOf(reference) : undefined
  const found = bound === undefined ? undefined : findDocument(p, tenant, target, bound.id)
  if (found === undefined) throw itemNotFound(`${navigation} of ${from.collection.entityType} '${String(from.value.id)}'`)
  return found
}

export function createDocument (p: Provisioning, tenant: string, collection: DocumentCollection, body: unknown): StoredDocument {
  const { type, schema, value } = readDocumentCreate(collection, body, readContextFor(p, tenant))
  const stored = complete(schema, { ...collection.defaults, ...value, id: p.ids.next() })
  collection.check(stored, [], type, entityLookupFor(p, tenant))
  p.store.transaction(() => { p.store.entities.insert(entityRow(tenant, collection.name, type, stored)) })
  return { collection, type, value: stored }
}

/** PATCH an item just read (getDocument): validate against its type, merge, check, write. */
export function patchDocument (p: Provisioning, tenant: string, document: StoredDocument, body: unknown): StoredDocument {
  const { collection, type } = document
  const schema = typeOf(collection, type)
  if (schema === undefined) throw new Error(`no schema for ${type}`)
  const patch = readDocumentPatch(schema, type, document.value, String(document.value.id), body, readContextFor(p, tenant))
  const merged = complete(schema, mergePatch(schema, document.value, patch))
  collection.check(merged, [], type, entityLookupFor(p, tenant))
  p.store.transaction(() => { p.store.entities.update(entityRow(tenant, collection.name, type, merged)) })
  return { collection, type, value: merged }
}

/** Nothing may go while another item binds it (409 naming them): a bind never points at nothing. */
export function deleteDocument (p: Provisioning, tenant: string, collection: DocumentCollection, id: string): void {
  p.store.transaction(() => {
    const document = getDocument(p, tenant, collection, id)
    const storedId = String(document.value.id)
    const bound = entitiesBinding(p, tenant, collection.name as BindableCollection, storedId)
    if (bound.length > 0) {
      throw conflict(`The ${document.type} '${storedId}' is bound by the ${bound.join(', ')}; delete them or bind them elsewhere first.`)
    }
    p.store.entities.remove(tenant, collection.name, storedId)
  })
}

/** `#microsoft.graph.industryData.azureDataLakeConnector` */
export const odataTypeOf = (document: StoredDocument): string => `#${qualified(document.type)}`
