/** The Graph API surface, mounted once per version prefix: authentication, tenant, then the routes. */
import type { FastifyPluginAsync } from 'fastify'
import type { Authenticator } from '../auth/authenticator.js'
import { accessFor } from '../auth/permissions.js'
import { authorize } from '../auth/authenticate.js'
import type { Config } from '../config.js'
import { applyTrafficControls, type TrafficControls } from '../control/traffic.js'
import { graphContext, type GraphVersion } from '../http/graph-context.js'
import type { Provisioning } from './provisioning.js'
import { flowRoutes } from './routes/flows.js'
import { flowCollectionRoutes } from './routes/flow-collection.js'
import { flowSetRoutes } from './routes/flow-sets.js'
import { roleGroupRoutes } from './routes/role-groups.js'
import { seedRoute } from './routes/seed-route.js'

export interface GraphApiOptions {
  provisioning: Provisioning
  config: Config
  version: GraphVersion
  authenticate: Authenticator
  traffic: TrafficControls
  /** Only the seed route is served without a version prefix. */
  seedRouteOnly?: boolean
}

export const graphApi: FastifyPluginAsync<GraphApiOptions> = async (app, options) => {
  const { provisioning, config, version, authenticate } = options
  app.decorateRequest('graph', null as unknown as never)
  app.addHook('onRequest', async (request) => {
    const principal = await authenticate(request)
    authorize(principal, accessFor(request.method))
    request.graph = graphContext(request, principal, version, config.publicUrl)
    provisioning.store.ensureTenant(principal.tenant)
    await applyTrafficControls(options.traffic, request, principal.tenant, () => provisioning.clock.now())
  })
  const routeOptions = { provisioning, config }
  await app.register(seedRoute, routeOptions)
  if (options.seedRouteOnly === true) return
  await app.register(flowRoutes, routeOptions)
  await app.register(flowCollectionRoutes, routeOptions)
  await app.register(flowSetRoutes, routeOptions)
  await app.register(roleGroupRoutes, routeOptions)
}
