/**
 * Builders for Graph's type system on top of TypeBox. The extra keywords (`graphType`, `graphEnum`, …)
 * are what the domain walkers read to validate, merge and present values; everything else is plain JSON Schema.
 */
import { Type, type TLiteral, type TNull, type TObject, type TProperties, type TSchema, type TUnion, type ObjectOptions } from '@sinclair/typebox'

export const NAMESPACE = 'microsoft.graph.industryData'
export const SENTINEL = 'unknownFutureValue'

export interface GraphObjectOptions extends ObjectOptions {
  /** Derived types of an abstract base keep `@odata.type` in answers (basicFilter, simplePasswordSettings). */
  graphDerived?: boolean
  /** Navigation properties set with `name@odata.bind`, mapped to the role-group collection they point into. */
  graphBindings?: Readonly<Record<string, 'roleGroups'>>
}

/** A complex or entity type of the industryData namespace. */
export function graphObject<P extends TProperties> (name: string, properties: P, options: GraphObjectOptions = {}): TObject<P> {
  return Type.Object(properties, { ...options, graphType: name, additionalProperties: false, $comment: `${NAMESPACE}.${name}` })
}

type LiteralsOf<M extends readonly string[]> = { [K in keyof M]: TLiteral<M[K]> }

/** An evolvable Graph enum; members after `unknownFutureValue` are only shown to clients that opt in. */
export function graphEnum<const M extends readonly string[]> (name: string, members: M): TUnion<[...LiteralsOf<M>]> {
  const literals = members.map(member => Type.Literal(member))
  return Type.Union(literals, { graphEnum: name, $comment: `${NAMESPACE}.${name}` }) as unknown as TUnion<[...LiteralsOf<M>]>
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
export const GraphString = Type.String({ graphEdm: 'Edm.String' })
export const GraphBoolean = Type.Boolean({ graphEdm: 'Edm.Boolean' })
