/** AST + a collection's field table → a predicate over entity JSON; 400 for what the collection does not support. */
import { dateTimeTicks } from '../date-time-offset.js'
import type { ComparisonOperator, FilterAst, FilterField, FilterFields, FilterLiteral, FilterNode } from './ast.js'
import { filterError } from './parser.js'

/** Whether an entity (presented or stored JSON) matches a $filter. */
export type EntityPredicate = (entity: Readonly<Record<string, unknown>>) => boolean

/** The short type name an entity's `@odata.type` names in `namespace` (`#Namespace.X` → `X`), if any. */
export function entityTypeOf (entity: Readonly<Record<string, unknown>>, namespace: string): string | undefined {
  const type = entity['@odata.type']
  if (typeof type !== 'string') return undefined
  const prefix = `#${namespace}.`
  const bare = type.startsWith('#') ? type : `#${type}`
  return bare.startsWith(prefix) ? bare.slice(prefix.length) : undefined
}

/** Check an AST against a collection's fields and build the predicate it means; 400 for what the collection does not support. */
export function compileFilter (ast: FilterAst, fields: FilterFields): EntityPredicate {
  const fail = filterError(ast.text)
  const lookup = new Map(Object.keys(fields.properties).map(name => [name.toLowerCase(), name]))
  const supported = [...Object.keys(fields.properties), ...(fields.isof === undefined ? [] : ['isof(...)'])].join(', ')

  function compile (node: FilterNode): EntityPredicate {
    switch (node.kind) {
      case 'and': {
        const left = compile(node.left)
        const right = compile(node.right)
        return entity => left(entity) && right(entity)
      }
      case 'or': {
        const left = compile(node.left)
        const right = compile(node.right)
        return entity => left(entity) || right(entity)
      }
      case 'not': {
        const operand = compile(node.operand)
        return entity => !operand(entity)
      }
      case 'isof':
        return compileIsof(node.type, node.position)
      case 'compare':
        return compileComparison(node)
    }
  }

  function compileIsof (type: string, position: number): EntityPredicate {
    const isof = fields.isof
    if (isof === undefined) throw fail(`isof(...) is not supported in $filter on ${fields.collection}.`)
    const { namespace } = isof
    const known = [isof.base, ...isof.derived]
    const qualifiedNames = known.map(name => `${namespace}.${name}`)
    const match = known.find(name => `${namespace}.${name}`.toLowerCase() === type.toLowerCase())
    if (match === undefined) {
      const bare = type.replace(/^#/, '')
      const hint = type.startsWith('#') && qualifiedNames.some(q => q.toLowerCase() === bare.toLowerCase())
        ? ` Write the qualified name without '#': '${bare}'.`
        : known.some(name => name.toLowerCase() === type.toLowerCase())
          ? ` Write the qualified name: '${namespace}.${type}'.`
          : ''
      throw fail(`'${type}' at position ${position} is not a type isof supports on ${fields.collection}. Supported: ${qualifiedNames.join(', ')}.${hint}`)
    }
    if (match === isof.base) return () => true // every entity of the collection is one
    return entity => entityTypeOf(entity, namespace) === match
  }

  function compileComparison (node: Extract<FilterNode, { kind: 'compare' }>): EntityPredicate {
    const property = lookup.get(node.property.toLowerCase())
    if (property === undefined) {
      throw fail(`property '${node.property}' is not supported in $filter on ${fields.collection}. Supported: ${supported}.`)
    }
    const field = fields.properties[property] as FilterField
    const { operator, value } = node
    if (value.kind === 'null') {
      if (operator !== 'eq' && operator !== 'ne') {
        throw fail(`null can only be compared with eq or ne (operator '${operator}' at position ${node.operatorPosition}).`)
      }
      return operator === 'eq' ? entity => isNull(entity[property]) : entity => !isNull(entity[property])
    }
    switch (field.type) {
      case 'string':
      case 'enum': {
        if (operator !== 'eq' && operator !== 'ne') {
          throw fail(`the operator '${operator}' at position ${node.operatorPosition} is not supported on '${property}'; ${field.type === 'enum' ? 'enum' : 'string'} properties support eq and ne.`)
        }
        const expected = stringLiteral(property, field, value)
        const matches = field.type === 'string' && field.caseInsensitive
          ? (actual: unknown) => typeof actual === 'string' && actual.toLowerCase() === expected.toLowerCase()
          : (actual: unknown) => actual === expected
        return operator === 'eq' ? entity => matches(entity[property]) : entity => !matches(entity[property])
      }
      case 'dateTime': {
        if (value.kind !== 'dateTime') {
          throw fail(`property '${property}' is a DateTimeOffset; compare it with an unquoted literal such as 2024-03-22T21:28:02Z, not ${value.text} (position ${value.position}).`)
        }
        const test = ORDERING[operator]
        const expected = value.ticks
        return entity => {
          const actual = dateTimeTicks(entity[property])
          // OData: a null (or unreadable) value equals nothing, so only ne holds.
          return actual === undefined ? operator === 'ne' : test(actual, expected)
        }
      }
    }
  }

  function stringLiteral (property: string, field: Extract<FilterField, { type: 'string' | 'enum' }>, value: FilterLiteral): string {
    if (field.type === 'string') {
      if (value.kind !== 'string' || value.typeName !== undefined) {
        throw fail(`property '${property}' is a string; compare it with a quoted literal such as 'value', not ${value.text} (position ${value.position}).`)
      }
      return value.value
    }
    const enumType = field.name
    if (value.kind !== 'string') {
      throw fail(`property '${property}' is the enum '${enumType}'; compare it with a quoted member such as '${field.members[0] ?? ''}', not ${value.text} (position ${value.position}).`)
    }
    if (value.typeName !== undefined && value.typeName.toLowerCase() !== enumType.toLowerCase()) {
      throw fail(`the literal ${value.text} at position ${value.position} is not of the enum '${enumType}' of property '${property}'.`)
    }
    if (!field.members.includes(value.value)) {
      const nearly = field.members.find(m => m.toLowerCase() === value.value.toLowerCase())
      throw fail(`'${value.value}' at position ${value.position} is not a member of the enum '${enumType}'. Members: ${field.members.join(', ')}.${nearly === undefined ? '' : ` Did you mean '${nearly}'?`}`)
    }
    return value.value
  }

  return compile(ast.root)
}

const isNull = (value: unknown): boolean => value === null || value === undefined

const ORDERING: Readonly<Record<ComparisonOperator, (a: bigint, b: bigint) => boolean>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b
}
