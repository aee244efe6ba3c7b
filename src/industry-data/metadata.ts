/**
 * `GET /beta/$metadata`: the CSDL of what graph-mock serves, rendered from the same TypeBox declarations the
 * routes read and answer with, so it cannot say one thing while the routes do another. Every type is declared
 * as Graph's own CSDL declares it (test/unit/csdl-drift.test.ts compares them); the root and the `external`
 * singleton list only what is served. Around the namespace sit the few declarations of `microsoft.graph`
 * (alias `graph`) it needs: `entity` and the `external` singleton every `@odata.context` starts from.
 */
import type { TSchema } from '@sinclair/typebox'
import { kindOf } from './domain/schema-walk.js'
import { NAMESPACE, type NavigationDeclaration } from './schemas/graph-type.js'
import type { BoundOperation } from './schemas/served-types.js'

export interface ServedModel {
  readonly enums: readonly TSchema[]
  readonly complexTypes: readonly TSchema[]
  readonly entityTypes: readonly TSchema[]
  readonly operations: readonly BoundOperation[]
  /** The root's navigation properties that are served (a subset of industryDataRoot's). */
  readonly rootNavigation: ReadonlyArray<{ readonly name: string, readonly type: string }>
}

const EDM = 'http://docs.oasis-open.org/odata/ns/edm'

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function element (name: string, attributes: ReadonlyArray<readonly [string, string | undefined]>, children: readonly string[] = []): string {
  const attrs = attributes.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escape(v ?? '')}"`).join('')
  return children.length === 0 ? `<${name}${attrs} />` : `<${name}${attrs}>${children.join('')}</${name}>`
}

/** The CSDL Type of a property schema and whether it (or, for a collection, each item) may be null. */
export function edmTypeOf (schema: TSchema): { type: string, nullable: boolean } {
  const kind = kindOf(schema)
  switch (kind.kind) {
    case 'nullable': return { type: edmTypeOf(kind.inner).type, nullable: true }
    case 'array': {
      const item = edmTypeOf(kind.items)
      return { type: `Collection(${item.type})`, nullable: item.nullable }
    }
    case 'object': case 'abstract': case 'enum': return { type: `${NAMESPACE}.${kind.type}`, nullable: false }
    case 'string': case 'integer': return { type: kind.edm, nullable: false }
    case 'boolean': return { type: 'Edm.Boolean', nullable: false }
  }
}

const nullableAttribute = (nullable: boolean): readonly [string, string | undefined] => ['Nullable', nullable ? undefined : 'false']

function navigationElement (name: string, navigation: NavigationDeclaration): string {
  return element('NavigationProperty', [
    ['Name', name],
    ['Type', navigation.collection === true ? `Collection(${navigation.type})` : navigation.type],
    ['ContainsTarget', navigation.containsTarget === true ? 'true' : undefined],
    nullableAttribute(navigation.nullable || navigation.collection === true)
  ])
}

const ENTITY_PROPERTIES: ReadonlySet<string> = new Set(['id'])

function structuredType (schema: TSchema, tag: 'ComplexType' | 'EntityType', declared: ReadonlyMap<string, TSchema>): string {
  const base = typeof schema.graphBase === 'string' ? schema.graphBase : undefined
  const baseSchema = base === undefined ? undefined : declared.get(base)
  const inherited = base === 'graph.entity' ? ENTITY_PROPERTIES : new Set(Object.keys((baseSchema?.properties ?? {}) as object))
  const inheritedNavigation = new Set(Object.keys((baseSchema?.graphNavigation ?? {}) as object))
  const properties = Object.entries((schema.properties ?? {}) as Record<string, TSchema>)
    .filter(([name]) => !inherited.has(name))
    .map(([name, property]) => {
      const { type, nullable } = edmTypeOf(property)
      return element('Property', [['Name', name], ['Type', type], nullableAttribute(nullable)])
    })
  const navigation = Object.entries((schema.graphNavigation ?? {}) as Record<string, NavigationDeclaration>)
    .filter(([name]) => !inheritedNavigation.has(name))
    .map(([name, declaration]) => navigationElement(name, declaration))
  return element(tag, [
    ['Name', String(schema.graphType)],
    ['BaseType', base],
    ['Abstract', schema.graphAbstractType === true ? 'true' : undefined]
  ], [...properties, ...navigation])
}

function enumType (schema: TSchema): string {
  const kind = kindOf(schema)
  if (kind.kind !== 'enum') throw new Error('enumType needs an enum schema')
  const first = Number(schema.graphEnumFirstValue ?? 0)
  return element('EnumType', [['Name', kind.type]], kind.members.map((member, i) => element('Member', [['Name', member], ['Value', String(first + i)]])))
}

function operation (op: BoundOperation): string {
  return element(op.kind, [['Name', op.name], ['IsBound', 'true']], [
    element('Parameter', [['Name', 'bindingParameter'], ['Type', op.bindingType], nullableAttribute(op.bindingNullable)])
  ])
}

const byTypeName = (a: TSchema, b: TSchema): number => String(a.graphType ?? a.graphEnum).localeCompare(String(b.graphType ?? b.graphEnum))
const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name)

/** The whole `$metadata` document. */
export function renderMetadata (model: ServedModel): string {
  const structured = [...model.complexTypes, ...model.entityTypes]
  const declared = new Map(structured.map(schema => [`${NAMESPACE}.${String(schema.graphType)}`, schema]))
  const root = element('EntityType', [['Name', 'industryDataRoot'], ['BaseType', 'graph.entity']],
    model.rootNavigation.map(({ name, type }) => navigationElement(name, { type, collection: true, containsTarget: true, nullable: true })))
  const namespace = element('Schema', [['Namespace', NAMESPACE], ['xmlns', EDM]], [
    ...[...model.enums].sort(byTypeName).map(enumType),
    ...[...model.complexTypes].sort(byTypeName).map(schema => structuredType(schema, 'ComplexType', declared)),
    ...[...model.entityTypes.map(schema => ({ name: String(schema.graphType), xml: structuredType(schema, 'EntityType', declared) })), { name: 'industryDataRoot', xml: root }]
      .sort(byName).map(entity => entity.xml),
    ...[...model.operations].sort(byName).map(operation)
  ])
  const external = element('Schema', [['Namespace', 'microsoft.graph.externalConnectors'], ['xmlns', EDM]], [
    element('EntityType', [['Name', 'external']], [navigationElement('industryData', { type: `${NAMESPACE}.industryDataRoot`, containsTarget: true, nullable: true })])
  ])
  const graph = element('Schema', [['Namespace', 'microsoft.graph'], ['Alias', 'graph'], ['xmlns', EDM]], [
    element('EntityType', [['Name', 'entity'], ['Abstract', 'true']], [
      element('Key', [], [element('PropertyRef', [['Name', 'id']])]),
      element('Property', [['Name', 'id'], ['Type', 'Edm.String'], ['Nullable', 'false']])
    ]),
    element('EntityContainer', [['Name', 'GraphService']], [element('Singleton', [['Name', 'external'], ['Type', 'microsoft.graph.externalConnectors.external']])])
  ])
  return '<?xml version="1.0" encoding="utf-8"?>' +
    element('edmx:Edmx', [['Version', '4.0'], ['xmlns:edmx', 'http://docs.oasis-open.org/odata/ns/edmx']], [element('edmx:DataServices', [], [namespace, external, graph])])
}
