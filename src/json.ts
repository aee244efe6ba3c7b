/** A JSON object as the server reads and stores it, and the one check that a value is one. */
export type Json = Record<string, unknown>

/** True for a JSON object: not null, not an array (both are `typeof 'object'` too). */
export function isJsonObject (value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
