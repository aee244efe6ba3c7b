/**
 * $filter for collection reads: parse the text (lexer.ts → parser.ts), then check it against the collection's field
 * table and build the predicate (compile.ts). https://learn.microsoft.com/graph/filter-query-parameter
 */
import type { FilterFields } from './ast.js'
import { compileFilter, type EntityPredicate } from './compile.js'
import { parseFilter } from './parser.js'

export type { ComparisonOperator, FilterAst, FilterField, FilterFields, FilterLiteral, FilterNode } from './ast.js'
export { compileFilter, entityTypeOf, type EntityPredicate } from './compile.js'
export { MAX_FILTER_TERMS, parseFilter } from './parser.js'

/** Parse and compile in one step: the predicate for a collection's $filter text. */
export function filterPredicate (text: string, fields: FilterFields): EntityPredicate {
  return compileFilter(parseFilter(text), fields)
}
