/** The outboundProvisioningFlowSets collection and each flow set: list, $count, create, get, update, delete. */
import { graphOf } from '../../http/graph-context.js'
import { sendCount, sendNoContent, sendPatchResult } from '../../http/replies.js'
import type { Operations } from '../../http/url-routes.js'
import { collectionBody, countCollection, pageCollection } from '../../odata/collection.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { FLOW_SETS_SPEC, flowSetView } from '../collections.js'
import { createFlowSet, deleteFlowSet, getFlowSet, listFlowSetRows, patchFlowSet } from '../provisioning.js'
import { presentFlowSet, presentStoredFlowSet, writePresentation } from '../representations.js'
import { qualified } from '../domain/schema-walk.js'
import { OutboundProvisioningFlowSet } from '../schemas/entities.js'
import { contexts } from '../url-space.js'
import { expandFlows, parseExpand } from './expand.js'
import type { OperationDeps } from './route-params.js'

const TYPE = qualified('outboundProvisioningFlowSet')
const NAVIGATION = Object.keys(OutboundProvisioningFlowSet.graphNavigation as object)
const select = (text: string | undefined): string[] | undefined => parseSelect(text, [OutboundProvisioningFlowSet], TYPE, NAVIGATION)

export function flowSetOperations ({ provisioning: p, patchResponse }: OperationDeps): Operations {
  return {
    listFlowSets: {
      handler: async (request) => {
        const graph = graphOf(request)
        const page = pageCollection(listFlowSetRows(p, graph.tenant).map(flowSetView), request.query, FLOW_SETS_SPEC)
        const selected = select(page.options.select)
        const expand = parseExpand(page.options.expand)
        const presentation = writePresentation(graph)
        const value = page.rows.map(row => {
          const set = applySelect(presentStoredFlowSet(row.body, presentation), selected)
          return expand ? { ...set, ...expandFlows(p, graph, row.id) } : set
        })
        return collectionBody(contexts.flowSets(graph.root), page, value, graph.origin, request.url)
      }
    },
    countFlowSets: {
      handler: async (request, reply) => sendCount(reply, countCollection(listFlowSetRows(p, graphOf(request).tenant).map(flowSetView), request.query, FLOW_SETS_SPEC))
    },
    createFlowSet: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on POST')
        const created = createFlowSet(p, graphOf(request).tenant, request.body)
        reply.header('location', `${graphOf(request).root}/external/industryData/outboundProvisioningFlowSets/${encodeURIComponent(String(created.id))}`)
        return reply.code(201).send(presentFlowSet(created, writePresentation(graphOf(request)), true))
      }
    },
    getFlowSet: {
      handler: async (request) => {
        const options = pickQueryOptions(request.query, ['select', 'expand'], 'on a single outboundProvisioningFlowSet')
        const graph = graphOf(request)
        const selected = select(options.select)
        const expand = parseExpand(options.expand)
        const set = getFlowSet(p, graph.tenant, request.params.setId ?? '')
        const body = applySelect(presentFlowSet(set, writePresentation(graph), true), selected)
        // Expanded navigation is answered whatever $select says, as OData has it.
        return expand ? { ...body, ...expandFlows(p, graph, String(set.id)) } : body
      }
    },
    patchFlowSet: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on PATCH')
        const updated = patchFlowSet(p, graphOf(request).tenant, request.params.setId ?? '', request.body)
        return sendPatchResult(reply, graphOf(request), patchResponse, () => presentFlowSet(updated, writePresentation(graphOf(request)), true))
      }
    },
    deleteFlowSet: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on DELETE')
        deleteFlowSet(p, graphOf(request).tenant, request.params.setId ?? '')
        return sendNoContent(reply)
      }
    }
  }
}
