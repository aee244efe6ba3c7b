/**
 * Memory under hostile load (SPEC §7, §10): a graph-mock child with a 96 MB heap takes several hundred
 * requests with bodies of 300 KB to just over 1 MiB, sent with Content-Length and chunked, valid JSON and not,
 * and must stay alive with its heap levelling off: the request journal keeps at most 16 KiB of each body from
 * the moment it records, within a total byte budget. Live journal readers (GET /_mock/requests/stream) that
 * stop reading are dropped once their buffer passes its bound, instead of buffering every event; a fresh
 * reader still gets events, and the API still answers. The heap is read from GET /_mock/health.
 */
import t, { type Test } from 'tap'
import { Agent, request, type OutgoingHttpHeaders } from 'node:http'
import { connect, type Socket } from 'node:net'
import { AUTH, JSON_AUTH, SETS, startChild, tempDatabase, type Child } from './child.js'

const SET_URL = `${SETS}/9ab41255-5364-4c53-e15c-08dc4ab6ee03`
const MB = 1024 * 1024
const HEAP_CAP_MB = 96
/** How much the live heap may grow from warm-up to the end: the journal's default budget (32 MiB) fits; 120+ MB of kept bodies does not. */
const GROWTH_MB = 40
const BODY_LIMIT = MB
const CONCURRENCY = 4
/** Pieces a chunked body is written in, so no length is known up front. */
const PIECE = 64 * 1024

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
const mb = (bytes: number | undefined): string => bytes === undefined ? 'n/a' : `${(bytes / MB).toFixed(1)} MB`

// ----- bodies -------------------------------------------------------------------------------------------

const validBody = (size: number): string => {
  const frame = '{"displayName":""}'
  return `{"displayName":"${'x'.repeat(size - frame.length)}"}`
}
/** The same shape, unterminated: the parser reads all of it before it fails. */
const invalidBody = (size: number): string => validBody(size).slice(0, -2)

const LARGE = 300_000
const VALID_LARGE = validBody(LARGE)
const INVALID_LARGE = invalidBody(LARGE)
const JUST_UNDER = validBody(BODY_LIMIT - 64)
const JUST_OVER = validBody(BODY_LIMIT + 64)

interface Shot { name: string, body: string, chunked: boolean, expect: readonly number[] }
const VALID = [200, 400] as const
const shot = (name: string, body: string, chunked: boolean, expect: readonly number[]): Shot => ({ name, body, chunked, expect })

/** The i-th request of a run: mostly 300 KB bodies, now and then one just under or just over the 1 MiB limit. */
function shotFor (i: number): Shot {
  switch (i % 24) {
    case 5: return shot('just over 1 MiB, Content-Length', JUST_OVER, false, [413])
    case 11: return shot('just under 1 MiB, Content-Length', JUST_UNDER, false, VALID)
    case 17: return shot('just over 1 MiB, chunked', JUST_OVER, true, [413])
    case 23: return shot('just under 1 MiB, chunked', JUST_UNDER, true, VALID)
    default: break
  }
  switch (i % 4) {
    case 0: return shot('valid 300 KB, Content-Length', VALID_LARGE, false, VALID)
    case 1: return shot('valid 300 KB, chunked', VALID_LARGE, true, VALID)
    case 2: return shot('invalid 300 KB, Content-Length', INVALID_LARGE, false, [400])
    default: return shot('invalid 300 KB, chunked', INVALID_LARGE, true, [400])
  }
}

// ----- HTTP over node:http ------------------------------------------------------------------------------

interface Answer { status: number, text: string }

/**
 * One request. A chunked body is written in pieces with Transfer-Encoding: chunked and no Content-Length.
 * An answer that arrives before the whole body was sent (413) counts, whatever happens to the connection after.
 */
