/**
 * Tokens → AST, by recursive descent over the supported OData subset: anything outside it is a 400 naming
 * what is not supported and where. Which properties exist and how they compare is the compiler's business.
 */
import { badRequest } from '../../errors/graph-errors.js'
import type { GraphError } from '../../errors/graph-error.js'
import { parseDateTimeOffset } from '../date-time-offset.js'
import type { ComparisonOperator, FilterAst, FilterLiteral, FilterNode } from './ast.js'
import { tokenize, type Token } from './lexer.js'

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

export function filterError (text: string): (detail: string) => GraphError {
  return detail => badRequest(`Invalid $filter '${text}': ${detail}`)
}
