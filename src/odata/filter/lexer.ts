/** $filter text → tokens. Positions are 0-based offsets into the text, as Graph's OData parser reports them. */
export type Token =
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
export const CHARACTER_HINTS: Readonly<Record<string, string>> = {
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
export function tokenize (text: string): Token[] {
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

export function readString (text: string, start: number): { value: string, end: number } | undefined {
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
