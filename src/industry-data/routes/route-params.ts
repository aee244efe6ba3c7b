/** What the Graph route plugins share: their options, and the TypeBox schemas of their path parameters, query strings and bodies. */
import { Type, type TSchema } from '@sinclair/typebox'
import type { PatchReturn } from '../../http/prefer.js'
import type { Provisioning } from '../provisioning.js'
import { FLOW_TYPES, OutboundProvisioningFlowSet } from '../schemas/entities.js'

export interface GraphRouteOptions {
  provisioning: Provisioning
  /** GRAPH_MOCK_PATCH_RESPONSE: what a PATCH answers when the request's Prefer does not say. */
  patchResponse: PatchReturn
}

export const SetParams = Type.Object({ setId: Type.String({ minLength: 1 }) })
export const FlowParams = Type.Object({ setId: Type.String({ minLength: 1 }), flowId: Type.String({ minLength: 1 }) })
export const RoleGroupParams = Type.Object({ roleGroupId: Type.String({ minLength: 1 }) })
/** Query options are parsed by odata/query.ts, which answers unsupported ones with a precise 400. */
export const ODataQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), { graphODataQuery: true })

/** How ODataQuery is documented in OpenAPI: the options by name (each route says which it supports). */
export const ODataQueryDoc = Type.Object({
  $select: Type.Optional(Type.String({ description: 'Comma-separated properties.' })),
  $filter: Type.Optional(Type.String({ description: 'The supported $filter subset (see README).' })),
  $orderby: Type.Optional(Type.String()),
  $top: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  $skiptoken: Type.Optional(Type.String({ description: 'Opaque; from @odata.nextLink.' })),
  $count: Type.Optional(Type.String({ enum: ['true', 'false'] })),
  $expand: Type.Optional(Type.String({ description: 'provisioningFlows, on flow sets.' }))
})
/**
 * A body schema that documents the route (OpenAPI) but is validated by the domain layer, which knows the
 * entity's type, matches names case-insensitively and answers Graph's messages; the app's validator skips it.
 */
export function domainValidated<T extends TSchema> (schema: T, description: string): T {
  return { ...schema, description, graphDomainValidated: true }
}

export const FlowBody = domainValidated(Type.Union(Object.values(FLOW_TYPES).map(t => t.schema)),
  'A provisioning flow; `@odata.type` names its concrete type (required on POST). Property names match case-insensitively.')
export const FlowSetBody = domainValidated(OutboundProvisioningFlowSet, 'An outbound provisioning flow set.')
export const ActionBody = domainValidated(Type.Unknown(), 'No body.')
