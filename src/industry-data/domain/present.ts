/** Turning stored canonical values into answers: declaration order, masked or unanswered secrets, evolvable enums. */
import type { TSchema } from '@sinclair/typebox'
import { SENTINEL } from '../schemas/graph-type.js'
import { isJsonObject, type Json } from '../../json.js'
import { kindOf, unwrapNullable } from './schema-walk.js'

export const MASKED_SECRET = '***************'

export interface PresentOptions {
  /** `Prefer: include-unknown-enum-members`: show members declared after unknownFutureValue as they are. */
  includeUnknownEnumMembers: boolean
  /**
   * How a stored `nav@odata.bind` is answered: Graph answers GETs with the bound entity inline
   * (`nav@odata.context` + `nav`) and leaves it out of write answers. Undefined drops the binding.
   */
  expandBinding?: (navigation: string, reference: string, path: readonly string[]) => Record<string, unknown> | undefined
}

/** Present a value of `schema` as Graph answers it. */
export function presentValue (schema: TSchema, value: unknown, options: PresentOptions, path: readonly string[] = []): unknown {
  if (value === null || value === undefined) return value ?? null
  const kind = kindOf(schema)
  switch (kind.kind) {
    case 'nullable':
      return presentValue(kind.inner, value, options, path)
    case 'array':
      return Array.isArray(value) ? value.map(item => presentValue(kind.items, item, options, path)) : []
    case 'enum':
      return presentEnumMember(kind.members, value, options)
    case 'abstract': {
      if (!isJsonObject(value)) return value
      const derived = kind.derived.find(s => `#microsoft.graph.industryData.${String(s.graphType)}` === value['@odata.type']) ?? kind.derived[0]
      return derived === undefined ? value : presentValue(derived, value, options, path)
    }
    case 'object': {
      if (!isJsonObject(value)) return value
      const out: Json = {}
      if (kind.derived) out['@odata.type'] = `#microsoft.graph.industryData.${kind.type}`
      for (const [name, property] of kind.entries) {
        if (!(name in value) || unwrapNullable(property).graphWriteOnly === true) continue
        const v = value[name]
        // Scalars need no path (it only names where a bound navigation sits): no array per property.
        out[name] = property.graphSecret === true && typeof v === 'string'
          ? MASKED_SECRET
          : typeof v === 'object' && v !== null ? presentValue(property, v, options, [...path, name]) : presentValue(property, v, options, path)
      }
      if (options.expandBinding !== undefined) {
        for (const [name, v] of Object.entries(value)) {
          if (!name.endsWith('@odata.bind') || typeof v !== 'string') continue
          Object.assign(out, options.expandBinding(name.slice(0, -'@odata.bind'.length), v, path))
        }
      }
      return out
    }
    default:
      return value
  }
}

/** Members declared after the sentinel are only shown to clients that opted in (Graph's evolvable enums). */
export function presentEnumMember (members: readonly string[], value: unknown, options: PresentOptions): unknown {
  if (options.includeUnknownEnumMembers || typeof value !== 'string') return value
  const sentinel = members.indexOf(SENTINEL)
  return sentinel >= 0 && members.indexOf(value) > sentinel ? SENTINEL : value
}
