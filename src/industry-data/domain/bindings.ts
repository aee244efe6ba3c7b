/**
 * Resolving what a body points at: `nav@odata.bind` URLs to entities of the tenant, and reference values
 * (`code`, `value@odata.bind`) to its referenceDefinitions. One implementation for API writes and fixtures, so
 * both say the same thing about the same mistake; only where the entities are looked up differs.
 */
import type { Json } from '../../json.js'
import type { BindableCollection } from '../schemas/graph-type.js'
import { bindReference, bindTargetOf } from './references.js'
import { formatPath, InvalidBodyError, type JsonPath, type ReadContext } from './read-body.js'

/** What a bind may point at: an entity's stored id, its concrete type where it has several, and (for reference definitions, whose checks read it) its body. */
export interface BoundEntity {
  id: string
  type?: string
  body?: Json
}

export type EntityLookup = (collection: BindableCollection, id: string) => BoundEntity | undefined

/** How messages name an entity of each collection. */
const ENTITY_NAMES: Readonly<Record<BindableCollection, string>> = {
  roleGroups: 'role group',
  sourceSystems: 'source system',
  dataConnectors: 'data connector',
  years: 'year',
  referenceDefinitions: 'reference definition'
}

const invalidBind = (navigation: string, path: JsonPath, why: string): InvalidBodyError =>
  new InvalidBodyError(`Invalid value for property '${navigation}@odata.bind': ${why}`, path)

/** A ReadContext whose binds and reference values resolve through `find`. */
export function readContextOver (find: EntityLookup): ReadContext {
  return {
    bind (navigation, collection, target, path) {
      const found = bindTargetOf(target)
      const name = ENTITY_NAMES[collection]
      if (found === undefined || found.collection !== collection) {
        throw invalidBind(navigation, path, `'${target}' is not the URL of a ${name} (https://graph.microsoft.com/beta/external/industryData/${collection}/{id}).`)
      }
      const entity = find(collection, found.id)
      if (entity === undefined) throw invalidBind(navigation, path, `the ${name} '${found.id}' does not exist.`)
      return bindReference(collection, entity.id)
    },
    reference (referenceType, value, path) {
      const { 'value@odata.bind': bound, ...rest } = value
      const code = typeof value.code === 'string' ? value.code : undefined
      const byCode = code === undefined ? undefined : find('referenceDefinitions', `${referenceType}-${code}`)
      if (code !== undefined && byCode === undefined) {
        throw new InvalidBodyError(`Invalid value for property '${formatAt(path, 'code')}': '${code}' is not a code of the reference type '${referenceType}' (GET /external/industryData/referenceDefinitions lists them).`, [...path, 'code'])
      }
      let definition = byCode
      if (typeof bound === 'string') {
        const target = bindTargetOf(bound)
        const byBind = target?.collection === 'referenceDefinitions' ? find('referenceDefinitions', target.id) : undefined
        const at = [...path, 'value@odata.bind']
        if (target?.collection !== 'referenceDefinitions') {
          throw invalidBind(formatAt(path, 'value'), at, `'${bound}' is not the URL of a reference definition (https://graph.microsoft.com/beta/external/industryData/referenceDefinitions/{id}).`)
        }
        if (byBind === undefined) throw invalidBind(formatAt(path, 'value'), at, `the reference definition '${target.id}' does not exist.`)
        if (String(byBind.body?.referenceType).toLowerCase() !== referenceType.toLowerCase()) {
          throw invalidBind(formatAt(path, 'value'), at, `the reference definition '${byBind.id}' is of the reference type '${String(byBind.body?.referenceType)}'; '${referenceType}' is expected here.`)
        }
        if (byCode !== undefined && byCode.id.toLowerCase() !== byBind.id.toLowerCase()) {
          throw invalidBind(formatAt(path, 'value'), at, `it points at '${byBind.id}' but 'code' says '${String(code)}'; send one of them, or both naming the same definition.`)
        }
        definition = byBind
      }
      if (definition === undefined) {
        throw new InvalidBodyError(`Invalid value for property '${formatAt(path, 'code')}': a reference value names its referenceDefinition by 'code' or 'value@odata.bind'.`, [...path, 'code'])
      }
      return { ...rest, code: definition.body?.code ?? code }
    }
  }
}

/** `userMatchingSettings[0].sourceIdentifier.code`: the property path as the messages write it. */
const formatAt = (path: JsonPath, last: string): string => formatPath([...path, last])
