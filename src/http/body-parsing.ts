/** Request bodies: JSON only, at most 1 MiB, at most 100 levels deep; anything else is answered by the root error handler. */
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { createGunzip, createInflate } from 'node:zlib'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { badRequest, entityTooLarge, tooDeep, unsupportedEncoding } from '../errors/graph-errors.js'
import { jsonTextTooDeep, MAX_JSON_DEPTH } from './json-depth.js'

export const BODY_LIMIT = 1024 * 1024

/**
 * Past BODY_LIMIT a body is still read, up to DRAIN_LIMIT, and thrown away before the 413 is sent. Answered at
 * once, the 413 went out while the client was still sending, the connection closed with its bytes unread, and
 * the client got a reset instead of the answer (the hostile suite's 2 MiB bodies saw it now and then). Past
 * DRAIN_LIMIT the answer is immediate again: reading more would only serve a client that is not listening.
 */
export const DRAIN_LIMIT = 16 * BODY_LIMIT

/**
 * Forwards at most BODY_LIMIT bytes; discards the rest up to DRAIN_LIMIT, then fails with Graph's 413. For a
 * compressed body it counts decoded bytes, and `receivedEncodedLength` (what Fastify compares with
 * Content-Length) counts the bytes that arrived.
 */
class LimitedBody extends Transform {
  private received = 0
  receivedEncodedLength = 0
  override _transform (chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length
    if (this.received <= BODY_LIMIT) callback(null, chunk)
    else if (this.received > DRAIN_LIMIT) callback(entityTooLarge(BODY_LIMIT))
    else callback()
  }

  override _flush (callback: TransformCallback): void {
    callback(this.received > BODY_LIMIT ? entityTooLarge(BODY_LIMIT) : null)
  }
}

/**
 * Request bodies may be compressed, as Kiota's default middleware sends them (Content-Encoding: gzip);
 * the limit applies to the decoded body, so a small body that inflates past it (a compression bomb) is a 413
 * after at most DRAIN_LIMIT decoded bytes, none of them kept.
 */
const DECODERS: ReadonlyMap<string, () => Transform> = new Map([
  ['gzip', createGunzip], ['x-gzip', createGunzip], ['deflate', createInflate]
])

/** The codings of a Content-Encoding header in the order they were applied, `identity` left out. */
function contentCodings (header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : header ?? ''
  return text.split(',').map(coding => coding.trim().toLowerCase()).filter(coding => coding !== '' && coding !== 'identity')
}

/** `payload` through its decoders (last applied, first undone) and the limit. */
function decoded (payload: Readable, codings: readonly string[]): LimitedBody {
  const limited = new LimitedBody()
  // Fastify listens for errors where it reads the body; a request it answers without reading one (a 415 for
  // its Content-Type, say) would leave a decoding error unheard, and an unheard 'error' ends the process.
  limited.on('error', () => {})
  payload.on('data', (chunk: Buffer) => { limited.receivedEncodedLength += chunk.length })
  payload.once('error', error => { limited.destroy(error) })
  let stream: Readable = payload
  for (const coding of [...codings].reverse()) {
    const decoder = (DECODERS.get(coding) ?? createGunzip)()
    decoder.once('error', error => { limited.destroy(badRequest(`The request body is not valid ${coding} data (${error.message}).`)) })
    stream = stream.pipe(decoder)
  }
  return stream.pipe(limited)
}

/** The body text each request arrived with, for the journal; it goes with the request. */
const rawBodies = new WeakMap<FastifyRequest, string>()

/** The JSON text a request carried, if it had one (whatever its transfer encoding). */
export const rawBodyOf = (request: FastifyRequest): string | undefined => rawBodies.get(request)

/** Replace Fastify's JSON parser: an empty body is no body (actions such as reset), bad or too deep JSON is Graph's 400. */
export function registerJsonBodyParser (app: FastifyInstance): void {
  app.addHook('preParsing', (request, _reply, payload, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') { done(null, payload); return }
    const declared = Number(request.headers['content-length'])
    if (declared > BODY_LIMIT && declared <= DRAIN_LIMIT) {
      // Fastify would answer this at once (it checks Content-Length first): read it through the limit here,
      // which ends in the 413 once the body is in.
      const limited = decoded(payload, [])
      limited.once('error', () => { done(entityTooLarge(BODY_LIMIT)) })
      limited.resume()
      return
    }
    const codings = contentCodings(request.headers['content-encoding'])
    const unsupported = codings.find(coding => !DECODERS.has(coding))
    if (unsupported !== undefined) { payload.resume(); done(unsupportedEncoding(unsupported)); return }
    if (codings.length === 0 && (!Number.isNaN(declared) || request.headers['transfer-encoding'] === undefined)) { done(null, payload); return }
    done(null, decoded(payload, codings))
  })
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (request, text, done) => {
    const source = typeof text === 'string' ? text : text.toString('utf8')
    rawBodies.set(request, source)
    if (source.trim() === '') { done(null, undefined); return }
    // Checked before parsing, so no recursive code (schema reading, error messages, the journal) sees deeper JSON.
    if (jsonTextTooDeep(source, MAX_JSON_DEPTH)) { done(tooDeep('request payload', MAX_JSON_DEPTH), undefined); return }
    try {
      done(null, JSON.parse(source))
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      done(badRequest(`Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format. (${detail})`), undefined)
    }
  })
}