function send (child: Child, agent: Agent, method: string, path: string, options: { body?: string, chunked?: boolean, headers?: OutgoingHttpHeaders } = {}): Promise<Answer> {
  const { body, chunked = false } = options
  const early = body !== undefined && body.length > BODY_LIMIT
  const headers: OutgoingHttpHeaders = { ...(body === undefined ? AUTH : JSON_AUTH), ...options.headers }
  if (body !== undefined) {
    if (chunked) headers['transfer-encoding'] = 'chunked'
    else headers['content-length'] = Buffer.byteLength(body)
  }
  if (early) headers.connection = 'close'
  return new Promise<Answer>((resolve, reject) => {
    let answered = false
    const req = request(`${child.url}${path}`, { method, headers, agent: early ? false : agent }, res => {
      answered = true
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => { parts.push(part) })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }) })
      res.on('error', reject)
    })
    req.setTimeout(20_000, () => { req.destroy(new Error(`${method} ${path} had no answer within 20 s`)) })
    req.on('error', error => { if (!answered) reject(error) })
    if (body === undefined) { req.end(); return }
    if (!chunked) { req.end(body); return }
    for (let at = 0; at < body.length; at += PIECE) req.write(body.slice(at, at + PIECE))
    req.end()
  })
}

const alive = (child: Child): boolean => child.process.exitCode === null && child.process.signalCode === null

/** Why the child is gone, for failure messages: its exit and V8's fatal error line (heap out of memory), else the end of its stderr. */
function obituary (child: Child): string {
  const stderr = child.stderr()
  const fatal = /^.*(FATAL ERROR|out of memory).*$/m.exec(stderr)?.[0]
  return `exit code ${String(child.process.exitCode)}, signal ${String(child.process.signalCode)}; stderr: ${(fatal ?? stderr.slice(-400)).trim()}`
}

interface Memory { rssBytes: number, heapUsedBytes: number, heapTotalBytes: number }

function memoryOf (text: string): Memory | undefined {
  let json: unknown
  try { json = JSON.parse(text) } catch { return undefined }
  if (typeof json !== 'object' || json === null || !('memory' in json)) return undefined
  const memory: unknown = json.memory
  if (typeof memory !== 'object' || memory === null) return undefined
  const { rssBytes, heapUsedBytes, heapTotalBytes } = memory as Record<string, unknown>
  if (typeof rssBytes !== 'number' || typeof heapUsedBytes !== 'number' || typeof heapTotalBytes !== 'number') return undefined
  return { rssBytes, heapUsedBytes, heapTotalBytes }
}

/** The child's memory from GET /_mock/health; undefined when the figures are missing or the child does not answer. */
async function memory (child: Child, agent: Agent): Promise<Memory | undefined> {
  try {
    const res = await send(child, agent, 'GET', '/_mock/health')
    return res.status === 200 ? memoryOf(res.text) : undefined
  } catch {
    return undefined
  }
}

/**
 * A heap figure that garbage not yet collected does not inflate much: the least heapUsed of a few samples.
 * Live data can only be at or below each sample, so a server that keeps what it should not still shows it.
 */
const liveHeap = (samples: Array<Memory | undefined>): number | undefined => {
  const used = samples.flatMap(s => s === undefined ? [] : [s.heapUsedBytes])
  return used.length === 0 ? undefined : Math.min(...used)
}

interface Run { sent: number, unexpected: string[], failure?: string }

/**
 * Send requests `from` … `to - 1` (`pick(i)` for request i), CONCURRENCY at a time. Stops at the first request that
 * gets no answer (the child is gone or hung) and says why; answers with another status than expected are listed.
 */
async function flood (child: Child, agent: Agent, from: number, to: number, run: Run, pick: (i: number) => Shot = shotFor): Promise<void> {
  let next = from
  const worker = async (): Promise<void> => {
    while (next < to && run.failure === undefined) {
      const i = next++
      const s = pick(i)
      try {
        const res = await send(child, agent, 'PATCH', SET_URL, { body: s.body, chunked: s.chunked })
        run.sent += 1
        if (!s.expect.includes(res.status)) run.unexpected.push(`#${i} ${s.name}: ${res.status} ${res.text.slice(0, 160)}`)
        else if (res.status === 413 && !res.text.includes('"RequestEntityTooLarge"')) run.unexpected.push(`#${i} ${s.name}: 413 without the Graph envelope: ${res.text.slice(0, 160)}`)
      } catch (error) {
        // Past the limit the server answers 413 at once from Content-Length and closes the connection without
        // reading the rest (HTTP allows it): a client still writing may see EPIPE or a reset instead of the answer.
        const code = (error as { code?: unknown }).code
        if (s.expect.includes(413) && !s.chunked && (code === 'EPIPE' || code === 'ECONNRESET') && alive(child)) { run.sent += 1; continue }
        await sleep(200) // let an exit be noticed
        run.failure ??= `request #${i} (${s.name}) got no answer: ${error instanceof Error ? error.message : String(error)}; ` +
          (alive(child) ? 'the child is still running' : `the child died: ${obituary(child)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

async function start (t: Test, name: string): Promise<{ child: Child, agent: Agent }> {
  const child = await startChild({ db: tempDatabase(t, name), env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` } })
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY + 2 })
  t.teardown(async () => {
    agent.destroy()
    if (alive(child)) child.process.kill('SIGKILL')
    await child.exited
  })
  return { child, agent }
}

