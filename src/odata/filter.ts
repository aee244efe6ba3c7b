/**
 * $filter for collection reads: a lexer and recursive-descent parser for the supported OData
 * subset, then `compileFilter` checks the AST against the collection's field table and turns it into a
 * predicate over entity JSON. Anything outside the subset is a 400 naming what is not supported and where.
 * Positions in messages are 0-based offsets into the $filter text, as Graph's OData parser reports them.
 * https://learn.microsoft.com/graph/filter-query-parameter
 */
import type { TSchema } from '@sinclair/typebox'
import { badRequest } from '../errors/graph-errors.js'
import type { GraphError } from '../errors/graph-error.js'
import { kindOf } from '../industry-data/domain/schema-walk.js'
import { FLOW_TYPE_NAMES } from '../industry-data/schemas/entities.js'
import { ReadinessStatus } from '../industry-data/schemas/enums.js'
import { NAMESPACE } from '../industry-data/schemas/graph-type.js'
import { dateTimeTicks, parseDateTimeOffset } from './date-time-offset.js'

// ─── AST ────────────────────────────────────────────────────────────────────────────────────────

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

// ─── Field tables ───────────────────────────────────────────────────────────────────────────────

/** How one property's values compare: strings (ids case-insensitively), enums by member, timestamps by instant. */
export type FilterField =
  | { readonly type: 'string', readonly caseInsensitive: boolean }
  | { readonly type: 'enum', readonly name: string, readonly members: readonly string[] }
  | { readonly type: 'dateTime' }

/** What a collection lets $filter touch: canonical property names in the order messages list them. */
export interface FilterFields {
  /** The collection's name as messages show it, e.g. `provisioningFlows`. */
  readonly collection: string
  readonly properties: Readonly<Record<string, FilterField>>
  /** Short type names isof accepts (qualified with the namespace); undefined when isof is not supported. */
  readonly isof: { readonly base: string, readonly derived: readonly string[] } | undefined
}

function enumField (schema: TSchema): FilterField {
  const kind = kindOf(schema)
  if (kind.kind !== 'enum') throw new Error('enumField needs an enum schema')
  return { type: 'enum', name: kind.type, members: kind.members }
}

const ID_FIELD = { type: 'string', caseInsensitive: true } as const // ids are GUIDs: Graph matches them case-insensitively
const DATE_TIME_FIELD = { type: 'dateTime' } as const

/** $filter fields of `outboundProvisioningFlowSets/{id}/provisioningFlows`. */
export const FLOW_FILTER_FIELDS: FilterFields = {
  collection: 'provisioningFlows',
  properties: {
    readinessStatus: enumField(ReadinessStatus),
    id: ID_FIELD,
    createdDateTime: DATE_TIME_FIELD,
    lastModifiedDateTime: DATE_TIME_FIELD
  },
  isof: { base: 'provisioningFlow', derived: FLOW_TYPE_NAMES }
}

/** $filter fields of `outboundProvisioningFlowSets`. */
export const FLOW_SET_FILTER_FIELDS: FilterFields = {
  collection: 'outboundProvisioningFlowSets',
  properties: {
    displayName: { type: 'string', caseInsensitive: false },
    id: ID_FIELD,
    createdDateTime: DATE_TIME_FIELD,
    lastModifiedDateTime: DATE_TIME_FIELD
  },
  isof: undefined
}

// ─── Lexer ──────────────────────────────────────────────────────────────────────────────────────

type Token =
  | { readonly kind: 'word', readonly text: string, readonly position: number }
  | { readonly kind: 'string', readonly value: string, readonly typeName: string | undefined, readonly text: string, readonly position: number }
  | { readonly kind: 'raw', readonly text: string, readonly position: number }
  | { readonly kind: '(' | ')' | ',' | '/', readonly text: string, readonly position: number }
  | { readonly kind: 'end', readonly text: '', readonly position: number }
  | { readonly kind: 'invalid', readonly text: string, readonly position: number }

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y
// Numbers, dates, times and GUIDs start with a digit; take the whole run and classify it in the parser.
const RAW = /[-+]?[0-9][0-9A-Za-z:.+-]*/y
const PUNCTUATION = new Set(['(', ')', ',', '/'])
const CHARACTER_HINTS: Readonly<Record<string, string>> = {
  '"': '; string literals use single quotes',
  '=': '; use eq, ne, gt, ge, lt or le',
  '!': '; use ne or not',
  '<': '; use lt or le',
  '>': '; use gt or ge',
  '&': '; use and',
  '|': '; use or',
  '#': '; isof takes the qualified type name without \'#\''
}

