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
export function journalRecorder (journal: Journal, nowMs: () => number): JournalRecorder {
  return { keepPayload, record }
  function keepPayload (request: FastifyRequest, payload: unknown): void {
    if (!isControlUrl(request.url)) payloads.set(request, payload)
  }
  function record (request: FastifyRequest, reply: FastifyReply): void {
    if (isControlUrl(request.url)) return
    // Only references and numbers are taken here; the entry is made when the journal is read.
    const time = nowMs()
    const { method, url, id, headers, body } = request
    const tenant = (request as { graph?: { tenant: string } | null }).graph?.tenant ?? null
    const status = reply.statusCode
    const durationMs = Math.round(reply.elapsedTime * 100) / 100
    const sent = reply.getHeaders() // a copy Fastify makes, so later changes to the reply cannot reach it
    const payload = payloads.get(request)
    journal.add(() => ({
      time: new Date(time).toISOString(),
      method,
      url,
      path: url.split('?')[0] ?? url,
      tenant,
      requestId: id,
      headers: redactHeaders(headers),
      body: keptBody(body, Number(headers['content-length'] ?? 0)),
      status,
      durationMs,
      response: { headers: headerStrings(sent), body: keptBody(payload) }
    }))
  }
}

function headerStrings (headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}

const isControlUrl = (url: string): boolean => /^\/_mock(\/|\?|$)/i.test(url)
