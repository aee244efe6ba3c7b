/** `nav@odata.bind` references: what they may look like and the one form they are stored in. */
import type { BindableCollection } from '../schemas/graph-type.js'

const BINDABLE: readonly BindableCollection[] = ['roleGroups', 'sourceSystems', 'dataConnectors', 'years', 'referenceDefinitions']
const REFERENCE = /(?:^|\/)external\/industryData\/([A-Za-z]+)(?:\/([^/()?#]+)|\('([^']+)'\))\/?$/i

export interface BindTarget {
  collection: BindableCollection
  id: string
}

/**
 * The entity a bind URL points at: absolute (`https://graph.microsoft.com/beta/external/industryData/roleGroups/staff`)
 * or relative (`external/industryData/roleGroups('staff')`), any host and version, collection names in any case.
 * Undefined for anything else.
 */
export function bindTargetOf (reference: string): BindTarget | undefined {
  const path = reference.replace(/^https?:\/\/[^/]+/i, '').replace(/^\/(?:beta|v1\.0)(?=\/)/i, '')
  const match = REFERENCE.exec(path)
  if (match === null) return undefined
  const collection = BINDABLE.find(name => name.toLowerCase() === match[1]?.toLowerCase())
  const id = match[2] ?? match[3]
  if (collection === undefined || id === undefined) return undefined
  try {
    return { collection, id: decodeURIComponent(id) }
  } catch {
    return undefined // a malformed %-escape names nothing
  }
}

/** The role-group id a bind URL points at, or undefined when it points at anything else. */
export function roleGroupIdOf (reference: string): string | undefined {
  const target = bindTargetOf(reference)
  return target?.collection === 'roleGroups' ? target.id : undefined
}

/** The stored form: the absolute URL the Graph docs send. */
export function bindReference (collection: BindableCollection, id: string): string {
  return `https://graph.microsoft.com/beta/external/industryData/${collection}/${encodeURIComponent(id)}`
}

/** Every bind a stored value holds, at any depth: what deleting the entity it points at would leave dangling. */
export function bindsIn (value: unknown): BindTarget[] {
  if (Array.isArray(value)) return value.flatMap(bindsIn)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) => {
    if (key.endsWith('@odata.bind') && typeof v === 'string') {
      const target = bindTargetOf(v)
      return target === undefined ? [] : [target]
    }
    return bindsIn(v)
  })
}

/**
 * A JSON Schema pattern for documents: bind URLs into `collection` that bindTargetOf reads. Stricter than it: an
 * absolute URL names its version, names keep their case, and an id holds no `%` escapes.
 */
export const bindReferencePattern = (collection: BindableCollection): string =>
  String.raw`^(?:https?://[^/?#]+/(?:beta|v1\.0)/|/?)external/industryData/${collection}(?:/[^/()?#%']+|\('[^'%]+'\))$`
