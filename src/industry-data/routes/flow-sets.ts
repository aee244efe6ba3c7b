/** Routes of one outbound provisioning flow set and flow-set creation. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendCount, sendNoContent, sendPatchResult } from '../../http/replies.js'
import { graphOf } from '../../http/graph-context.js'
import { collectionBody, countCollection, pageCollection } from '../../odata/collection.js'
import { FLOW_SETS_SPEC, flowSetView } from '../collections.js'
import { contexts } from '../../odata/context.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { createFlowSet, deleteFlowSet, getFlowSet, listFlowSetRows, patchFlowSet } from '../provisioning.js'
import { presentFlowSet, presentStoredFlowSet, writePresentation } from '../representations.js'
import { OutboundProvisioningFlowSet } from '../schemas/entities.js'
import { expandFlows, parseExpand } from './expand.js'
import { FlowSetBody, ODataQuery, SetParams, type GraphRouteOptions } from './route-params.js'

const SETS = '/external/industryData/outboundProvisioningFlowSets'
const SET = `${SETS}/:setId`

export const flowSetRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p, patchResponse }) => {
  app.get(SETS, { schema: { querystring: ODataQuery } }, async (request) => {
    const graph = graphOf(request)
    const page = pageCollection(listFlowSetRows(p, graph.tenant).map(flowSetView), request.query, FLOW_SETS_SPEC)
    const select = parseSelect(page.options.select, [OutboundProvisioningFlowSet], 'microsoft.graph.industryData.outboundProvisioningFlowSet')
    const expand = parseExpand(page.options.expand)
    const presentation = writePresentation(graph)
    const value = page.rows.map(row => {
      const set = applySelect(presentStoredFlowSet(row.body, presentation), select)
      return expand ? { ...set, ...expandFlows(p, graph, row.id) } : set
    })
    return collectionBody(contexts.flowSets(graph.root), page, value, graph.origin, request.url)
  })

  app.get(`${SETS}/$count`, { schema: { querystring: ODataQuery } }, async (request, reply) =>
    sendCount(reply, countCollection(listFlowSetRows(p, graphOf(request).tenant).map(flowSetView), request.query, FLOW_SETS_SPEC)))

  app.post(SETS, { schema: { querystring: ODataQuery, body: FlowSetBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on POST')
    const graph = graphOf(request)
    const created = createFlowSet(p, graph.tenant, request.body)
    reply.header('location', `${graph.root}${SETS}/${encodeURIComponent(String(created.id))}`)
    return reply.code(201).send(presentFlowSet(created, writePresentation(graph), true))
  })

  app.get(SET, { schema: { params: SetParams, querystring: ODataQuery } }, async (request) => {
    const options = pickQueryOptions(request.query, ['select', 'expand'], 'on a single outboundProvisioningFlowSet')
    const graph = graphOf(request)
    const select = parseSelect(options.select, [OutboundProvisioningFlowSet], 'microsoft.graph.industryData.outboundProvisioningFlowSet')
    const expand = parseExpand(options.expand)
    const set = getFlowSet(p, graph.tenant, request.params.setId)
    const body = applySelect(presentFlowSet(set, writePresentation(graph), true), select)
    return expand ? { ...body, ...expandFlows(p, graph, String(set.id)) } : body
  })

  app.patch(SET, { schema: { params: SetParams, querystring: ODataQuery, body: FlowSetBody } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on PATCH')
    const graph = graphOf(request)
    const updated = patchFlowSet(p, graph.tenant, request.params.setId, request.body)
    return sendPatchResult(reply, graph, patchResponse, () => presentFlowSet(updated, writePresentation(graph), true))
  })

  app.delete(SET, { schema: { params: SetParams, querystring: ODataQuery } }, async (request, reply) => {
    pickQueryOptions(request.query, [], 'on DELETE')
    deleteFlowSet(p, graphOf(request).tenant, request.params.setId)
    return sendNoContent(reply)
  })
}
