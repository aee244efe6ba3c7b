/** buildApp(config): the whole server as a Fastify instance. Never listens, never reads process. */
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { DestinationStream } from 'pino'
import { createAuthenticator } from './auth/auth-modes.js'
import { loadIdentity, type Identity } from './auth/identity.js'
import { createClock, type Clock } from './clock.js'
import { GRAPH_VERSIONS, servedVersions, type Config } from './config.js'
import { sendGraphError } from './errors/envelope.js'
import type { GraphError } from './errors/graph-error.js'
import { serviceUnavailable } from './errors/graph-errors.js'
import { BODY_LIMIT, registerJsonBodyParser } from './http/body-parsing.js'
import { answerUnroutedRequests, graphClientErrorHandler } from './http/client-error.js'
import { toGraphError } from './http/fastify-errors.js'
import { notFoundHandler, type ExplainUnmatched } from './http/not-found.js'
import { explainUnmatched, keyedCollections } from './http/url-table.js'
import { applyGraphHeaders, applyODataContentType, newRequestId, ODATA_JSON } from './http/graph-headers.js'
import { batchRoute, DEFAULT_INNER_DEADLINE_MS } from './http/batch.js'
import { keySegmentRewriter } from './http/key-segments.js'
import { embeddedUrlRewriter } from './http/embedded-url.js'
import { takeInnerOrigin } from './http/request-origin.js'
import { lazySchemaCompilers } from './http/lazy-compilers.js'
import { boundedTypeBoxCompiler } from './http/validator-compiler.js'
import { openApiRoute, registerOpenApi } from './control/openapi.js'
import { VERSION } from './package-files.js'
import { loadTlsMaterial, type TlsMaterial } from './http/tls.js'
import { createIdSource, type IdSource } from './ids.js'
import { controlRoutes } from './control/control-routes.js'
import { inspectorRoutes } from './control/inspector/inspector-routes.js'
import { FaultRules } from './control/faults.js'
import { healthRoutes } from './control/health.js'
import { tokenRoutes } from './control/token.js'
import { journalRecorder } from './control/journal-hooks.js'
import { Journal } from './control/journal.js'
import { Throttle } from './control/throttle.js'
import { graphApi } from './industry-data/graph-api.js'
import { industryDataSchemas } from './industry-data/openapi-schemas.js'
import { BARE_URL_SPACE, URL_SPACE, URL_SPACE_WITHOUT_INDUSTRY_DATA } from './industry-data/url-space.js'
import { applyTrafficControls } from './control/traffic.js'
import type { Provisioning } from './industry-data/provisioning.js'
import { loadFixtureFolder, toSeedRows, type PreparedFixtures } from './industry-data/fixtures.js'
import { openStore, type Store } from './store/store.js'

export interface AppDeps {
  clock?: Clock
  ids?: IdSource
  /** Already-prepared fixtures (tests); default: load `config.fixtures`. */
  fixtures?: PreparedFixtures
  /** Token-signing and verification keys; default: from config (GRAPH_MOCK_TOKEN_KEY, GRAPH_MOCK_JWT_KEYS, GRAPH_MOCK_JWT_SECRET). */
  identity?: Identity
  /** HTTPS certificate and key; default: from config (GRAPH_MOCK_TLS, GRAPH_MOCK_TLS_CERT/KEY), generated when asked. */
  tls?: TlsMaterial
  /** Journal ring size; default: config.journalSize. */
  journalSize?: number
  /** How long a $batch inner request may run before the batch answers it with 504; default 150 s. */
  batchDeadlineMs?: number
  /** Where log lines go; default: pino's synchronous stdout. The command passes a buffered one (server.ts). */
  logStream?: DestinationStream
}

/** What the control plane and the in-process API reach into. */
export interface GraphMockState {
  config: Config
  store: Store
  clock: Clock
  ids: IdSource
  provisioning: Provisioning
  identity: Identity
  journal: Journal
  faults: FaultRules
  throttle: Throttle
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
  const identity = deps.identity ?? loadIdentity(config)
  const tls = deps.tls ?? await loadTlsMaterial(config)
  const store = openStore({ file: config.db, seed: toSeedRows(fixtures), clock })

  const rewriteKeySegments = keySegmentRewriter(keyedCollections(URL_SPACE))
  const unwrapEmbeddedUrl = embeddedUrlRewriter(config.publicUrl)
  const versions = servedVersions(config)
  const explain: ExplainUnmatched = (version, segments, method) =>
    explainUnmatched(version === undefined ? BARE_URL_SPACE : versions.some(v => v === version) ? URL_SPACE : URL_SPACE_WITHOUT_INDUSTRY_DATA, segments, method)

