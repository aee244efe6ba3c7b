/** The Graph API surface, mounted once per version prefix: authentication, tenant, the caller's checks, then the routes. */
import type { FastifyPluginAsync, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import type { Authenticator } from '../auth/auth-modes.js'
import { accessFor } from '../auth/permissions.js'
import { authorize } from '../auth/principal.js'
import { graphContext, type GraphVersion } from '../http/graph-context.js'
import type { PatchReturn } from '../http/prefer.js'
import { ensureTenant, type Provisioning } from './provisioning.js'
import { flowRoutes } from './routes/flows.js'
import { flowCollectionRoutes } from './routes/flow-collection.js'
import { flowSetRoutes } from './routes/flow-sets.js'
import { roleGroupRoutes } from './routes/role-groups.js'
import { classGroupShortcutRoutes } from './routes/class-group-shortcut.js'

export interface GraphApiOptions {
  provisioning: Provisioning
  version: GraphVersion
  authenticate: Authenticator
  /** GRAPH_MOCK_PUBLIC_URL: the origin answers address links from; the request's Host when undefined. */
  publicUrl: string | undefined
  /** GRAPH_MOCK_PATCH_RESPONSE: what a PATCH answers when the request's Prefer does not say. */
  patchResponse: PatchReturn
  /** Runs once the tenant is known and seeded, before the route: app.ts puts faults and throttling here. */
  beforeRoute: (request: FastifyRequest, tenant: string) => Promise<void>
}

/** Every Graph route's onRequest: who calls, may they, in which tenant, then the caller's checks. */
function graphRequest (options: GraphApiOptions): onRequestAsyncHookHandler {
  const { provisioning, version, authenticate, publicUrl, beforeRoute } = options
  return async (request) => {
    const principal = await authenticate(request)
    authorize(principal, accessFor(request.method))
    request.graph = graphContext(request, principal, version, publicUrl)
    ensureTenant(provisioning, principal.tenant)
    await beforeRoute(request, principal.tenant)
  }
}

export const graphApi: FastifyPluginAsync<GraphApiOptions> = async (app, options) => {
  app.addHook('onRequest', graphRequest(options))
  const routeOptions = { provisioning: options.provisioning, patchResponse: options.patchResponse }
  await app.register(classGroupShortcutRoutes, routeOptions)
  await app.register(flowRoutes, routeOptions)
  await app.register(flowCollectionRoutes, routeOptions)
  await app.register(flowSetRoutes, routeOptions)
  await app.register(roleGroupRoutes, routeOptions)
}

/** The shortcut route /classGroupProvisioningFlow served without a version prefix, behind the same hook as graphApi. */
export const unversionedShortcutApi: FastifyPluginAsync<GraphApiOptions> = async (app, options) => {
  app.addHook('onRequest', graphRequest(options))
  await app.register(classGroupShortcutRoutes, { provisioning: options.provisioning, patchResponse: options.patchResponse })
}
