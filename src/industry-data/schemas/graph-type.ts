/**
 * Builders for Graph's type system on top of TypeBox. The extra keywords (`graphType`, `graphEnum`, …)
 * are what the domain walkers read to validate, merge and present values; everything else is plain JSON Schema.
 */
import { Type, type TLiteral, type TNull, type TObject, type TOptional, type TProperties, type TSchema, type TString, type TUnion, type ObjectOptions } from '@sinclair/typebox'

export const NAMESPACE = 'microsoft.graph.industryData'
export const SENTINEL = 'unknownFutureValue'

/** The root collections a `nav@odata.bind` may point into. */
export type BindableCollection = 'roleGroups' | 'sourceSystems' | 'dataConnectors' | 'years' | 'referenceDefinitions'

/** A navigation property as the CSDL declares it (`Type` is qualified; collections say so). */
export interface NavigationDeclaration {
  readonly type: string
  readonly collection?: boolean
  readonly containsTarget?: boolean
  readonly nullable: boolean
}

export interface GraphObjectOptions extends ObjectOptions {
  /** Derived types of an abstract base keep `@odata.type` in answers (basicFilter, simplePasswordSettings). */
  graphDerived?: boolean
  /** Navigation properties set with `name@odata.bind`, mapped to the root collection they point into. */
  graphBindings?: Readonly<Record<string, BindableCollection>>
  /**
   * A referenceValue type: the referenceType of the referenceDefinitions its `code` (or `value@odata.bind`)
   * must name, e.g. `RefRole` for roleReferenceValue.
   */
  graphReferenceType?: string
  /** The CSDL declaration's BaseType, qualified (`graph.entity`, `microsoft.graph.industryData.provisioningFlow`). */
  graphBase?: string
  /** Abstract="true" in the CSDL: never an instance of its own. */
  graphAbstractType?: boolean
  /** An EntityType rather than a ComplexType. */
  graphEntity?: boolean
  /** Navigation properties, declared and inherited. */
  graphNavigation?: Readonly<Record<string, NavigationDeclaration>>
}

/** A complex or entity type of the industryData namespace. */
export function graphObject<P extends TProperties> (name: string, properties: P, options: GraphObjectOptions = {}): TObject<P> {
  return Type.Object(properties, { ...options, graphType: name, additionalProperties: false, $comment: `${NAMESPACE}.${name}` })
}

/** The options of `base` that a derived type inherits: entity-ness, navigation properties and how they bind. */
function inherited (base: TSchema): GraphObjectOptions {
  return {
    ...(base.graphEntity === true ? { graphEntity: true } : {}),
    ...(base.graphNavigation === undefined ? {} : { graphNavigation: base.graphNavigation as Record<string, NavigationDeclaration> }),
    ...(base.graphBindings === undefined ? {} : { graphBindings: base.graphBindings as Record<string, BindableCollection> })
  }
}

/** A type whose CSDL declaration names `base` as its BaseType: the base's properties, then its own. */
export function derivedObject<B extends TProperties, P extends TProperties> (base: TObject<B>, name: string, own: P, options: GraphObjectOptions = {}): TObject<B & P> {
  const navigation = { ...(base.graphNavigation as Record<string, NavigationDeclaration> | undefined), ...options.graphNavigation }
  const bindings = { ...(base.graphBindings as Record<string, BindableCollection> | undefined), ...options.graphBindings }
  return graphObject(name, { ...base.properties, ...own }, {
    ...inherited(base),
    ...options,
    ...(Object.keys(navigation).length === 0 ? {} : { graphNavigation: navigation }),
    ...(Object.keys(bindings).length === 0 ? {} : { graphBindings: bindings }),
    graphBase: `${NAMESPACE}.${String(base.graphType)}`
  }) as TObject<B & P>
}

/** An entity type deriving from graph.entity: its key `id` first. */
export function entityType<P extends TProperties> (name: string, properties: P, options: GraphObjectOptions = {}): TObject<{ id: TOptional<TString> } & P> {
  return graphObject(name, { id: Type.Optional(GraphString), ...properties }, { ...options, graphEntity: true, graphBase: 'graph.entity' })
}

type LiteralsOf<M extends readonly string[]> = { [K in keyof M]: TLiteral<M[K]> }

/**
 * An evolvable Graph enum; members after `unknownFutureValue` are only shown to clients that opt in. Members
 * take the CSDL's values, counting up from `firstValue`.
 */
export function graphEnum<const M extends readonly string[]> (name: string, members: M, firstValue = 0): TUnion<[...LiteralsOf<M>]> {
  const literals = members.map(member => Type.Literal(member))
  return Type.Union(literals, { graphEnum: name, graphEnumFirstValue: firstValue, $comment: `${NAMESPACE}.${name}` }) as unknown as TUnion<[...LiteralsOf<M>]>
}

/** A property that accepts and stores `null`. */
export function nullable<T extends TSchema> (schema: T): TUnion<[T, TNull]> {
  // Built by hand: Type.Union would flatten or collapse an abstract (union) inner schema.
  return Type.Unsafe({ anyOf: [schema, Type.Null()] }) as unknown as TUnion<[T, TNull]>
}

/** An abstract complex type, answered and accepted as one of its concrete derived types. */
export function abstractOf<T extends TObject[]> (name: string, derived: [...T]): TUnion<T> {
  // Built by hand: Type.Union collapses a one-member union into the member itself.
  return Type.Unsafe({ anyOf: derived, graphAbstract: name }) as unknown as TUnion<T>
}

export const DateTimeOffset = Type.String({ format: 'date-time', graphEdm: 'Edm.DateTimeOffset' })
/** Edm.Date: `yyyy-mm-dd`, a calendar day without a time or zone. */
export const GraphDate = Type.String({ format: 'date', graphEdm: 'Edm.Date' })
export const GraphString = Type.String({ graphEdm: 'Edm.String' })
export const GraphBoolean = Type.Boolean({ graphEdm: 'Edm.Boolean' })
export const GraphInt32 = Type.Integer({ minimum: -2147483648, maximum: 2147483647, graphEdm: 'Edm.Int32' })