  const app = Fastify({
    ...(tls === undefined ? {} : { https: tls }),
    logger: { level: config.logLevel, ...(deps.logStream === undefined ? {} : { stream: deps.logStream }) },
    logController: new LogController({ disableRequestLogging: true }), // one line per request, from onResponse
    genReqId: newRequestId,
    schemaController: lazySchemaCompilers,
    bodyLimit: BODY_LIMIT,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 },
    // The first step of every request: a $batch's origin is taken off its inner requests before anything reads
    // them, then graph-client's `/beta/http://…` links are unwrapped and parenthesised keys become segments.
    rewriteUrl: (request) => {
      takeInnerOrigin(request)
      return rewriteKeySegments(unwrapEmbeddedUrl(request, request.url ?? '/'))
    },
    clientErrorHandler: graphClientErrorHandler(() => clock.now()),
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => {
      applyGraphHeaders(request, reply)
      reply.header('content-type', ODATA_JSON)
      sendError(request, reply, toGraphError(error, request))
    }
  })
  answerUnroutedRequests(app.server, () => clock.now())
  // Domain-validated bodies (Graph entities) are read by the domain layer; everything else by TypeBox. Routes
  // share their params and query schemas (and are served under /beta and /v1.0): 105 compilations of 15 schemas
  // became 15, a compiled checker and its generated code per schema and part.
  const validators = new WeakMap<object, Map<string, ReturnType<typeof boundedTypeBoxCompiler>>>()
  app.setValidatorCompiler(request => {
    if (request.httpPart === 'body' && (request.schema as { graphDomainValidated?: boolean }).graphDomainValidated === true) return () => true
    const byPart = validators.get(request.schema) ?? new Map<string, ReturnType<typeof boundedTypeBoxCompiler>>()
    validators.set(request.schema, byPart)
    const part = request.httpPart ?? ''
    let validate = byPart.get(part)
    if (validate === undefined) {
      validate = boundedTypeBoxCompiler(request as Parameters<typeof boundedTypeBoxCompiler>[0])
      byPart.set(part, validate)
    }
    return validate
  })
  await registerOpenApi(app, VERSION, industryDataSchemas)

  const provisioning: Provisioning = { store, clock, ids }
  const journal = new Journal(deps.journalSize ?? config.journalSize, config.journalBytes)
  const faults = new FaultRules()
  const throttle = new Throttle()
  const state: GraphMockState = { config, store, clock, ids, provisioning, identity, journal, faults, throttle, ready: false }
  app.decorate('graphMock', state)
  app.decorateRequest('graph', null)
  app.addHook('onClose', async () => { store.close() })
  // Fastify closes idle keep-alive connections once, when closing starts; one busy then stays open as long as its
  // client keeps it alive, and SIGTERM under load waited out closeWithGrace's 10 s and exited 1. Answers sent
  // while closing therefore close their connection.
  let closing = false
  app.addHook('preClose', async () => { closing = true })

  function sendError (request: FastifyRequest, reply: FastifyReply, error: GraphError): FastifyReply {
    return sendGraphError(request, reply, error, clock.now())
  }

  registerJsonBodyParser(app)
  // One hook per phase for every request, each a plain callback: as eight async hooks (a promise and a
  // microtask each) they cost more than the journal and the log line they run.
  const recorder = journalRecorder(journal, () => clock.now())
  app.addHook('onRequest', (request, reply, done) => {
    applyGraphHeaders(request, reply)
    // Requests that arrive while closing get Graph's 503 envelope (Fastify's own 503 body is turned off above).
    done(closing ? serviceUnavailable('graph-mock is shutting down.') : undefined)
  })
  app.addHook('onSend', (request, reply, payload, done) => {
    applyODataContentType(reply)
    if (closing) reply.header('connection', 'close')
    recorder.keepPayload(request, payload)
    done(null, payload)
  })
  app.addHook('onResponse', (request, reply, done) => {
    recorder.record(request, reply)
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request')
    done()
  })
  app.setErrorHandler((error, request, reply) => {
    const graphError = toGraphError(error, request)
    if (graphError.statusCode >= 500) request.log.error({ err: error }, 'unhandled error')
    return sendError(request, reply, graphError)
  })
  app.setNotFoundHandler(notFoundHandler(explain, () => clock.now(), sendError))

  const authenticate = createAuthenticator(config, clock, identity.verification)
  // The Graph surface calls no control-plane code: faults and throttling come in as its beforeRoute hook.
  const beforeRoute = async (request: FastifyRequest, tenant: string): Promise<void> =>
    await applyTrafficControls({ faults, throttle }, request, tenant, () => clock.now())
  const graphOptions = { provisioning, publicUrl: config.publicUrl, patchResponse: config.patchResponse, authenticate, beforeRoute }
  for (const version of GRAPH_VERSIONS) {
    if (versions.includes(version)) await app.register(graphApi, { ...graphOptions, prefix: `/${version}`, version })
    await app.register(batchRoute, { prefix: `/${version}`, version, authenticate, nowMs: () => clock.now(), innerDeadlineMs: deps.batchDeadlineMs ?? DEFAULT_INNER_DEADLINE_MS })
  }
  await app.register(graphApi, { ...graphOptions, version: 'beta', bare: true })

  await app.register(healthRoutes, { prefix: '/_mock', isReady: () => state.ready })
  await app.register(openApiRoute(config.adminToken), { prefix: '/_mock' })
  await app.register(tokenRoutes, { prefix: '/_mock', signer: identity.signer, clock, adminToken: config.adminToken })
  await app.register(controlRoutes, { prefix: '/_mock', provisioning, journal, faults, throttle, clock, adminToken: config.adminToken })
  await app.register(inspectorRoutes, { prefix: '/_mock', store, journal, adminToken: config.adminToken })

  state.ready = true
  return app
}
