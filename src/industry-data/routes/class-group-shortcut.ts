/**
 * The shortcut route `/classGroupProvisioningFlow` (the page "Update classGroupProvisioningFlow" documents
 * it): the tenant's oldest classGroupProvisioningFlow, by createdDateTime, then id. Served bare and under each
 * served version.
 */
import { graphOf } from '../../http/graph-context.js'
import { sendPatchResult } from '../../http/replies.js'
import type { Operations } from '../../http/url-routes.js'
import { pickQueryOptions } from '../../odata/query.js'
import { oldestClassGroupFlow, patchFlow } from '../provisioning.js'
import { presentFlow, presentFlowForRead, writePresentation } from '../representations.js'
import type { OperationDeps } from './route-params.js'

export function classGroupShortcutOperations ({ provisioning: p, patchResponse }: OperationDeps): Operations {
  return {
    getClassGroupShortcut: {
      handler: async (request) => {
        const { select } = pickQueryOptions(request.query, ['select'], 'on a single provisioningFlow')
        return presentFlowForRead(p, graphOf(request), oldestClassGroupFlow(p, graphOf(request).tenant), select)
      }
    },
    patchClassGroupShortcut: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on PATCH')
        const updated = patchFlow(p, graphOf(request).tenant, oldestClassGroupFlow(p, graphOf(request).tenant), request.body)
        return sendPatchResult(reply, graphOf(request), patchResponse, () => presentFlow(updated, writePresentation(graphOf(request)), true))
      }
    }
  }
}
