/**
 * @microsoft/microsoft-graph-client v3 pointed at a listening graph-mock in the three ways its README allows:
 *
 * - over http with auth off: `Client.init` with an authProvider, whose token the client never sends over http;
 * - over http with a token: `Client.initWithMiddleware` with a custom chain (the README's "custom middleware"),
 *   where a middleware of ours adds the bearer token that the default AuthenticationHandler keeps to https;
 * - over https (`--tls`) with `customHosts`: the default chain sends the token, and the generated certificate is
 *   trusted through an undici dispatcher in `fetchOptions`.
 */
import type { FastifyInstance } from 'fastify'
import { Client, HTTPMessageHandler, RedirectHandler, RetryHandler, RetryHandlerOptions, TelemetryHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client'
import { Agent } from 'undici'
import { selfSignedCertificate, type TlsMaterial } from '../../src/http/tls.js'
import { listen } from './listen.js'

interface Teardown { teardown: (fn: () => unknown) => void }

export interface GraphClientSetup {
  /** The client's scheme and host, as every link in an answer should repeat them. */
  url: string
  app: FastifyInstance
  client: Client
  /** Plain fetch to the same server (the control plane, raw checks), trusting its certificate when it has one. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>
}

export type StartSetup = (t: Teardown) => Promise<GraphClientSetup>

function fetchThrough (url: string, dispatcher?: Agent): GraphClientSetup['fetch'] {
  return async (path, init = {}) => await fetch(`${url}${path}`, dispatcher === undefined ? init : { ...init, dispatcher } as RequestInit)
}

async function mint (setupFetch: GraphClientSetup['fetch'], body: Record<string, unknown>): Promise<string> {
  const res = await setupFetch('/_mock/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return ((await res.json()) as { access_token: string }).access_token
}

/** Over http, GRAPH_MOCK_AUTH=off: the default chain, which sends no token to an http host. */
export const overHttpAuthOff: StartSetup = async t => {
  const { app, url } = await listen(t, { auth: 'off' })
  const client = Client.init({ baseUrl: url, defaultVersion: 'beta', authProvider: done => { done(null, 'never-sent-over-http') } })
  return { url, app, client, fetch: fetchThrough(url) }
}

/** The first middleware of a custom chain: sends the bearer token to whatever host, http included. */
class BearerToken implements Middleware {
  #next: Middleware | undefined
  readonly #token: string
  constructor (token: string) { this.#token = token }
  async execute (context: Context): Promise<void> {
    const options = context.options ?? {}
    if (options.headers instanceof Headers) options.headers.set('Authorization', `Bearer ${this.#token}`)
    else options.headers = { ...(options.headers as Record<string, string> | undefined), Authorization: `Bearer ${this.#token}` }
    context.options = options
    await this.#next?.execute(context)
  }

  setNext (next: Middleware): void { this.#next = next }
}

/** Over http with auth strict: a minted token, sent by a custom middleware chain. */
export const overHttpWithToken: StartSetup = async t => {
  const { app, url } = await listen(t, { auth: 'strict' })
  const setupFetch = fetchThrough(url)
  const token = await mint(setupFetch, { tenant: 'graph-client-http' })
  const middleware = [new BearerToken(token), new RetryHandler(new RetryHandlerOptions()), new RedirectHandler(), new TelemetryHandler(), new HTTPMessageHandler()]
  const client = Client.initWithMiddleware({ baseUrl: url, defaultVersion: 'beta', middleware })
  return { url, app, client, fetch: setupFetch }
}

let material: Promise<TlsMaterial> | undefined

/** Over https (`--tls`, one generated certificate per test file) with auth strict and `customHosts`. */
export const overHttps: StartSetup = async t => {
  material ??= selfSignedCertificate()
  const tls = await material
  const { app, url } = await listen(t, { auth: 'strict', tls: true }, { tls })
  const dispatcher = new Agent({ connect: { ca: tls.cert } })
  t.teardown(() => dispatcher.close())
  const setupFetch = fetchThrough(url, dispatcher)
  const token = await mint(setupFetch, { tenant: 'graph-client-https' })
  const client = Client.init({
    baseUrl: url,
    defaultVersion: 'beta',
    customHosts: new Set([new URL(url).hostname]),
    authProvider: done => { done(null, token) },
    fetchOptions: { dispatcher } as RequestInit
  })
  return { url, app, client, fetch: setupFetch }
}