/** A normal PATCH and GET of the flow set answer as usual. */
async function stillWorks (t: Test, child: Child, agent: Agent, label: string): Promise<void> {
  if (!alive(child)) { t.fail(`${label}: the child is gone (${obituary(child)})`); return }
  const displayName = `after ${label}`
  const patched = await send(child, agent, 'PATCH', SET_URL, { body: JSON.stringify({ displayName }) })
  t.equal(patched.status, 200, `${label}: a normal PATCH answers 200 (${patched.text.slice(0, 160)})`)
  const read = await send(child, agent, 'GET', SET_URL)
  t.equal(read.status, 200, `${label}: a GET of the flow set answers 200`)
  t.match(read.text, `"displayName":"${displayName}"`, `${label}: the GET returns the displayName just written`)
}

// ----- stream readers over raw sockets ------------------------------------------------------------------

interface Reader { socket: Socket, bytes: number, tail: string, isClosed: () => boolean }

/** GET /_mock/requests/stream on a raw socket; resolves once the stream said it is connected. */
async function openReader (child: Child): Promise<Reader> {
  const { hostname, port } = new URL(child.url)
  const socket = connect(Number(port), hostname)
  socket.setEncoding('utf8')
  socket.on('error', () => {}) // a reset by the server is a way of being dropped
  let closed = false
  socket.once('close', () => { closed = true })
  const reader: Reader = { socket, bytes: 0, tail: '', isClosed: () => closed }
  socket.on('data', (text: string) => {
    reader.bytes += text.length
    reader.tail = (reader.tail + text).slice(-64 * 1024)
  })
  socket.write(`GET /_mock/requests/stream HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\nAuthorization: ${AUTH.authorization}\r\n\r\n`)
  const deadline = Date.now() + 5000
  while (!reader.tail.includes(': connected') && Date.now() < deadline && !closed) await sleep(10)
  if (!reader.tail.includes(': connected')) throw new Error(`the journal stream did not answer: ${reader.tail.slice(0, 300)}`)
  return reader
}

// ----- the tests ----------------------------------------------------------------------------------------

t.test('480 PATCHes with 300 KB – 1 MiB bodies, Content-Length and chunked, valid and not: the child lives and its heap levels off', async t => {
  const { child, agent } = await start(t, 'memory-bodies')
  const TOTAL = 480
  const BATCH = 20
  const run: Run = { sent: 0, unexpected: [] }
  const samples: Array<{ after: number, memory: Memory | undefined }> = []
  for (let from = 0; from < TOTAL && run.failure === undefined; from += BATCH) {
    await flood(child, agent, from, from + BATCH, run)
    samples.push({ after: from + BATCH, memory: await memory(child, agent) })
  }
  const warmUp = liveHeap(samples.filter(s => s.after >= 60 && s.after <= 100).map(s => s.memory))
  const final = liveHeap(samples.slice(-5).map(s => s.memory))
  const peak = Math.max(0, ...samples.map(s => s.memory?.heapUsedBytes ?? 0))
  const rss = samples.at(-1)?.memory?.rssBytes
  const figures = `heapUsed after warm-up (requests 60–100) ${mb(warmUp)}, at the end ${mb(final)}, peak sample ${mb(peak)}, rss at the end ${mb(rss)}; ${run.sent} of ${TOTAL} requests answered`

  t.equal(run.failure, undefined, `every request was answered (${figures})`)
  t.equal(run.sent, TOTAL, `all ${TOTAL} requests were answered (${figures})`)
  t.same(run.unexpected.slice(0, 5), [], `each answer had the expected status (${run.unexpected.length} did not)`)
  t.ok(alive(child), `the child is alive after ${TOTAL} large requests (${alive(child) ? figures : obituary(child)})`)
  t.ok(samples.at(-1)?.memory !== undefined, `GET /_mock/health answers with memory figures (rssBytes, heapUsedBytes, heapTotalBytes) at the end (${figures})`)
  if (warmUp !== undefined && final !== undefined) {
    t.ok(final < warmUp + GROWTH_MB * MB, `the heap levels off: ${mb(final)} at the end < ${mb(warmUp)} after warm-up + ${GROWTH_MB} MB`)
    t.ok(final < HEAP_CAP_MB * MB, `the heap at the end (${mb(final)}) stays below the ${HEAP_CAP_MB} MB cap`)
  }
  await stillWorks(t, child, agent, 'the large bodies')
})

