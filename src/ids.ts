/** Id sources: random GUIDs, or reproducible ones derived from a seed (GRAPH_MOCK_ID_SEED). */
import { createHash, randomUUID } from 'node:crypto'

export interface IdSource { next(): string }

export function createIdSource (seed?: string): IdSource {
  if (seed === undefined || seed === '') return { next: () => randomUUID() }
  let counter = 0
  return {
    next () {
      counter += 1
      const hex = createHash('sha256').update(`${seed}:${counter}`).digest('hex')
      // Shape it as an RFC 4122 version-4 GUID so clients that validate GUIDs accept it.
      const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    }
  }
}
