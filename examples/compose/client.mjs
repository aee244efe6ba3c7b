// An application container talking to graph-mock as you would wire your own: Node 20 and the Kiota-based
// Microsoft Graph beta SDK (@microsoft/msgraph-beta-sdk) with its default middleware, over HTTPS to the
// Compose service by its name. Kiota's Azure Identity authentication provider sends a token only over
// https:// (plain http only to localhost), which is why graph-mock serves TLS here, with a certificate
// that names `graph-mock` (GRAPH_MOCK_TLS_HOSTS) and that this container trusts (NODE_EXTRA_CA_CERTS).
//
// It gets a token from graph-mock's /_mock/token (where your app would ask Entra ID), PATCHes the
// class-group provisioning flow, reads it back and checks the answer. Exit 0 on success, 1 on a mismatch.
//
//   docker compose run --rm example-client
//   GRAPH_MOCK_URL=https://localhost:4010 NODE_EXTRA_CA_CERTS=./graph-mock.crt node examples/compose/client.mjs

import { HttpMethod, RequestInformation } from '@microsoft/kiota-abstractions'
import { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure'
import { JsonParseNodeFactory, JsonSerializationWriterFactory } from '@microsoft/kiota-serialization-json'
import { GraphBetaRequestAdapter } from '@microsoft/msgraph-beta-sdk'
import { createProvisioningFlowFromDiscriminatorValue, serializeClassGroupProvisioningFlow } from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js'

const base = (process.env.GRAPH_MOCK_URL ?? 'https://graph-mock:4010').replace(/\/+$/, '')
const waitMs = Number(process.env.WAIT_MS ?? 60_000)
const CLASS_GROUP_FLOW = '#microsoft.graph.industryData.classGroupProvisioningFlow'
const wanted = { readinessStatus: 'ready', additionalAttributes: ['courseCode'] }

function fail (why) {
  console.error(`example-client: FAIL ${why}`)
  process.exit(1)
}

/** Poll /_mock/ready: Compose's `service_healthy` already waited, but the same client also runs outside Compose. */
async function waitForReady () {
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      const res = await fetch(`${base}/_mock/ready`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return
    } catch (error) {
      // An untrusted certificate will not heal by waiting.
      if (/CERT|SELF_SIGNED|ALTNAME/.test(error.cause?.code ?? '')) fail(`${base}: ${error.cause.code} (is NODE_EXTRA_CA_CERTS the certificate graph-mock wrote?)`)
      if (Date.now() > deadline) fail(`graph-mock at ${base} not ready after ${waitMs} ms (${error.cause?.code ?? error.message})`)
    }
    if (Date.now() > deadline) fail(`graph-mock at ${base} not ready after ${waitMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

/** A TokenCredential, as @azure/identity's are: here it asks graph-mock to mint one. */
const credential = {
  async getToken () {
    const res = await fetch(`${base}/_mock/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roles: ['IndustryData-OutboundFlow.ReadWrite.All'] }) })
    if (!res.ok) fail(`POST /_mock/token: HTTP ${res.status}`)
    const { access_token: token, expires_on: expiresOn } = await res.json()
    return { token, expiresOnTimestamp: expiresOn * 1000 }
  }
}

function adapterFor (url) {
  const auth = new AzureIdentityAuthenticationProvider(credential, ['https://graph.microsoft.com/.default'], undefined, new Set([new URL(url).hostname]))
  const adapter = new GraphBetaRequestAdapter(auth)
  adapter.getParseNodeFactory().registerDefaultDeserializer(JsonParseNodeFactory, adapter.getBackingStoreFactory())
  adapter.getSerializationWriterFactory().registerDefaultSerializer(JsonSerializationWriterFactory)
  adapter.baseUrl = `${url}/beta`
  return adapter
}

const errorMappings = { XXX: createODataErrorFromDiscriminatorValue }

function flowRequest (adapter, method) {
  const info = new RequestInformation(method, '{+baseurl}/classGroupProvisioningFlow')
  info.pathParameters.baseurl = adapter.baseUrl
  info.headers.tryAdd('Accept', 'application/json')
  return info
}

/** The fields this client cares about, so a mismatch names what differs. */
function check (what, flow) {
  if (flow === undefined) fail(`${what}: no flow in the answer`)
  if (flow.odataType !== CLASS_GROUP_FLOW) fail(`${what}: @odata.type is ${JSON.stringify(flow.odataType)}`)
  if (flow.readinessStatus !== wanted.readinessStatus) fail(`${what}: readinessStatus is ${JSON.stringify(flow.readinessStatus)}`)
  const attrs = flow.configuration?.additionalAttributes
  if (JSON.stringify(attrs) !== JSON.stringify(wanted.additionalAttributes)) fail(`${what}: additionalAttributes is ${JSON.stringify(attrs)}`)
}

await waitForReady()
const adapter = adapterFor(base)

// The SDK's serializer leaves out readinessStatus (it takes it for read-only), so it goes in additionalData.
const patch = flowRequest(adapter, HttpMethod.PATCH)
const body = { odataType: CLASS_GROUP_FLOW, configuration: { additionalAttributes: wanted.additionalAttributes }, additionalData: { readinessStatus: wanted.readinessStatus } }
patch.setContentFromParsable(adapter, 'application/json', body, serializeClassGroupProvisioningFlow)
try {
  check('PATCH', await adapter.send(patch, createProvisioningFlowFromDiscriminatorValue, errorMappings))
  const flow = await adapter.send(flowRequest(adapter, HttpMethod.GET), createProvisioningFlowFromDiscriminatorValue, errorMappings)
  check('GET', flow)
  console.log(`example-client: OK flow ${flow.id} over ${new URL(base).protocol} readinessStatus=${flow.readinessStatus} additionalAttributes=${JSON.stringify(flow.configuration.additionalAttributes)}`)
} catch (error) {
  fail(`${error.responseStatusCode ?? ''} ${error.message ?? error}`)
}
