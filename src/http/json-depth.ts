/**
 * How deep JSON nests, found without recursion. Graph's OData reader refuses payloads nested deeper than 100
 * levels; every recursive walk in this server (schema reading, error messages quoting a value, serialising the
 * journal) relies on that bound having been checked first, here.
 */

/** The deepest nesting any JSON this server reads may have (objects and arrays count one level each). */
export const MAX_JSON_DEPTH = 100

/** Whether JSON text nests objects or arrays deeper than `limit`: one linear scan that skips string contents. */
export function jsonTextTooDeep (text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) { // a string: skip to its closing quote, stepping over escapes
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i)
        if (s === 0x5c) i++
        else if (s === 0x22) break
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    }
  }
  return false
}

/** How many containers `valueTooDeep` looks at before it calls a value too big to walk (shared references can multiply them). */
const MAX_VISITED = 1_000_000

/**
 * Whether a value (built in process, not parsed from text) nests deeper than `limit`, or is too big to walk
 * (a cycle or shared references multiplying into more than a million containers); iterative, so any value is safe.
 */
export function valueTooDeep (value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: object, depth: number }> = []
  if (typeof value === 'object' && value !== null) stack.push({ value, depth: 1 })
  let visited = 0
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.depth > limit || ++visited > MAX_VISITED) return true
    for (const child of Array.isArray(item.value) ? item.value : Object.values(item.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child as object, depth: item.depth + 1 })
    }
  }
  return false
}