/** Tokens up to the end, or up to an `invalid` one the parser reports only if it gets that far (so `a/any(x: …)` names the path, not the ':'). */
function tokenize (text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text.charAt(i)
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++
      continue
    }
    if (c === '\'') {
      const literal = readString(text, i)
      if (literal === undefined) return [...tokens, unterminated(i)]
      const { value, end } = literal
      tokens.push({ kind: 'string', value, typeName: undefined, text: text.slice(i, end), position: i })
      i = end
      continue
    }
    WORD.lastIndex = i
    const word = WORD.exec(text)
    if (word !== null) {
      const end = i + word[0].length
      if (text.charAt(end) === '\'') {
        // A typed literal such as microsoft.graph.industryData.readinessStatus'ready' (OData enum syntax).
        const literal = readString(text, end)
        if (literal === undefined) return [...tokens, unterminated(end)]
        tokens.push({ kind: 'string', value: literal.value, typeName: word[0], text: text.slice(i, literal.end), position: i })
        i = literal.end
      } else {
        tokens.push({ kind: 'word', text: word[0], position: i })
        i = end
      }
      continue
    }
    RAW.lastIndex = i
    const raw = RAW.exec(text)
    if (raw !== null) {
      tokens.push({ kind: 'raw', text: raw[0], position: i })
      i += raw[0].length
      continue
    }
    if (PUNCTUATION.has(c)) {
      tokens.push({ kind: c as '(' | ')' | ',' | '/', text: c, position: i })
      i++
      continue
    }
    return [...tokens, { kind: 'invalid', text: `unexpected character '${c}' at position ${i}${CHARACTER_HINTS[c] ?? ''}.`, position: i }]
  }
  tokens.push({ kind: 'end', text: '', position: text.length })
  return tokens
}

const unterminated = (position: number): Token => ({ kind: 'invalid', text: `unterminated string literal starting at position ${position}.`, position })

function readString (text: string, start: number): { value: string, end: number } | undefined {
  let value = ''
  let i = start + 1
  for (;;) {
    const quote = text.indexOf('\'', i)
    if (quote < 0) return undefined
    value += text.slice(i, quote)
    if (text.charAt(quote + 1) !== '\'') return { value, end: quote + 1 }
    value += '\'' // '' is an escaped quote
    i = quote + 2
  }
}

