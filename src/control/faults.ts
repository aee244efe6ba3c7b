/** Fault rules (docs/control-plane.md): match requests by method, path pattern and tenant; answer an error or add a delay. */
import { Type, type Static } from '@sinclair/typebox'
import { TENANT_ID_PATTERN } from '../auth/principal.js'
import { GraphError } from '../errors/graph-error.js'
import { badRequest } from '../errors/graph-errors.js'
import { defaultCodeFor } from '../http/fastify-errors.js'
import { pathMatcher } from './path-pattern.js'
import { seededRandom } from './random.js'

/** The longest path pattern a fault rule or journal filter takes: longer than any URL path Node accepts. */
export const MAX_PATTERN_LENGTH = 16 * 1024
/** The most fault rules at once: a test that needs more has a bug; without a bound a loop could fill memory. */
export const MAX_FAULT_RULES = 1000
const MAX_COUNT = 1_000_000_000

export const FaultRuleInput = Type.Object({
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'HTTP method to match; any when absent.' })),
  path: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PATTERN_LENGTH, description: 'Path glob (`*` = any run of characters) or substring, case-insensitive; matched in linear time.' })),
  tenant: Type.Optional(Type.String({ pattern: TENANT_ID_PATTERN, description: 'Only requests of this tenant (the rule of a token\'s tid).' })),
  status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599, description: 'Answer with this status instead of the normal answer.' })),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Graph error code; default from the status.' })),
  message: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
  retryAfter: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400, description: 'Retry-After seconds on the error answer.' })),
  delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 120000, description: 'Wait this long before answering.' })),
  times: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_COUNT, description: 'Apply at most this many times.' })),
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_COUNT, description: 'Let this many matching requests through first.' })),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  seed: Type.Optional(Type.Union([Type.Integer({ minimum: -MAX_COUNT, maximum: MAX_COUNT }), Type.String({ maxLength: 200 })], { description: 'Seed for probability, for reproducible runs.' }))
}, { additionalProperties: false })
export type FaultRuleInput = Static<typeof FaultRuleInput>

export interface FaultRule extends FaultRuleInput {
  id: string
  matched: number
  applied: number
}

export interface FaultOutcome { rule: FaultRule, delayMs: number, error?: GraphError }

interface CompiledRule { rule: FaultRule, path: ((path: string) => boolean) | undefined, random: () => number }

export class FaultRules {
  #rules: CompiledRule[] = []
  #counter = 0

  add (input: FaultRuleInput): FaultRule {
    if (this.#rules.length >= MAX_FAULT_RULES) throw badRequest(`There are already ${MAX_FAULT_RULES} fault rules, the most graph-mock keeps; delete some first (DELETE /_mock/faults).`)
    this.#counter += 1
    const rule: FaultRule = { ...input, id: `fault-${this.#counter}`, matched: 0, applied: 0 }
    if (rule.method !== undefined) rule.method = rule.method.toUpperCase()
    this.#rules.push({ rule, path: rule.path === undefined ? undefined : pathMatcher(rule.path), random: seededRandom(rule.seed) })
    return rule
  }

  list (): FaultRule[] { return this.#rules.map(c => ({ ...c.rule })) }
  remove (id: string): boolean {
    const before = this.#rules.length
    this.#rules = this.#rules.filter(c => c.rule.id !== id)
    return this.#rules.length < before
  }

  clear (): void { this.#rules = [] }

  /** The first rule that applies to this request, counting matches as it goes. */
  evaluate (method: string, path: string, tenant: string | undefined): FaultOutcome | undefined {
    for (const { rule, path: matchesPath, random } of this.#rules) {
      if (rule.method !== undefined && rule.method !== method) continue
      if (matchesPath !== undefined && !matchesPath(path)) continue
      if (rule.tenant !== undefined && rule.tenant.toLowerCase() !== tenant) continue
      rule.matched += 1
      if (rule.after !== undefined && rule.matched <= rule.after) continue
      if (rule.times !== undefined && rule.applied >= rule.times) continue
      if (rule.probability !== undefined && random() >= rule.probability) continue
      rule.applied += 1
      const outcome: FaultOutcome = { rule, delayMs: rule.delayMs ?? 0 }
      if (rule.status !== undefined) {
        const headers: Record<string, string> = rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) }
        outcome.error = new GraphError(rule.status, rule.code ?? defaultCodeFor(rule.status), rule.message ?? `Injected fault (${rule.id}).`, headers)
      }
      return outcome
    }
    return undefined
  }
}
