/**
 * The default RetryHandler of GraphBetaRequestAdapter's middleware, met through the fluent builders: an
 * injected 429 and an injected 503 (POST /_mock/faults), each waited out and retried once, the journal
 * holding both attempts of the same request.
 */
import t, { type Test } from 'tap'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { isClassGroupProvisioningFlow } from './kiota-models.js'
import { createBetaClient } from './kiota-fluent/client.js'
import { registerIndustryDataBuilders } from './kiota-fluent/index.js'
import { addFault, journal, type JournalEntry } from './kiota-fluent/mock-control.js'
import { MockTokenProvider } from './kiota-fluent/mock-token-provider.js'
import { listen } from './listen.js'

registerIndustryDataBuilders()

interface Envelope { error: { code: string, message: string } }

/** The two attempts the journal holds: the refused one, then the retry of the same request. */
function assertRetried (t: Test, attempts: JournalEntry[], status: number, code: string): void {
  t.same(attempts.map(e => e.status), [status, 200], `the journal: a ${status}, then the retry answered 200`)
  const [first, retry] = attempts
  t.equal(retry?.url, first?.url, 'the retry went to the same URL')
  t.equal(first?.response.headers['retry-after'], '1', `the ${status} carried Retry-After: 1`)
  t.equal((first?.response.body as Envelope | undefined)?.error.code, code, `in Graph's envelope, code ${code}`)
  t.equal(first?.headers['retry-attempt'], undefined, 'the first attempt is not marked')
  t.equal(retry?.headers['retry-attempt'], '1', 'the retry says it is the first retry (Retry-Attempt: 1)')
  const waited = Date.parse(retry?.time ?? '') - Date.parse(first?.time ?? '')
  t.ok(waited >= 950, `the handler waited out Retry-After before retrying (${waited} ms)`)
}

t.test('an injected 429 on a PATCH: the SDK waits Retry-After, retries, and the caller gets the answer', async t => {
  const { url, graphUrl } = await listen(t, { auth: 'strict' })
  const { client } = createBetaClient(graphUrl, new MockTokenProvider(url))
  await addFault(url, { method: 'PATCH', path: '*/outboundProvisioningFlowSets/*', status: 429, retryAfter: 1, times: 1 })
  const renamed = await client.external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID).patch({ displayName: 'Renamed through a 429' })
  t.equal(renamed?.displayName, 'Renamed through a 429', 'patch() resolved with the updated set, the 429 never seen')
  const attempts = await journal(url, { method: 'PATCH' })
  assertRetried(t, attempts, 429, 'TooManyRequests')
  t.same(attempts[1]?.body, { displayName: 'Renamed through a 429' }, 'the retry carried the body again')
})

t.test('an injected 503 on a GET: retried the same way', async t => {
  const { url, graphUrl } = await listen(t, { auth: 'strict' })
  const { client } = createBetaClient(graphUrl, new MockTokenProvider(url))
  await addFault(url, { method: 'GET', path: '*/provisioningFlows/*', status: 503, retryAfter: 1, times: 1 })
  const flow = await client.external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(SET_ID)
    .provisioningFlows.byProvisioningFlowId(CLASS_FLOW_ID).get()
  t.ok(isClassGroupProvisioningFlow(flow), 'get() resolved with the flow, parsed as its type')
  assertRetried(t, await journal(url, { method: 'GET' }), 503, 'ServiceUnavailable')
})
