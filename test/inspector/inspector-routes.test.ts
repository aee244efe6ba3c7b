import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { Readable } from 'node:stream'
import Fastify from 'fastify'
import t from 'tap'
import { sseComment, sseEvent, sseRetry } from '../../src/control/inspector/event-stream.js'
import { INSPECTOR_ASSETS, INSPECTOR_CSP, inspectorRoutes } from '../../src/control/inspector/inspector-routes.js'
import { Journal } from '../../src/control/journal.js'
import { packagePath } from '../../src/package-files.js'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth } from '../helpers.js'

const DEFAULT_TENANT = '00000000-0000-0000-0000-000000000001'
const tenantB = { authorization: `Bearer ${['{"alg":"none"}', '{"tid":"tenant-b"}'].map(p => Buffer.from(p).toString('base64url')).join('.')}.x` }

/** Collects what a streamed inject answer sends; `until` waits for text matching a pattern. */
function reader (stream: Readable): { text: () => string, until: (pattern: RegExp, ms?: number) => Promise<string> } {
  let text = ''
  const waiters = new Set<() => void>()
  stream.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); for (const wake of waiters) wake() })
  stream.on('error', () => {})
  return {
    text: () => text,
    until: async (pattern, ms = 2000) => await new Promise<string>((resolve, reject) => {
      const check = (): void => {
        if (!pattern.test(text)) return
        waiters.delete(check); clearTimeout(timer); resolve(text)
      }
      const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no ${String(pattern)} in ${JSON.stringify(text)}`)) }, ms)
      waiters.add(check)
      check()
    })
  }
}

const dataEvents = (text: string): Array<Record<string, any>> =>
  text.split('\n\n').filter(block => /^data: /m.test(block) && !/^event: /m.test(block))
    .map(block => JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as Record<string, any>)

t.test('SSE framing', async t => {
  t.equal(sseEvent({ a: 1 }), 'data: {"a":1}\n\n', 'one data line')
  t.equal(sseEvent({ a: 'x\ny' }, { event: 'entry', id: 7 }), 'event: entry\nid: 7\ndata: {"a":"x\\ny"}\n\n', 'event and id; newlines stay escaped inside JSON')
  t.equal(sseComment('two\nlines'), ': two lines\n\n', 'a comment never breaks into a field')
  t.equal(sseRetry(2000), 'retry: 2000\n\n', 'retry')
})

t.test('the page and its assets: no token needed, a CSP, no data', async t => {
  const app = await build(t, { adminToken: 'let-me-in' })
  for (const [url, type] of [['/_mock/', /^text\/html/], ['/_mock', /^text\/html/], ['/_mock/inspector.js', /^text\/javascript/], ['/_mock/inspector.css', /^text\/css/]] as const) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, `${url} is served without the admin token`)
    t.match(res.headers['content-type'], type, `${url} content type`)
    t.equal(res.headers['content-security-policy'], INSPECTOR_CSP, `${url} has the CSP`)
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${url} nosniff`)
    t.notMatch(res.body, /https?:\/\//, `${url} names no other origin`)
    t.notMatch(res.body, new RegExp(CLASS_FLOW_ID), `${url} holds no data`)
  }
  t.match(INSPECTOR_CSP, /default-src 'none'/, 'nothing allowed unless listed')
  t.notMatch(INSPECTOR_CSP, /unsafe-inline|unsafe-eval/, 'no inline script or style, no eval')
  const html = (await app.inject({ method: 'GET', url: '/_mock/' })).body
  t.notMatch(html, /<script>|style=/, 'no inline script or style attribute in the markup')
  t.match(html, /<label for="tenant">/, 'the tenant picker is labelled')
  t.match(html, /aria-live="polite"/, 'new entries are announced')
})

t.test('the assets are the files under public/inspector/, byte for byte', async t => {
  const app = await build(t)
  t.same(INSPECTOR_ASSETS.map(a => a.file).sort(), ['public/inspector/index.html', 'public/inspector/inspector.css', 'public/inspector/inspector.js'], 'the page, its styles and its script')
  for (const asset of INSPECTOR_ASSETS) {
    const res = await app.inject({ method: 'GET', url: `/_mock${asset.url}` })
    t.equal(res.statusCode, 200, `${asset.url} is served`)
    t.equal(res.body, readFileSync(packagePath(asset.file), 'utf8'), `${asset.url} is ${asset.file} as it is on disk`)
  }
  const script = readFileSync(packagePath('public/inspector/inspector.js'), 'utf8')
  t.match(script, /^\/\/ @ts-check\n/, 'the script asks to be type-checked (tsconfig.inspector.json, run by npm run typecheck)')
})

t.test('GET /_mock/tenants', async t => {
  const app = await build(t)
  let res = await app.inject({ method: 'GET', url: '/_mock/tenants' })
  t.equal(res.statusCode, 200, '200')
  t.match(res.headers['content-type'], /^application\/json/, 'JSON')
  t.same(res.json(), { default: DEFAULT_TENANT, value: [DEFAULT_TENANT] }, 'the default tenant even before it is used')
  await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: tenantB })
  res = await app.inject({ method: 'GET', url: '/_mock/tenants' })
  t.same(res.json(), { default: DEFAULT_TENANT, value: [DEFAULT_TENANT, 'tenant-b'] }, 'a tenant appears once used, sorted')

  const guarded = await build(t, { adminToken: 'let-me-in' })
  assertGraphError(t, await guarded.inject({ method: 'GET', url: '/_mock/tenants' }), 401, 'InvalidAuthenticationToken', /x-mock-admin-token/)
  t.equal((await guarded.inject({ method: 'GET', url: '/_mock/tenants', headers: { 'x-mock-admin-token': 'let-me-in' } })).statusCode, 200, 'with the token')
})

