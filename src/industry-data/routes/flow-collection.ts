/** The provisioningFlows collection of a set: create, list, $count. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendCount } from '../../http/replies.js'
import { graphOf } from '../../http/graph-context.js'
import { collectionBody, countCollection, pageCollection } from '../../odata/collection.js'
import { flowsSpec, flowView } from '../collections.js'
import { contexts } from '../../odata/context.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { createFlow, listFlowRows, requireFlowSet, toStoredFlow } from '../provisioning.js'
import { ALL_FLOW_SCHEMAS, presentFlow, readPresentation, writePresentation } from '../representations.js'
import { FlowBody, ODataQuery, SetParams, type GraphRouteOptions } from './route-params.js'

const FLOWS = '/external/industryData/outboundProvisioningFlowSets/:setId/provisioningFlows'

export const flowCollectionRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p }) => {
  app.get(FLOWS, { schema: { params: SetParams, querystring: ODataQuery } }, async (request) => {
    const graph = graphOf(request)
    const setId = requireFlowSet(p, graph.tenant, request.params.setId)
    const rows = listFlowRows(p, graph.tenant, setId).map(flowView)
    const page = pageCollection(rows, request.query, flowsSpec(setId))
    const select = parseSelect(page.options.select, ALL_FLOW_SCHEMAS, 'microsoft.graph.industryData.provisioningFlow')
    const presentation = readPresentation(p, graph)
    const value = page.rows.map(row => applySelect(presentFlow(toStoredFlow(row), presentation, false), select))
    return collectionBody(contexts.flows(graph.root, setId), page, value, graph.origin, request.url)
  })

  app.get(`${FLOWS}/$count`, { schema: { params: SetParams, querystring: ODataQuery } }, async (request, reply) => {
    const graph = graphOf(request)
    const setId = requireFlowSet(p, graph.tenant, request.params.setId)
    return sendCount(reply, countCollection(listFlowRows(p, graph.tenant, setId).map(flowView), request.query, flowsSpec(setId)))
  })

  app.post(FLOWS, { schema: { params: SetParams, querystring: ODataQuery, body: FlowBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on POST')
    const graph = graphOf(request)
    const flow = createFlow(p, graph.tenant, request.params.setId, request.body)
    reply.header('location', `${graph.root}/external/industryData/outboundProvisioningFlowSets/${encodeURIComponent(flow.setId)}/provisioningFlows/${encodeURIComponent(String(flow.value.id))}`)
    return reply.code(201).send(presentFlow(flow, writePresentation(graph), true))
  })
}
