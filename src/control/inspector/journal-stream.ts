/**
 * `GET /_mock/requests/stream`: the request journal live, as server-sent events. Each new entry is one
 * `data:` line with the entry as `GET /_mock/requests` presents it (and its `seq` as the event id); a
 * cleared journal (`DELETE /_mock/requests`, reset) is an `event: clear`; a comment every `heartbeatMs`
 * keeps the connection alive. A client that reconnects with `Last-Event-ID` first gets what it missed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { presentEntry, type Journal, type JournalEntry } from '../journal.js'
import { sseComment, sseEvent, sseRetry } from './event-stream.js'

export interface JournalStreamOptions {
  journal: Journal
  /** Milliseconds between heartbeat comments. */
  heartbeatMs: number
  onRequest: (request: FastifyRequest) => Promise<void>
}

export const DEFAULT_HEARTBEAT_MS = 15_000
const RECONNECT_MS = 2000
/**
 * How much may wait in the socket for a reader that does not keep up: past it the reader is dropped (it can
 * reconnect with Last-Event-ID and catch up from the journal), so a stalled reader cannot hold the server's memory.
 */
export const MAX_STREAM_BACKLOG = 1024 * 1024

export function registerJournalStream (app: FastifyInstance, { journal, heartbeatMs, onRequest }: JournalStreamOptions): void {
  // Open streams never end by themselves: close them first, or closing the server would wait for them.
  const open = new Set<() => void>()
  app.addHook('preClose', async () => { for (const end of [...open]) end() })

  const schema = {
    summary: 'The request journal live, as server-sent events (text/event-stream)',
    description: 'Each new entry is a data: line with the entry as GET /_mock/requests presents it and its seq as the event id; ' +
      'a cleared journal is event: clear; a comment line every 15 s keeps the connection open. Send Last-Event-ID to replay missed entries.',
    produces: ['text/event-stream']
  }
  app.get('/requests/stream', { onRequest, schema }, (request, reply) => {
    reply.hijack()
    const raw = reply.raw
    raw.writeHead(200, {
      ...headersOf(reply),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no'
    })
    let closed = false
    // Declared before anything is sent: a replay for Last-Event-ID can already overflow the backlog.
    let heartbeat: NodeJS.Timeout | undefined
    const cleanUp = (): void => {
      if (closed) return
      closed = true
      if (heartbeat !== undefined) clearInterval(heartbeat)
      journal.off('entry', onEntry)
      journal.off('clear', onClear)
      open.delete(end)
    }
    function onEntry (entry: JournalEntry): void { send(entryEvent(entry)) }
    function onClear (): void { send(sseEvent({}, { event: 'clear' })) }
    const end = (): void => { cleanUp(); raw.end() }
    open.add(end)
    const send = (text: string): void => {
      if (closed) return
      if (raw.writableLength > MAX_STREAM_BACKLOG) { cleanUp(); raw.destroy(); return }
      raw.write(text)
    }
    send(sseRetry(RECONNECT_MS) + sseComment('connected'))
    const missed = lastEventId(request.headers['last-event-id'])
    if (missed !== undefined) for (const entry of journal.query({ since: String(missed) })) send(entryEvent(entry))

    if (closed) return
    heartbeat = setInterval(() => { send(sseComment(`heartbeat ${new Date().toISOString()}`)) }, heartbeatMs)
    heartbeat.unref()
    journal.on('entry', onEntry)
    journal.on('clear', onClear)
    raw.on('close', cleanUp) // the client went away (or the response ended)
  })
}

const entryEvent = (entry: JournalEntry): string => sseEvent(presentEntry(entry), { id: entry.seq })

function lastEventId (header: string | string[] | undefined): number | undefined {
  const text = Array.isArray(header) ? header[0] : header
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined
}

/** The headers hooks already set on the reply (request-id, …): a hijacked reply sends only what is written. */
function headersOf (reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}