// ─── Parser ─────────────────────────────────────────────────────────────────────────────────────

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])
const ARITHMETIC = new Set(['add', 'sub', 'mul', 'div', 'divby', 'mod'])
const KEYWORDS = new Set([...COMPARISONS, ...ARITHMETIC, 'and', 'or', 'not', 'in', 'has'])
const NUMBER = /^[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?[dfml]?$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME_OF_DAY = /^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EXPECTED_OPERAND = 'a property name, \'not\', \'(\' or isof(...)'
/** Deep enough for any real query; stops a URL of '((((…' from overflowing the stack (a 500) instead of a 400. */
const MAX_DEPTH = 100
/** Comparisons and isof calls in one expression: each is evaluated per entity, and the compiled predicate recurses per term. */
export const MAX_FILTER_TERMS = 100
const MIRRORED: Readonly<Record<ComparisonOperator, ComparisonOperator>> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' }

type Operand = { readonly kind: 'property', readonly name: string, readonly position: number } | FilterLiteral

/** Parse $filter text into an AST; 400 for syntax outside the supported subset. */
export function parseFilter (text: string): FilterAst {
  const fail = filterError(text)
  if (text.trim() === '') throw fail('the expression is empty.')
  const tokens = tokenize(text)
  let index = 0
  let depth = 0
  const nest = (token: Token): void => {
    if (++depth > MAX_DEPTH) throw fail(`the expression nests deeper than ${MAX_DEPTH} levels at position ${token.position}.`)
  }
  let terms = 0
  const term = (token: Token): void => {
    if (++terms > MAX_FILTER_TERMS) throw fail(`the expression has more than ${MAX_FILTER_TERMS} comparisons and isof calls (the one at position ${token.position} is one too many).`)
  }

  const peek = (ahead = 0): Token => {
    const token = tokens[Math.min(index + ahead, tokens.length - 1)] as Token
    if (token.kind === 'invalid') throw fail(token.text)
    return token
  }
  const next = (): Token => {
    const token = peek()
    if (token.kind !== 'end') index++
    return token
  }
  const isWord = (token: Token, word: string): boolean => token.kind === 'word' && token.text.toLowerCase() === word
  const unexpected = (token: Token, expected: string): GraphError => token.kind === 'end'
    ? fail(`unexpected end of expression; expected ${expected}.`)
    : fail(`unexpected '${token.text}' at position ${token.position}; expected ${expected}.`)

  function parseOr (): FilterNode {
    let left = parseAnd()
    while (isWord(peek(), 'or')) {
      next()
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }

  function parseAnd (): FilterNode {
    let left = parseUnary()
    while (isWord(peek(), 'and')) {
      next()
      left = { kind: 'and', left, right: parseUnary() }
    }
    return left
  }

  function parseUnary (): FilterNode {
    const token = peek()
    if (!isWord(token, 'not')) return parsePrimary()
    next()
    const operand = peek()
    // OData gives `not` a higher precedence than eq, so `not a eq b` means `(not a) eq b`: Graph rejects it, and so do we.
    if (operand.kind === '(' || isWord(operand, 'not') || (isWord(operand, 'isof') && peek(1).kind === '(')) {
      nest(token)
      const node: FilterNode = { kind: 'not', operand: parseUnary() }
      depth--
      return node
    }
    if (operand.kind === 'end') throw unexpected(operand, '\'(\' or isof(...) after \'not\'')
    throw fail(`'not' at position ${token.position} applies to a parenthesized expression or isof(...); write not (…).`)
  }

  function parsePrimary (): FilterNode {
    const token = peek()
    if (token.kind === '(') {
      next()
      nest(token)
      const inner = parseOr()
      depth--
      const close = next()
      if (close.kind === ')') return inner
      if (close.kind === 'end') throw fail(`missing ')' for the '(' at position ${token.position}.`)
      throw rejectAfterExpression(close, '\'and\', \'or\' or \')\'')
    }
    if (token.kind === 'word' && peek(1).kind === '(') {
      if (token.text.toLowerCase() === 'isof') { term(token); return parseIsof() }
      throw fail(`the function '${token.text}' at position ${token.position} is not supported.`)
    }
    term(token)
    return parseComparison()
  }

  function parseIsof (): FilterNode {
    const name = next()
    next() // (
    const argument = next()
    let type: string
    if (argument.kind === 'string' && argument.typeName === undefined) type = argument.value
    else if (argument.kind === 'word' && !KEYWORDS.has(argument.text.toLowerCase())) type = argument.text
    else throw unexpected(argument, 'a qualified type name such as \'microsoft.graph.industryData.classGroupProvisioningFlow\'')
    const close = next()
    if (close.kind === ',') {
      throw fail(`only the one-argument form isof('Namespace.Type') is supported (isof at position ${name.position}).`)
    }
    if (close.kind !== ')') {
      if (close.kind === 'end') throw fail(`missing ')' for the '(' of isof at position ${name.position}.`)
      throw unexpected(close, '\')\'')
    }
    return { kind: 'isof', type, position: argument.position }
  }

  function parseComparison (): FilterNode {
    const left = parseOperand(EXPECTED_OPERAND)
    const operatorToken = next()
    const operator = comparisonOperator(operatorToken, left)
    const right = parseOperand('a literal')
    if (left.kind === 'property') {
      if (right.kind === 'property') {
        throw fail(`comparing two properties ('${left.name}' and '${right.name}') is not supported (position ${left.position}); compare a property with a literal.`)
      }
      return { kind: 'compare', property: left.name, propertyPosition: left.position, operator, operatorPosition: operatorToken.position, value: right }
    }
    if (right.kind === 'property') {
      // 'ready' eq readinessStatus: mirror the operator so the property is on the left.
      return { kind: 'compare', property: right.name, propertyPosition: right.position, operator: MIRRORED[operator], operatorPosition: operatorToken.position, value: left }
    }
    throw fail(`comparing two literals is not supported (position ${left.position}); one side must be a property.`)
  }

  function comparisonOperator (token: Token, left: Operand): ComparisonOperator {
    const word = token.kind === 'word' ? token.text.toLowerCase() : ''
    if (isComparison(word)) return word
    if (ARITHMETIC.has(word)) throw fail(`the arithmetic operator '${token.text}' at position ${token.position} is not supported.`)
    if (word === 'in') throw fail(`the 'in' operator at position ${token.position} is not supported; combine eq comparisons with 'or'.`)
    if (word === 'has') throw fail(`the 'has' operator at position ${token.position} is not supported.`)
    const subject = left.kind === 'property' ? left.name : left.text
    throw unexpected(token, `a comparison operator (eq, ne, gt, ge, lt, le) after '${subject}'`)
  }

  function parseOperand (expected: string): Operand {
    const token = next()
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, typeName: token.typeName, text: token.text, position: token.position }
      case 'raw':
        return rawLiteral(token.text, token.position)
      case 'word': {
        const word = token.text.toLowerCase()
        if (word === 'null') return { kind: 'null', text: token.text, position: token.position }
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', text: token.text, position: token.position }
        if (KEYWORDS.has(word)) throw unexpected(token, expected)
        const after = peek()
        if (after.kind === '(') throw fail(`the function '${token.text}' at position ${token.position} is not supported.`)
        if (after.kind === '/') throw pathError(after)
        return { kind: 'property', name: token.text, position: token.position }
      }
      default:
        throw unexpected(token, expected)
    }
  }

  function rawLiteral (raw: string, position: number): FilterLiteral {
    if (/^\d{4}-\d{2}-\d{2}T/i.test(raw)) {
      const parsed = parseDateTimeOffset(raw)
      if ('error' in parsed) throw fail(`invalid DateTimeOffset literal '${raw}' at position ${position}: ${parsed.error}.`)
      return { kind: 'dateTime', ticks: parsed.ticks, text: raw, position }
    }
    if (DATE.test(raw)) throw fail(`the Edm.Date literal '${raw}' at position ${position} is not supported; use a DateTimeOffset such as ${raw}T00:00:00Z.`)
    if (GUID.test(raw)) throw fail(`the unquoted GUID '${raw}' at position ${position} is not supported; quote it: '${raw}'.`)
    if (TIME_OF_DAY.test(raw)) throw fail(`the Edm.TimeOfDay literal '${raw}' at position ${position} is not supported.`)
    if (NUMBER.test(raw)) return { kind: 'number', text: raw, position }
    throw fail(`invalid literal '${raw}' at position ${position}.`)
  }

  function pathError (slash: Token): GraphError {
    return fail(`'/' at position ${slash.position} is not supported: property paths and lambda operators (any, all) are not available in $filter.`)
  }

  function rejectAfterExpression (token: Token, expected: string): GraphError {
    const word = token.kind === 'word' ? token.text.toLowerCase() : ''
    if (ARITHMETIC.has(word)) return fail(`the arithmetic operator '${token.text}' at position ${token.position} is not supported.`)
    if (COMPARISONS.has(word)) return fail(`unexpected '${token.text}' at position ${token.position}: a condition cannot be compared again; combine conditions with 'and' or 'or'.`)
    if (token.kind === ')') return fail(`unmatched ')' at position ${token.position}.`)
    return unexpected(token, expected)
  }

  const root = parseOr()
  const last = peek()
  if (last.kind !== 'end') throw rejectAfterExpression(last, '\'and\', \'or\' or the end of the expression')
  return { text, root }
}

