/** The assertion for an error answer met through the SDK: what its ODataError holds, and Graph's exact envelope on the wire. */
import { isODataError } from '../kiota-models.js'
import type { JournalEntry } from './mock-control.js'

interface Asserts {
  ok: (value: unknown, message: string) => void
  equal: (a: unknown, b: unknown, message: string) => void
  same: (a: unknown, b: unknown, message: string) => void
  match: (a: unknown, b: unknown, message: string) => void
}

interface Envelope { error: { code: string, message: string, innerError: Record<string, string> } }

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * `error` is what the SDK threw for the request the journal recorded as `entry`: an ODataError with the
 * status, Graph's code and message, and the innerError parsed; the answer was Graph's envelope, exactly.
 */
export function assertODataError (t: Asserts, error: unknown, entry: JournalEntry | undefined, status: number, code: string, message: string): void {
  t.ok(isODataError(error), 'the SDK threw an ODataError')
  if (!isODataError(error)) return
  t.equal(error.responseStatusCode, status, `its responseStatusCode is ${status}`)
  t.equal(error.errorEscaped?.code, code, `its error.code is ${code}`)
  t.equal(error.errorEscaped?.message, message, 'its error.message is Graph\'s')
  t.equal(error.message, message, 'and so is its message')
  const inner = error.errorEscaped?.innerError
  t.match(inner?.requestId, GUID, 'innerError.requestId is a GUID')
  t.equal(inner?.requestId, error.responseHeaders?.['request-id']?.[0], 'the request-id header, as responseHeaders hold it')
  t.equal(inner?.clientRequestId, error.responseHeaders?.['client-request-id']?.[0], 'innerError.clientRequestId: the client-request-id header')
  t.ok(inner?.date instanceof Date, 'innerError.date parses as a Date')

  t.equal(entry?.status, status, `the journal recorded a ${status}`)
  const body = entry?.response.body as Envelope | undefined
  t.same(Object.keys(body ?? {}), ['error'], 'the answer is an error member alone')
  t.same(Object.keys(body?.error ?? {}), ['code', 'message', 'innerError'], 'with code, message and innerError')
  t.equal(body?.error.code, code, 'the code on the wire')
  t.equal(body?.error.message, message, 'the message on the wire')
  t.same(Object.keys(body?.error.innerError ?? {}), ['date', 'request-id', 'client-request-id'], 'innerError members')
  t.equal(body?.error.innerError['request-id'], inner?.requestId, 'the same request-id the SDK read')
}
