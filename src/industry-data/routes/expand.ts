/** $expand=provisioningFlows on flow sets: the set's flows inline, as Graph nests a contained collection. */
import { badRequest } from '../../errors/graph-errors.js'
import type { GraphContext } from '../../http/graph-context.js'
import { listFlows, type Provisioning } from '../provisioning.js'
import { presentFlow, readPresentation } from '../representations.js'

/** True when `$expand=provisioningFlows` (any case); 400 for anything else. */
export function parseExpand (text: string | undefined): boolean {
  if (text === undefined) return false
  const items = text.split(',').map(s => s.trim())
  for (const item of items) {
    if (item.toLowerCase() !== 'provisioningflows') {
      throw badRequest(`Invalid $expand '${text}': only 'provisioningFlows' can be expanded on an outboundProvisioningFlowSet${item.includes('(') ? ', without nested options' : ''}.`)
    }
  }
  return true
}

/** `provisioningFlows@odata.context` and `provisioningFlows` for one set. */
export function expandFlows (p: Provisioning, graph: GraphContext, setId: string): Record<string, unknown> {
  const presentation = readPresentation(p, graph)
  return { provisioningFlows: listFlows(p, graph.tenant, setId).map(flow => presentFlow(flow, presentation, false)) }
}
