/**
 * The URL of a `$batch` inner request, made safe to dispatch. It is resolved relative to the batch's version
 * root, as Graph does, and must stay inside it: dot segments (also percent-encoded, `%2e%2e`), backslashes and
 * doubled slashes are resolved here rather than by the URL parser behind `app.inject`, which would otherwise
 * walk `/beta/../_mock/reset` up into the control plane. Whatever leaves the root, names `$batch` again or the
 * control plane is refused for that one request.
 */

import { GRAPH_VERSIONS } from '../config.js'

/** The longest inner URL: what Node accepts for a request line and its headers together (its default maxHeaderSize). */
export const MAX_INNER_URL_LENGTH = 16 * 1024

export type InnerTarget = { readonly path: string } | { readonly error: string }

/** Controls, spaces and what WHATWG URL parsing strips or rewrites silently: refused rather than guessed at. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0020\u007f]/

function decodeSegment (segment: string): string {
  try { return decodeURIComponent(segment) } catch { return segment } // bad escapes stay: the route answers them
}

const VERSIONS: ReadonlySet<string> = new Set(GRAPH_VERSIONS)

/**
 * Where a relative inner URL points below `/{version}`, or why it may not be dispatched. A URL that starts with
 * the batch's own version (`/beta/external/…`) means the same resource: graph-client's BatchRequestContent
 * writes absolute request URLs that way, with only the host taken off.
 */
export function innerTarget (url: string, version: string): InnerTarget {
  if (url.length > MAX_INNER_URL_LENGTH) return { error: `has a 'url' of ${url.length} characters; at most ${MAX_INNER_URL_LENGTH} fit in a request line.` }
  if (UNSAFE.test(url)) return { error: 'has a \'url\' with spaces or control characters; percent-encode them.' }
  const withoutFragment = url.split('#')[0] ?? ''
  const q = withoutFragment.indexOf('?')
  const rawPath = q === -1 ? withoutFragment : withoutFragment.slice(0, q)
  const query = q === -1 ? '' : withoutFragment.slice(q)
  const kept: string[] = []
  for (const segment of rawPath.replace(/\\/g, '/').split('/')) {
    const decoded = decodeSegment(segment)
    if (decoded.includes('/') || decoded.includes('\\')) return { error: 'has a \'url\' with an encoded slash or backslash in a path segment.' }
    if (segment === '' || decoded === '.') continue
    if (decoded === '..') {
      if (kept.pop() === undefined) return { error: 'has a \'url\' that leaves the version root; inner requests stay under the batch\'s version.' }
      continue
    }
    kept.push(segment)
  }
  const named = decodeSegment(kept[0] ?? '').toLowerCase()
  if (VERSIONS.has(named)) {
    if (named !== version.toLowerCase()) return { error: `names the version '${kept[0] ?? ''}', but this is the ${version} batch; inner requests stay under the batch's version.` }
    kept.shift()
  }
  const first = decodeSegment(kept[0] ?? '').toLowerCase()
  if (first === '$batch') return { error: 'is a $batch request; a batch cannot contain another batch.' }
  if (first === '_mock') return { error: 'names the control plane (/_mock), which is reachable only by its own URLs, never through $batch.' }
  return { path: `/${kept.join('/')}${query}` }
}
