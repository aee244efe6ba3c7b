/** One provisioning flow: get, update, delete, and the reset action. */
import { graphOf } from '../../http/graph-context.js'
import { sendNoContent, sendPatchResult } from '../../http/replies.js'
import type { Operations } from '../../http/url-routes.js'
import { pickQueryOptions } from '../../odata/query.js'
import { deleteFlow, getFlow, patchFlow, resetFlow } from '../provisioning.js'
import { presentFlow, presentFlowForRead, writePresentation } from '../representations.js'
import type { OperationDeps } from './route-params.js'

export function flowOperations ({ provisioning: p, patchResponse }: OperationDeps): Operations {
  return {
    getFlow: {
      handler: async (request) => {
        const { select } = pickQueryOptions(request.query, ['select'], 'on a single provisioningFlow')
        const flow = getFlow(p, graphOf(request).tenant, request.params.setId ?? '', request.params.flowId ?? '')
        return presentFlowForRead(p, graphOf(request), flow, select)
      }
    },
    patchFlow: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on PATCH')
        const { tenant } = graphOf(request)
        const flow = getFlow(p, tenant, request.params.setId ?? '', request.params.flowId ?? '')
        const updated = patchFlow(p, tenant, flow, request.body)
        // Graph answers 204; the default of GRAPH_MOCK_PATCH_RESPONSE is 200 with the entity.
        return sendPatchResult(reply, graphOf(request), patchResponse, () => presentFlow(updated, writePresentation(graphOf(request)), true))
      }
    },
    deleteFlow: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on DELETE')
        deleteFlow(p, graphOf(request).tenant, request.params.setId ?? '', request.params.flowId ?? '')
        return sendNoContent(reply)
      }
    },
    resetFlow: {
      handler: async (request, reply) => {
        pickQueryOptions(request.query, [], 'on an action')
        resetFlow(p, graphOf(request).tenant, request.params.setId ?? '', request.params.flowId ?? '')
        return sendNoContent(reply, 202)
      }
    }
  }
}
