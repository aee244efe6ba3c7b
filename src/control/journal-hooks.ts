/** Journal every Graph request (not /_mock) with what was answered; kept off the answer's critical path. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { keptBody, redactHeaders, type Journal } from './journal.js'

const payloads = new WeakMap<FastifyRequest, unknown>()

export interface JournalRecorder {
  /** From onSend: the payload as it goes out (a string or a stream). */
  keepPayload: (request: FastifyRequest, payload: unknown) => void
  /** From onResponse: the whole exchange, into the ring. */
  record: (request: FastifyRequest, reply: FastifyReply) => void
}

/** What app.ts's onSend and onResponse hooks call for every request. */
export function journalRecorder (journal: Journal, nowIso: () => string): JournalRecorder {
  return { keepPayload, record }
  function keepPayload (request: FastifyRequest, payload: unknown): void {
    if (!isControlUrl(request.url)) payloads.set(request, payload)
  }
  function record (request: FastifyRequest, reply: FastifyReply): void {
    if (isControlUrl(request.url)) return
    const responseHeaders: Record<string, string> = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : String(value)
    }
    const graph = (request as { graph?: { tenant: string } | null }).graph
    journal.add({
      time: nowIso(),
      method: request.method,
      url: request.url,
      path: request.url.split('?')[0] ?? request.url,
      tenant: graph?.tenant ?? null,
      requestId: request.id,
      headers: redactHeaders(request.headers),
      body: keptBody(request.body, Number(request.headers['content-length'] ?? 0)),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      response: { headers: responseHeaders, body: keptBody(payloads.get(request)) }
    })
  }
}

const isControlUrl = (url: string): boolean => /^\/_mock(\/|\?|$)/i.test(url)
