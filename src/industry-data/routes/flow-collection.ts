/** The provisioningFlows collection of a set: create, list, $count (SPEC §2). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { pickQueryOptions } from '../../odata/query.js'
import { createFlow } from '../provisioning.js'
import { presentFlow } from '../representations.js'
import { writePresentation, type GraphRouteOptions } from './flows.js'
import { JsonBody, ODataQuery, SetParams } from './route-params.js'

const FLOWS = '/external/industryData/outboundProvisioningFlowSets/:setId/provisioningFlows'

export const flowCollectionRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p }) => {
  app.post(FLOWS, { schema: { params: SetParams, querystring: ODataQuery, body: JsonBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on POST')
    const flow = createFlow(p, request.graph.tenant, request.params.setId, request.body)
    reply.header('location', `${request.graph.root}/external/industryData/outboundProvisioningFlowSets/${encodeURIComponent(flow.setId)}/provisioningFlows/${encodeURIComponent(String(flow.value.id))}`)
    return reply.code(201).send(presentFlow(flow, writePresentation(request.graph), true))
  })
}
