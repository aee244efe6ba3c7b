/**
 * The origin (scheme and host) a request was addressed to: the links in its answer repeat it. A `$batch` runs
 * its inner requests through app.inject, which is plain http whatever the batch came over, so the batch hands
 * each of them its own origin in a header whose value starts with a secret of this process. The URL rewriter,
 * the first step of every request, takes that header off the request before any hook, route or journal entry
 * sees it. A copy sent by a client (without the secret) is an ordinary unknown header and changes nothing.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const INNER_ORIGIN_HEADER = 'x-graph-mock-inner-origin'
const SECRET = randomBytes(24).toString('base64url')
const innerOrigins = new WeakMap<IncomingMessage, string>()

/** The value batch.ts gives INNER_ORIGIN_HEADER on an inner request, so it answers as the batch was addressed. */
export function innerOriginValue (origin: string): string {
  return `${SECRET} ${origin}`
}

/** Take the batch's origin off an inner request; anything else (a client's copy of the header) stays as it came. */
export function takeInnerOrigin (raw: IncomingMessage): void {
  const value = raw.headers[INNER_ORIGIN_HEADER]
  if (typeof value !== 'string' || !value.startsWith(`${SECRET} `)) return
  delete raw.headers[INNER_ORIGIN_HEADER]
  const kept: string[] = []
  for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) {
    const name = raw.rawHeaders[i] ?? ''
    if (name.toLowerCase() !== INNER_ORIGIN_HEADER) kept.push(name, raw.rawHeaders[i + 1] ?? '')
  }
  raw.rawHeaders.splice(0, raw.rawHeaders.length, ...kept)
  innerOrigins.set(raw, value.slice(SECRET.length + 1))
}

/** `https://host:port`: a batch's origin for its inner requests, else the connection's scheme and the Host header. */
export function requestOrigin (raw: IncomingMessage): string {
  const inner = innerOrigins.get(raw)
  if (inner !== undefined) return inner
  const encrypted = (raw.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true
  const host = raw.headers.host ?? ''
  // An HTTP/1.0 request may come without Host: address it as localhost rather than write `http:/beta/…`.
  return `${encrypted ? 'https' : 'http'}://${host === '' ? 'localhost' : host}`
}
