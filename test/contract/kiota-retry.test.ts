import t from 'tap'
import type { ClassGroupProvisioningFlow } from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { CLASS_FLOW_ID, SET_ID } from '../helpers.js'
import { createAdapter, isClassGroupProvisioningFlow, patchFlow } from './kiota-client.js'
import { listen } from './listen.js'

t.test('Kiota meets an injected 429 with Retry-After: 1 and succeeds on its own retry', async t => {
  const { app, graphUrl } = await listen(t)
  app.graphMock.faults.add({ method: 'PATCH', path: '*/provisioningFlows/*', status: 429, retryAfter: 1, times: 1 })
  const adapter = createAdapter(graphUrl, 'opaque-token')
  const started = Date.now()
  const update: ClassGroupProvisioningFlow = {
    odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow',
    configuration: { additionalAttributes: ['classCode'] }
  }
  const answer = await patchFlow(adapter, SET_ID, CLASS_FLOW_ID, update)
  t.ok(isClassGroupProvisioningFlow(answer), 'the retried PATCH answered with the flow')
  t.ok(Date.now() - started >= 950, 'the client waited for Retry-After')
  const attempts = app.graphMock.journal.query({ method: 'PATCH' })
  t.same(attempts.map(e => e.status), [429, 200], 'the journal shows both attempts')
  t.equal(attempts[0]?.response.headers['retry-after'], '1', 'the first answer carried Retry-After')
  t.equal(app.graphMock.throttle.report().earlyRetries, 0, 'the SDK waited long enough: no early retry')
})
