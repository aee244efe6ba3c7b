/** Reading the graph-type keywords back off TypeBox schemas (see schemas/graph-type.ts). */
import type { TSchema } from '@sinclair/typebox'
import { NAMESPACE } from '../schemas/graph-type.js'

export type SchemaKind =
  | {
    kind: 'object'
    type: string
    derived: boolean
    properties: Readonly<Record<string, TSchema>>
    entries: ReadonlyArray<readonly [string, TSchema]>
    bindings: Readonly<Record<string, string>>
    requiredBindings: readonly string[]
    /** A referenceValue type's referenceType (its `value` binds optionally: a `code` may stand for it). */
    referenceType: string | undefined
  }
  | { kind: 'abstract', type: string, derived: readonly TSchema[] }
  | { kind: 'nullable', inner: TSchema }
  | { kind: 'enum', type: string, members: readonly string[] }
  | { kind: 'array', items: TSchema }
  | { kind: 'string', edm: string, dateTime: boolean, date: boolean }
  | { kind: 'boolean' }
  | { kind: 'integer', edm: string, minimum: number, maximum: number }

const kinds = new WeakMap<TSchema, SchemaKind>()

/** Classify a schema built with the graph-type builders; cached, so the walkers stay cheap per request. */
export function kindOf (schema: TSchema): SchemaKind {
  let kind = kinds.get(schema)
  if (kind === undefined) {
    kind = classify(schema)
    kinds.set(schema, kind)
  }
  return kind
}

function classify (schema: TSchema): SchemaKind {
  if (typeof schema.graphType === 'string') {
    const properties = (schema.properties ?? {}) as Record<string, TSchema>
    return {
      kind: 'object',
      type: schema.graphType,
      derived: schema.graphDerived === true,
      properties,
      // In declaration order, made once: the walkers run over every object of every request.
      entries: Object.entries(properties),
      bindings: (schema.graphBindings ?? {}) as Record<string, string>,
      requiredBindings: typeof schema.graphReferenceType === 'string'
        ? []
        : Object.keys((schema.graphBindings ?? {}) as object)
          .filter(name => (schema.graphNavigation as Record<string, { nullable: boolean }> | undefined)?.[name]?.nullable === false),
      referenceType: typeof schema.graphReferenceType === 'string' ? schema.graphReferenceType : undefined
    }
  }
  if (typeof schema.graphAbstract === 'string') return { kind: 'abstract', type: schema.graphAbstract, derived: schema.anyOf as TSchema[] }
  if (typeof schema.graphEnum === 'string') {
    return { kind: 'enum', type: schema.graphEnum, members: (schema.anyOf as TSchema[]).map(s => String(s.const)) }
  }
  if (Array.isArray(schema.anyOf)) {
    const members = schema.anyOf as TSchema[]
    const inner = members.find(s => s.type !== 'null')
    if (members.length === 2 && inner !== undefined) return { kind: 'nullable', inner }
  }
  if (schema.type === 'array') return { kind: 'array', items: schema.items as TSchema }
  if (schema.type === 'string') return { kind: 'string', edm: String(schema.graphEdm ?? 'Edm.String'), dateTime: schema.format === 'date-time', date: schema.format === 'date' }
  if (schema.type === 'boolean') return { kind: 'boolean' }
  if (schema.type === 'integer') return { kind: 'integer', edm: String(schema.graphEdm ?? 'Edm.Int32'), minimum: Number(schema.minimum), maximum: Number(schema.maximum) }
  throw new Error(`schema without a graph kind: ${JSON.stringify(schema)}`)
}

export const qualified = (type: string): string => `${NAMESPACE}.${type}`

/** The schema of a property once nullability is peeled off. */
export function unwrapNullable (schema: TSchema): TSchema {
  const kind = kindOf(schema)
  return kind.kind === 'nullable' ? kind.inner : schema
}