t.test('GET /_mock/requests/stream sends new journal entries as server-sent events', async t => {
  const app = await build(t)
  const journal = app.graphMock.journal
  const res = await app.inject({ method: 'GET', url: '/_mock/requests/stream', payloadAsStream: true })
  t.equal(res.statusCode, 200, '200')
  t.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8', 'text/event-stream')
  t.equal(res.headers['cache-control'], 'no-cache, no-transform', 'never cached or transformed')
  t.match(res.headers['request-id'], /^[0-9a-f-]{36}$/, 'the usual request-id')
  const stream = reader(res.stream())
  await stream.until(/^: connected\n\n/m)
  t.match(stream.text(), /^retry: \d+\n\n/, 'tells clients how soon to reconnect')
  t.equal(journal.listenerCount('entry'), 1, 'one listener while the stream is open')

  const patch = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: 'ready', configuration: {} } })
  t.equal(patch.statusCode, 200, 'a write')
  await stream.until(/^data: /m)
  const [entry] = dataEvents(stream.text())
  t.equal(entry?.method, 'PATCH', 'the entry arrived after the request')
  t.equal(entry?.path, flowUrl(CLASS_FLOW_ID), 'its path')
  t.equal(entry?.status, 200, 'its status')
  t.same(entry?.body, { readinessStatus: 'ready', configuration: {} }, 'the request body, as GET /_mock/requests presents it')
  t.equal(entry?.response.body.readinessStatus, 'ready', 'the response body parsed back to JSON')
  t.equal(entry?.headers.authorization, '[redacted]', 'Authorization redacted')
  t.match(stream.text(), new RegExp(`^id: ${String(entry?.seq)}$`, 'm'), 'the seq is the event id')
  const listed = (await app.inject({ method: 'GET', url: '/_mock/requests' })).json().value[0]
  t.same(entry, listed, 'the same JSON as GET /_mock/requests')

  await app.inject({ method: 'DELETE', url: '/_mock/requests' })
  await stream.until(/^event: clear\ndata: \{\}$/m)
  t.pass('a cleared journal is an event: clear')

  await app.close()
  t.equal(journal.listenerCount('entry'), 0, 'closing the app ends the stream and its listener')
  t.equal(journal.listenerCount('clear'), 0, 'and the clear listener')
})

t.test('Last-Event-ID replays what a reconnecting client missed', async t => {
  const app = await build(t)
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  const res = await app.inject({ method: 'GET', url: '/_mock/requests/stream', headers: { 'last-event-id': '1' }, payloadAsStream: true })
  const stream = reader(res.stream())
  await stream.until(/id: 3\n/)
  t.same(dataEvents(stream.text()).map(e => e.seq), [2, 3], 'entries after seq 1, in order')
  await app.close()
})

t.test('heartbeat comments keep the connection alive', async t => {
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(inspectorRoutes, { prefix: '/_mock', store: { tenants: () => [] }, journal: new Journal(10), heartbeatMs: 20 })
  const res = await app.inject({ method: 'GET', url: '/_mock/requests/stream', payloadAsStream: true })
  const stream = reader(res.stream())
  await stream.until(/^: heartbeat \d{4}-.*\n\n[^]*^: heartbeat /m)
  t.pass('a heartbeat comment every heartbeatMs')
})

t.test('the stream needs the admin token when one is set, and stops listening when the client goes away', async t => {
  const app = await build(t, { adminToken: 'let-me-in' })
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/requests/stream' }), 401, 'InvalidAuthenticationToken', /x-mock-admin-token/)
  assertGraphError(t, await app.inject({ method: 'GET', url: '/_mock/requests/stream', headers: { 'x-mock-admin-token': 'nope' } }), 401, 'InvalidAuthenticationToken', /does not match/)

  // node:http without an agent: one socket, destroyed below (fetch's pool would hold a spare one open).
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const request = http.get(`${url}/_mock/requests/stream`, { agent: false, headers: { 'x-mock-admin-token': 'let-me-in' } })
  const [res] = await once(request, 'response') as [http.IncomingMessage]
  t.equal(res.statusCode, 200, 'a real socket, with the token')
  const journal = app.graphMock.journal
  t.equal(journal.listenerCount('entry'), 1, 'listening')
  const stream = reader(res)
  await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  t.match(await stream.until(/^data: /m), /"method":"GET"/, 'the entry arrives over the socket')
  request.destroy()
  for (let i = 0; i < 100 && journal.listenerCount('entry') > 0; i++) await new Promise(resolve => setTimeout(resolve, 10))
  t.equal(journal.listenerCount('entry'), 0, 'the listener is removed when the client disconnects')
  t.equal(journal.listenerCount('clear'), 0, 'both listeners')
})
