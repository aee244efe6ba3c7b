/** Request bodies: JSON only, at most 1 MiB; anything else is answered by the root error handler. */
import type { FastifyInstance } from 'fastify'
import { badRequest } from '../errors/graph-errors.js'

export const BODY_LIMIT = 1024 * 1024

/** Replace Fastify's JSON parser: an empty body is no body (actions such as reset), bad JSON is Graph's 400. */
export function registerJsonBodyParser (app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, text, done) => {
    const source = typeof text === 'string' ? text : text.toString('utf8')
    if (source.trim() === '') { done(null, undefined); return }
    try {
      done(null, JSON.parse(source))
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      done(badRequest(`Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format. (${detail})`), undefined)
    }
  })
}
