/** $select: which properties an answer keeps (`id` and `@odata.type` always). */
import type { TSchema } from '@sinclair/typebox'
import { badRequest } from '../errors/graph-errors.js'
import { propertyIndex } from './property-index.js'

/** `Namespace.derivedType/property` (a type cast) → `property`, for the namespace of `typeName`; one per namespace. */
const castPrefixes = new Map<string, RegExp>()
function castPrefix (typeName: string): RegExp {
  const namespace = typeName.slice(0, typeName.lastIndexOf('.'))
  let prefix = castPrefixes.get(namespace)
  if (prefix === undefined) {
    prefix = new RegExp(`^${namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\w+/`, 'i')
    castPrefixes.set(namespace, prefix)
  }
  return prefix
}

/**
 * Canonical property names selected, or undefined for all; 400 for names not on any of `schemas` (`typeName` is
 * qualified). Navigation properties may be selected too (OData lets `$select` name them; they are answered when
 * expanded).
 */
export function parseSelect (text: string | undefined, schemas: readonly TSchema[], typeName: string, navigation: readonly string[] = []): string[] | undefined {
  if (text === undefined) return undefined
  const names = text.split(',').map(s => s.trim())
  if (names.some(n => n === '')) throw badRequest(`Invalid $select '${text}': empty property name.`)
  if (names.includes('*')) return undefined
  const cast = castPrefix(typeName)
  return names.map(name => {
    const bare = name.replace(cast, '')
    for (const schema of schemas) {
      const canonical = propertyIndex(schema).get(bare.toLowerCase())
      if (canonical !== undefined) return canonical
    }
    const navigationName = navigation.find(n => n.toLowerCase() === bare.toLowerCase())
    if (navigationName !== undefined) return navigationName
    throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`)
  })
}

const ALWAYS = new Set(['@odata.context', '@odata.type', 'id'])

/** Keep only the selected properties (and their annotations) of a presented entity. */
export function applySelect<T extends Record<string, unknown>> (entity: T, select: readonly string[] | undefined): T {
  if (select === undefined) return entity
  const keep = new Set(select)
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(entity)) {
    const base = key.includes('@') && !key.startsWith('@') ? key.slice(0, key.indexOf('@')) : key
    if (ALWAYS.has(key) || keep.has(base)) out[key] = value
  }
  return out as T
}
