/**
 * Fuzzing (SPEC §5, §10): property-based bodies, query strings, headers and paths through app.inject, and raw
 * malformed HTTP over a real socket. Every answer must be a 2xx, or a 4xx carrying Graph's error envelope;
 * never a 5xx, a crash or a hang. FUZZ_SEED replays a run (fast-check prints the seed of a failure);
 * FUZZ_SCALE multiplies the number of cases (default 1: about 10,000).
 */
import t from 'tap'
import fc from 'fast-check'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { problemWith } from '../envelope-check.js'
import { parseRaw, sendRaw } from '../raw-http.js'
import { ADMIN_UNIT_FLOW_ID, build, CLASS_FLOW_ID, flowUrl, SECURITY_FLOW_ID, SET_ID, SETS, USER_FLOW_ID } from '../helpers.js'

const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE))
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: runs(numRuns), ...(seed === undefined ? {} : { seed }) })
const AUTH = { authorization: 'Bearer fuzz-token' }
const INJECT_TIMEOUT_MS = 10_000

async function inject (app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => { reject(new Error(`no answer within ${INJECT_TIMEOUT_MS} ms (a hang): ${JSON.stringify(options).slice(0, 500)}`)) }, INJECT_TIMEOUT_MS)
  })
  try {
    return await Promise.race([app.inject(options), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Answers seen per status class, so each property can show it reached past input validation. */
const seen = new Map<string, number>()
const tally = (): string => [...seen].sort().map(([k, n]) => `${n} × ${k}`).join(', ')

/** Inject and fail the property (with the request in the message) on a 5xx, a hang or a bad envelope. */
async function check (app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await inject(app, options)
  const kind = `${String(res.statusCode).slice(0, 1)}xx`
  seen.set(kind, (seen.get(kind) ?? 0) + 1)
  // HEAD answers carry no body: the status is all there is to check.
  const problem = options.method === 'HEAD' ? (res.statusCode >= 500 ? `status ${res.statusCode}` : undefined) : problemWith(res.statusCode, res.headers['content-type'], res.body)
  if (problem !== undefined) throw new Error(`${problem}\n  request: ${JSON.stringify(options).slice(0, 800)}`)
  return res
}

// ---------------------------------------------------------------- arbitraries

const GRAPH_NAMES = [
  'id', '@odata.type', '@odata.context', 'displayName', 'filter', 'attribute', 'in', 'readinessStatus', 'createdDateTime', 'lastModifiedDateTime',
  'configuration', 'additionalAttributes', 'additionalOptions', 'createTeam', 'writeDisplayNameOnCreateOnly', 'enrollmentMappings',
  'memberEnrollmentMappings', 'ownerEnrollmentMappings', 'code', 'creationOptions', 'createBasedOnRoleGroup', 'createBasedOnOrgPlusRoleGroup',
  'createBasedOnOrg', 'createUnmatchedUsers', 'managementOptions', 'allowStudentContactAssociation', 'markAllStudentsAsMinors',
  'studentAgeGroup', 'configurations', 'defaultPasswordSettings', 'password', 'licenseSkus', 'roleGroup', 'roleGroup@odata.bind',
  'provisioningFlows', 'roles', 'CONFIGURATION', 'createbasedonorgplusrolegroup', '__proto__', 'constructor', 'prototype', 'toString'
]
const GRAPH_VALUES = [
  'notReady', 'ready', 'failed', 'disabled', 'expired', 'unknownFutureValue', 'courseTitle', 'classCode', 'userGradeLevel', 'orgExternalId',
  'minor', 'adult', 'student', 'teacher', 'students', 'staff', '2026-11-28T21:28:02.7164229Z', '2026-13-45T99:99:99Z', '',
  '#microsoft.graph.industryData.classGroupProvisioningFlow', '#microsoft.graph.industryData.userProvisioningFlow',
  '#microsoft.graph.industryData.securityGroupProvisioningFlow', '#microsoft.graph.industryData.administrativeUnitProvisioningFlow',
  '#microsoft.graph.industryData.basicFilter', 'microsoft.graph.industryData.provisioningFlow', '#microsoft.graph.industryData.simplePasswordSettings',
  'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff', 'https://graph.microsoft.com/beta/external/industryData/roleGroups/nope',
  SET_ID, CLASS_FLOW_ID, USER_FLOW_ID
]
const graphValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...GRAPH_VALUES), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), fc.constant(null), fc.double(), fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...GRAPH_NAMES), tie('value'), { maxKeys: 6 })
  )
})).value
/** JSON bodies: mostly Graph-shaped objects, sometimes any JSON at all. */
const graphBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...GRAPH_NAMES), graphValue, { maxKeys: 8 }) },
  { weight: 1, arbitrary: fc.jsonValue() }
)

