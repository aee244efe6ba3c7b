/**
 * Path patterns of fault rules and journal filters: `*` is any run of characters, and a pattern without one
 * matches as a substring; both case-insensitive. Matched by splitting on `*` and scanning left to right, never
 * by a regular expression: a pattern such as `*a*a*a*a*b` compiled to `.*a.*a.*a.*a.*b` backtracks
 * exponentially on a long path and blocks the event loop, while a greedy left-most scan is linear in the path
 * for each piece (a piece found earliest leaves the most room for the rest, so no other choice can match).
 */
export function pathMatcher (pattern: string): (path: string) => boolean {
  const pieces = pattern.toLowerCase().split('*')
  if (pieces.length === 1) {
    const needle = pieces[0] ?? ''
    return path => path.toLowerCase().includes(needle)
  }
  const first = pieces[0] ?? ''
  const last = pieces[pieces.length - 1] ?? ''
  const middle = pieces.slice(1, -1).filter(piece => piece !== '')
  return path => {
    const text = path.toLowerCase()
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false
    let from = first.length
    const end = text.length - last.length
    for (const piece of middle) {
      const at = text.indexOf(piece, from)
      if (at === -1 || at + piece.length > end) return false
      from = at + piece.length
    }
    return true
  }
}
