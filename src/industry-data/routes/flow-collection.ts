/** The provisioningFlows collection of a set: list, $count, create. */
import { graphOf } from '../../http/graph-context.js'
import { sendCount } from '../../http/replies.js'
import type { Operations } from '../../http/url-routes.js'
import { collectionBody, countCollection, pageCollection } from '../../odata/collection.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { flowsSpec, flowView } from '../collections.js'
import { qualified } from '../domain/schema-walk.js'
import { createFlow, listFlowRows, requireFlowSet, toStoredFlow } from '../provisioning.js'
import { presentFlow, readPresentation, writePresentation } from '../representations.js'
import { FLOW_SCHEMAS } from '../schemas/entities.js'
import { contexts } from '../url-space.js'
import type { OperationDeps } from './route-params.js'

export function flowCollectionOperations ({ provisioning: p }: OperationDeps): Operations {
  return {
    listFlows: {
      handler: async (request) => {
        const graph = graphOf(request)
        const setId = requireFlowSet(p, graph.tenant, request.params.setId ?? '')
        const rows = listFlowRows(p, graph.tenant, setId).map(flowView)
        const page = pageCollection(rows, request.query, flowsSpec(setId))
        const select = parseSelect(page.options.select, FLOW_SCHEMAS, qualified('provisioningFlow'))
        const presentation = readPresentation(p, graph)
        const value = page.rows.map(row => applySelect(presentFlow(toStoredFlow(row), presentation, false), select))
        return collectionBody(contexts.flows(graph.root, setId), page, value, graph.origin, request.url)
      }
    },
    countFlows: {
      handler: async (request, reply) => {
        const graph = graphOf(request)
        const setId = requireFlowSet(p, graph.tenant, request.params.setId ?? '')
        return sendCount(reply, countCollection(listFlowRows(p, graph.tenant, setId).map(flowView), request.query, flowsSpec(setId)))
      }
    },
    createFlow: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on POST')
        const flow = createFlow(p, graphOf(request).tenant, request.params.setId ?? '', request.body)
        reply.header('location', `${graphOf(request).root}/external/industryData/outboundProvisioningFlowSets/${encodeURIComponent(flow.setId)}/provisioningFlows/${encodeURIComponent(String(flow.value.id))}`)
        return reply.code(201).send(presentFlow(flow, writePresentation(graphOf(request)), true))
      }
    }
  }
}