const WRITE_TARGETS: Array<{ method: 'PATCH' | 'POST' | 'PUT' | 'DELETE', url: string }> = [
  { method: 'PATCH', url: flowUrl(CLASS_FLOW_ID) },
  { method: 'PATCH', url: flowUrl(USER_FLOW_ID) },
  { method: 'PATCH', url: flowUrl(SECURITY_FLOW_ID) },
  { method: 'PATCH', url: flowUrl(ADMIN_UNIT_FLOW_ID) },
  { method: 'PATCH', url: `${SETS}/${SET_ID}` },
  { method: 'PATCH', url: '/beta/classGroupProvisioningFlow' },
  { method: 'PATCH', url: '/classGroupProvisioningFlow' },
  { method: 'POST', url: SETS },
  { method: 'POST', url: `${SETS}/${SET_ID}/provisioningFlows` },
  { method: 'POST', url: `${flowUrl(CLASS_FLOW_ID)}/reset` },
  { method: 'POST', url: '/v1.0/$batch' },
  { method: 'POST', url: '/_mock/seed' },
  { method: 'POST', url: '/_mock/token' },
  { method: 'PUT', url: `${SETS}/${SET_ID}` }
]

const batchRequest = fc.record({
  id: fc.oneof(fc.constantFrom('1', '2', '3'), fc.string({ maxLength: 4 }), fc.integer()),
  method: fc.constantFrom('GET', 'PATCH', 'POST', 'DELETE', 'get', 'TRACE', ''),
  url: fc.oneof(fc.constantFrom(`/external/industryData/outboundProvisioningFlowSets/${SET_ID}`, flowUrl(CLASS_FLOW_ID).replace('/beta', ''), '/external/industryData/roleGroups', '/me', 'https://evil.example/x', '../../_mock/reset'), fc.webPath()),
  headers: fc.option(fc.dictionary(fc.constantFrom('content-type', 'Content-Type', 'authorization', 'prefer', 'x-a'), fc.oneof(fc.string(), fc.constant('application/json'), fc.integer())), { nil: undefined }),
  body: fc.option(graphBody, { nil: undefined }),
  dependsOn: fc.option(fc.array(fc.oneof(fc.constantFrom('1', '2', '3'), fc.string({ maxLength: 3 })), { maxLength: 3 }), { nil: undefined })
}, { requiredKeys: [] })
/** A well-formed batch of up to 20 requests (unique ids, known routes, dependsOn on earlier ids) with fuzzed bodies. */
const BATCH_URLS = [
  `/external/industryData/outboundProvisioningFlowSets/${SET_ID}`, '/external/industryData/outboundProvisioningFlowSets',
  `/external/industryData/outboundProvisioningFlowSets/${SET_ID}/provisioningFlows`, flowUrl(CLASS_FLOW_ID).replace('/beta', ''),
  flowUrl(USER_FLOW_ID).replace('/beta', ''), `${flowUrl(CLASS_FLOW_ID).replace('/beta', '')}/reset`, '/external/industryData/roleGroups',
  '/external/industryData/outboundProvisioningFlowSets?$top=1&$count=true', '/classGroupProvisioningFlow'
]
const wellFormedBatch = fc.array(fc.record({
  method: fc.constantFrom('GET', 'PATCH', 'POST', 'DELETE'),
  url: fc.constantFrom(...BATCH_URLS),
  body: fc.option(graphBody, { nil: undefined }),
  dependsOnPrevious: fc.boolean()
}), { minLength: 1, maxLength: 20 }).map(items => ({
  requests: items.map((item, i) => ({
    id: String(i + 1),
    method: item.method,
    url: item.url,
    ...(item.body === undefined || item.method === 'GET' || item.method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, body: item.body }),
    ...(item.dependsOnPrevious && i > 0 ? { dependsOn: [String(i)] } : {})
  }))
}))
const batchBody = fc.oneof(
  { weight: 3, arbitrary: wellFormedBatch },
  { weight: 2, arbitrary: fc.record({ requests: fc.array(batchRequest, { maxLength: 22 }) }) },
  { weight: 1, arbitrary: graphBody }
)

