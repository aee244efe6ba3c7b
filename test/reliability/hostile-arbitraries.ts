/**
 * Hostile inputs for hostile.test.ts: JSON nested to 10,000 levels, bodies around the 1 MiB limit, OData
 * options with 20,000 terms, globs that backtrack, clock instants past Edm.DateTimeOffset's range, $batch URLs
 * that try to climb into the control plane, control-plane numbers past their bounds, and raw HTTP corners.
 * The arbitraries draw small specs (a depth, a layer pattern, a count); the texts are built from them, so a
 * shrunk counterexample reads as "object nested 4,097 levels", not as 40 KB of brackets.
 */
import fc from 'fast-check'
import net from 'node:net'
import { dechunk } from '../raw-http.js'
import { ADMIN_UNIT_FLOW_ID, CLASS_FLOW_ID, flowUrl, SECURITY_FLOW_ID, SET_ID, SETS, USER_FLOW_ID } from '../helpers.js'

type Json = Record<string, unknown>
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export const BODY_LIMIT = 1024 * 1024
export const FLOW = flowUrl(CLASS_FLOW_ID)
export const SET = `${SETS}/${SET_ID}`
/** A URL under /beta as a $batch inner request names it. */
export const inner = (url: string): string => url.replace(/^\/beta/, '')
export const VALID_FLOW_PATCH = '{"configuration":{"additionalAttributes":["courseCode"]}}'

