/** Routes of one provisioning flow: GET, PATCH, DELETE and the reset action. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendNoContent, sendPatchResult } from '../../http/replies.js'
import { graphOf } from '../../http/graph-context.js'
import { pickQueryOptions } from '../../odata/query.js'
import { deleteFlow, getFlow, patchFlow, resetFlow } from '../provisioning.js'
import { presentFlow, presentFlowForRead, writePresentation } from '../representations.js'
import { ActionBody, FlowBody, FlowParams, ODataQuery, type GraphRouteOptions } from './route-params.js'

const FLOW = '/external/industryData/outboundProvisioningFlowSets/:setId/provisioningFlows/:flowId'

export const flowRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p, patchResponse }) => {
  app.get(FLOW, { schema: { params: FlowParams, querystring: ODataQuery } }, async (request) => {
    const { select } = pickQueryOptions(request.query, ['select'], 'on a single provisioningFlow')
    const graph = graphOf(request)
    const flow = getFlow(p, graph.tenant, request.params.setId, request.params.flowId)
    return presentFlowForRead(p, graph, flow, select)
  })

  app.patch(FLOW, { schema: { params: FlowParams, querystring: ODataQuery, body: FlowBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on PATCH')
    const graph = graphOf(request)
    const flow = getFlow(p, graph.tenant, request.params.setId, request.params.flowId)
    const updated = patchFlow(p, graph.tenant, flow, request.body)
    // Graph answers 204; graph-mock answers 200 with the entity unless GRAPH_MOCK_PATCH_RESPONSE or Prefer says otherwise.
    return sendPatchResult(reply, graph, patchResponse, () => presentFlow(updated, writePresentation(graph), true))
  })

  app.delete(FLOW, { schema: { params: FlowParams, querystring: ODataQuery } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on DELETE')
    deleteFlow(p, graphOf(request).tenant, request.params.setId, request.params.flowId)
    return sendNoContent(reply)
  })

  for (const action of ['reset', 'microsoft.graph.industryData.reset']) {
    app.post(`${FLOW}/${action}`, { schema: { params: FlowParams, querystring: ODataQuery, body: ActionBody } }, async (request, reply) => {
      pickQueryOptions(request.query, [], 'on an action')
      resetFlow(p, graphOf(request).tenant, request.params.setId, request.params.flowId)
      return sendNoContent(reply, 202)
    })
  }
}