t.test('three stalled journal stream readers: the child lives, drops them, and a fresh reader still gets events', async t => {
  const { child, agent } = await start(t, 'memory-stream')
  const readers = await Promise.all([openReader(child), openReader(child), openReader(child)])
  t.teardown(() => { for (const reader of readers) reader.socket.destroy() })
  for (const reader of readers) reader.socket.pause() // never read again: the events pile up on the server

  const TOTAL = 360
  const BATCH = 30
  // 300 KB bodies only, mostly valid (their answers echo them, so their events are the larger ones); the
  // journal entry of each, as an event, is written to every stalled reader.
  const pick = (i: number): Shot => i % 4 === 3 ? shot('invalid 300 KB, chunked', INVALID_LARGE, true, [400]) : shot(`valid 300 KB, ${i % 2 === 0 ? 'Content-Length' : 'chunked'}`, VALID_LARGE, i % 2 === 1, VALID)
  const run: Run = { sent: 0, unexpected: [] }
  const baseline = await memory(child, agent)
  const samples: Array<Memory | undefined> = []
  for (let from = 0; from < TOTAL && run.failure === undefined; from += BATCH) {
    await flood(child, agent, from, from + BATCH, run, pick)
    samples.push(await memory(child, agent))
  }
  const final = liveHeap(samples.slice(-4))
  const figures = `heapUsed with the readers connected ${mb(baseline?.heapUsedBytes)}, at the end ${mb(final)}, rss at the end ${mb(samples.at(-1)?.rssBytes)}; ${run.sent} of ${TOTAL} requests answered`

  t.equal(run.failure, undefined, `every request was answered while three readers were stalled (${figures})`)
  t.ok(alive(child), `the child is alive (${alive(child) ? figures : obituary(child)})`)
  t.ok(baseline !== undefined && final !== undefined, `GET /_mock/health answers with memory figures (${figures})`)
  if (baseline !== undefined && final !== undefined) {
    t.ok(final < baseline.heapUsedBytes + GROWTH_MB * MB, `the heap stays bounded with stalled readers: ${mb(final)} at the end < ${mb(baseline.heapUsedBytes)} + ${GROWTH_MB} MB`)
    t.ok(final < HEAP_CAP_MB * MB, `the heap at the end (${mb(final)}) stays below the ${HEAP_CAP_MB} MB cap`)
  }

  // Read again: a dropped reader gets what was already in flight, then the end of the connection.
  for (const reader of readers) reader.socket.resume()
  const deadline = Date.now() + 10_000
  while (!readers.every(r => r.isClosed()) && Date.now() < deadline) await sleep(50)
  // A child that died closes them too: only a close while the child lives is a drop.
  const living = alive(child)
  readers.forEach((reader, i) => {
    const what = !living ? `the child died (${obituary(child)})` : reader.isClosed() ? 'the server closed it' : 'still open 10 s after reading resumed'
    t.ok(living && reader.isClosed(), `stalled reader ${i + 1} was dropped by the running server (received ${mb(reader.bytes)}; ${what})`)
  })

  if (!alive(child)) { t.fail(`the child is gone, no fresh reader (${obituary(child)})`); return }
  const fresh = await openReader(child)
  t.teardown(() => { fresh.socket.destroy() })
  const marker = `fresh-reader-${Date.now()}`
  const patched = await send(child, agent, 'PATCH', SET_URL, { body: JSON.stringify({ displayName: marker }) })
  t.equal(patched.status, 200, 'the PATCH the fresh reader should see answers 200')
  const until = Date.now() + 5000
  while (!fresh.tail.includes(marker) && Date.now() < until && !fresh.isClosed()) await sleep(20)
  t.ok(fresh.tail.includes(marker), 'a fresh stream reader receives the event of a new request')
  t.notOk(fresh.isClosed(), 'the fresh reader stays connected')

  await stillWorks(t, child, agent, 'the stalled readers')
})
