/** The OpenAPI 3.1 document (`GET /_mock/openapi.json`), generated from the same TypeBox route schemas. */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { adminGuard } from './admin-guard.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI document, built on first call. */
    openApiDocument: () => Promise<unknown>
  }
}

/**
 * Register before any route, so every route is seen. Routes are recorded as they are added; @fastify/swagger
 * builds the document from them, on a Fastify instance of its own, at the first request for it. Registered at
 * start-up, it and the YAML library it loads cost every start 30-50 ms of CPU and 2.4 MB of memory on the
 * 2-core machine, though no Graph request needs them.
 */
export async function registerOpenApi (app: FastifyInstance, version: string, schemas: () => Record<string, unknown>): Promise<void> {
  const routes: RouteOptions[] = []
  app.addHook('onRoute', route => { routes.push(route) })
  let document: Promise<unknown> | undefined
  app.decorate('openApiDocument', () => (document ??= buildDocument(routes, version, schemas)))
}

async function buildDocument (routes: readonly RouteOptions[], version: string, schemas: () => Record<string, unknown>): Promise<unknown> {
  const [{ default: Fastify }, { default: swagger }] = await Promise.all([import('fastify'), import('@fastify/swagger')])
  const instance = Fastify({ exposeHeadRoutes: false }) // the recorded routes include their HEAD twins
  instance.setValidatorCompiler(() => () => true) // only documented here, never called
  instance.setSerializerCompiler(() => data => JSON.stringify(data))
  await instance.register(swagger, swaggerOptions(version, schemas()))
  for (const route of routes) instance.route({ method: route.method, url: route.url, ...(route.schema === undefined ? {} : { schema: route.schema }), handler: async () => null })
  await instance.ready()
  const document = instance.swagger()
  await instance.close()
  return document
}

/**
 * `schemas` are the named schemas the routes refer to (`#/components/schemas/…`). They join the finished document
 * as they are: given as `openapi.components`, @fastify/swagger would rewrite them as it does route schemas, and it
 * turns `patternProperties` (the request schemas' names in any casing) into one `additionalProperties`.
 */
function swaggerOptions (version: string, schemas: Record<string, unknown>): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'graph-mock',
        version,
        description: 'A local, stateful emulator of the Microsoft Graph industryData API of School Data Sync (under /beta and /v1.0), and its test control plane (under /_mock).'
      },
      tags: [
        { name: 'graph', description: 'Microsoft Graph industryData routes' },
        { name: 'control', description: 'The /_mock control plane for tests' }
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } }
    },
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject
      const { openapiObject } = documentObject
      return { ...openapiObject, components: { ...openapiObject.components, schemas } } as typeof openapiObject
    },
    // Graph routes carry their documented answers as schema.graphAnswers (from the URL table) rather than as
    // schema.response, which Fastify would serialise through and so drop the OData annotations.
    transform: ({ schema, url }) => {
      const control = url.startsWith('/_mock')
      const { graphAnswers, ...rest } = (schema ?? {}) as Record<string, unknown>
      const documented: Record<string, unknown> = { ...rest, tags: [control ? 'control' : 'graph'] }
      const querystring = documented.querystring as { graphDocumented?: unknown } | undefined
      if (querystring?.graphDocumented !== undefined) documented.querystring = querystring.graphDocumented
      if (!control && !url.endsWith('/$batch') && !url.endsWith('/$metadata')) documented.security = [{ bearer: [] }]
      if (graphAnswers !== undefined && documented.response === undefined) documented.response = graphAnswers
      return { schema: documented, url }
    }
  }
}

export function openApiRoute (adminToken: string | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('onRequest', adminGuard(adminToken))
    app.get('/openapi.json', { schema: { hide: true } }, async () => await app.openApiDocument())
  }
}
