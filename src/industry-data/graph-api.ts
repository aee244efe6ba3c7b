/**
 * The Graph API surface, mounted under each version that serves industryData (and, for the shortcut route
 * alone, bare): `$metadata` without a token, as Graph serves it; everything else after authentication,
 * authorisation, the tenant and `beforeRoute`. Every route comes from the URL table (url-space.ts).
 */
import type { TSchema } from '@sinclair/typebox'
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Authenticator } from '../auth/auth-modes.js'
import { authorize } from '../auth/principal.js'
import { accessFor } from '../auth/permissions.js'
import type { Config } from '../config.js'
import { graphContext, type GraphVersion } from '../http/graph-context.js'
import { registerUrlSpace, type Operations } from '../http/url-routes.js'
import type { HttpMethod, Route, UrlNode } from '../http/url-table.js'
import { neededPermissions } from './permission-map.js'
import { documentedAnswers, documentedBody } from './openapi-operations.js'
import { ensureTenant, type Provisioning } from './provisioning.js'
import { classGroupShortcutOperations } from './routes/class-group-shortcut.js'
import { documentOperations } from './routes/document-collection.js'
import { flowCollectionOperations } from './routes/flow-collection.js'
import { flowSetOperations } from './routes/flow-sets.js'
import { flowOperations } from './routes/flows.js'
import { roleGroupOperations } from './routes/role-groups.js'
import { domainValidated, ODataQuery, type OperationDeps } from './routes/route-params.js'
import { METADATA_OPERATIONS, ROOT_OPERATIONS } from './routes/service.js'
import { BARE_URL_SPACE, URL_SPACE } from './url-space.js'

export interface GraphApiOptions {
  provisioning: Provisioning
  /** GRAPH_MOCK_PUBLIC_URL: the origin answers address links from; the request's Host when undefined. */
  publicUrl: Config['publicUrl']
  /** GRAPH_MOCK_PATCH_RESPONSE: what a PATCH answers when the request's Prefer does not say. */
  patchResponse: Config['patchResponse']
  version: GraphVersion
  authenticate: Authenticator
  /** Runs once the tenant is known, before the operation: app.ts puts faults and throttling here. */
  beforeRoute: (request: FastifyRequest, tenant: string) => Promise<void>
  /** Bare: the shortcut route only, with no version prefix. */
  bare?: boolean
}

/** Every operation the URL table names, but `$batch` (http/batch.ts serves it). */
export function industryDataOperations (deps: OperationDeps): Operations {
  return {
    ...flowSetOperations(deps),
    ...flowCollectionOperations(deps),
    ...flowOperations(deps),
    ...roleGroupOperations(deps),
    ...documentOperations(deps),
    ...classGroupShortcutOperations(deps),
    ...ROOT_OPERATIONS,
    ...METADATA_OPERATIONS
  }
}

const isMetadata = (route: Route): boolean => route.url === '/$metadata'

function body (route: Route, method: HttpMethod): TSchema | undefined {
  const documented = documentedBody(route, method)
  return documented === undefined ? undefined : domainValidated(documented)
}

function register (app: FastifyInstance, tree: UrlNode, operations: Operations, only: (route: Route) => boolean): void {
  registerUrlSpace(app, tree, operations, { querystring: ODataQuery, answers: documentedAnswers, body }, only)
}

export const graphApi: FastifyPluginAsync<GraphApiOptions> = async (app, options) => {
  const { provisioning, version, authenticate } = options
  const operations = industryDataOperations({ provisioning, patchResponse: options.patchResponse })
  const tree = options.bare === true ? BARE_URL_SPACE : URL_SPACE
  await app.register(async anonymous => { register(anonymous, tree, operations, isMetadata) })
  await app.register(async authenticated => {
    authenticated.addHook('onRequest', async (request) => {
      const principal = await authenticate(request)
      authorize(principal, neededPermissions(request.routeOptions.url ?? request.url, accessFor(request.method)))
      request.graph = graphContext(request, principal, version, options.publicUrl)
      ensureTenant(provisioning, principal.tenant)
      await options.beforeRoute(request, principal.tenant)
    })
    register(authenticated, tree, operations, route => !isMetadata(route))
  })
}
