/** Each auth mode × each kind of token, on a read and on a write (SPEC §6). */
import t, { type Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { createClock } from '../../src/clock.js'
import type { Config } from '../../src/config.js'
import { assertGraphError, build, CLASS_FLOW_ID, flowUrl } from '../helpers.js'
import { claims, hs256, NOW, NOW_MS, READ_ALL, READ_WRITE_ALL, SECRET } from './tokens.js'

type Mode = Config['auth']
type TokenKind = 'missing' | 'opaque' | 'expired' | 'wrong-signature' | 'wrong-audience' | 'read-only' | 'read-write'
/** 200, or the exact 401/403 message expected. */
type Outcome = 200 | { status: 401 | 403, message: string }

const TOKENS: Record<TokenKind, () => Promise<string | undefined>> = {
  missing: async () => undefined,
  opaque: async () => 'opaque-test-token',
  expired: async () => await hs256(claims({ scp: READ_WRITE_ALL, iat: NOW - 3600, nbf: NOW - 3600, exp: NOW - 60 })),
  'wrong-signature': async () => await hs256(claims({ scp: READ_WRITE_ALL }), 'not-the-configured-secret-at-all!!'),
  'wrong-audience': async () => await hs256(claims({ scp: READ_WRITE_ALL, aud: 'api://some-other-api' })),
  'read-only': async () => await hs256(claims({ scp: `${READ_ALL} User.Read` })),
  'read-write': async () => await hs256(claims({ roles: [READ_WRITE_ALL] }))
}

const empty = { status: 401, message: 'Access token is empty.' } as const
const expired = { status: 401, message: 'Lifetime validation failed, the token is expired.' } as const
const readOnlyWrite = { status: 403, message: `Missing permission: this operation needs ${READ_WRITE_ALL}; the token has ${READ_ALL}, User.Read.` } as const

/** [read, write] per mode and token. */
const EXPECTED: Record<Mode, Record<TokenKind, [Outcome, Outcome]>> = {
  off: {
    missing: [200, 200],
    opaque: [200, 200],
    expired: [200, 200],
    'wrong-signature': [200, 200],
    'wrong-audience': [200, 200],
    'read-only': [200, 200],
    'read-write': [200, 200]
  },
  lenient: {
    missing: [empty, empty],
    opaque: [200, 200],
    expired: [expired, expired],
    'wrong-signature': [200, 200], // lenient reads claims, it does not verify signatures
    'wrong-audience': [200, 200], // nor audiences
    'read-only': [200, readOnlyWrite],
    'read-write': [200, 200]
  },
  strict: {
    missing: [empty, empty],
    opaque: [
      { status: 401, message: 'Access token validation failure. The token is not a JWT; GRAPH_MOCK_AUTH=strict accepts only signed JWTs.' },
      { status: 401, message: 'Access token validation failure. The token is not a JWT; GRAPH_MOCK_AUTH=strict accepts only signed JWTs.' }
    ],
    expired: [expired, expired],
    'wrong-signature': [
      { status: 401, message: 'Access token validation failure. Invalid signature.' },
      { status: 401, message: 'Access token validation failure. Invalid signature.' }
    ],
    'wrong-audience': [
      { status: 401, message: 'Access token validation failure. Invalid audience.' },
      { status: 401, message: 'Access token validation failure. Invalid audience.' }
    ],
    'read-only': [200, readOnlyWrite],
    'read-write': [200, 200]
  }
}

function check (t: Test, res: LightMyRequestResponse, outcome: Outcome, what: string): void {
  if (outcome === 200) {
    t.equal(res.statusCode, 200, `${what}: 200 (${res.statusCode === 200 ? 'ok' : res.body})`)
    t.equal(res.json().id, CLASS_FLOW_ID, `${what}: answered with the flow`)
  } else {
    t.test(what, async t => { assertGraphError(t, res, outcome.status, outcome.status === 401 ? 'InvalidAuthenticationToken' : 'Forbidden', outcome.message) })
  }
}

for (const mode of ['off', 'lenient', 'strict'] as const) {
  t.test(`GRAPH_MOCK_AUTH=${mode}`, async t => {
    const clock = createClock()
    clock.freeze(NOW_MS)
    const app = await build(t, { auth: mode, jwtSecret: SECRET }, { clock })
    for (const [kind, makeToken] of Object.entries(TOKENS) as Array<[TokenKind, () => Promise<string | undefined>]>) {
      const token = await makeToken()
      const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` }
      const [read, write] = EXPECTED[mode][kind]
      check(t, await app.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers }), read, `${mode} × ${kind} token × GET`)
      const patch = await app.inject({
        method: 'PATCH',
        url: flowUrl(CLASS_FLOW_ID),
        headers: { ...headers, 'content-type': 'application/json' },
        payload: { configuration: { additionalAttributes: ['courseCode'] } }
      })
      check(t, patch, write, `${mode} × ${kind} token × PATCH`)
    }
  })
}
