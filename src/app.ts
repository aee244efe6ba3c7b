/** buildApp(config): the whole server as a Fastify instance. Never listens, never reads process. */
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox'
import { createAuthenticator } from './auth/authenticator.js'
import { createClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { sendGraphError, toGraphError } from './errors/error-handler.js'
import type { GraphError } from './errors/graph-error.js'
import { notFoundHandler } from './errors/not-found.js'
import { BODY_LIMIT, registerJsonBodyParser } from './http/body-parsing.js'
import { applyGraphHeaders, newRequestId, ODATA_JSON, registerGraphHeaders } from './http/graph-headers.js'
import { batchRoute } from './http/batch.js'
import { rewriteKeySegments } from './http/key-segments.js'
import { createIdSource, type IdSource } from './ids.js'
import { healthRoutes } from './control/health.js'
import { graphApi } from './industry-data/graph-api.js'
import type { Provisioning } from './industry-data/provisioning.js'
import { loadFixtureFolder, type PreparedFixtures } from './store/fixtures.js'
import { openStore, type Store } from './store/store.js'

export interface AppDeps {
  clock?: Clock
  ids?: IdSource
  /** Already-prepared fixtures (tests); default: load `config.fixtures`. */
  fixtures?: PreparedFixtures
}

/** What the control plane and the in-process API reach into. */
export interface GraphMockState {
  config: Config
  store: Store
  clock: Clock
  ids: IdSource
  provisioning: Provisioning
  ready: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    graphMock: GraphMockState
  }
}

export async function buildApp (config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const clock = deps.clock ?? createClock()
  const ids = deps.ids ?? createIdSource(config.idSeed)
  const fixtures = deps.fixtures ?? loadFixtureFolder(config.fixtures, { ids, clock })
  const store = openStore({ file: config.db, fixtures, clock })

  const app = Fastify({
    logger: { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }), // one line per request, from onResponse
    genReqId: newRequestId,
    bodyLimit: BODY_LIMIT,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 },
    rewriteUrl: (request) => rewriteKeySegments(request.url ?? '/'),
    frameworkErrors: (error, request, reply) => {
      applyGraphHeaders(request, reply)
      reply.header('content-type', ODATA_JSON)
      sendError(request, reply, toGraphError(error, request))
    }
  })
  app.setValidatorCompiler(TypeBoxValidatorCompiler)

  const provisioning: Provisioning = { store, clock, ids }
  const state: GraphMockState = { config, store, clock, ids, provisioning, ready: false }
  app.decorate('graphMock', state)
  app.addHook('onClose', async () => { store.close() })

  function sendError (request: FastifyRequest, reply: FastifyReply, error: GraphError): FastifyReply {
    return sendGraphError(request, reply, error, clock.now())
  }

  registerGraphHeaders(app)
  registerJsonBodyParser(app)
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request')
  })
  app.setErrorHandler((error, request, reply) => {
    const graphError = toGraphError(error, request)
    if (graphError.statusCode >= 500) request.log.error({ err: error }, 'unhandled error')
    return sendError(request, reply, graphError)
  })
  app.setNotFoundHandler(notFoundHandler(() => clock.now(), sendError))

  const authenticate = createAuthenticator(config, clock)
  for (const version of ['beta', 'v1.0'] as const) {
    await app.register(graphApi, { prefix: `/${version}`, provisioning, config, version, authenticate })
    await app.register(batchRoute, { prefix: `/${version}`, version, authenticate, nowMs: () => clock.now() })
  }
  await app.register(graphApi, { provisioning, config, version: 'beta', authenticate, seedRouteOnly: true })

  await app.register(healthRoutes, { prefix: '/_mock', isReady: () => state.ready })

  state.ready = true
  return app
}
