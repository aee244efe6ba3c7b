/**
 * The inspector (`GET /_mock/`): a hand-written page that shows a tenant's flow sets, the request journal
 * live, faults and throttling, with reset and clear buttons. It reads the same guarded /_mock JSON routes a
 * test would; the page and its assets hold no data, so they are served without the admin token. Also here:
 * `GET /_mock/tenants` and `GET /_mock/requests/stream`, which the page needs and tests may use too.
 */
import { readFile } from 'node:fs/promises'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DEFAULT_TENANT } from '../../auth/principal.js'
import { packagePath } from '../../package-files.js'
import { adminGuard } from '../admin-guard.js'
import type { Journal } from '../journal.js'
import { DEFAULT_HEARTBEAT_MS, registerJournalStream } from './journal-stream.js'

export interface InspectorOptions {
  store: { tenants: () => string[] }
  journal: Journal
  /** GRAPH_MOCK_ADMIN_TOKEN: when set, the data routes need header x-mock-admin-token (the page asks for it). */
  adminToken?: string
  /** Milliseconds between the stream's heartbeat comments; default 15 s. */
  heartbeatMs?: number
}

/** Everything from this origin, nothing inline, nothing from elsewhere; the page may not be framed. */
export const INSPECTOR_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const TenantList = Type.Object({
  default: Type.String({ description: 'The tenant of requests without a tid' }),
  value: Type.Array(Type.String(), { description: 'Every tenant used so far, and the default one' })
})

/** The page's files under the package's public/inspector/ (shipped in the package and the image). */
export const INSPECTOR_ASSETS = [
  { url: '/', file: 'public/inspector/index.html', type: 'text/html; charset=utf-8' },
  { url: '/inspector.css', file: 'public/inspector/inspector.css', type: 'text/css; charset=utf-8' },
  { url: '/inspector.js', file: 'public/inspector/inspector.js', type: 'text/javascript; charset=utf-8' }
] as const

export const inspectorRoutes: FastifyPluginAsyncTypebox<InspectorOptions> = async (app, { store, journal, adminToken, heartbeatMs }) => {
  const guard = adminGuard(adminToken)

  // Read once, when the plugin registers: a missing file fails start-up, not the first visit to the page.
  const assets = await Promise.all(INSPECTOR_ASSETS.map(async asset => ({ ...asset, body: await readFile(packagePath(asset.file), 'utf8') })))
  for (const asset of assets) {
    app.get(asset.url, { schema: { hide: true } }, async (_request, reply) => reply
      .header('content-type', asset.type)
      .header('content-security-policy', INSPECTOR_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(asset.body))
  }

  app.get('/tenants', { onRequest: guard, schema: { summary: 'The tenants used so far, for the inspector\'s picker', response: { 200: TenantList } } }, async () => ({
    default: DEFAULT_TENANT,
    value: [...new Set([DEFAULT_TENANT, ...store.tenants()])].sort()
  }))

  registerJournalStream(app, { journal, heartbeatMs: heartbeatMs ?? DEFAULT_HEARTBEAT_MS, onRequest: guard })
}
