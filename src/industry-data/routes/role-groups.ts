/**
 * The roleGroups collection and each role group: list, $count, create, get, update, delete. Fixtures bring
 * `students` and `staff`; the CSDL contains the collection in the root, so it takes writes as Graph's do.
 */
import { graphOf } from '../../http/graph-context.js'
import { sendCount, sendNoContent, sendPatchResult } from '../../http/replies.js'
import type { Operations } from '../../http/url-routes.js'
import { collectionBody, countCollection, pageCollection } from '../../odata/collection.js'
import { pickQueryOptions } from '../../odata/query.js'
import { applySelect, parseSelect } from '../../odata/select.js'
import { bodyOf, ROLE_GROUPS_SPEC, roleGroupView } from '../collections.js'
import { qualified } from '../domain/schema-walk.js'
import { createRoleGroup, deleteRoleGroup, getRoleGroup, listRoleGroupRows, patchRoleGroup } from '../provisioning.js'
import { presentRoleGroup, writePresentation } from '../representations.js'
import { RoleGroup } from '../schemas/entities.js'
import { contexts } from '../url-space.js'
import type { OperationDeps } from './route-params.js'

const TYPE = qualified('roleGroup')

export function roleGroupOperations ({ provisioning: p, patchResponse }: OperationDeps): Operations {
  return {
    listRoleGroups: {
      handler: async (request) => {
        const graph = graphOf(request)
        const page = pageCollection(listRoleGroupRows(p, graph.tenant).map(roleGroupView), request.query, ROLE_GROUPS_SPEC)
        const select = parseSelect(page.options.select, [RoleGroup], TYPE)
        const value = page.rows.map(row => applySelect(presentRoleGroup(bodyOf(row), writePresentation(graph), false), select))
        return collectionBody(contexts.roleGroups(graph.root), page, value, graph.origin, request.url)
      }
    },
    countRoleGroups: {
      handler: async (request, reply) => sendCount(reply, countCollection(listRoleGroupRows(p, graphOf(request).tenant).map(roleGroupView), request.query, ROLE_GROUPS_SPEC))
    },
    createRoleGroup: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on POST')
        const created = createRoleGroup(p, graphOf(request).tenant, request.body)
        reply.header('location', `${graphOf(request).root}/external/industryData/roleGroups/${encodeURIComponent(String(created.id))}`)
        return reply.code(201).send(presentRoleGroup(created, writePresentation(graphOf(request)), true))
      }
    },
    getRoleGroup: {
      handler: async (request) => {
        const { select } = pickQueryOptions(request.query, ['select'], 'on a single roleGroup')
        const fields = parseSelect(select, [RoleGroup], TYPE)
        return applySelect(presentRoleGroup(getRoleGroup(p, graphOf(request).tenant, request.params.roleGroupId ?? ''), writePresentation(graphOf(request)), true), fields)
      }
    },
    patchRoleGroup: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on PATCH')
        const updated = patchRoleGroup(p, graphOf(request).tenant, request.params.roleGroupId ?? '', request.body)
        return sendPatchResult(reply, graphOf(request), patchResponse, () => presentRoleGroup(updated, writePresentation(graphOf(request)), true))
      }
    },
    deleteRoleGroup: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on DELETE')
        deleteRoleGroup(p, graphOf(request).tenant, request.params.roleGroupId ?? '')
        return sendNoContent(reply)
      }
    }
  }
}
