/**
 * The shortcut route `/classGroupProvisioningFlow` (graph-mock's own, not production Graph's): the tenant's oldest
 * classGroupProvisioningFlow (by createdDateTime, then id). Served with and without a version prefix.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendPatchResult } from '../../http/replies.js'
import { graphOf } from '../../http/graph-context.js'
import { pickQueryOptions } from '../../odata/query.js'
import { oldestClassGroupFlow, patchFlow } from '../provisioning.js'
import { presentFlow, presentFlowForRead, writePresentation } from '../representations.js'
import { FlowBody, ODataQuery, type GraphRouteOptions } from './route-params.js'

export const classGroupShortcutRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p, patchResponse }) => {
  app.get('/classGroupProvisioningFlow', { schema: { querystring: ODataQuery } }, async (request) => {
    const { select } = pickQueryOptions(request.query, ['select'], 'on a single provisioningFlow')
    const graph = graphOf(request)
    return presentFlowForRead(p, graph, oldestClassGroupFlow(p, graph.tenant), select)
  })

  app.patch('/classGroupProvisioningFlow', { schema: { querystring: ODataQuery, body: FlowBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on PATCH')
    const graph = graphOf(request)
    const updated = patchFlow(p, graph.tenant, oldestClassGroupFlow(p, graph.tenant), request.body)
    return sendPatchResult(reply, graph, patchResponse, () => presentFlow(updated, writePresentation(graph), true))
  })
}
