/** Request bodies: JSON only, at most 1 MiB, at most 100 levels deep; anything else is answered by the root error handler. */
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { badRequest, entityTooLarge, tooDeep } from '../errors/graph-errors.js'
import { jsonTextTooDeep, MAX_JSON_DEPTH } from './json-depth.js'

export const BODY_LIMIT = 1024 * 1024

/**
 * Past BODY_LIMIT a body is still read, up to DRAIN_LIMIT, and thrown away before the 413 is sent. Answered at
 * once, the 413 went out while the client was still sending, the connection closed with its bytes unread, and
 * the client got a reset instead of the answer (the hostile suite's 2 MiB bodies saw it now and then). Past
 * DRAIN_LIMIT the answer is immediate again: reading more would only serve a client that is not listening.
 */
export const DRAIN_LIMIT = 16 * BODY_LIMIT

/** Forwards at most BODY_LIMIT bytes; discards the rest up to DRAIN_LIMIT, then fails with Graph's 413. */
class LimitedBody extends Transform {
  private received = 0
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

/** Read and discard a declared-too-large body, then answer. */
function drain (payload: Readable, then: () => void): void {
  let received = 0
  const stop = (): void => { payload.removeAllListeners('data'); then() }
  payload.on('data', (chunk: Buffer) => { received += chunk.length; if (received > DRAIN_LIMIT) stop() })
  payload.once('end', then)
  payload.once('error', then)
  payload.resume()
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
      let answered = false
      drain(payload, () => { if (!answered) { answered = true; done(entityTooLarge(BODY_LIMIT)) } })
      return
    }
    if (!Number.isNaN(declared) || request.headers['transfer-encoding'] === undefined) { done(null, payload); return }
    const limited = new LimitedBody()
    payload.once('error', error => { limited.destroy(error) })
    done(null, payload.pipe(limited))
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
