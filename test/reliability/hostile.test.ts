/**
 * Hostile fuzzing (SPEC §5, §7, §10), beside the polite suite in fuzz.test.ts: JSON nested 10,000 levels deep in
 * every place JSON is read, bodies around the 1 MiB limit, OData options with 20,000 terms, fault-rule and
 * journal globs that backtrack, clock instants past Edm.DateTimeOffset's range, $batch URLs that try to climb
 * into the control plane, control-plane numbers past their bounds, and HTTP corners over a raw socket.
 *
 * Every case asserts: no 5xx, Graph's error envelope on every 4xx, and then GET /_mock/health answers within
 * 1 second. The server runs as a child process (the built command), one per property: a blocked event loop
 * there cannot stop this process's timers, and a hung or crashed child is replaced so shrinking goes on.
 * After each property a normal write and read must still work. FUZZ_SEED replays a run; FUZZ_SCALE
 * multiplies the number of cases and the time budget of each property.
 */
import t, { type Test } from 'tap'
import fc from 'fast-check'
import { problemWith } from '../envelope-check.js'
import { TIMESTAMP_7 } from '../helpers.js'
import { AUTH, JSON_AUTH, SETS, startChild, tempDatabase, type Child } from './child.js'
import {
  batchOfSpellings, BODY_LIMIT, clip, clockOp, deepJson, deepSpec, describeDeep, describeWide, EDM_MAX, EDM_MIN, expectValue, faultRule,
  FLOW, globPattern, globSpec, inner, isContinue, isObject, journalQuery, parseRaw, PLACES, queryString, querySpec, sendRaw,
  SET, spelling, TENANTS, throttleBody, VALID_FLOW_PATCH, wideJson, wideSpec
} from './hostile-arbitraries.js'

const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE))
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
/** How long GET /_mock/health may take after a case: longer means the event loop is blocked. */
const PROBE_MS = 1000
const REQUEST_MS = 5000
const BATCH_MS = 5000
const THIS_YEAR = new Date().getUTCFullYear()
/** Every property's time budget is also capped by what is left of the file's, so the file ends within tap's timeout. */
const FILE_BUDGET_MS = 95_000 * Math.max(1, SCALE)
const fileDeadline = Date.now() + FILE_BUDGET_MS
if (SCALE > 1) t.setTimeout(FILE_BUDGET_MS + 60_000)

type Json = Record<string, unknown>

// ---------------------------------------------------------------- a child server that is replaced when it hangs or dies

/** Every child started here; killed when this process exits, even when tap's timeout ends the file early. */
const children = new Set<Child>()
process.once('exit', () => { for (const child of children) child.process.kill('SIGKILL') })
async function spawnChild (db: string, env: Record<string, string>): Promise<Child> {
  const child = await startChild({ db, env })
  children.add(child)
  void child.exited.then(() => children.delete(child))
  return child
}

class Server {
  readonly #t: Test
  readonly #name: string
  readonly #env: Record<string, string>
  #child: Child
  #closed = false
  restarts = 0

  private constructor (t: Test, name: string, env: Record<string, string>, child: Child) {
    this.#t = t
    this.#name = name
    this.#env = env
    this.#child = child
  }

  static async start (t: Test, name: string, env: Record<string, string> = {}): Promise<Server> {
    const server = new Server(t, name, env, await spawnChild(tempDatabase(t, name), env))
    t.teardown(() => server.close())
    return server
  }

