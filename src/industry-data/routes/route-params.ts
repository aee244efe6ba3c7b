/** What the Graph operations share: their dependencies, the query-string schema, and the marker on documented bodies. */
import { Type, type TSchema } from '@sinclair/typebox'
import type { Config } from '../../config.js'
import type { Provisioning } from '../provisioning.js'

/** What every operation module is made with. */
export interface OperationDeps {
  provisioning: Provisioning
  /** What a PATCH answers by default (GRAPH_MOCK_PATCH_RESPONSE). */
  patchResponse: Config['patchResponse']
}
/** How the query string is documented in OpenAPI: the options by name (each route says which it supports). */
const ODataQueryDoc = Type.Object({
  $select: Type.Optional(Type.String({ description: 'Comma-separated properties.' })),
  $filter: Type.Optional(Type.String({ description: 'The supported $filter subset (see docs/graph-api.md).' })),
  $orderby: Type.Optional(Type.String()),
  $top: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  $skiptoken: Type.Optional(Type.String({ description: 'Opaque; from @odata.nextLink.' })),
  $count: Type.Optional(Type.String({ enum: ['true', 'false'] })),
  $expand: Type.Optional(Type.String({ description: 'provisioningFlows, on flow sets.' }))
})

/** Query options are parsed by odata/query.ts, which answers unsupported ones with a precise 400. */
export const ODataQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), { graphDocumented: ODataQueryDoc })
/**
 * A body schema that documents the route (OpenAPI) but is validated by the domain layer, which knows the
 * entity's type, matches names case-insensitively and answers Graph's messages; the app's validator skips it.
 */
export function domainValidated (schema: Record<string, unknown>): TSchema {
  return Type.Unsafe({ ...schema, graphDomainValidated: true })
}
