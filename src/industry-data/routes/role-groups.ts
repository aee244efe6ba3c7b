/** Role groups: read-only, from fixtures (Graph documents List and Get only). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { graphOf } from '../../http/graph-context.js'
import { collectionBody, pageCollection } from '../../odata/collection.js'
import { bodyOf, ROLE_GROUPS_SPEC, roleGroupView } from '../collections.js'
import { contexts } from '../../odata/context.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { getRoleGroup, listRoleGroupRows } from '../provisioning.js'
import { presentRoleGroup, writePresentation } from '../representations.js'
import { RoleGroup } from '../schemas/entities.js'
import { ODataQuery, RoleGroupParams, type GraphRouteOptions } from './route-params.js'

export const roleGroupRoutes: FastifyPluginAsyncTypebox<GraphRouteOptions> = async (app, { provisioning: p }) => {
  app.get('/external/industryData/roleGroups', { schema: { querystring: ODataQuery } }, async (request) => {
    const graph = graphOf(request)
    const page = pageCollection(listRoleGroupRows(p, graph.tenant).map(roleGroupView), request.query, ROLE_GROUPS_SPEC)
    const select = parseSelect(page.options.select, [RoleGroup], 'microsoft.graph.industryData.roleGroup')
    const value = page.rows.map(row => applySelect(presentRoleGroup(bodyOf(row), writePresentation(graph), false), select))
    return collectionBody(contexts.roleGroups(graph.root), page, value, graph.origin, request.url)
  })

  app.get('/external/industryData/roleGroups/:roleGroupId', { schema: { params: RoleGroupParams, querystring: ODataQuery } }, async (request) => {
    const { select } = pickQueryOptions(request.query, ['select'], 'on a single roleGroup')
    const fields = parseSelect(select, [RoleGroup], 'microsoft.graph.industryData.roleGroup')
    const graph = graphOf(request)
    return applySelect(presentRoleGroup(getRoleGroup(p, graph.tenant, request.params.roleGroupId), writePresentation(graph), true), fields)
  })
}