  get url (): string { return this.#child.url }
  get port (): number { return Number(new URL(this.#child.url).port) }
  alive (): boolean { return this.#child.process.exitCode === null && this.#child.process.signalCode === null }

  async stop (): Promise<void> {
    if (this.alive()) this.#child.process.kill('SIGKILL')
    await this.#child.exited
  }

  /** At the end of the property: no child is started after this. */
  async close (): Promise<void> {
    this.#closed = true
    await this.stop()
  }

  /** Undefined when /_mock/health answers 200 within PROBE_MS; otherwise what happened, after replacing the child. */
  async probe (): Promise<string | undefined> {
    let problem: string | undefined
    if (!this.alive()) {
      await new Promise(resolve => setTimeout(resolve, 50))
      problem = `the server process died: ${this.#obituary()}`
    } else {
      const started = Date.now()
      try {
        const res = await fetch(`${this.url}/_mock/health`, { signal: AbortSignal.timeout(PROBE_MS) })
        await res.arrayBuffer()
        if (res.status !== 200) problem = `GET /_mock/health answered ${res.status}`
      } catch {
        const waited = Date.now() - started
        await new Promise(resolve => setTimeout(resolve, 100)) // an exit is noticed a moment after the refused connection
        problem = this.alive()
          ? `GET /_mock/health did not answer within ${PROBE_MS} ms (waited ${waited} ms): the event loop is blocked`
          : `the server process died: ${this.#obituary()}`
      }
    }
    if (problem !== undefined) await this.#replace()
    return problem
  }

  #obituary (): string {
    const { exitCode, signalCode } = this.#child.process
    const last = this.#child.stderr().trim().split('\n').filter(line => line.trim() !== '').slice(-3).join(' | ')
    return `exit code ${String(exitCode)}, signal ${String(signalCode)}${last === '' ? '' : `; stderr: ${clip(last, 400)}`}`
  }

  async #replace (): Promise<void> {
    await this.stop()
    if (this.#closed) return
    this.restarts += 1
    this.#child = await spawnChild(tempDatabase(this.#t, `${this.#name}-${this.restarts}`), this.#env)
    if (this.#closed) await this.stop()
  }
}

// ---------------------------------------------------------------- requests and their checks

interface Ctx { t: Test, name: string, server: Server, cases: number, seen: Map<string, number> }
const summary: string[] = []

async function context (t: Test, name: string, env: Record<string, string> = {}): Promise<Ctx> {
  return { t, name, server: await Server.start(t, name, env), cases: 0, seen: new Map() }
}

interface Req {
  method: string
  path: string
  body?: string
  headers?: Record<string, string>
  timeoutMs?: number
  /** What the case is, for messages (else the body's start). */
  label?: string
  /** Send over a raw socket, exactly as written (no client normalisation). */
  raw?: boolean
  /** With `raw`: send the body chunked (no Content-Length, so nobody knows its size up front). */
  chunked?: boolean
  /** A whole raw request, sent as is. */
  rawText?: string
}

interface Answer { status: number, contentType: string | undefined, body: string, ms: number, header: (name: string) => string | undefined }

const describeReq = (req: Req): string =>
  `${req.method} ${clip(req.path, 140)}${req.label !== undefined ? ` [${req.label}]` : req.body !== undefined ? ` with body ${clip(req.body, 100)}` : ''}`

class NoAnswer extends Error {}

/** A body in chunked transfer coding, 64 KiB a chunk. */
function chunks (body: Buffer): Buffer {
  const parts: Buffer[] = []
  for (let at = 0; at < body.length; at += 65_536) {
    const piece = body.subarray(at, at + 65_536)
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from('0\r\n\r\n'))
  return Buffer.concat(parts)
}

async function send (server: Server, req: Req): Promise<Answer> {
  const timeoutMs = req.timeoutMs ?? REQUEST_MS
  const started = Date.now()
  if (req.raw === true || req.rawText !== undefined) {
    const length = req.body === undefined ? {} : req.chunked === true ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(Buffer.byteLength(req.body)) }
    const headers = { host: '127.0.0.1', ...(req.headers ?? {}), connection: 'close', ...length }
    const head = `${req.method} ${req.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`
    const text = req.rawText !== undefined
      ? Buffer.from(req.rawText)
      : Buffer.concat([Buffer.from(head), req.body === undefined ? Buffer.alloc(0) : req.chunked === true ? chunks(Buffer.from(req.body)) : Buffer.from(req.body)])
    const { received, timedOut } = await sendRaw(server.port, text, timeoutMs)
    if (received === '') throw new NoAnswer(timedOut ? `no answer within ${timeoutMs} ms` : 'the connection was closed without an answer')
    const answer = parseRaw(received)
    if (answer.status === 0) throw new NoAnswer(`not an HTTP answer: ${clip(JSON.stringify(received), 200)}`)
    return {
      status: answer.status,
      contentType: answer.contentType,
      body: answer.body,
      ms: Date.now() - started,
      header: name => new RegExp(`^${name}: *(.*)$`, 'im').exec(answer.head)?.[1]?.trim()
    }
  }
  try {
    const res = await fetch(`${server.url}${req.path}`, {
      method: req.method,
      headers: req.headers ?? AUTH,
      ...(req.body === undefined ? {} : { body: req.body }),
      signal: AbortSignal.timeout(timeoutMs)
    })
    const body = await res.text()
    return { status: res.status, contentType: res.headers.get('content-type') ?? undefined, body, ms: Date.now() - started, header: name => res.headers.get(name) ?? undefined }
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
    throw new NoAnswer(error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`)
  }
}

interface Options {
  /** Count the answer in the property's tally (setup and verification requests are not counted). */
  tally?: boolean
  /** Check /_mock/health within PROBE_MS afterwards. */
  probe?: boolean
  /** A further check of the answer: what is wrong, or undefined. */
  expect?: (answer: Answer) => string | undefined
}

/** Send `req`; throw (with the request in the message) on no answer, a 5xx, a 4xx without the envelope, a failed `expect` or a blocked event loop. */
async function exchange (ctx: Ctx, req: Req, options: Options = {}): Promise<Answer> {
  const count = (kind: string): void => { if (options.tally !== false) ctx.seen.set(kind, (ctx.seen.get(kind) ?? 0) + 1) }
  let answer: Answer
  try {
    answer = await send(ctx.server, req)
  } catch (error) {
    if (!(error instanceof NoAnswer)) throw error
    count('no answer')
    const probe = await ctx.server.probe()
    throw new Error(`${describeReq(req)}: ${error.message}; ${probe ?? 'GET /_mock/health still answers'}`)
  }
  count(`${String(answer.status).slice(0, 1)}xx`)
  const problem = (req.method === 'HEAD' ? (answer.status >= 500 ? `status ${answer.status}` : undefined) : problemWith(answer.status, answer.contentType, answer.body)) ??
    options.expect?.(answer)
  const probe = options.probe === false ? undefined : await ctx.server.probe()
  if (problem !== undefined || probe !== undefined) {
    throw new Error(`${describeReq(req)}: ${problem ?? `answered ${answer.status}`}${probe === undefined ? '' : `; then ${probe}`}`)
  }
  return answer
}

const quiet: Options = { tally: false, probe: false }
const status = (...expected: number[]) => (a: Answer): string | undefined => expected.includes(a.status) ? undefined : `answered ${a.status}, expected ${expected.join(' or ')}: ${clip(a.body, 200)}`

function json (answer: Answer): Json {
  const parsed: unknown = JSON.parse(answer.body)
  if (!isObject(parsed)) throw new Error(`not a JSON object: ${clip(answer.body, 200)}`)
  return parsed
}

/** For a $batch answer: what is wrong with any inner answer (2xx, or a 4xx with the envelope; only a 4xx when `only4xx`). */
/**
 * A 2xx that is an industryData answer (the root, say, with the rest of a spelling in its query string): a
 * spelling that lands on a Graph resource is fine, as long as it reaches nothing else (controlTouched checks).
 */
const isGraphAnswer = (status: number, body: string): boolean =>
  status >= 200 && status < 300 && /^\{"@odata\.context":"[^"]*\/(beta|v1\.0)\/\$metadata#external\/industryData/.test(body)

function innerProblems (answer: Answer, only4xx: boolean): string | undefined {
  if (answer.status !== 200) return undefined // the batch as a whole was refused: problemWith has judged that answer
  const responses = json(answer).responses
  if (!Array.isArray(responses)) return 'a batch answer without a responses array'
  for (const response of responses as unknown[]) {
    if (!isObject(response)) return 'a batch inner answer that is not an object'
    const headers = isObject(response.headers) ? response.headers : {}
    const contentType = headers['content-type'] ?? headers['Content-Type']
    const innerStatus = Number(response.status)
    const body = response.body === undefined ? '' : typeof response.body === 'string' ? response.body : JSON.stringify(response.body)
    const problem = problemWith(innerStatus, contentType, body) ?? (only4xx && !(innerStatus >= 400 && innerStatus < 500) && !isGraphAnswer(innerStatus, body) ? `status ${innerStatus}: ${clip(body, 200)}` : undefined)
    if (problem !== undefined) return `inner request ${String(response.id)}: ${problem}`
  }
  return undefined
}

// ---------------------------------------------------------------- properties, state, summaries

/** Run one fast-check property against the child; one assertion for it, with the shrunk counterexample when it fails. */
async function check<T> (ctx: Ctx, label: string, arb: fc.Arbitrary<T>, numRuns: number, budgetMs: number, run: (value: T) => Promise<void>): Promise<void> {
  // fast-check stops waiting for a run at the time limit; the run itself goes on (its requests have their own
  // timeouts) and must end before the next step, or it would replace the child under the next property.
  const budget = Math.min(Math.round(budgetMs * Math.max(1, SCALE)), fileDeadline - Date.now())
  if (budget < 250) {
    ctx.t.pass(`${label}: not run`, { skip: 'the file\'s time budget is spent' })
    return
  }
  let inflight: Promise<void> = Promise.resolve()
  const details = await fc.check(fc.asyncProperty(arb, async value => {
    ctx.cases += 1
    const current = run(value)
    inflight = current.catch(() => {})
    await current
  }), {
    numRuns: runs(numRuns),
    interruptAfterTimeLimit: budget,
    ...(seed === undefined ? {} : { seed })
  })
  await inflight
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
    ctx.t.fail(`${label}: ${clip(error, 1500)}\n  counterexample: ${clip(fc.stringify(details.counterexample), 400)}` +
      `\n  (after ${details.numRuns} cases, shrunk ${details.numShrinks} times; seed ${details.seed}, path "${clip(String(details.counterexamplePath), 80)}")`)
  } else {
    ctx.t.pass(`${label}: ${details.numRuns} cases${details.interrupted ? ' (stopped at its time budget)' : ''}`)
  }
}

/** One assertion for a single step outside a property: it passes, or fails with what went wrong (the test goes on). */
async function step (ctx: Ctx, label: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn()
    ctx.t.pass(label)
  } catch (error) {
    ctx.t.fail(`${label}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Setup between properties: a failure here shows in the next property, so it is not asserted on its own. */
async function attempt (fn: () => Promise<unknown>): Promise<void> {
  try { await fn() } catch { /* the next check meets whatever is wrong */ }
}

/** Control-plane state a case may have changed, back to normal. */
async function cleanControl (ctx: Ctx): Promise<void> {
  await exchange(ctx, { method: 'DELETE', path: '/_mock/faults' }, quiet)
  await exchange(ctx, { method: 'DELETE', path: '/_mock/throttle' }, quiet)
  await exchange(ctx, { method: 'POST', path: '/_mock/clock', body: '{"resume":true}', headers: JSON_AUTH }, quiet)
}

/** A normal write and read of the class flow (and a journal read) still work after the property. */
async function stillWorks (ctx: Ctx): Promise<void> {
  try {
    await cleanControl(ctx)
    await exchange(ctx, { method: 'PATCH', path: FLOW, body: VALID_FLOW_PATCH, headers: JSON_AUTH }, { tally: false, expect: status(200) })
    await exchange(ctx, { method: 'GET', path: FLOW }, {
      tally: false,
      expect: a => {
        const configuration = json(a).configuration
        const attributes = isObject(configuration) ? configuration.additionalAttributes : undefined
        return a.status === 200 && JSON.stringify(attributes) === '["courseCode"]' ? undefined : `read back ${a.status} ${clip(a.body, 200)}`
      }
    })
    await exchange(ctx, { method: 'GET', path: '/_mock/requests?limit=20' }, { tally: false, expect: status(200) })
    ctx.t.pass(`${ctx.name}: a normal PATCH of the class flow's configuration, its GET and a journal read still work afterwards`)
  } catch (error) {
    ctx.t.fail(`${ctx.name}: a normal write and read afterwards: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function finish (ctx: Ctx): void {
  const tally = [...ctx.seen].sort().map(([kind, n]) => `${n} × ${kind}`).join(', ')
  const line = `${ctx.name}: ${ctx.cases} cases: ${tally}${ctx.server.restarts > 0 ? `; the server was replaced ${ctx.server.restarts} times after hanging or dying` : ''}`
  summary.push(line)
  ctx.t.ok(true, line)
}

// ---------------------------------------------------------------- 1. depth

t.test('depth: JSON nested 1..10,000 levels in every place JSON is read', async t => {
  const ctx = await context(t, 'depth')
  for (const place of PLACES) {
    await check(ctx, `depth in the ${place.name}`, deepSpec, 8, 900, async spec => {
      const body = place.wrap(deepJson(spec))
      await exchange(ctx, { method: place.method, path: place.url, body, headers: JSON_AUTH, label: `${place.name}: ${describeDeep(spec)}, ${body.length} bytes` })
      // The journal answers recent bodies back as JSON: reading it must survive what was just sent.
      await exchange(ctx, { method: 'GET', path: '/_mock/requests?limit=1', label: `the journal entry of ${describeDeep(spec)} in the ${place.name}` }, { tally: false, expect: status(200) })
      if (place.control === true) await cleanControl(ctx)
    })
  }
  await stillWorks(ctx)
  finish(ctx)
})

// ---------------------------------------------------------------- 2. width and size

t.test('width and size: wide objects and arrays, long strings, bodies around 1 MiB (413 above it), under a 96 MB heap', async t => {
  // A small heap makes memory kept per request show up as a crash within a few dozen cases.
  const ctx = await context(t, 'width', { NODE_OPTIONS: '--max-old-space-size=96' })
  const placeNames = PLACES.map(p => p.name)
  await check(ctx, 'wide and large bodies in every place JSON is read, with Content-Length and chunked', fc.tuple(fc.constantFrom(...placeNames), wideSpec, fc.boolean()), 60, 12_000, async ([name, spec, chunked]) => {
    const place = PLACES.find(p => p.name === name) ?? PLACES[0]
    if (place === undefined) return
    let body = place.wrap(wideJson(spec))
    if (spec.pad !== null) body += ' '.repeat(Math.max(0, BODY_LIMIT + spec.pad - Buffer.byteLength(body)))
    const bytes = Buffer.byteLength(body)
    const over = bytes > BODY_LIMIT
    await exchange(ctx, {
      method: place.method,
      path: place.url,
      body,
      headers: JSON_AUTH,
      // A raw socket reads the answer even when the server stops reading a body it refuses (a client may fail writing it).
      raw: over || chunked,
      chunked,
      label: `${place.name}: ${describeWide(spec)}, ${bytes} bytes${chunked ? ', chunked' : ''}`
    }, { expect: over ? status(413) : undefined })
    if (place.control === true) await cleanControl(ctx)
  })
  // Bodies just under the limit whose parsed form is many times their size, one after another: whatever the
  // server keeps of each must stay bounded.
  const expanding = fc.record({
    kind: fc.constantFrom('array of empty objects' as const, 'array of empty arrays' as const, 'object with distinct keys' as const, 'array of numbers' as const),
    place: fc.constantFrom(...placeNames.filter(n => !n.startsWith('$batch') && !n.startsWith('seed'))),
    chunked: fc.boolean()
  })
  await check(ctx, 'just-under-1-MiB bodies that expand in memory, back to back', expanding, 40, 10_000, async ({ kind, place: name, chunked }) => {
    const place = PLACES.find(p => p.name === name) ?? PLACES[0]
    if (place === undefined) return
    const frame = Buffer.byteLength(place.wrap(''))
    const body = place.wrap(wideJson({ kind, bytes: BODY_LIMIT - frame - 64, pad: null }))
    await exchange(ctx, {
      method: place.method,
      path: place.url,
      body,
      headers: JSON_AUTH,
      raw: chunked,
      chunked,
      label: `${place.name}: ${kind}, ${Buffer.byteLength(body)} bytes${chunked ? ', chunked' : ''}`
    }, { expect: a => a.status === 413 ? `a ${Buffer.byteLength(body)}-byte body was refused as too large` : undefined })
    if (place.control === true) await cleanControl(ctx)
  })
  await stillWorks(ctx)
  finish(ctx)
})

// ---------------------------------------------------------------- 3. OData options

t.test('OData options: 20,000 terms, 5,000 items, 10,000-character names, directly and in $batch inner URLs', async t => {
  const ctx = await context(t, 'query')
  await check(ctx, '$filter / $select / $orderby / $expand / $top / $search with many and long terms', querySpec, 150, 14_000, async spec => {
    const url = `${spec.target}?${queryString(spec)}`
    const label = `${spec.shape}, n = ${spec.n}, on ${spec.target} (${spec.via}, a ${url.length}-character URL)`
    if (spec.via === 'direct') {
      await exchange(ctx, { method: 'GET', path: url, label })
    } else {
      const body = JSON.stringify({ requests: [{ id: '1', method: 'GET', url: inner(url) }] })
      await exchange(ctx, { method: 'POST', path: '/beta/$batch', body, headers: JSON_AUTH, label }, { expect: a => innerProblems(a, false) })
    }
  })
  await stillWorks(ctx)
  finish(ctx)
})

// ---------------------------------------------------------------- 4. backtracking globs

t.test('backtracking: fault-rule path globs and journal path filters against long runs of a', async t => {
  const ctx = await context(t, 'backtracking')
  await check(ctx, 'fault rule path globs, then requests with long paths', globSpec, 30, 14_000, async spec => {
    const pattern = globPattern(spec)
    const label = `pattern ${clip(pattern, 60)} (${spec.stars} stars), paths with ${spec.length} a's`
    await exchange(ctx, { method: 'DELETE', path: '/_mock/faults' }, quiet)
    const added = await exchange(ctx, { method: 'POST', path: '/_mock/faults', body: JSON.stringify({ path: pattern, status: 503 }), headers: JSON_AUTH, label })
    const run = 'a'.repeat(spec.length)
    for (const path of [`/beta/external/industryData/roleGroups/${run}`, `${SETS}/${run}`, `${SET}/provisioningFlows/${run}`]) {
      // The glob ends in something the path never ends in: a 503 from the rule would be a wrong match.
      await exchange(ctx, { method: 'GET', path, timeoutMs: 2000, label: `${label}, rule ${added.status === 201 ? 'added' : `refused (${added.status})`}` })
    }
  })
  await attempt(() => exchange(ctx, { method: 'DELETE', path: '/_mock/faults' }, quiet))
  await check(ctx, 'journal path filters', globSpec, 30, 12_000, async spec => {
    const pattern = globPattern(spec)
    // What the filter runs over: the journal holds requests with long runs of 'a' in their paths.
    await exchange(ctx, { method: 'GET', path: `/beta/external/industryData/roleGroups/${'a'.repeat(spec.length)}` }, quiet)
    await exchange(ctx, {
      method: 'GET',
      path: `/_mock/requests?path=${encodeURIComponent(pattern)}`,
      timeoutMs: 2000,
      label: `pattern ${clip(pattern, 60)} (${spec.stars} stars) over a journal of requests for roleGroups/aaa… (this case's: ${spec.length} a's)`
    }, { expect: a => a.status !== 200 || Array.isArray(json(a).value) ? undefined : 'a 200 without a value array' })
  })
  await stillWorks(ctx)
  finish(ctx)
})

// ---------------------------------------------------------------- 5. clock edges

interface ClockState { now: string, frozen: boolean, offsetMs: number }
async function clockState (ctx: Ctx): Promise<ClockState> {
  const answer = await exchange(ctx, { method: 'GET', path: '/_mock/clock' }, { ...quiet, expect: status(200) })
  const body = json(answer)
  return { now: String(body.now), frozen: body.frozen === true, offsetMs: Number(body.offsetMs) }
}
const inEdmRange = (iso: unknown): boolean => typeof iso === 'string' && /^\d{4}-/.test(iso) && Date.parse(iso) >= EDM_MIN && Date.parse(iso) <= EDM_MAX

/** From the fixtures and real time, apply each clock request: a refused one must be a 400 that changes nothing, an accepted one stays in range. */
async function applyClock (ctx: Ctx, ops: string[]): Promise<void> {
  // Each case starts afresh, so a shrunk counterexample owes nothing to earlier cases.
  await exchange(ctx, { method: 'POST', path: '/_mock/clock', body: '{"resume":true}', headers: JSON_AUTH }, { ...quiet, expect: status(200) })
  await exchange(ctx, { method: 'POST', path: '/_mock/reset' }, { ...quiet, expect: status(200) })
  for (const op of ops) {
    const before = await clockState(ctx)
    const answer = await exchange(ctx, { method: 'POST', path: '/_mock/clock', body: op, headers: JSON_AUTH }, {
      expect: a => a.status >= 400
        ? (a.status === 400 ? undefined : `refused with ${a.status}, not 400`)
        : inEdmRange(json(a).now) ? undefined : `accepted, and the clock now says ${String(json(a).now)}, outside 0001-01-01..9999-12-31`
    })
    if (answer.status >= 400) {
      const after = await clockState(ctx)
      if (after.frozen !== before.frozen || after.offsetMs !== before.offsetMs || (before.frozen && after.now !== before.now)) {
        throw new Error(`POST /_mock/clock ${clip(op, 120)}: answered ${answer.status}, but the clock changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`)
      }
    }
  }
}

/** PATCH the class flow; its lastModifiedDateTime, which must be an Edm.DateTimeOffset. */
async function writeFlow (ctx: Ctx, label: string): Promise<string> {
  let written = ''
  await exchange(ctx, { method: 'PATCH', path: FLOW, body: VALID_FLOW_PATCH, headers: JSON_AUTH, label }, {
    tally: false,
    expect: a => {
      if (a.status !== 200) return `answered ${a.status}: ${clip(a.body, 200)}`
      written = String(json(a).lastModifiedDateTime)
      return TIMESTAMP_7.test(written) ? undefined : `wrote lastModifiedDateTime ${written}, not an Edm.DateTimeOffset`
    }
  })
  return written
}

const clockOps = fc.array(clockOp, { minLength: 1, maxLength: 3 })
const after = (ops: string[]): string => `after ${ops.map(op => clip(op, 80)).join(', ')}`

t.test('clock: instants at and past the edges, huge shifts; writes still work and resume brings this year back', async t => {
  const ctx = await context(t, 'clock')
  await check(ctx, 'clock requests (refused: a 400 that changes nothing), then a write, a read, the journal and a token', clockOps, 40, 8000, async ops => {
    await applyClock(ctx, ops)
    const written = await writeFlow(ctx, `a normal write ${after(ops)}`)
    await exchange(ctx, { method: 'GET', path: FLOW, label: `a read ${after(ops)}` }, {
      tally: false,
      expect: a => a.status === 200 && json(a).lastModifiedDateTime === written ? undefined : `read ${a.status} ${clip(a.body, 200)}`
    })
    await exchange(ctx, { method: 'GET', path: '/_mock/requests?limit=3', label: `the journal ${after(ops)}` }, { tally: false, expect: status(200) })
    await exchange(ctx, { method: 'POST', path: '/_mock/token', body: '{}', headers: JSON_AUTH, label: `a token ${after(ops)}` }, { tally: false })
  })
  await check(ctx, 'after {"resume":true}, written timestamps are this year\'s again', clockOps, 40, 8000, async ops => {
    await applyClock(ctx, ops)
    await writeFlow(ctx, `a normal write ${after(ops)}`)
    await exchange(ctx, { method: 'POST', path: '/_mock/clock', body: '{"resume":true}', headers: JSON_AUTH, label: `resume ${after(ops)}` }, { tally: false, expect: status(200) })
    const thisYears = (a: Answer): string | undefined => {
      const stamp = String(json(a).lastModifiedDateTime)
      return a.status === 200 && [THIS_YEAR, new Date().getUTCFullYear()].includes(Number(stamp.slice(0, 4))) && TIMESTAMP_7.test(stamp)
        ? undefined
        : `answered ${a.status} with lastModifiedDateTime ${stamp}, not this year's (${THIS_YEAR})`
    }
    // The flow set was not written while the clock was moved; the class flow was.
    await exchange(ctx, { method: 'PATCH', path: SET, body: '{"displayName":"after resume"}', headers: JSON_AUTH, label: `a write of another entity after resuming, ${after(ops)}` }, { tally: false, expect: thisYears })
    // The class flow itself may now carry a future stamp: by docs/limits.md it moves one tick past its own stamp.
    const stamped = (a: Answer): string | undefined => a.status === 200 && TIMESTAMP_7.test(String(json(a).lastModifiedDateTime)) ? undefined : `answered ${a.status} ${clip(a.body, 200)}`
    await exchange(ctx, { method: 'PATCH', path: FLOW, body: VALID_FLOW_PATCH, headers: JSON_AUTH, label: `a write of the same flow after resuming, ${after(ops)}` }, { tally: false, expect: stamped })
  })
  await stillWorks(ctx)
  finish(ctx)
})

// ---------------------------------------------------------------- 6. $batch URL spellings

let markers = 0
/** Mark the flow set, and return the journal seq of that PATCH. */
async function mark (ctx: Ctx): Promise<{ marker: string, seq: number }> {
  markers += 1
  const marker = `marker-${markers}`
  await exchange(ctx, { method: 'PATCH', path: SET, body: JSON.stringify({ displayName: marker }), headers: JSON_AUTH }, { ...quiet, expect: status(200) })
  const journal = await exchange(ctx, { method: 'GET', path: '/_mock/requests?method=PATCH&limit=1' }, { ...quiet, expect: status(200) })
  const last = (json(journal).value as Json[] | undefined)?.[0]
  return { marker, seq: Number(last?.seq) }
}

/** What shows a control-plane action happened since `mark`: the marker gone, the journal cleared, a fault rule, a throttle, a moved clock. */
async function controlTouched (ctx: Ctx, { marker, seq }: { marker: string, seq: number }): Promise<string | undefined> {
  const set = json(await exchange(ctx, { method: 'GET', path: SET }, quiet))
  if (set.displayName !== marker) return `the flow set's displayName is ${JSON.stringify(set.displayName)}, not the ${marker} written before (state was reset or reseeded)`
  const journal = json(await exchange(ctx, { method: 'GET', path: `/_mock/requests?method=PATCH&since=${seq - 1}` }, quiet))
  if (!Array.isArray(journal.value) || !(journal.value as Json[]).some(e => e.seq === seq)) return `the journal no longer holds entry ${seq} (the marker PATCH): it was cleared`
  const faults = json(await exchange(ctx, { method: 'GET', path: '/_mock/faults' }, quiet))
  if (!Array.isArray(faults.value) || faults.value.length > 0) return `a fault rule appeared: ${clip(JSON.stringify(faults.value), 200)}`
  const throttle = json(await exchange(ctx, { method: 'GET', path: '/_mock/throttle' }, quiet))
  if (throttle.enabled !== false) return `throttling was turned on: ${clip(JSON.stringify(throttle.config), 200)}`
  const clock = await clockState(ctx)
  if (clock.frozen || clock.offsetMs !== 0) return `the clock moved: ${JSON.stringify(clock)}`
  return undefined
}

t.test('$batch URL spellings: no inner request reaches the control plane or another $batch', async t => {
  const ctx = await context(t, 'batch-urls')
  await check(ctx, '$batch inner URLs that climb, encode or repeat their way to /_mock or $batch', batchOfSpellings, 50, 12_000, async items => {
    const before = await mark(ctx)
    const requests = items.map((item, i) => ({
      id: String(i + 1),
      method: item.method,
      url: item.url,
      ...(item.body === undefined || item.method === 'GET' || item.method === 'DELETE' ? {} : { body: item.body })
    }))
    const label = `${items.length} inner requests: ${clip(items.map(i => `${i.method} ${clip(i.url, 50)}`).join(', '), 300)}`
    await exchange(ctx, { method: 'POST', path: '/beta/$batch', body: JSON.stringify({ requests }), headers: JSON_AUTH, timeoutMs: BATCH_MS + 1000, label }, {
      expect: a => a.ms > BATCH_MS ? `the batch took ${a.ms} ms` : innerProblems(a, true)
    })
    const touched = await controlTouched(ctx, before)
    if (touched !== undefined) throw new Error(`POST /beta/$batch [${label}]: ${touched}`)
  })
  await check(ctx, 'the same spellings sent raw under /beta and /v1.0', fc.tuple(fc.constantFrom('GET', 'POST', 'DELETE'), fc.constantFrom('/beta', '/v1.0'), spelling), 50, 8000, async ([method, version, url]) => {
    const before = await mark(ctx)
    const path = `${version}${url}`
    await exchange(ctx, { method, path, raw: true, headers: { ...JSON_AUTH }, body: '{}' }, { expect: a => (a.status >= 400 && a.status < 500) || isGraphAnswer(a.status, a.body) ? undefined : `answered ${a.status}: ${clip(a.body, 200)}` })
    const touched = await controlTouched(ctx, before)
    if (touched !== undefined) throw new Error(`${method} ${clip(path, 140)} (raw): ${touched}`)
  })
  // The graph-client shim serves `/beta/http://<this server>/…` as the URL inside; the raw requests say Host 127.0.0.1.
  const embedded = fc.tuple(fc.constantFrom('GET', 'POST', 'DELETE'), fc.constantFrom('/beta', '/v1.0'), fc.constantFrom('', '/beta', '/v1.0'), fc.boolean(), spelling)
  await check(ctx, 'the same spellings inside graph-client\'s /beta/http://<this server>/… shape', embedded, 50, 8000, async ([method, version, inner, encoded, url]) => {
    const before = await mark(ctx)
    const link = `http://127.0.0.1${inner}${url}`
    const path = `${version}/${encoded ? encodeURIComponent(link) : link}`
    await exchange(ctx, { method, path, raw: true, headers: { ...JSON_AUTH }, body: '{}' }, { expect: a => (a.status >= 400 && a.status < 500) || isGraphAnswer(a.status, a.body) ? undefined : `answered ${a.status}: ${clip(a.body, 200)}` })
    const touched = await controlTouched(ctx, before)
    if (touched !== undefined) throw new Error(`${method} ${clip(path, 140)} (raw): ${touched}`)
  })
  await stillWorks(ctx)
  finish(ctx)
})

// ---------------------------------------------------------------- 7. control-plane numbers and strings

const retryAfterProblem = (a: Answer): string | undefined => {
  const retryAfter = a.header('retry-after')
  if (a.status === 429 && retryAfter === undefined) return 'a 429 without Retry-After'
  return retryAfter === undefined || /^\d+$/.test(retryAfter) ? undefined : `Retry-After ${JSON.stringify(retryAfter)} is not a whole number of seconds`
}

t.test('control plane: limits, tenants, fault rules and throttles at and past their bounds', async t => {
  const ctx = await context(t, 'control')
  // Something for the journal queries to find (the journal records Graph requests, not /_mock ones).
  await attempt(async () => { for (let i = 0; i < 3; i++) await exchange(ctx, { method: 'GET', path: FLOW }, { ...quiet, expect: status(200) }) })
  await check(ctx, 'GET /_mock/requests with odd limit, since, status, path, method and tenant', journalQuery, 60, 6000, async query => {
    const qs = Object.entries(query).map(([k, v]) => `${k}=${k === 'tenant' || k === 'path' ? v : encodeURIComponent(v)}`).join('&')
    await exchange(ctx, { method: 'GET', path: `/_mock/requests?${qs}` }, {
      expect: a => {
        if (a.status !== 200) return undefined
        const body = json(a)
        if (!Array.isArray(body.value)) return 'a 200 without a value array'
        if (query.limit !== undefined && /^0+$/.test(query.limit) && body.value.length > 0) return `limit=${query.limit} answered ${body.value.length} entries`
        return body.count === body.value.length ? undefined : `count ${String(body.count)} but ${body.value.length} entries`
      }
    })
  })
  await step(ctx, 'GET /_mock/requests?limit=0 answers an empty value array', () => exchange(ctx, { method: 'GET', path: '/_mock/requests?limit=0', label: 'limit=0' }, {
    expect: a => a.status === 200 && Array.isArray(json(a).value) && (json(a).value as unknown[]).length === 0 ? undefined : `answered ${a.status} ${clip(a.body, 200)}, not an empty value array`
  }))

  const tenantRoutes = ['GET /_mock/state', 'GET /_mock/requests', 'POST /_mock/reset', 'POST /_mock/seed', 'POST /_mock/token']
  await check(ctx, 'tenant names that are not tenant names', fc.tuple(fc.constantFrom(...tenantRoutes), fc.oneof(fc.constantFrom(...TENANTS), fc.string({ unit: 'grapheme', maxLength: 20 }).map(s => encodeURIComponent(s)))), 60, 6000, async ([route, tenant]) => {
    const [method = 'GET', path = ''] = route.split(' ')
    if (path === '/_mock/token') {
      const minted = await exchange(ctx, { method, path, body: JSON.stringify({ tenant: decodeOr(tenant) }), headers: JSON_AUTH })
      if (minted.status === 200) {
        const token = String(json(minted).access_token)
        await exchange(ctx, { method: 'GET', path: FLOW, headers: { authorization: `Bearer ${token}` }, label: `with a token for tenant ${clip(tenant, 60)}` })
      }
      return
    }
    await exchange(ctx, { method, path: `${path}?tenant=${tenant}`, ...(method === 'POST' ? { body: '{}', headers: JSON_AUTH } : {}) })
  })

  await check(ctx, 'fault rules with fields at and past their bounds', faultRule, 60, 8000, async rule => {
    await exchange(ctx, { method: 'DELETE', path: '/_mock/faults' }, quiet)
    const added = await exchange(ctx, { method: 'POST', path: '/_mock/faults', body: JSON.stringify(rule), headers: JSON_AUTH, label: clip(JSON.stringify(rule), 200) })
    if (added.status !== 201) return
    await exchange(ctx, { method: 'GET', path: '/_mock/faults', label: 'the rule list' }, { tally: false, expect: status(200) })
    const delay = typeof rule.delayMs === 'number' ? rule.delayMs : 0
    if (delay > 500) return // a long delay is the rule working, not a hang
    await exchange(ctx, { method: 'GET', path: FLOW, label: `under the rule ${clip(JSON.stringify(rule), 200)}` }, { expect: retryAfterProblem })
  })
  await attempt(() => exchange(ctx, { method: 'DELETE', path: '/_mock/faults' }, quiet))

  await check(ctx, 'throttles with rates and bursts at and past their bounds', throttleBody, 50, 6000, async body => {
    await exchange(ctx, { method: 'DELETE', path: '/_mock/throttle' }, quiet)
    const set = await exchange(ctx, { method: 'POST', path: '/_mock/throttle', body, headers: JSON_AUTH })
    if (set.status !== 200) return
    for (let i = 0; i < 3; i++) await exchange(ctx, { method: 'GET', path: FLOW, label: `request ${i + 1} under the throttle ${body}` }, { expect: retryAfterProblem })
    await exchange(ctx, { method: 'GET', path: '/_mock/throttle', label: `the throttle report under ${body}` }, { tally: false, expect: status(200) })
  })
  await stillWorks(ctx)
  finish(ctx)
})

/** A percent-encoded tenant as the text a JSON body would carry (the undecodable ones as written). */
function decodeOr (text: string): string {
  try { return decodeURIComponent(text) } catch { return text }
}

// ---------------------------------------------------------------- 8. HTTP corners

t.test('HTTP corners over a raw socket: Expect, CONNECT and Upgrade answer in Graph\'s envelope', async t => {
  const ctx = await context(t, 'http')
  const head = (method: string, target: string, version: string, extra: string): string =>
    `${method} ${target} HTTP/${version}\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n${extra}Connection: close\r\n`
  await check(ctx, 'Expect header values: 417 in the envelope unless 100-continue', fc.tuple(expectValue, fc.constantFrom('1.1', '1.0'), fc.constantFrom('GET', 'PATCH')), 40, 6000, async ([value, version, method]) => {
    const body = method === 'PATCH' ? VALID_FLOW_PATCH : ''
    const rawText = `${head(method, FLOW, version, `Expect: ${value}\r\n${body === '' ? '' : `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`}`)}\r\n${body}`
    const refused = version === '1.1' && !isContinue(value.trim())
    await exchange(ctx, { method, path: FLOW, rawText, label: `HTTP/${version} Expect: ${clip(value, 60)}` }, { expect: refused ? status(417) : status(200) })
  })
  const connectTargets = ['127.0.0.1:80', 'graph.microsoft.com:443', '[::1]:80', FLOW, '*', 'x']
  await check(ctx, 'CONNECT: a Graph 4xx, not a silently closed connection', fc.tuple(fc.constantFrom(...connectTargets), fc.constantFrom('1.1', '1.0'), fc.boolean()), 20, 4000, async ([target, version, withBody]) => {
    const rawText = `${head('CONNECT', target, version, withBody ? 'Content-Type: application/json\r\nContent-Length: 2\r\n' : '')}\r\n${withBody ? '{}' : ''}`
    await exchange(ctx, { method: 'CONNECT', path: target, rawText, label: `CONNECT ${target} HTTP/${version}${withBody ? ' with a body' : ''}` }, {
      expect: a => a.status >= 400 && a.status < 500 ? undefined : `answered ${a.status}`
    })
  })
  await check(ctx, 'Upgrade requests: answered like any request', fc.tuple(fc.constantFrom('websocket', 'h2c', 'x', ''), fc.constantFrom('GET', 'PATCH')), 10, 3000, async ([protocol, method]) => {
    const body = method === 'PATCH' ? VALID_FLOW_PATCH : ''
    const rawText = `${head(method, FLOW, '1.1', `Upgrade: ${protocol}\r\n${body === '' ? '' : `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`}`).replace('Connection: close', 'Connection: Upgrade')}\r\n${body}`
    await exchange(ctx, { method, path: FLOW, rawText, label: `${method} with Upgrade: ${protocol}` })
  })
  await stillWorks(ctx)
  finish(ctx)
})

t.test('closing note: cases per property', async t => {
  for (const line of summary) t.comment(line)
  t.ok(summary.length > 0, `${summary.length} properties reported their cases`)
})