/** Shorten a text for a message: its start, and how long it really was. */
export function clip (text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`
}

// ---------------------------------------------------------------- depth

/** One nesting level: what opens it and what closes it. */
export const LAYERS = {
  array: { open: '[', close: ']' },
  object: { open: '{"a":', close: '}' },
  'array after an item': { open: '[1,', close: ']' },
  'object after a member': { open: '{"x":1,"a":', close: '}' },
  'empty key': { open: '{"":', close: '}' },
  __proto__: { open: '{"__proto__":', close: '}' },
  configuration: { open: '{"configuration":', close: '}' },
  additionalAttributes: { open: '{"additionalAttributes":', close: '}' },
  spaced: { open: ' [ ', close: ' ] ' }
} as const satisfies Record<string, { open: string, close: string }>
export type LayerName = keyof typeof LAYERS
const LAYER_NAMES = Object.keys(LAYERS) as LayerName[]

export interface DeepSpec { depth: number, layers: LayerName[], leaf: string }

/** 1..10,000 levels, often at the boundaries a parser or validator might have (64, 100, 128, 4096…). */
export const depthArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 9_999, 5_000, 4_097, 2_000, 1_025, 1_000, 513, 257, 129, 101, 100, 65, 33, 2, 1) }
)
export const deepSpec: fc.Arbitrary<DeepSpec> = fc.record({
  depth: depthArb,
  layers: fc.array(fc.constantFrom(...LAYER_NAMES), { minLength: 1, maxLength: 3 }),
  leaf: fc.constantFrom('1', 'null', '"x"', '{}', '[]', '"courseCode"', 'true', '1e400')
})

/** The JSON text: `depth` levels cycling through `layers`, around `leaf`. Built with arrays, not string concatenation in a loop. */
export function deepJson (spec: DeepSpec): string {
  const opens = new Array<string>(spec.depth)
  const closes = new Array<string>(spec.depth)
  for (let i = 0; i < spec.depth; i++) {
    const layer = LAYERS[spec.layers[i % spec.layers.length] ?? 'array']
    opens[i] = layer.open
    closes[spec.depth - 1 - i] = layer.close
  }
  return `${opens.join('')}${spec.leaf}${closes.join('')}`
}
export const describeDeep = (spec: DeepSpec): string => `${spec.layers.join('+')} nested ${spec.depth} levels around ${spec.leaf}`

/** Every place the server reads JSON, with the JSON to test put there. */
export interface Place { name: string, method: 'PATCH' | 'POST', url: string, wrap: (json: string) => string, control?: boolean }
const CLASS_TYPE = '#microsoft.graph.industryData.classGroupProvisioningFlow'
const batchOf = (request: string): string => `{"requests":[${request}]}`
export const PLACES: readonly Place[] = [
  { name: 'class flow PATCH body', method: 'PATCH', url: FLOW, wrap: j => j },
  { name: 'class flow configuration', method: 'PATCH', url: FLOW, wrap: j => `{"configuration":${j}}` },
  { name: 'class flow configuration.additionalAttributes', method: 'PATCH', url: FLOW, wrap: j => `{"configuration":{"additionalAttributes":${j}}}` },
  { name: 'class flow configuration.additionalOptions', method: 'PATCH', url: FLOW, wrap: j => `{"configuration":{"additionalOptions":${j}}}` },
  { name: 'class flow memberEnrollmentMappings[0]', method: 'PATCH', url: FLOW, wrap: j => `{"configuration":{"enrollmentMappings":{"memberEnrollmentMappings":[${j}]}}}` },
  { name: 'user flow configuration.managementOptions', method: 'PATCH', url: flowUrl(USER_FLOW_ID), wrap: j => `{"configuration":{"managementOptions":${j}}}` },
  { name: 'user flow creationOptions.configurations[0].defaultPasswordSettings', method: 'PATCH', url: flowUrl(USER_FLOW_ID), wrap: j => `{"configuration":{"creationOptions":{"configurations":[{"defaultPasswordSettings":${j}}]}}}` },
  { name: 'security group flow configuration', method: 'PATCH', url: flowUrl(SECURITY_FLOW_ID), wrap: j => `{"configuration":${j}}` },
  { name: 'admin unit flow configuration', method: 'PATCH', url: flowUrl(ADMIN_UNIT_FLOW_ID), wrap: j => `{"configuration":${j}}` },
  { name: 'seeded-route flow configuration', method: 'PATCH', url: '/beta/classGroupProvisioningFlow', wrap: j => `{"configuration":${j}}` },
  { name: 'flow set PATCH body', method: 'PATCH', url: SET, wrap: j => j },
  { name: 'flow set displayName', method: 'PATCH', url: SET, wrap: j => `{"displayName":${j}}` },
  { name: 'new flow set filter', method: 'POST', url: SETS, wrap: j => `{"displayName":"x","filter":${j}}` },
  { name: 'new flow set filter.in', method: 'POST', url: SETS, wrap: j => `{"displayName":"x","filter":{"@odata.type":"#microsoft.graph.industryData.basicFilter","attribute":"userRole","in":${j}}}` },
  { name: 'new flow configuration', method: 'POST', url: `${SET}/provisioningFlows`, wrap: j => `{"@odata.type":"${CLASS_TYPE}","configuration":${j}}` },
  { name: 'flow reset action body', method: 'POST', url: `${FLOW}/reset`, wrap: j => j },
  { name: 'role group PATCH body', method: 'PATCH', url: '/beta/external/industryData/roleGroups/staff', wrap: j => j },
  { name: 'role group roles', method: 'PATCH', url: '/beta/external/industryData/roleGroups/staff', wrap: j => `{"roles":${j}}` },
  { name: 'source system PATCH body', method: 'PATCH', url: '/beta/external/industryData/sourceSystems/aa050107-5784-4a8e-1876-08daddab21bc', wrap: j => j },
  { name: 'source system userMatchingSettings', method: 'PATCH', url: '/beta/external/industryData/sourceSystems/aa050107-5784-4a8e-1876-08daddab21bc', wrap: j => `{"userMatchingSettings":${j}}` },
  { name: 'source system matching sourceIdentifier', method: 'PATCH', url: '/beta/external/industryData/sourceSystems/aa050107-5784-4a8e-1876-08daddab21bc', wrap: j => `{"userMatchingSettings":[{"priorityOrder":0,"roleGroup@odata.bind":"/external/industryData/roleGroups/staff","sourceIdentifier":${j}}]}` },
  { name: 'new data connector', method: 'POST', url: '/beta/external/industryData/dataConnectors', wrap: j => j },
  { name: 'new OneRoster connector credential', method: 'POST', url: '/beta/external/industryData/dataConnectors', wrap: j => `{"@odata.type":"#microsoft.graph.industryData.oneRosterApiDataConnector","displayName":"c","sourceSystem@odata.bind":"external/industryData/sourceSystems/aa050107-5784-4a8e-1876-08daddab21bc","apiFormat":"oneRoster","baseUrl":"https://x","apiVersion":"1.1","credential":${j}}` },
  { name: 'year PATCH body', method: 'PATCH', url: '/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb', wrap: j => j },
  { name: 'year startDate', method: 'PATCH', url: '/beta/external/industryData/years/ebf18762-ab92-487e-21d1-08daddab28bb', wrap: j => `{"startDate":${j}}` },
  { name: 'inbound flow PATCH body', method: 'PATCH', url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911', wrap: j => j },
  { name: 'inbound flow dataConnector bind', method: 'PATCH', url: '/beta/external/industryData/inboundFlows/7bd62d17-8c37-4494-f68d-08daddab2911', wrap: j => `{"dataConnector@odata.bind":${j}}` },
  { name: 'seed dataConnectors[0]', method: 'POST', url: '/_mock/seed?tenant=hostile', wrap: j => `{"sourceSystems":[{"id":"s","displayName":"s"}],"dataConnectors":[${j}]}`, control: true },
  { name: '$batch body', method: 'POST', url: '/beta/$batch', wrap: j => j },
  { name: '$batch requests', method: 'POST', url: '/beta/$batch', wrap: j => `{"requests":${j}}` },
  { name: '$batch inner body', method: 'POST', url: '/beta/$batch', wrap: j => batchOf(`{"id":"1","method":"PATCH","url":"${inner(FLOW)}","body":${j}}`) },
  { name: '$batch inner body.configuration', method: 'POST', url: '/beta/$batch', wrap: j => batchOf(`{"id":"1","method":"PATCH","url":"${inner(FLOW)}","body":{"configuration":${j}}}`) },
  { name: '$batch inner headers', method: 'POST', url: '/beta/$batch', wrap: j => batchOf(`{"id":"1","method":"GET","url":"${inner(FLOW)}","headers":${j}}`) },
  { name: '$batch inner dependsOn', method: 'POST', url: '/beta/$batch', wrap: j => batchOf(`{"id":"1","method":"GET","url":"${inner(FLOW)}","dependsOn":${j}}`) },
  { name: 'seed document', method: 'POST', url: '/_mock/seed?tenant=hostile', wrap: j => j, control: true },
  { name: 'seed outboundProvisioningFlowSets[0]', method: 'POST', url: '/_mock/seed?tenant=hostile', wrap: j => `{"outboundProvisioningFlowSets":[${j}]}`, control: true },
  { name: 'seed flow configuration', method: 'POST', url: '/_mock/seed?tenant=hostile', wrap: j => `{"outboundProvisioningFlowSets":[{"displayName":"x","provisioningFlows":[{"@odata.type":"${CLASS_TYPE}","configuration":${j}}]}]}`, control: true },
  { name: 'seed roleGroups[0]', method: 'POST', url: '/_mock/seed?tenant=hostile', wrap: j => `{"roleGroups":[${j}]}`, control: true },
  { name: 'fault rule body', method: 'POST', url: '/_mock/faults', wrap: j => j, control: true },
  { name: 'fault rule path', method: 'POST', url: '/_mock/faults', wrap: j => `{"path":${j},"status":503}`, control: true },
  { name: 'throttle body', method: 'POST', url: '/_mock/throttle', wrap: j => j, control: true },
  { name: 'throttle requestsPerSecond', method: 'POST', url: '/_mock/throttle', wrap: j => `{"requestsPerSecond":${j}}`, control: true },
  { name: 'clock body', method: 'POST', url: '/_mock/clock', wrap: j => j, control: true },
  { name: 'clock freeze', method: 'POST', url: '/_mock/clock', wrap: j => `{"freeze":${j}}`, control: true },
  { name: 'clock shiftMs', method: 'POST', url: '/_mock/clock', wrap: j => `{"shiftMs":${j}}`, control: true },
  { name: 'token body', method: 'POST', url: '/_mock/token', wrap: j => j, control: true },
  { name: 'token scopes', method: 'POST', url: '/_mock/token', wrap: j => `{"scopes":${j}}`, control: true }
]

// ---------------------------------------------------------------- width and size

/** `"k0":1`, `"k1":1`, … as many as fit in `bytes` with their commas. */
function distinctMembers (bytes: number): string[] {
  const members: string[] = []
  for (let used = 0, i = 0; ; i++) {
    const member = `"k${i}":1`
    used += member.length + 1
    if (used > bytes) return members
    members.push(member)
  }
}

const WIDE = {
  'array of numbers': (n: number) => `[${new Array<string>(Math.max(0, Math.floor(n / 2))).fill('1').join(',')}]`,
  'array of empty objects': (n: number) => `[${new Array<string>(Math.max(0, Math.floor(n / 3))).fill('{}').join(',')}]`,
  'array of empty arrays': (n: number) => `[${new Array<string>(Math.max(0, Math.floor(n / 3))).fill('[]').join(',')}]`,
  'array of attribute names': (n: number) => `[${new Array<string>(Math.floor(n / 13)).fill('"courseCode"').join(',')}]`,
  'object with distinct keys': (n: number) => `{${distinctMembers(n).join(',')}}`,
  'object repeating one key': (n: number) => `{${new Array<string>(Math.floor(n / 16)).fill('"displayName":1').join(',')}}`,
  'long string': (n: number) => `"${'a'.repeat(n)}"`,
  'long emoji string': (n: number) => `"${'😀'.repeat(Math.floor(n / 4))}"`,
  'string of \\u0000 escapes': (n: number) => `"${'\\u0000'.repeat(Math.floor(n / 6))}"`,
  'string of lone-surrogate escapes': (n: number) => `"${'\\ud800'.repeat(Math.floor(n / 6))}"`,
  'number with many digits': (n: number) => '1'.repeat(Math.max(1, n)),
  'fraction with many digits': (n: number) => `0.${'0'.repeat(n)}1`
} as const satisfies Record<string, (n: number) => string>
export type WideKind = keyof typeof WIDE
export interface WideSpec { kind: WideKind, bytes: number, pad: number | null }
/** `bytes` is a budget for the wide value; `pad` pads the whole body with spaces to BODY_LIMIT + pad bytes. */
export const wideSpec: fc.Arbitrary<WideSpec> = fc.record({
  kind: fc.constantFrom(...(Object.keys(WIDE) as WideKind[])),
  bytes: fc.oneof(
    fc.integer({ min: 0, max: 1_200_000 }),
    fc.constantFrom(0, 1, 1000, 65_535, 65_536, 500_000, BODY_LIMIT - 64, BODY_LIMIT - 16, BODY_LIMIT, BODY_LIMIT + 64)
  ),
  pad: fc.option(fc.constantFrom(-64, -1, 0, 1, 64, 4096, BODY_LIMIT), { freq: 2 })
})
export const wideJson = (spec: WideSpec): string => WIDE[spec.kind](spec.bytes)
export const describeWide = (spec: WideSpec): string => `${spec.kind} of about ${spec.bytes} bytes${spec.pad === null ? '' : `, body padded to ${BODY_LIMIT + spec.pad} bytes`}`

// ---------------------------------------------------------------- OData query options

const nOf = (n: number, item: string, sep: string): string => new Array<string>(n).fill(item).join(sep)
/** A query string part (option=value pairs, values not yet encoded) with n terms, items or characters. */
export const QUERY_SHAPES = {
  '$filter: n terms joined by or': (n: number) => [['$filter', nOf(n, "id eq 'x'", ' or ')]],
  '$filter: n terms joined by and': (n: number) => [['$filter', nOf(n, "readinessStatus eq 'ready'", ' and ')]],
  '$filter: n nested parentheses': (n: number) => [['$filter', `${'('.repeat(n)}id eq 'x'${')'.repeat(n)}`]],
  '$filter: n unclosed parentheses': (n: number) => [['$filter', '('.repeat(n)]],
  '$filter: n nots': (n: number) => [['$filter', `${'not '.repeat(n)}readinessStatus eq 'ready'`]],
  '$filter: n-character property name': (n: number) => [['$filter', `${'a'.repeat(n)} eq 'x'`]],
  '$filter: n-character string literal': (n: number) => [['$filter', `displayName eq '${'x'.repeat(n)}'`]],
  '$filter: n doubled quotes': (n: number) => [['$filter', `displayName eq '${"''".repeat(n)}'`]],
  '$filter: in list of n': (n: number) => [['$filter', `id in (${nOf(n, "'x'", ',')})`]],
  '$filter: n startswith calls': (n: number) => [['$filter', nOf(n, "startswith(displayName,'x')", ' or ')]],
  '$filter: n-digit number': (n: number) => [['$filter', `createdDateTime gt ${'9'.repeat(n)}`]],
  '$select: n items': (n: number) => [['$select', nOf(n, 'id', ',')]],
  '$select: n distinct names': (n: number) => [['$select', Array.from({ length: n }, (_, i) => `p${i}`).join(',')]],
  '$select: n-character name': (n: number) => [['$select', 'a'.repeat(n)]],
  '$select: n commas': (n: number) => [['$select', ','.repeat(n)]],
  '$orderby: n items': (n: number) => [['$orderby', nOf(n, 'displayName desc', ',')]],
  '$orderby: n-character name': (n: number) => [['$orderby', `${'a'.repeat(n)} asc`]],
  '$expand: n items': (n: number) => [['$expand', nOf(n, 'provisioningFlows', ',')]],
  '$expand: n nested options': (n: number) => [['$expand', `${'provisioningFlows($expand='.repeat(n)}x${')'.repeat(n)}`]],
  '$expand: n-character name': (n: number) => [['$expand', 'a'.repeat(n)]],
  '$top: n digits': (n: number) => [['$top', '9'.repeat(Math.max(1, n))]],
  '$skiptoken: n characters': (n: number) => [['$skiptoken', 'A'.repeat(n)]],
  '$search: n-character phrase': (n: number) => [['$search', `"${'a'.repeat(n)}"`]],
  '$top repeated n times': (n: number) => Array.from({ length: n }, () => ['$top', '1']),
  'n unknown options': (n: number) => Array.from({ length: n }, (_, i) => [`x${i}`, '1'])
} as const satisfies Record<string, (n: number) => string[][]>
export type QueryShape = keyof typeof QUERY_SHAPES
export const QUERY_TARGETS = [SETS, `${SET}/provisioningFlows`, '/beta/external/industryData/roleGroups', FLOW, SET, `${SETS}/$count`] as const
export interface QuerySpec { shape: QueryShape, n: number, target: typeof QUERY_TARGETS[number], via: 'direct' | '$batch' }
export const querySpec: fc.Arbitrary<QuerySpec> = fc.record({
  shape: fc.constantFrom(...(Object.keys(QUERY_SHAPES) as QueryShape[])),
  n: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(0, 1, 2, 100, 101, 1000, 5000, 10_000, 20_000)),
  target: fc.constantFrom(...QUERY_TARGETS),
  via: fc.constantFrom('direct' as const, '$batch' as const)
})
export function queryString (spec: QuerySpec): string {
  return QUERY_SHAPES[spec.shape](spec.n).map(([k = '', v = '']) => `${k}=${encodeURIComponent(v)}`).join('&')
}

// ---------------------------------------------------------------- globs that backtrack

export interface GlobSpec { stars: number, piece: string, tail: string, length: number }
/** `*a*a*…*b`-like patterns; the paths they meet are runs of 'a' that never end in the tail, so a correct matcher says no quickly. */
export const globSpec: fc.Arbitrary<GlobSpec> = fc.record({
  stars: fc.integer({ min: 1, max: 40 }),
  piece: fc.constantFrom('a', 'A', 'aa', '', 'a?'),
  tail: fc.constantFrom('b', 'B', 'ab', '$', '(', '\\'),
  length: fc.integer({ min: 1, max: 480 })
})
export const globPattern = (spec: GlobSpec): string => `${new Array<string>(spec.stars).fill(`*${spec.piece}`).join('')}*${spec.tail}`

// ---------------------------------------------------------------- clock

export const EDM_MIN = -62_135_596_800_000 // 0001-01-01T00:00:00.000Z
export const EDM_MAX = 253_402_300_799_999 // 9999-12-31T23:59:59.999Z
export const ISO_EDGES = [
  '0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59Z', '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '0000-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.001Z', '10000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00', '2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01',
  '2026-01-01T00:00:00', '', 'now', '1e300', '9'.repeat(400)
]
export const SHIFT_EDGES = [
  '9e15', '-9e15', '8.64e15', '-8.64e15', String(Number.MAX_SAFE_INTEGER), String(-Number.MAX_SAFE_INTEGER), '9007199254740993', '1e300', '-1e300',
  '-1e21', '1e21', '2.5e14', '-2.5e14', '-6.4e13', '0', '-0', '1', '-1', '0.5', '5e-324', '1.7976931348623157e308', '1e400', '-1e400', `1${'0'.repeat(400)}`
]
const isoArb = fc.oneof(
  fc.constantFrom(...ISO_EDGES),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map(d => d.toISOString())
)
const shiftArb = fc.oneof(fc.constantFrom(...SHIFT_EDGES), fc.integer({ min: -300_000_000_000_000, max: 300_000_000_000_000 }).map(String))
/** A clock request as JSON text (numbers as written, so 1e400 and 21-digit integers reach the parser as such). */
export const clockOp: fc.Arbitrary<string> = fc.oneof(
  isoArb.map(iso => `{"freeze":${JSON.stringify(iso)}}`),
  isoArb.map(iso => `{"set":${JSON.stringify(iso)}}`),
  shiftArb.map(ms => `{"shiftMs":${ms}}`),
  fc.tuple(isoArb, shiftArb).map(([iso, ms]) => `{"freeze":${JSON.stringify(iso)},"shiftMs":${ms}}`),
  fc.tuple(isoArb, shiftArb).map(([iso, ms]) => `{"set":${JSON.stringify(iso)},"shiftMs":${ms}}`),
  fc.constantFrom('{"freeze":true}', '{"freeze":false}')
)

// ---------------------------------------------------------------- $batch URL spellings

export const LISTED_SPELLINGS = [
  '/../_mock/reset', '/..%2f_mock/reset', '/%2e%2e/_mock/reset', '/%2E%2E/%5F_mock', '//_mock/state', '/./_mock/requests',
  '/external/../../_mock/reset', '/$batch', '/$batch/', '//$batch', '/./$batch', '/%24batch', '/$BATCH', '/external/..//$batch',
  '/_mock/requests/stream', '/../_mock/requests/stream', '\\..\\_mock\\reset', '/external/industryData#/../../_mock/reset'
]
const STEPS = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '.', '%2e', '', '..%2f', '..%5c', '..\\', '\\..', '%252e%252e', '..;', '%c0%ae%c0%ae', '．．']
const TARGETS = [
  '_mock/reset', '%5F_mock/reset', '%5f%6d%6f%63%6b/reset', '_MOCK/RESET', '_mock/requests', '_mock/state', '_mock/requests/stream',
  '_mock/seed?replace=true', '_mock/throttle', '_mock/faults', '_mock/clock', '$batch', '%24batch', '$BATCH', '$batch/', '$batch?x=1'
]
const PREFIXES = ['', '/external', '/external/industryData', '/external/industryData/outboundProvisioningFlowSets', '/external/industryData#', '/external/industryData?', '\\']
export const LONG_SPELLINGS = [
  `/${'a'.repeat(20_000)}`, `/../_mock/reset?${'a'.repeat(20_000)}`, `/external${'/..'.repeat(6_000)}/_mock/reset`,
  `/${'%2e%2e/'.repeat(3_000)}_mock/reset`, `/$batch?${'a'.repeat(20_000)}`, `/${'./'.repeat(10_000)}_mock/reset`
]
export const spelling: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LISTED_SPELLINGS) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...STEPS), { maxLength: 4 }), fc.constantFrom('/', '\\', '//'), fc.constantFrom(...TARGETS))
      .map(([prefix, steps, slash, target]) => `${prefix}${steps.map(s => `/${s}`).join('')}${slash}${target}`)
  },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_SPELLINGS) }
)
/** Bodies that would leave a trace if an inner request reached the control plane. */
export const CONTROL_BODIES: ReadonlyArray<unknown> = [undefined, {}, { requestsPerSecond: 0.001, burst: 1 }, { status: 503, path: '*' }, { shiftMs: 86_400_000 }, { freeze: true }, { outboundProvisioningFlowSets: [] }]
export const batchOfSpellings = fc.array(fc.record({
  method: fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH'),
  url: spelling,
  body: fc.constantFrom(...CONTROL_BODIES)
}), { minLength: 1, maxLength: 20 })

// ---------------------------------------------------------------- control-plane numbers and strings

export const LIMITS = ['0', '-1', '1e9', '99999999999999999999', '1'.repeat(400), '00', '1.5', '0x10', ' 1', '', 'NaN', 'Infinity', '-0', '4294967296', '9007199254740993', '1']
export const TENANTS = ['../x', 'a'.repeat(1000), '%00', '%20', '%F0%9F%98%80', '..', '.', '-', 'A'.repeat(101), 'a'.repeat(100), '%25', '__proto__', 'constructor', 'x%2Fy', 'x%5Cy', '%ED%A0%80', '%FF', 'hostile']
const encodedString = fc.string({ unit: 'grapheme', maxLength: 30 }).map(s => encodeURIComponent(s))
export const journalQuery = fc.record({
  limit: fc.oneof(fc.constantFrom(...LIMITS), fc.nat().map(String)),
  since: fc.constantFrom('0', '-1', '99999999999999999999', '', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'x'.repeat(10_000), '1e309'),
  status: fc.constantFrom('0', '200', '999', '99999999999999999999', '-1', ''),
  path: fc.oneof(fc.constantFrom('*', '**', '', '%00', '/beta/*', 'x'.repeat(10_000)), encodedString),
  method: fc.constantFrom('', 'GET', 'get', 'x'.repeat(1000)),
  tenant: fc.oneof(fc.constantFrom(...TENANTS), encodedString)
}, { requiredKeys: [] })

/** Fault-rule fields at and past their bounds; no accepted rule answers a 5xx (that would be by design). */
export const faultRule = fc.record({
  status: fc.constantFrom(0, 399, 400, 404, 429, 499, 600, 1e300, -429, 429.5, '429', null),
  retryAfter: fc.constantFrom(-1, 0, 1, 86_400, 86_401, 1e9, 2 ** 31, 2 ** 53, 1e300, 1.5, '1', null, -0),
  delayMs: fc.constantFrom(-1, 0, 1, 200, 120_000, 120_001, 1e300, 1.5, '5'),
  times: fc.constantFrom(0, 1, 2 ** 31, 1e9, 1e9 + 1, 2 ** 53, 1e300, -1, 1.5),
  after: fc.constantFrom(-1, 0, 1, 1e9, 1e9 + 1, 2 ** 53, 1e300),
  probability: fc.constantFrom(-1e-300, -0, 0, 5e-324, 0.5, 1, 1.0000000000000002, 2, 1e300),
  seed: fc.constantFrom(0, -1, 2 ** 53, 1e300, '', 'x'.repeat(10_000), 1.5),
  path: fc.constantFrom('*', '', 'x'.repeat(10_000), '/beta/*'),
  method: fc.constantFrom('', 'GET', 'get', 'x'.repeat(1000)),
  message: fc.constantFrom('', 'x', 'x'.repeat(100_000))
}, { requiredKeys: [] })

/** Throttle settings as JSON text, so NaN-as-string, 1e-300 and 1e300 arrive as written. */
export const throttleBody = fc.record({
  requestsPerSecond: fc.constantFrom('1e-300', '5e-324', '0', '-0', '-1', '0.001', '0.0009999', '1e300', '100000', '100000.0001', '"NaN"', '"Infinity"', 'null', '"1"', '1e400', '1'),
  burst: fc.constantFrom(undefined, '1', undefined, '1', '0', '1.5', '100000', '100001', '1e300', '-1'),
  tenant: fc.constantFrom(undefined, undefined, undefined, '""', `"${'a'.repeat(1000)}"`)
}).map(({ requestsPerSecond, burst, tenant }) =>
  `{"requestsPerSecond":${requestsPerSecond}${burst === undefined ? '' : `,"burst":${burst}`}${tenant === undefined ? '' : `,"tenant":${tenant}`}}`)

// ---------------------------------------------------------------- raw HTTP

/** Node treats these Expect values as 100-continue (the same test Node's HTTP server makes). */
export const isContinue = (value: string): boolean => /(?:^|\W)100-continue(?:$|\W)/i.test(value)
export const expectValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('something-else', '', '100-continue', '100-Continue', '100-continue, x', '100-continuex', '200-ok', 'x'.repeat(8000), '100', 'continue'),
  fc.string({ maxLength: 40 }).map(s => s.replace(/[^\x21-\x7e]/g, 'x')) // a header value: visible ASCII
)

export interface RawResult { received: string, timedOut: boolean }
/** Write `raw` on a fresh connection; resolves with what came back once one answer is complete, the server closes, or `timeoutMs` passes. */
export function sendRaw (port: number, raw: string | Buffer, timeoutMs = 3000): Promise<RawResult> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    let timedOut = false
    const timer = setTimeout(() => { timedOut = true; socket.destroy() }, timeoutMs)
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      const answer = withoutInterim(received)
      const split = answer.indexOf('\r\n\r\n')
      if (split === -1) return
      const head = answer.slice(0, split)
      const body = answer.slice(split + 4)
      const length = /^content-length: *(\d+)/im.exec(head)
      const done = length !== null
        ? Buffer.byteLength(body, 'latin1') >= Number(length[1])
        : /^transfer-encoding: *chunked/im.test(head) ? /(^|\r\n)0\r\n\r\n$/.test(body) : false
      if (done) socket.end()
    })
    socket.on('close', () => { clearTimeout(timer); resolve({ received, timedOut }) })
    socket.on('error', () => { /* reset by the server after its answer: what was received counts */ })
    socket.write(raw)
  })
}

/** The answer after any interim 1xx answers (100 Continue). */
function withoutInterim (received: string): string {
  let rest = received
  while (/^HTTP\/1\.[01] 1\d\d /.test(rest) && rest.includes('\r\n\r\n')) rest = rest.slice(rest.indexOf('\r\n\r\n') + 4)
  return rest
}

export interface RawAnswer { status: number, contentType: string | undefined, head: string, body: string }
export function parseRaw (received: string): RawAnswer {
  const answer = withoutInterim(received)
  const split = answer.indexOf('\r\n\r\n')
  const head = split === -1 ? answer : answer.slice(0, split)
  const body = split === -1 ? '' : answer.slice(split + 4)
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)
  const contentType = /^content-type: *(.*)$/im.exec(head)?.[1]?.trim()
  return { status, contentType, head, body: /^transfer-encoding: *chunked/im.test(head) ? Buffer.from(dechunk(body), 'latin1').toString('utf8') : Buffer.from(body, 'latin1').toString('utf8') }
}