const ODATA_OPTIONS = ['$top', '$skiptoken', '$filter', '$orderby', '$select', '$expand', '$count', '$search', '$skip', '$format', 'top', 'filter', 'select', 'count', 'orderby', '$TOP', '$Filter']
const FILTER_PIECES = [
  'readinessStatus', 'displayName', 'id', 'createdDateTime', 'lastModifiedDateTime', ' eq ', ' ne ', ' gt ', ' ge ', ' lt ', ' le ', ' and ', ' or ', 'not ',
  '(', ')', "'ready'", "'x''y'", "'", '2026-01-01T00:00:00Z', 'null', 'true', '1', "isof('microsoft.graph.industryData.classGroupProvisioningFlow')",
  'isof(', 'startswith(displayName,', ' asc', ' desc', ',', ' ', 'provisioningFlows', '*', '$', '%', '%27', '%E0%A4', '\u0000', '🦄'
]
const optionValue = fc.oneof(
  fc.array(fc.constantFrom(...FILTER_PIECES), { maxLength: 12 }).map(parts => parts.join('')),
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.base64String({ maxLength: 60 })
)
/** A query string, sometimes percent-encoded properly, sometimes not at all. */
const queryString = fc.tuple(
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...ODATA_OPTIONS), fc.string({ maxLength: 8 })), optionValue), { maxLength: 5 }),
  fc.boolean()
).map(([pairs, encode]) => pairs.map(([k, v]) => encode ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`.replace(/[#\s]/g, '')).join('&'))

const READ_TARGETS = [
  SETS, `${SETS}/$count`, `${SETS}/${SET_ID}`, `${SETS}/${SET_ID}/provisioningFlows`, `${SETS}/${SET_ID}/provisioningFlows/$count`,
  flowUrl(CLASS_FLOW_ID), flowUrl(USER_FLOW_ID), '/beta/external/industryData/roleGroups', '/beta/external/industryData/roleGroups/staff',
  '/beta/classGroupProvisioningFlow', '/v1.0/classGroupProvisioningFlow', '/beta/external/industryData', '/beta/external/industryData/roleGroups/$count',
  '/beta/$metadata', '/_mock/requests', '/_mock/state'
]

const HEADER_NAMES = ['authorization', 'prefer', 'client-request-id', 'content-type', 'accept', 'if-match', 'odata-version', 'odata-maxversion', 'x-mock-admin-token', 'host', 'x-forwarded-for', 'x-forwarded-host', 'accept-encoding', 'content-encoding', 'consistencylevel']
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const jwtLike = fc.tuple(fc.jsonValue({ maxDepth: 1 }), fc.dictionary(fc.constantFrom('exp', 'nbf', 'tid', 'scp', 'roles', 'aud', 'iss', 'iat'), fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.integer(), fc.constantFrom('IndustryData-OutboundFlow.Read.All', 'x'))), fc.string())
  .map(([header, claims, signature]) => `${b64(header)}.${b64(claims)}.${Buffer.from(signature).toString('base64url')}`)
const headerValue = fc.oneof(
  fc.constantFrom('Bearer fuzz', 'Bearer ', 'bearer  x  ', 'Basic dXNlcjpwYXNz', 'return=minimal', 'return=representation', 'include-unknown-enum-members',
    'odata.maxpagesize=5, return=minimal', 'application/json', 'application/json;odata.metadata=full', 'text/plain', '*/*', 'gzip', '4.0', ''),
  jwtLike.map(token => `Bearer ${token}`),
  fc.string({ maxLength: 60 }).map(s => s.replace(/[^\x20-\x7e]/g, '')) // header values must be printable ASCII on the wire
)
const headers = fc.dictionary(fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/)), headerValue, { maxKeys: 6 })

const SEGMENTS = ['beta', 'v1.0', 'V1.0', 'BETA', 'external', 'industryData', 'outboundProvisioningFlowSets', 'OutboundProvisioningFlowSets', 'provisioningFlows', 'roleGroups',
  '$count', '$batch', '$metadata', 'reset', 'microsoft.graph.industryData.reset', 'classGroupProvisioningFlow', '_mock', 'faults', 'clock', 'state', 'requests',
  SET_ID, CLASS_FLOW_ID, `outboundProvisioningFlowSets('${SET_ID}')`, `provisioningFlows(%27${CLASS_FLOW_ID}%27)`, "('')", "(')", '..', '.', '', '%', '%2F', '%E0%A4%A', '%00', '%ZZ', '🦄', '%F0%9F%A6%84']
const randomPath = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SEGMENTS) }, { weight: 1, arbitrary: fc.webSegment() }), { minLength: 1, maxLength: 8 })
  .map(parts => `/${parts.join('/')}`)
/** A real route with one segment replaced, dropped or doubled. */
const mutatedPath = fc.tuple(fc.constantFrom(...READ_TARGETS, ...WRITE_TARGETS.map(w => w.url)), fc.nat(), fc.constantFrom('replace', 'drop', 'double', 'keep'), fc.oneof(fc.constantFrom(...SEGMENTS), fc.webSegment()))
  .map(([url, at, how, segment]) => {
    const parts = url.split('/')
    const i = 1 + (at % Math.max(1, parts.length - 1))
    if (how === 'replace') parts[i] = segment
    else if (how === 'drop') parts.splice(i, 1)
    else if (how === 'double') parts.splice(i, 0, parts[i] ?? segment)
    return parts.join('/') || '/'
  })
const path = fc.oneof(randomPath, mutatedPath)
  // The journal stream (/_mock/requests/stream) is an endless server-sent event stream by design, not a hang.
  .filter(p => !/requests\/stream/i.test(p))
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS'] as const

// ---------------------------------------------------------------- properties

t.test('fuzzed JSON bodies on every write route: 2xx or a Graph 4xx', async t => {
  const app = await build(t)
  seen.clear()
  await fc.assert(fc.asyncProperty(fc.constantFrom(...WRITE_TARGETS), graphBody, fc.boolean(), async (target, body, minimal) => {
    await check(app, { method: target.method, url: target.url, headers: { ...AUTH, 'content-type': 'application/json', ...(minimal ? { prefer: 'return=minimal' } : {}) }, payload: JSON.stringify(body) })
  }), params(3000))
  t.ok((seen.get('2xx') ?? 0) > 0, `${runs(3000)} bodies: ${tally()}`)
})

t.test('fuzzed $batch documents: 2xx or a Graph 4xx, and every inner answer too', async t => {
  const app = await build(t)
  seen.clear()
  await fc.assert(fc.asyncProperty(batchBody, async body => {
    const res = await check(app, { method: 'POST', url: '/beta/$batch', headers: { ...AUTH, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
    if (res.statusCode !== 200) return
    for (const inner of (res.json() as { responses: Array<{ status: number, headers?: Record<string, string>, body?: unknown }> }).responses) {
      if (inner.status >= 500) throw new Error(`inner status ${inner.status}: ${JSON.stringify(inner).slice(0, 300)}\n  batch: ${JSON.stringify(body).slice(0, 800)}`)
    }
  }), params(800))
  t.ok((seen.get('2xx') ?? 0) > 0, `${runs(800)} batches: ${tally()}`)
})

t.test('fuzzed query strings on every read route: 2xx or a Graph 4xx', async t => {
  const app = await build(t)
  seen.clear()
  await fc.assert(fc.asyncProperty(fc.constantFrom(...READ_TARGETS), queryString, async (target, query) => {
    await check(app, { method: 'GET', url: query === '' ? target : `${target}?${query}`, headers: AUTH })
  }), params(2000))
  t.ok((seen.get('2xx') ?? 0) > 0, `${runs(2000)} query strings: ${tally()}`)
})

t.test('fuzzed headers (tokens, Prefer, content types, ids): 2xx or a Graph 4xx', async t => {
  const app = await build(t)
  seen.clear()
  await fc.assert(fc.asyncProperty(fc.constantFrom(...READ_TARGETS.slice(0, 8), flowUrl(CLASS_FLOW_ID)), headers, fc.boolean(), async (url, fuzzed, write) => {
    const all = { ...AUTH, ...fuzzed } // the fuzzed ones win, Authorization included, when drawn
    const options: InjectOptions = write
      ? { method: 'PATCH', url, headers: all, payload: JSON.stringify({ configuration: {}, displayName: 'x', managementOptions: {} }) }
      : { method: 'GET', url, headers: all }
    await check(app, options)
  }), params(1500))
  t.ok((seen.get('2xx') ?? 0) > 0, `${runs(1500)} header sets: ${tally()}`)
})

t.test('fuzzed paths and methods, Graph and control plane: 2xx or a Graph 4xx', async t => {
  const app = await build(t)
  seen.clear()
  await fc.assert(fc.asyncProperty(fc.constantFrom(...METHODS), path, fc.option(queryString, { nil: undefined }), async (method, p, query) => {
    const withBody = method === 'POST' || method === 'PATCH' || method === 'PUT'
    await check(app, {
      method,
      url: query === undefined || query === '' ? p : `${p}?${query}`,
      headers: withBody ? { ...AUTH, 'content-type': 'application/json' } : AUTH,
      ...(withBody ? { payload: '{}' } : {})
    })
    // A fuzzed path may have reset or emptied the tenant: that is fine, it only has to answer properly.
  }), params(2000))
  t.ok((seen.get('2xx') ?? 0) > 0, `${runs(2000)} paths: ${tally()}`)
})

t.test('fuzzed control-plane bodies (faults, throttle, clock, seed, token): 2xx or a Graph 4xx', async t => {
  const app = await build(t)
  seen.clear()
  const routes = ['/_mock/faults', '/_mock/throttle', '/_mock/clock', '/_mock/seed?replace=true', '/_mock/token', '/_mock/reset?tenant=x']
  await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), graphValue, async (url, body) => {
    await check(app, { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) })
    // A rule that injects 5xx answers or delays, a throttle or a moved clock would leak into the next case.
    await app.inject({ method: 'DELETE', url: '/_mock/faults' })
    await app.inject({ method: 'DELETE', url: '/_mock/throttle' })
    await app.inject({ method: 'POST', url: '/_mock/clock', payload: { resume: true } })
  }), params(600))
  t.ok((seen.get('2xx') ?? 0) > 0, `${runs(600)} control-plane bodies: ${tally()}`)
})

// ---------------------------------------------------------------- raw HTTP over a socket

t.test('raw malformed HTTP over a socket: 4xx, the connection answered or closed, the server still up', async t => {
  const app = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const F = flowUrl(CLASS_FLOW_ID)
  const json = (method: string, url: string, type: string, body: string, extra = ''): string =>
    `${method} ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`

  // Answered by graph-mock: a 4xx with the Graph envelope.
  const graphCases: Record<string, string> = {
    'bad percent-encoding in a key': `GET ${SETS}/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'bad percent-encoding in a query': `GET ${SETS}?$top=%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'a lone % in the path': `GET ${SETS}/% HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'an encoded NUL': `GET ${SETS}/%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'a 10,000-character path': `GET /beta/${'a/'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'invalid JSON': json('PATCH', F, 'application/json', '{"configuration":'),
    'JSON with a trailing comma': json('PATCH', F, 'application/json', '{"configuration":{},}'),
    'a JSON string body': json('PATCH', F, 'application/json', '"configuration"'),
    'text/plain': json('PATCH', F, 'text/plain', 'configuration'),
    'application/xml': json('PATCH', F, 'application/xml', '<configuration/>'),
    'multipart/form-data': json('PATCH', F, 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'),
    'application/x-www-form-urlencoded': json('POST', SETS, 'application/x-www-form-urlencoded', 'displayName=x'),
    'a garbage content type': json('PATCH', F, ';;;==', '{}'),
    'no content type with a body': `PATCH ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Length: 2\r\n\r\n{}`,
    'a body over 1 MiB': json('PATCH', F, 'application/json', `{"configuration":{"x":"${'a'.repeat(1024 * 1024 + 10)}"}}`),
    PROPFIND: `PROPFIND ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'OPTIONS *': 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n',
    'no Authorization': `GET ${F} HTTP/1.1\r\nHost: x\r\n\r\n`
  }
  for (const [name, raw] of Object.entries(graphCases)) {
    const answer = parseRaw(await sendRaw(port, Buffer.from(raw, 'latin1')))
    t.ok(answer.status >= 400 && answer.status < 500, `${name}: answered ${answer.status}`)
    t.equal(problemWith(answer.status, answer.contentType, answer.body), undefined, `${name}: a Graph error envelope`)
  }

  // Odd but well-formed: answered like any request (2xx here), never a 5xx.
  const oddCases: Record<string, string> = {
    'an Authorization header of 8 KiB': `GET ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(8192)}\r\n\r\n`,
    'a non-ASCII (latin1) client-request-id': `GET ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nclient-request-id: \u00e9\u00ff\r\n\r\n`,
    'HTTP/1.0 without Host': `GET ${F} HTTP/1.0\r\nAuthorization: Bearer t\r\n\r\n`,
    'an absolute-form request target': `GET http://elsewhere.example${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n`,
    'pipelined requests': `GET ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\nGET ${SETS} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n`
  }
  for (const [name, raw] of Object.entries(oddCases)) {
    const answer = parseRaw(await sendRaw(port, Buffer.from(raw, 'latin1')))
    t.ok(answer.status >= 200 && answer.status < 500, `${name}: answered ${answer.status}`)
    t.equal(problemWith(answer.status, answer.contentType, answer.body), undefined, `${name}: 2xx, or a 4xx in the Graph envelope`)
  }

  // Rejected by Node's HTTP parser before any route runs: a 4xx (or a closed connection), never a crash.
  const parserCases: Record<string, string> = {
    'headers over the 16 KiB limit': `GET ${F} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`,
    'a garbage request line': 'HELLO WORLD\r\n\r\n',
    'an unknown method': `FROB ${F} HTTP/1.1\r\nHost: x\r\n\r\n`,
    'bad chunked encoding': `PATCH ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n`,
    'Content-Length with Transfer-Encoding': `PATCH ${F} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    'two Content-Length headers': `PATCH ${F} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    'a NUL in a header': `GET ${F} HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n`,
    'HTTP/1.1 without Host': `GET ${SETS} HTTP/1.1\r\nAuthorization: Bearer t\r\n\r\n`
  }
  for (const [name, raw] of Object.entries(parserCases)) {
    const received = await sendRaw(port, raw)
    const answer = parseRaw(received)
    t.ok(received === '' || (answer.status >= 400 && answer.status < 500), `${name}: ${received === '' ? 'connection closed' : `answered ${answer.status}`}`)
    if (received !== '' && answer.body !== '') {
      t.equal(problemWith(answer.status, answer.contentType, answer.body), undefined, `${name}: a Graph error envelope`)
    }
  }

  // A body that stops short of its Content-Length, then a dropped connection: nothing to answer, no crash.
  await sendRaw(port, `PATCH ${F} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"configuration":`)

  const health = await fetch(`http://127.0.0.1:${port}/_mock/health`)
  t.equal(health.status, 200, 'the server still answers')
  const read = await fetch(`http://127.0.0.1:${port}${F}`, { headers: AUTH })
  t.equal(read.status, 200, 'and still serves Graph reads')
})
