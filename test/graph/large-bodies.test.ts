/**
 * A body over the 1 MiB limit gets its 413 even from a client still sending: the server reads the rest (up to
 * 16 MiB) before it answers and closes, so the answer is not lost to a connection reset. Over a real socket.
 */
import t from 'tap'
import { build, CLASS_FLOW_ID, flowUrl } from '../helpers.js'
import net from 'node:net'
import { parseRaw, sendRaw } from '../raw-http.js'

/**
 * Send all of `raw` before reading anything, as a client busy uploading does: an answer the server sent and
 * then reset the connection under (it closed with the upload unread) is gone by the time the client reads.
 */
function sendThenRead (port: number, raw: Buffer): Promise<string> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    socket.pause()
    socket.on('data', (chunk: Buffer) => { received += chunk.toString('latin1') })
    socket.on('close', () => { resolve(received) })
    socket.on('error', () => { /* a reset: what was read counts */ })
    socket.write(raw, () => { setTimeout(() => { socket.resume(); setTimeout(() => socket.end(), 200) }, 100) })
  })
}

const TWO_MIB = 2 * 1024 * 1024

function request (body: Buffer, chunked: boolean): Buffer {
  const head = [`PATCH ${flowUrl(CLASS_FLOW_ID)} HTTP/1.1`, 'Host: 127.0.0.1', 'Authorization: Bearer x', 'Content-Type: application/json',
    chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`, '', ''].join('\r\n')
  if (!chunked) return Buffer.concat([Buffer.from(head), body])
  const chunks: Buffer[] = [Buffer.from(head)]
  for (let i = 0; i < body.length; i += 64 * 1024) {
    const part = body.subarray(i, i + 64 * 1024)
    chunks.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from('0\r\n\r\n'))
  return Buffer.concat(chunks)
}

t.test('a 2 MiB body, with Content-Length and chunked, is answered 413 every time', async t => {
  const app = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const body = Buffer.from(`{"configuration":{},"pad":"${'x'.repeat(TWO_MIB)}"}`)
  for (const chunked of [false, true]) {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push(parseRaw(await sendThenRead(port, request(body, chunked))).status)
    t.same(statuses, Array(5).fill(413), `${chunked ? 'chunked' : 'Content-Length'}: 5 × 413, none lost`)
  }
  // Node's fetch (undici) sends the body as it goes: before, an early 413 and close cut it off mid-upload,
  // and fetch failed ('other side closed') with no answer to read.
  const fetched: Array<number | string> = []
  for (let i = 0; i < 20; i++) {
    fetched.push(await fetch(`http://127.0.0.1:${port}${flowUrl(CLASS_FLOW_ID)}`, { method: 'PATCH', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body })
      .then(res => res.status, (error: Error) => `${error.message} (${String((error.cause as Error | undefined)?.message)})`))
  }
  t.same(fetched, Array(20).fill(413), 'fetch: 20 × 413, none lost')
  const last = parseRaw(await sendRaw(port, request(body, false)))
  t.same(JSON.parse(last.body).error.message, 'The request body is larger than the 1048576-byte limit.', "Graph's envelope, saying the limit")
})
