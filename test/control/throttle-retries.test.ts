/**
 * What counts as an early retry, over real connections: the throttled request repeated on the connection its
 * 429 came back on, before Retry-After; not copies of it that other connections had already sent, nor the
 * client's other requests. A reset clears the count.
 */
import http from 'node:http'
import t from 'tap'
import { build } from '../helpers.js'

const FLOW = '/beta/classGroupProvisioningFlow'

function get (port: number, path: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { authorization: 'Bearer same-client' } }, res => { res.resume(); res.on('end', () => { resolve(res.statusCode ?? 0) }) })
    req.on('error', reject)
    req.end()
  })
}

t.test('early retries over real connections', async t => {
  const app = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  await app.inject({ method: 'POST', url: '/_mock/throttle', payload: { requestsPerSecond: 0.01, burst: 1 } })
  const report = async () => (await app.inject({ method: 'GET', url: '/_mock/throttle' })).json() as { earlyRetries: number }
  const agents = [0, 1, 2].map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }))
  t.teardown(() => { for (const agent of agents) agent.destroy() })
  const [a, b, c] = agents as [http.Agent, http.Agent, http.Agent]
  // Three "concurrent first requests" of one client, each on its own connection: one passes, two are throttled.
  const first = await Promise.all([get(port, FLOW, a), get(port, FLOW, b), get(port, FLOW, c)])
  t.same([...first].sort(), [200, 429, 429], 'one within the burst, two throttled')
  t.equal((await report()).earlyRetries, 0, 'copies already on their way on other connections are not retries')
  const throttled = first.indexOf(429)
  const agent = agents[throttled] ?? a
  t.equal(await get(port, '/beta/external/industryData/roleGroups', agent), 429, 'another request on that connection')
  t.equal((await report()).earlyRetries, 0, 'is not a retry of the throttled one')
  t.equal(await get(port, FLOW, agent), 429, 'the throttled request again, on the connection its 429 came back on')
  t.equal((await report()).earlyRetries, 1, 'is an early retry')
  await app.inject({ method: 'POST', url: '/_mock/reset' })
  t.equal((await report()).earlyRetries, 0, 'a reset clears the count')
})

t.test('in process: mock.throttle(null) answers the final counts as it turns throttling off', async t => {
  const { startGraphMock } = await import('../../src/index.js')
  const mock = await startGraphMock({ logLevel: 'silent' })
  t.teardown(() => mock.close())
  mock.throttle({ requestsPerSecond: 0.01, burst: 1 })
  const get = async (headers: Record<string, string> = {}) => (await mock.app.inject({ method: 'GET', url: FLOW, headers: { authorization: 'Bearer x', ...headers } })).statusCode
  t.same([await get(), await get(), await get({ 'retry-attempt': '1' })], [200, 429, 429], 'throttled, then retried at once')
  const final = mock.throttle(null)
  t.equal(final.earlyRetries, 1, 'the early retry is in the answer')
  t.equal(final.enabled, true, 'as the counts stood before it was turned off')
  t.equal(mock.throttle({ requestsPerSecond: 1 }).earlyRetries, 0, 'and forgotten afterwards')
})
