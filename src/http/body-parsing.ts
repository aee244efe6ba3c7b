/** Request bodies: JSON only, at most 1 MiB, at most 100 levels deep; anything else is answered by the root error handler. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { badRequest, tooDeep } from '../errors/graph-errors.js'
import { jsonTextTooDeep, MAX_JSON_DEPTH } from './json-depth.js'

export const BODY_LIMIT = 1024 * 1024

/** The body text each request arrived with, for the journal; it goes with the request. */
const rawBodies = new WeakMap<FastifyRequest, string>()

/** The JSON text a request carried, if it had one (whatever its transfer encoding). */
export const rawBodyOf = (request: FastifyRequest): string | undefined => rawBodies.get(request)

/** Replace Fastify's JSON parser: an empty body is no body (actions such as reset), bad or too deep JSON is Graph's 400. */
export function registerJsonBodyParser (app: FastifyInstance): void {
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
