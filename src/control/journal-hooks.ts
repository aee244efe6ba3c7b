/** Journal every Graph request (not /_mock) with what was answered; kept off the answer's critical path. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { rawBodyOf } from '../http/body-parsing.js'
import { keptBody, keptHeaders, redactHeaders, type Journal } from './journal.js'

/** The answer each request sent, already cut to what the journal keeps; it goes with the request. */
const payloads = new WeakMap<FastifyRequest, string | null>()

/** What an entry costs beyond its texts: its numbers, keys and the slot. */
const ENTRY_OVERHEAD = 512

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
    if (!isControlUrl(request.url)) payloads.set(request, keptBody(payload))
  }
  function record (request: FastifyRequest, reply: FastifyReply): void {
    if (isControlUrl(request.url)) return
    // Only bounded copies, references and numbers are taken here; the entry is made when the journal is read.
    // Nothing refers to the request itself or its parsed body, which may be a megabyte.
    const time = nowMs()
    const { method, url, id } = request
    const tenant = request.graph?.tenant ?? null
    const status = reply.statusCode
    const durationMs = Math.round(reply.elapsedTime * 100) / 100
    const sent = reply.getHeaders() // a copy Fastify makes, so later changes to the reply cannot reach it
    const headers = keptHeaders(request.headers)
    const body = keptBody(rawBodyOf(request))
    const answer = payloads.get(request) ?? null
    const sentHeaders = headerStrings(sent)
    let bytes = ENTRY_OVERHEAD + url.length + headers.bytes + (body?.length ?? 0) + (answer?.length ?? 0)
    for (const name in sentHeaders) bytes += name.length + (sentHeaders[name]?.length ?? 0)
    journal.add({
      bytes,
      build: () => ({
        time: new Date(time).toISOString(),
        method,
        url,
        path: url.split('?')[0] ?? url,
        tenant,
        requestId: id,
        headers: redactHeaders(headers.headers),
        body,
        status,
        durationMs,
        response: { headers: sentHeaders, body: answer }
      })
    })
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
