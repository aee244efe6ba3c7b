/** Shared test helpers: a fresh app per test, auth headers, and the exact Graph error envelope check. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { fileURLToPath } from 'node:url'
import { buildApp, type AppDeps } from '../src/app.js'
import { loadConfig, type Config } from '../src/config.js'

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url))
export const SET_ID = '9ab41255-5364-4c53-e15c-08dc4ab6ee03'
export const CLASS_FLOW_ID = '6eb14a8c-e373-08cb-f352-64f045cbf6ef'
/** The bundled fixtures' inbound setup: a source system, its connector, a year and the inbound flow binding both. */
export const INBOUND = {
  root: '/beta/external/industryData',
  bindBase: 'https://graph.microsoft.com/beta/external/industryData',
  sourceSystem: 'aa050107-5784-4a8e-1876-08daddab21bc',
  connector: '51dca0a0-85f6-4478-f526-08daddab2271',
  year: 'ebf18762-ab92-487e-21d1-08daddab28bb',
  flow: '7bd62d17-8c37-4494-f68d-08daddab2911'
} as const
export const SECURITY_FLOW_ID = '4598f62a-7bd9-40a1-d38a-08dc4ac68cf2'
export const ADMIN_UNIT_FLOW_ID = 'f66e97ad-0870-46e0-3ff3-08dc49dccdc9'
export const USER_FLOW_ID = 'dbd36d16-c574-4ed8-3ac7-08dc4ac6fb7f'
export const SETS = '/beta/external/industryData/outboundProvisioningFlowSets'
export const flowUrl = (flowId: string, setId = SET_ID): string => `${SETS}/${setId}/provisioningFlows/${flowId}`
export const auth = { authorization: 'Bearer opaque-test-token' }
export const jsonAuth = { ...auth, 'content-type': 'application/json' }

interface Teardown { teardown: (fn: () => unknown) => void }

export function testConfig (overrides: Partial<Config> = {}): Config {
  return loadConfig({}, { db: ':memory:', fixtures: FIXTURES, logLevel: 'silent', ...overrides })
}

/** A fresh app on an in-memory database with the bundled fixtures, closed when the test ends. */
export async function build (t: Teardown, overrides: Partial<Config> = {}, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), deps)
  t.teardown(() => app.close())
  return app
}

interface Asserts {
  equal: (a: unknown, b: unknown, message: string) => void
  same: (a: unknown, b: unknown, message: string) => void
  match: (a: unknown, b: unknown, message: string) => void
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Assert the exact Graph error envelope: status, code, message, innerError with the request ids. */
export function assertGraphError (t: Asserts, res: LightMyRequestResponse, status: number, code: string, message: string | RegExp): void {
  t.equal(res.statusCode, status, `status ${status}`)
  t.match(res.headers['content-type'], /^application\/json;odata\.metadata=minimal/, 'error is OData JSON')
  const body = res.json() as { error: { code: string, message: string, innerError: Record<string, string> } }
  t.same(Object.keys(body), ['error'], 'only an error member')
  t.same(Object.keys(body.error), ['code', 'message', 'innerError'], 'code, message, innerError')
  t.equal(body.error.code, code, `code ${code}`)
  if (typeof message === 'string') t.equal(body.error.message, message, 'exact message')
  else t.match(body.error.message, message, 'message says what was wrong')
  t.same(Object.keys(body.error.innerError), ['date', 'request-id', 'client-request-id'], 'innerError members')
  t.match(body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'innerError.date to the second')
  t.match(body.error.innerError['request-id'], GUID, 'request-id is a GUID')
  t.equal(body.error.innerError['request-id'], res.headers['request-id'], 'innerError request-id matches the header')
  t.equal(body.error.innerError['client-request-id'], res.headers['client-request-id'], 'innerError client-request-id matches the header')
}

export const TIMESTAMP_7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/

/**
 * The environment for a child graph-mock process: the test runner's loaders and coverage hooks removed,
 * so the child starts as a user's would (and fast).
 */
export function childEnv (extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TAP') && !name.startsWith('_TAPJS') && name !== 'NODE_OPTIONS'))
  return { ...env, ...extra }
}

/** The section-role codes every tenant has (RefSectionRole): an alphabet of 12 for writing markers into enrollment mappings. */
const MARKER_CODES = ['aide', 'occupationalTherapist', 'paraprofessional', 'physicalTherapist', 'proctor', 'speechTherapist', 'staff', 'student', 'substitute', 'teacher', 'teacherAssistant', 'visionTherapist']

/**
 * A text (ASCII) written as enrollment mappings: a code must name a known definition, so each character becomes
 * two codes (its code point in base 12). Tests that tell writes apart by what a flow stores use it.
 */
export function markerMappings (text: string): Array<{ code: string }> {
  return [...text].flatMap(char => {
    const point = char.charCodeAt(0)
    return [MARKER_CODES[Math.floor(point / 12)] ?? 'aide', MARKER_CODES[point % 12] ?? 'aide'].map(code => ({ code }))
  })
}

/** The text markerMappings wrote, read back from stored or answered mappings. */
export function markerOf (mappings: unknown): string | undefined {
  if (!Array.isArray(mappings)) return undefined
  const digits = mappings.map(item => MARKER_CODES.indexOf((item as { code?: string } | null)?.code ?? ''))
  if (digits.some(d => d < 0) || digits.length % 2 !== 0) return undefined
  let text = ''
  for (let i = 0; i < digits.length; i += 2) text += String.fromCharCode((digits[i] ?? 0) * 12 + (digits[i + 1] ?? 0))
  return text
}
