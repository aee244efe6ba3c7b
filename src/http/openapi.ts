/** The OpenAPI 3.1 document (`GET /_mock/openapi.json`), generated from the same TypeBox route schemas. */
import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { adminGuard } from '../control/admin-guard.js'
import { ODataQueryDoc } from '../industry-data/routes/route-params.js'

/** Register before any route, so every route is seen. */
export async function registerOpenApi (app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'graph-mock',
        version,
        description: 'A local, stateful emulator of the Microsoft Graph industryData outbound-provisioning API (under /beta and /v1.0), and its test control plane (under /_mock).'
      },
      tags: [
        { name: 'graph', description: 'Microsoft Graph industryData routes' },
        { name: 'control', description: 'The /_mock control plane for tests' }
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } }
    },
    transform: ({ schema, url }) => {
      const control = url.startsWith('/_mock')
      const documented = { ...(schema ?? {}), tags: [control ? 'control' : 'graph'] } as Record<string, unknown>
      const querystring = documented.querystring as { graphODataQuery?: boolean } | undefined
      if (querystring?.graphODataQuery === true) documented.querystring = ODataQueryDoc
      if (!control && !url.endsWith('/$batch')) documented.security = [{ bearer: [] }]
      return { schema: documented, url }
    }
  })
}

export function openApiRoute (adminToken: string | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('onRequest', adminGuard(adminToken))
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  }
}
