/**
 * Compressed request bodies, as Kiota's default middleware sends them: gzip and deflate are decoded, the
 * 1 MiB limit applies to the decoded body (a compression bomb is a 413, and the server goes on), and any other
 * Content-Encoding is a 415.
 */
import { deflateSync, gzipSync } from 'node:zlib'
import t from 'tap'
import { assertGraphError, auth, build, CLASS_FLOW_ID, flowUrl } from '../helpers.js'

const json = (encoding: string) => ({ ...auth, 'content-type': 'application/json', 'content-encoding': encoding })
const patch = (extra: string): Buffer => Buffer.from(`{"readinessStatus":"ready","configuration":{"additionalAttributes":["courseCode"]}${extra}}`)

t.test('gzip, x-gzip and deflate bodies are decoded and stored', async t => {
  const app = await build(t)
  for (const [encoding, body] of [['gzip', gzipSync(patch(''))], ['GZIP', gzipSync(patch(''))], ['x-gzip', gzipSync(patch(''))], ['deflate', deflateSync(patch(''))], ['identity', patch('')]] as const) {
    const res = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json(encoding), payload: body })
    t.equal(res.statusCode, 200, `${encoding}: 200`)
    t.same(res.json().configuration.additionalAttributes, ['courseCode'], `${encoding}: the decoded body was applied`)
  }
  const twice = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('deflate, gzip'), payload: gzipSync(deflateSync(patch(''))) })
  t.equal(twice.statusCode, 200, 'two codings, undone in reverse order')
  const batch = await app.inject({
    method: 'POST',
    url: '/beta/$batch',
    headers: json('gzip'),
    payload: gzipSync(Buffer.from(JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/classGroupProvisioningFlow' }] })))
  })
  t.equal(batch.json().responses[0].status, 200, 'a compressed $batch')
  const journal = (await app.inject({ method: 'GET', url: '/_mock/requests?limit=1&method=POST' })).json() as { value: Array<{ body: unknown }> }
  t.match(JSON.stringify(journal.value[0]?.body), /requests/, 'the journal records the decoded body')
})

t.test('the limit is on the decoded body: a bomb is a 413 and the server goes on', async t => {
  const app = await build(t)
  const under = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip'), payload: gzipSync(patch('')) })
  t.equal(under.statusCode, 200, 'a small body passes')
  const justUnder = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip'), payload: gzipSync(Buffer.concat([patch(''), Buffer.alloc(1024 * 1024 - 200, ' ')])) })
  t.equal(justUnder.statusCode, 200, 'decoded to just under 1 MiB: accepted')
  const over = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip'), payload: gzipSync(Buffer.concat([patch(''), Buffer.alloc(1024 * 1024 + 10, ' ')])) })
  assertGraphError(t, over, 413, 'RequestEntityTooLarge', 'The request body is larger than the 1048576-byte limit.')
  const bomb = gzipSync(Buffer.alloc(512 * 1024 * 1024, ' '))
  t.ok(bomb.length < 1024 * 1024, `a ${bomb.length}-byte gzip of 512 MiB`)
  const before = process.memoryUsage().rss
  assertGraphError(t, await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip'), payload: bomb }), 413, 'RequestEntityTooLarge',
    'The request body is larger than the 1048576-byte limit.')
  t.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'without inflating it in memory')
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).statusCode, 200, 'and the server answers afterwards')
})

t.test('other encodings are a 415; a body that is not what it says is a 400', async t => {
  const app = await build(t)
  assertGraphError(t, await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('br'), payload: patch('') }), 415, 'UnsupportedMediaType',
    "Content-Encoding 'br' is not supported; send the body as it is, or with gzip or deflate.")
  assertGraphError(t, await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip, compress'), payload: patch('') }), 415, 'UnsupportedMediaType',
    "Content-Encoding 'compress' is not supported; send the body as it is, or with gzip or deflate.")
  assertGraphError(t, await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip'), payload: patch('') }), 400, 'BadRequest',
    'The request body is not valid gzip data (incorrect header check).')
  assertGraphError(t, await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: json('gzip'), payload: gzipSync(patch('')).subarray(0, 20) }), 400, 'BadRequest',
    'The request body is not valid gzip data (unexpected end of file).')
})

t.test('a compressed body the server does not read (its Content-Type is refused first) ends nothing', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: { ...auth, 'content-type': 'text/xml', 'content-encoding': 'gzip' }, payload: 'not gzip at all' })
  assertGraphError(t, res, 415, 'UnsupportedMediaType', "Content type 'text/xml' is not supported; send application/json.")
  const del = await app.inject({ method: 'DELETE', url: `${flowUrl(CLASS_FLOW_ID)}x`, headers: { ...auth, 'content-encoding': 'deflate' }, payload: 'nor deflate' })
  assertGraphError(t, del, 415, 'UnsupportedMediaType', 'A request with a body needs Content-Type: application/json.')
  await new Promise(resolve => setTimeout(resolve, 50))
  t.equal((await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })).statusCode, 200, 'and the server answers afterwards')
})
