/**
 * The document collections' operations (document-collections.ts): list, `$count`, create, get, update, delete,
 * and the single-valued navigations (a connector's `sourceSystem`, an inbound flow's `dataConnector` and `year`),
 * one set per collection, under the operation ids url-space.ts gives them.
 */
import { graphOf } from '../../http/graph-context.js'
import { sendCount, sendNoContent, sendPatchResult } from '../../http/replies.js'
import type { Operation, Operations } from '../../http/url-routes.js'
import { collectionBody, countCollection, pageCollection } from '../../odata/collection.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { documentSpec, documentView } from '../collections.js'
import { DATA_CONNECTORS, DOCUMENT_COLLECTIONS, INBOUND_FLOWS, SOURCE_SYSTEMS, YEARS, type DocumentCollection } from '../document-collections.js'
import { qualified } from '../domain/schema-walk.js'
import { boundDocument, createDocument, deleteDocument, getDocument, listDocumentRows, patchDocument } from '../document-store.js'
import { parseBody } from '../../store/rows.js'
import { presentDocument, writePresentation } from '../representations.js'
import { documentContexts, documentOperationIds, navigationContext } from '../url-space.js'
import type { OperationDeps } from './route-params.js'

/** The single-valued navigations each collection's items answer, and the collection each points into. */
const NAVIGATIONS: ReadonlyArray<{ from: DocumentCollection, name: string, to: DocumentCollection }> = [
  { from: DATA_CONNECTORS, name: 'sourceSystem', to: SOURCE_SYSTEMS },
  { from: INBOUND_FLOWS, name: 'dataConnector', to: DATA_CONNECTORS },
  { from: INBOUND_FLOWS, name: 'year', to: YEARS }
]

const keyOf = (collection: DocumentCollection, params: Record<string, string | undefined>): string => params[collection.key] ?? ''

function collectionOperations (collection: DocumentCollection, { provisioning: p, patchResponse }: OperationDeps): Operations {
  const ids = documentOperationIds(collection)
  const spec = documentSpec(collection)
  const view = documentView(collection)
  const schemas = Object.values(collection.types)
  const declared = qualified(collection.entityType)
  const contexts = documentContexts(collection)
  const where = `on a single ${collection.entityType}`
  const operations: Operations = {
    [ids.list]: {
      handler: async (request) => {
        const graph = graphOf(request)
        const page = pageCollection(listDocumentRows(p, graph.tenant, collection).map(view), request.query, spec)
        const select = parseSelect(page.options.select, schemas, declared)
        const presentation = writePresentation(graph)
        const value = page.rows.map(row => applySelect(presentDocument({ collection, type: row.type, value: parseBody(row) }, presentation, undefined), select))
        return collectionBody(contexts.items(graph.root), page, value, graph.origin, request.url)
      }
    },
    [ids.count]: {
      handler: async (request, reply) => sendCount(reply, countCollection(listDocumentRows(p, graphOf(request).tenant, collection).map(view), request.query, spec))
    },
    [ids.get]: {
      handler: async (request) => {
        const { select } = pickQueryOptions(request.query, ['select'], where)
        const graph = graphOf(request)
        const document = getDocument(p, graph.tenant, collection, keyOf(collection, request.params))
        return applySelect(presentDocument(document, writePresentation(graph), contexts.item(graph.root)), parseSelect(select, schemas, declared))
      }
    }
  }
  if (collection.readOnly) return operations
  return {
    ...operations,
    [ids.create]: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on POST')
        const graph = graphOf(request)
        const created = createDocument(p, graph.tenant, collection, request.body)
        reply.header('location', `${graph.root}/external/industryData/${collection.name}/${encodeURIComponent(String(created.value.id))}`)
        return reply.code(201).send(presentDocument(created, writePresentation(graph), contexts.item(graph.root)))
      }
    },
    [ids.patch]: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on PATCH')
        const graph = graphOf(request)
        const updated = patchDocument(p, graph.tenant, getDocument(p, graph.tenant, collection, keyOf(collection, request.params)), request.body)
        return sendPatchResult(reply, graph, patchResponse, () => presentDocument(updated, writePresentation(graph), contexts.item(graph.root)))
      }
    },
    [ids.delete]: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on DELETE')
        deleteDocument(p, graphOf(request).tenant, collection, keyOf(collection, request.params))
        return sendNoContent(reply)
      }
    }
  }
}

function navigationOperations ({ provisioning: p, patchResponse }: OperationDeps): Operations {
  return Object.fromEntries(NAVIGATIONS.flatMap(({ from, name, to }) => {
    const context = navigationContext(from, name)
    const schemas = Object.values(to.types)
    const ids = documentOperationIds(from)
    const target = (request: Parameters<Operation['handler']>[0]) => {
      const graph = graphOf(request)
      const id = keyOf(from, request.params)
      return { graph, id, document: boundDocument(p, graph.tenant, getDocument(p, graph.tenant, from, id), name, to) }
    }
    const get: Operation = {
      handler: async (request) => {
        const { select } = pickQueryOptions(request.query, ['select'], `on ${name}`)
        const { graph, id, document } = target(request)
        return applySelect(presentDocument(document, writePresentation(graph), context(graph.root, id)), parseSelect(select, schemas, qualified(to.entityType)))
      }
    }
    const patch: Operation = {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on PATCH')
        const { graph, id, document } = target(request)
        const updated = patchDocument(p, graph.tenant, document, request.body)
        return sendPatchResult(reply, graph, patchResponse, () => presentDocument(updated, writePresentation(graph), context(graph.root, id)))
      }
    }
    return [[ids.navigation(name), get], [ids.navigationPatch(name), patch]]
  }))
}

/** Every document collection's operations. */
export function documentOperations (deps: OperationDeps): Operations {
  return Object.assign({}, ...DOCUMENT_COLLECTIONS.map(collection => collectionOperations(collection, deps)), navigationOperations(deps)) as Operations
}
