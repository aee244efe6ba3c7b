/** Routes of one outbound provisioning flow set and flow-set creation (SPEC §2). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendNoContent, sendPatchResult } from '../../http/replies.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { createFlowSet, deleteFlowSet, getFlowSet, patchFlowSet } from '../provisioning.js'
import { presentFlowSet } from '../representations.js'
import { OutboundProvisioningFlowSet } from '../schemas/entities.js'
import { expandFlows, parseExpand } from './expand.js'
import { writePresentation, type GraphRouteOptions } from './flows.js'
import { JsonBody, ODataQuery, SetParams } from './route-params.js'

const SETS = '/external/industryData/outboundProvisioningFlowSets'
const SET = `${SETS}/:setId`

export const flowSetRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p, config }) => {
  app.post(SETS, { schema: { querystring: ODataQuery, body: JsonBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on POST')
    const created = createFlowSet(p, request.graph.tenant, request.body)
    reply.header('location', `${request.graph.root}${SETS}/${encodeURIComponent(String(created.id))}`)
    return reply.code(201).send(presentFlowSet(created, writePresentation(request.graph), true))
  })

  app.get(SET, { schema: { params: SetParams, querystring: ODataQuery } }, async (request) => {
    const options = pickQueryOptions(request.query, ['select', 'expand'], 'on a single outboundProvisioningFlowSet')
    const { graph } = request
    const select = parseSelect(options.select, [OutboundProvisioningFlowSet], 'microsoft.graph.industryData.outboundProvisioningFlowSet')
    const expand = parseExpand(options.expand)
    const set = getFlowSet(p, graph.tenant, request.params.setId)
    const body = applySelect(presentFlowSet(set, writePresentation(graph), true), select)
    return expand ? { ...body, ...expandFlows(p, graph, String(set.id)) } : body
  })

  app.patch(SET, { schema: { params: SetParams, querystring: ODataQuery, body: JsonBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on PATCH')
    const updated = patchFlowSet(p, request.graph.tenant, request.params.setId, request.body)
    return sendPatchResult(reply, request.graph, config.patchResponse, () => presentFlowSet(updated, writePresentation(request.graph), true))
  })

  app.delete(SET, { schema: { params: SetParams, querystring: ODataQuery } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on DELETE')
    deleteFlowSet(p, request.graph.tenant, request.params.setId)
    return sendNoContent(reply)
  })
}