const isComparison = (word: string): word is ComparisonOperator => COMPARISONS.has(word)

function filterError (text: string): (detail: string) => GraphError {
  return detail => badRequest(`Invalid $filter '${text}': ${detail}`)
}

// ─── Compiler ───────────────────────────────────────────────────────────────────────────────────

/** Whether an entity (presented or stored JSON) matches a $filter. */
export type EntityPredicate = (entity: Readonly<Record<string, unknown>>) => boolean

const TYPE_PREFIX = `#${NAMESPACE}.`

/** The short type name an entity's `@odata.type` names (`#microsoft.graph.industryData.X` → `X`), if any. */
export function entityTypeOf (entity: Readonly<Record<string, unknown>>): string | undefined {
  const type = entity['@odata.type']
  if (typeof type !== 'string') return undefined
  const bare = type.startsWith('#') ? type : `#${type}`
  return bare.startsWith(TYPE_PREFIX) ? bare.slice(TYPE_PREFIX.length) : undefined
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
    const known = [isof.base, ...isof.derived]
    const qualifiedNames = known.map(name => `${NAMESPACE}.${name}`)
    const match = known.find(name => `${NAMESPACE}.${name}`.toLowerCase() === type.toLowerCase())
    if (match === undefined) {
      const bare = type.replace(/^#/, '')
      const hint = type.startsWith('#') && qualifiedNames.some(q => q.toLowerCase() === bare.toLowerCase())
        ? ` Write the qualified name without '#': '${bare}'.`
        : known.some(name => name.toLowerCase() === type.toLowerCase())
          ? ` Write the qualified name: '${NAMESPACE}.${type}'.`
          : ''
      throw fail(`'${type}' at position ${position} is not a type isof supports on ${fields.collection}. Supported: ${qualifiedNames.join(', ')}.${hint}`)
    }
    if (match === isof.base) return () => true // every entity of the collection is one
    return entity => entityTypeOf(entity) === match
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
    const enumType = `${NAMESPACE}.${field.name}`
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

/** Parse and compile in one step: the predicate for a collection's $filter text. */
export function filterPredicate (text: string, fields: FilterFields): EntityPredicate {
  return compileFilter(parseFilter(text), fields)
}
