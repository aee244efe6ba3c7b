/**
 * A compatibility shim, not Graph behaviour: @microsoft/microsoft-graph-client v3 takes only `https://` URLs for
 * absolute ones, so over plain http it appends an `@odata.nextLink` or `Location` to its base URL and version
 * and asks for `/beta/http://127.0.0.1:4010/beta/external/…` (Graph itself would answer 400 for the segment
 * 'http:'). Such a path, with the embedded URL spelled as it came or percent-encoded, is served as that URL when
 * the URL points at this server (the scheme and host the request was sent to, or the configured public URL) and
 * names a Graph version below it. Anything else is left as it came, for the usual 400.
 */
import type { IncomingMessage } from 'node:http'
import { requestOrigin } from './request-origin.js'

/** A version segment, then a segment that starts an absolute http(s) URL, plainly or percent-encoded. */
const CANDIDATE = /^\/(?:beta|v1\.0)\/https?(?::|%3a)/i
const SPLIT = /^\/[^/?]+\/([^/?]*)(.*)$/s
const VERSION = /^(beta|v1\.0)$/i

function decode (text: string): string {
  try { return decodeURIComponent(text) } catch { return text }
}

/** The path and query below `base` that `embedded` names, when it is this server's URL of a Graph version. */
function pathBelow (embedded: URL, base: string): string | undefined {
  let root: URL
  try { root = new URL(base) } catch { return undefined }
  if (root.protocol !== embedded.protocol || root.host !== embedded.host) return undefined
  const prefix = root.pathname.replace(/\/+$/, '')
  if (!embedded.pathname.startsWith(`${prefix}/`)) return undefined
  const path = embedded.pathname.slice(prefix.length)
  if (!VERSION.test(path.split('/')[1] ?? '')) return undefined
  return `${path}${embedded.search}`
}

/**
 * The URL to route for `url`: the embedded URL's path and query when `url` is the shape above and the embedded URL
 * is below one of `bases` (origins or public URLs); otherwise `url` itself. The embedded URL is parsed as a URL,
 * so its dot segments are resolved before the version check: it cannot climb out of the Graph API.
 */
export function unwrapEmbeddedUrl (url: string, bases: () => readonly string[]): string {
  if (!CANDIDATE.test(url)) return url
  const [, first = '', rest = ''] = SPLIT.exec(url) ?? []
  let embedded: URL
  try { embedded = new URL(`${decode(first)}${rest}`) } catch { return url }
  if (embedded.username !== '' || embedded.password !== '') return url
  for (const base of bases()) {
    const path = pathBelow(embedded, base)
    if (path !== undefined) return path
  }
  return url
}

/** The shim for every request: this server is the origin the request was sent to, or `publicUrl`. */
export function embeddedUrlRewriter (publicUrl: string | undefined): (raw: IncomingMessage, url: string) => string {
  return (raw, url) => unwrapEmbeddedUrl(url, () => publicUrl === undefined ? [requestOrigin(raw)] : [requestOrigin(raw), publicUrl])
}
