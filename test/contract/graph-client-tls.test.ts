/**
 * @microsoft/microsoft-graph-client v3 against graph-mock over HTTPS (SPEC §9). The client attaches its token only
 * to https:// hosts in `customHosts`, so with auth on and its default chain it needs `--tls`. The generated
 * certificate is written out (GRAPH_MOCK_TLS_CERT_OUT) and trusted through an undici dispatcher in
 * `fetchOptions`: NODE_EXTRA_CA_CERTS is read only when a process starts.
 */
import t from 'tap'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, GraphError } from '@microsoft/microsoft-graph-client'
import { Agent } from 'undici'
import { startGraphMock } from '../../src/index.js'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { READ_ALL } from '../auth/tokens.js'
import { graphClientSuite } from './graph-client-suite.js'
import { overHttps } from './graph-client-setups.js'
import { listen } from './listen.js'

const FLOW = `/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows/${CLASS_FLOW_ID}`

async function mintOver (url: string, dispatcher: Agent | undefined, body: Record<string, unknown>): Promise<string> {
  const init: RequestInit & { dispatcher?: Agent } = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
  if (dispatcher !== undefined) init.dispatcher = dispatcher
  const res = await fetch(`${url}/_mock/token`, init)
  return ((await res.json()) as { access_token: string }).access_token
}

function graphClient (url: string, token: string, dispatcher?: Agent): Client {
  return Client.init({
    baseUrl: url,
    defaultVersion: 'beta',
    customHosts: new Set([new URL(url).hostname]),
    authProvider: (done) => { done(null, token) },
    ...(dispatcher === undefined ? {} : { fetchOptions: { dispatcher } as RequestInit })
  })
}

t.test('graph-client v3 over https (--tls, customHosts) with a minted token', async t => { graphClientSuite(t, overHttps) })

t.test('graph-client over HTTPS with a minted token: GET, PATCH, and a 403 as its GraphError', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-tls-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const certFile = join(dir, 'graph-mock.crt')
  const { url } = await listen(t, { auth: 'strict', tls: true, tlsCertOut: certFile })
  t.match(url, /^https:\/\/127\.0\.0\.1:\d+$/, 'listening on https')
  const dispatcher = new Agent({ connect: { ca: readFileSync(certFile, 'utf8') } })
  t.teardown(() => dispatcher.close())

  const client = graphClient(url, await mintOver(url, dispatcher, { tenant: 'graph-client-tenant' }), dispatcher)
  const flow = await client.api(FLOW).get() as Record<string, unknown>
  t.equal(flow.id, CLASS_FLOW_ID, 'GET answered with the flow')
  t.equal(flow['@odata.type'], '#microsoft.graph.industryData.classGroupProvisioningFlow', 'derived type')
  t.match(flow['@odata.context'], /^https:\/\/127\.0\.0\.1:\d+\/beta\/\$metadata#/, '@odata.context names the https origin')

  const patched = await client.api(FLOW).patch({ configuration: { additionalAttributes: ['courseSubject'] } }) as Record<string, unknown>
  t.same((patched.configuration as Record<string, unknown>).additionalAttributes, ['courseSubject'], 'PATCH answered with the updated flow')
  const reread = await client.api(FLOW).get() as { configuration: { additionalAttributes: string[] } }
  t.same(reread.configuration.additionalAttributes, ['courseSubject'], 'GET sees the write')

  const readOnly = graphClient(url, await mintOver(url, dispatcher, { tenant: 'graph-client-tenant', scopes: [READ_ALL] }), dispatcher)
  try {
    await readOnly.api(FLOW).patch({ configuration: { additionalAttributes: ['courseCode'] } })
    t.fail('a read-only token must not write')
  } catch (error) {
    t.ok(error instanceof GraphError, 'the client throws its GraphError')
    const graphError = error as GraphError
    t.equal(graphError.statusCode, 403, 'status 403')
    t.equal(graphError.code, 'Forbidden', 'code Forbidden')
    t.match(graphError.message, /^Missing permission: this operation needs IndustryData-OutboundFlow\.ReadWrite\.All; the token has IndustryData-OutboundFlow\.Read\.All\.$/, 'message names required and held permissions')
    t.match(graphError.requestId, /^[0-9a-f-]{36}$/, 'request-id carried over')
  }

  const untrusted = graphClient(url, 'unused')
  try {
    await untrusted.api(FLOW).get()
    t.fail('an untrusted certificate must be refused')
  } catch (error) {
    t.match(String((error as { message?: unknown }).message), /fetch failed|certificate/i, 'without the certificate trusted, the TLS handshake fails')
  }
})

t.test('the caveat: over plain http the client sends no token, so auth on answers 401', async t => {
  const { url } = await listen(t, { auth: 'strict' })
  const client = graphClient(url, await mintOver(url, undefined, {}))
  try {
    await client.api(FLOW).get()
    t.fail('no token should have been sent')
  } catch (error) {
    t.ok(error instanceof GraphError, 'GraphError')
    t.equal((error as GraphError).statusCode, 401, 'status 401')
    t.equal((error as GraphError).code, 'InvalidAuthenticationToken', 'code InvalidAuthenticationToken')
    t.equal((error as GraphError).message, 'Access token is empty.', 'the token never left the client')
  }
  const open = await listen(t, { auth: 'off' })
  const flow = await graphClient(open.url, 'unused').api(FLOW).get() as Record<string, unknown>
  t.equal(flow.id, CLASS_FLOW_ID, 'with GRAPH_MOCK_AUTH=off plain http works')
})

t.test('in-process: startGraphMock({ tls, auth: strict }) and mock.token()', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-tls-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const certFile = join(dir, 'graph-mock.crt')
  const mock = await startGraphMock({ auth: 'strict', tls: true, tlsCertOut: certFile })
  t.teardown(() => mock.close())
  t.match(mock.graphUrl, /^https:\/\/127\.0\.0\.1:\d+\/beta$/, 'an https Graph URL')
  const dispatcher = new Agent({ connect: { ca: readFileSync(certFile, 'utf8') } })
  t.teardown(() => dispatcher.close())
  const flow = await graphClient(mock.url, await mock.token({ tenant: 'in-process', roles: [READ_ALL] }), dispatcher).api(FLOW).get() as Record<string, unknown>
  t.equal(flow.id, CLASS_FLOW_ID, 'an application token from mock.token() reads')
  await t.rejects(mock.token({ lifetime: 0 }), { name: 'GraphError', message: /^Invalid token request: \/lifetime / }, 'bad token requests are GraphErrors')
})
