/**
 * What the Graph routes answer, for the OpenAPI document only. The routes themselves declare no response
 * schemas: Fastify would then serialise answers through them, and the answers carry annotations
 * (`@odata.context`, `roleGroup@odata.context`, …) that the entity schemas do not list. Here each answer is the
 * entity schema with annotations allowed, so code generators and mock servers (Prism) see the real shapes.
 */
import { Type, type TSchema } from '@sinclair/typebox'
import { FLOW_TYPES, OutboundProvisioningFlowSet, RoleGroup } from '../industry-data/schemas/entities.js'

type Json = Record<string, unknown>
type Responses = Record<string, unknown>

/**
 * A deep copy of `schema` whose objects are open, as answers carry OData annotations besides the declared
 * properties (`@odata.type`, `nav@odata.context`, …) and Graph adds properties over time.
 */
function withAnnotations (schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withAnnotations)
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema as Json)) if (!(key === 'additionalProperties' && value === false)) out[key] = withAnnotations(value)
  return out
}

const annotated = (schema: TSchema, description: string): Json => ({ ...(withAnnotations(schema) as Json), description })

const GraphError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    innerError: Type.Object({ date: Type.String(), 'request-id': Type.String(), 'client-request-id': Type.String() })
  })
}, { description: "Graph's error envelope" })

const flowSet = annotated(OutboundProvisioningFlowSet, 'An outbound provisioning flow set.')
const flow = { anyOf: Object.values(FLOW_TYPES).map(type => withAnnotations(type.schema)), description: 'A provisioning flow; `@odata.type` names its concrete type.' }
const classGroupFlow = annotated(FLOW_TYPES.classGroupProvisioningFlow.schema, 'The tenant\'s oldest classGroupProvisioningFlow.')
const roleGroup = annotated(RoleGroup, 'A role group.')

const collection = (item: unknown, description: string): Json => ({
  type: 'object',
  description,
  required: ['@odata.context', 'value'],
  properties: {
    '@odata.context': { type: 'string' },
    '@odata.count': { type: 'integer', description: 'With $count=true.' },
    '@odata.nextLink': { type: 'string', description: 'The next page, when there is one.' },
    value: { type: 'array', items: item }
  }
})

const entity = (schema: Json, status = 200): Responses => ({ [status]: schema, default: GraphError })
const written = (schema: Json): Responses => ({ 200: schema, 204: { type: 'null', description: 'With Prefer: return=minimal.' }, default: GraphError })
const empty = (status: number, description: string): Responses => ({ [status]: { type: 'null', description }, default: GraphError })
const count: Responses = { 200: { description: 'The number of items $filter keeps.', content: { 'text/plain': { schema: { type: 'integer' } } } }, default: GraphError }

const BATCH = {
  type: 'object',
  description: 'One answer per request, each with its id, status, headers and body.',
  properties: {
    responses: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'integer' }, headers: { type: 'object' }, body: {} }, required: ['id', 'status'] }
    }
  }
}

/** A route's documented answers, by method and URL (as Fastify writes it: `:param`), or undefined. */
export function graphResponses (method: string, url: string): Responses | undefined {
  const path = url.replace(/^\/(beta|v1\.0)(?=\/)/, '')
  const sets = '/external/industryData/outboundProvisioningFlowSets'
  const key = `${method.toUpperCase()} ${path}`
  switch (key) {
    case `GET ${sets}`: return entity(collection(flowSet, 'A page of flow sets.'))
    case `POST ${sets}`: return entity(flowSet, 201)
    case `GET ${sets}/:setId`: return entity(flowSet)
    case `PATCH ${sets}/:setId`: return written(flowSet)
    case `DELETE ${sets}/:setId`: return empty(204, 'Deleted, with its flows.')
    case `GET ${sets}/$count`:
    case `GET ${sets}/:setId/provisioningFlows/$count`: return count
    case `GET ${sets}/:setId/provisioningFlows`: return entity(collection(flow, 'A page of the set\'s flows, each with its @odata.type.'))
    case `POST ${sets}/:setId/provisioningFlows`: return entity(flow, 201)
    case `GET ${sets}/:setId/provisioningFlows/:flowId`: return entity(flow)
    case `PATCH ${sets}/:setId/provisioningFlows/:flowId`: return written(flow)
    case `DELETE ${sets}/:setId/provisioningFlows/:flowId`: return empty(204, 'Deleted.')
    case `POST ${sets}/:setId/provisioningFlows/:flowId/reset`:
    case `POST ${sets}/:setId/provisioningFlows/:flowId/microsoft.graph.industryData.reset`: return empty(202, 'Accepted: the flow is notReady again.')
    case 'GET /external/industryData/roleGroups': return entity(collection(roleGroup, 'A page of role groups.'))
    case 'GET /external/industryData/roleGroups/:roleGroupId': return entity(roleGroup)
    case 'GET /classGroupProvisioningFlow': return entity(classGroupFlow)
    case 'PATCH /classGroupProvisioningFlow': return written(classGroupFlow)
    case 'POST /$batch': return entity(BATCH)
    default: return undefined
  }
}
