/** The $filter AST, and the field table a collection hands the compiler: what may be filtered, and how it compares. */

/** The comparison operators of the subset (OData's relational and equality operators). */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'

/** A literal as written; its type is checked against the property only when compiling. */
export type FilterLiteral =
  | { readonly kind: 'string', readonly value: string, readonly typeName: string | undefined, readonly text: string, readonly position: number }
  | { readonly kind: 'null', readonly text: string, readonly position: number }
  | { readonly kind: 'boolean', readonly value: boolean, readonly text: string, readonly position: number }
  | { readonly kind: 'number', readonly text: string, readonly position: number }
  | { readonly kind: 'dateTime', readonly ticks: bigint, readonly text: string, readonly position: number }

/** A node of the boolean expression tree: `and`/`or`/`not`, a property-vs-literal comparison, or isof. */
export type FilterNode =
  | { readonly kind: 'and' | 'or', readonly left: FilterNode, readonly right: FilterNode }
  | { readonly kind: 'not', readonly operand: FilterNode }
  | {
    readonly kind: 'compare'
    readonly property: string
    readonly propertyPosition: number
    readonly operator: ComparisonOperator
    readonly operatorPosition: number
    readonly value: FilterLiteral
  }
  | { readonly kind: 'isof', readonly type: string, readonly position: number }

/** A parsed $filter: the tree plus the text it came from, which every later message quotes. */
export interface FilterAst {
  readonly text: string
  readonly root: FilterNode
}

/** How one property's values compare: strings (ids case-insensitively), enums by member, timestamps by instant. */
export type FilterField =
  | { readonly type: 'string', readonly caseInsensitive: boolean }
  /** `name` is the enum's qualified name, as typed literals write it (`microsoft.graph.industryData.readinessStatus`). */
  | { readonly type: 'enum', readonly name: string, readonly members: readonly string[] }
  | { readonly type: 'dateTime' }

/** What a collection lets $filter touch: canonical property names in the order messages list them. */
export interface FilterFields {
  /** The collection's name as messages show it, e.g. `provisioningFlows`. */
  readonly collection: string
  readonly properties: Readonly<Record<string, FilterField>>
  /**
   * The types isof accepts: short names qualified with `namespace`, `base` matching every entity of the
   * collection; undefined when isof is not supported. The namespace comes with the table, so odata/ knows none.
   */
  readonly isof: { readonly namespace: string, readonly base: string, readonly derived: readonly string[] } | undefined
}
