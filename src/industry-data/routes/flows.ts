/** Routes of one provisioning flow: GET, PATCH, DELETE and the reset action. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendNoContent, sendPatchResult } from '../../http/replies.js'
import type { PatchReturn } from '../../http/prefer.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { deleteFlow, findRoleGroup, getFlow, patchFlow, resetFlow, type Provisioning, type StoredFlow } from '../provisioning.js'
import { presentFlow, type Presentation } from '../representations.js'
import { FLOW_TYPES } from '../schemas/entities.js'
import { ActionBody, FlowBody, FlowParams, ODataQuery } from './route-params.js'
import type { GraphContext } from '../../http/graph-context.js'

export interface GraphRouteOptions {
  provisioning: Provisioning
  /** GRAPH_MOCK_PATCH_RESPONSE: what a PATCH answers when the request's Prefer does not say. */
  patchResponse: PatchReturn
}

const FLOW = '/external/industryData/outboundProvisioningFlowSets/:setId/provisioningFlows/:flowId'
const ALL_FLOW_SCHEMAS = Object.values(FLOW_TYPES).map(t => t.schema)

/** GET answers expand bound role groups inline; write answers leave them out (as Graph's POST answer does). */
export function readPresentation (p: Provisioning, graph: GraphContext): Presentation {
  return {
    root: graph.root,
    includeUnknownEnumMembers: graph.includeUnknownEnumMembers,
    roleGroup: id => findRoleGroup(p, graph.tenant, id)
  }
}

export function writePresentation (graph: GraphContext): Presentation {
  return { root: graph.root, includeUnknownEnumMembers: graph.includeUnknownEnumMembers }
}

/** Present one flow for a GET, honouring $select. */
export function presentFlowForRead (p: Provisioning, graph: GraphContext, flow: StoredFlow, select: string | undefined): Record<string, unknown> {
  const selected = parseSelect(select, ALL_FLOW_SCHEMAS, 'microsoft.graph.industryData.provisioningFlow')
  return applySelect(presentFlow(flow, readPresentation(p, graph), true), selected)
}

export const flowRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p, patchResponse }) => {
  app.get(FLOW, { schema: { params: FlowParams, querystring: ODataQuery } }, async (request) => {
    const { select } = pickQueryOptions(request.query, ['select'], 'on a single provisioningFlow')
    const flow = getFlow(p, request.graph.tenant, request.params.setId, request.params.flowId)
    return presentFlowForRead(p, request.graph, flow, select)
  })

  app.patch(FLOW, { schema: { params: FlowParams, querystring: ODataQuery, body: FlowBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on PATCH')
    const { tenant } = request.graph
    const flow = getFlow(p, tenant, request.params.setId, request.params.flowId)
    const updated = patchFlow(p, tenant, flow, request.body)
    // Graph answers 204; the seed document's contract is 200 with the entity (GRAPH_MOCK_PATCH_RESPONSE).
    return sendPatchResult(reply, request.graph, patchResponse, () => presentFlow(updated, writePresentation(request.graph), true))
  })

  app.delete(FLOW, { schema: { params: FlowParams, querystring: ODataQuery } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on DELETE')
    deleteFlow(p, request.graph.tenant, request.params.setId, request.params.flowId)
    return sendNoContent(reply)
  })

  for (const action of ['reset', 'microsoft.graph.industryData.reset']) {
    app.post(`${FLOW}/${action}`, { schema: { params: FlowParams, querystring: ODataQuery, body: ActionBody } }, async (request, reply) => {
      pickQueryOptions(request.query, [], 'on an action')
      resetFlow(p, request.graph.tenant, request.params.setId, request.params.flowId)
      return sendNoContent(reply, 202)
    })
  }
}
