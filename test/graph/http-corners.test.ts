/**
 * Requests that never reach a route still get Graph's envelope: an `Expect` other than 100-continue (Node's
 * own answer is a bare 417), `CONNECT` (which Node otherwise answers by closing the connection), and control-
 * plane URLs spelled under a Graph version, which the router never resolves into `/_mock`.
 */
import t, { type Test } from 'tap'
import type { AddressInfo } from 'node:net'
import { parseRaw, sendRaw } from '../raw-http.js'
import { build, CLASS_FLOW_ID, flowUrl, SET_ID, SETS } from '../helpers.js'

type Json = Record<string, any>

function assertEnvelope (t: Test, raw: string, status: number, code: string, message: string): void {
  const res = parseRaw(raw)
  t.equal(res.status, status, `status ${status}`)
  t.match(res.contentType, /^application\/json;odata\.metadata=minimal/, 'OData JSON')
  const body = JSON.parse(res.body) as Json
  t.same(Object.keys(body.error), ['code', 'message', 'innerError'], 'the envelope')
  t.equal(body.error.code, code, `code ${code}`)
  t.equal(body.error.message, message, 'exact message')
  t.match(raw, new RegExp(`request-id: ${body.error.innerError['request-id'] as string}`, 'i'), 'request-id header matches innerError')
}

t.test('Expect, CONNECT and dot segments over a real socket', async t => {
  const app = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const expect = await sendRaw(port, `PATCH ${flowUrl(CLASS_FLOW_ID)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 200-ok\r\n\r\n{}`)
  assertEnvelope(t, expect, 417, 'ExpectationFailed', "The Expect header '200-ok' is not supported; only '100-continue' is.")
  const connect = await sendRaw(port, 'CONNECT graph.microsoft.com:443 HTTP/1.1\r\nHost: graph.microsoft.com:443\r\n\r\n')
  assertEnvelope(t, connect, 405, 'MethodNotAllowed', "The HTTP method 'CONNECT' is not allowed: graph-mock is not a proxy.")
  t.match(connect, /\r\nAllow: GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS\r\n/, 'Allow names the methods')

  const before = await fetch(`http://127.0.0.1:${port}${SETS}/${SET_ID}`, { headers: { authorization: 'Bearer x' } })
  t.equal(before.status, 200, 'the set is there')
  await fetch(`http://127.0.0.1:${port}${SETS}/${SET_ID}`, { method: 'PATCH', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{"displayName":"marker"}' })
  for (const path of ['/beta/../_mock/reset', '/beta/%2e%2e/_mock/reset', '/beta/..%2f_mock/reset', '/beta//../_mock/reset', '/v1.0/./../_mock/reset']) {
    const raw = parseRaw(await sendRaw(port, `POST ${path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`))
    t.ok(raw.status >= 400 && raw.status < 500, `${path}: a 4xx (${raw.status}), not the control plane`)
  }
  const after = await (await fetch(`http://127.0.0.1:${port}${SETS}/${SET_ID}`, { headers: { authorization: 'Bearer x' } })).json() as Json
  t.equal(after.displayName, 'marker', 'no reset ran')
  const health = await fetch(`http://127.0.0.1:${port}/_mock/health`)
  t.equal(health.status, 200, 'the server still answers')
})
