/** A small seedable PRNG (mulberry32), so `probability` fault rules can be made reproducible. */
import { createHash } from 'node:crypto'

export function seededRandom (seed: number | string | undefined): () => number {
  if (seed === undefined) return Math.random
  let state = typeof seed === 'number' ? seed >>> 0 : createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}
