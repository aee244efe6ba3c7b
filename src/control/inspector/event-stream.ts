/**
 * Server-sent events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html): pure
 * functions from values to the text of one event, so the stream route only writes strings.
 */

/** One event: optional `event:` name and `id:`, the JSON value as `data:` (JSON has no raw newlines, so one line). */
export function sseEvent (data: unknown, options: { event?: string, id?: number | string } = {}): string {
  const event = options.event === undefined ? '' : `event: ${options.event}\n`
  const id = options.id === undefined ? '' : `id: ${options.id}\n`
  return `${event}${id}data: ${JSON.stringify(data)}\n\n`
}

/** A comment line: ignored by clients, keeps proxies and idle timers from closing the connection. */
export const sseComment = (text: string): string => `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`

/** How long a client waits before reconnecting after the stream drops. */
export const sseRetry = (ms: number): string => `retry: ${ms}\n\n`
