/**
 * Planning a tenant reset as the few writes that make its rows equal the fixtures' again. A reset usually
 * follows a handful of writes, and rewriting a 1,000-flow tenant row by row costs ~30 ms; touching only the
 * rows that differ costs a read of the tenant and a few statements. Pure: the store runs the plan.
 *
 * Collections answer in `seq` order, so the plan keeps the fixtures' order: rows kept in place keep their seq,
 * a missing fixture row that belongs before a kept one goes back into the seq just below it (the seq it had,
 * when the tenant's fixtures were inserted together), and missing rows after the last kept one are appended.
 */

export interface PlannedRow {
  seq: number
  id: string
}

export interface RestorePlan<R> {
  /** Stored rows the fixtures do not have. */
  remove: R[]
  /** Fixture rows whose stored row (same id, same place in the order) holds other values. */
  update: R[]
  /** Fixture rows with no stored row: with the seq they must take, or none to be appended. */
  insert: Array<{ row: R, seq?: number }>
}

export interface RestoreRules<R, S> {
  /** Whether a stored row already equals its fixture row. */
  same: (stored: S, target: R) => boolean
  /** Whether an UPDATE can make it so (columns the UPDATE does not set must already agree). */
  updatable: (stored: S, target: R) => boolean
  /** Whether no row of the table (any tenant's) holds this seq. */
  seqFree: (seq: number) => boolean
}

/** The plan that turns `stored` (in seq order) into `target` (fixture order), or undefined when only a full rewrite can. */
export function planRestore<R extends { id: string }, S extends R & PlannedRow> (
  stored: readonly S[],
  target: readonly R[],
  rules: RestoreRules<R, S>
): RestorePlan<R> | undefined {
  const byId = new Map<string, S>()
  for (const row of stored) byId.set(row.id.toLowerCase(), row)
  const plan: RestorePlan<R> = { remove: [], update: [], insert: [] }
  const kept = new Set<S>()
  let lastSeq = 0
  let missing: R[] = []
  for (const row of target) {
    const current = byId.get(row.id.toLowerCase())
    if (current === undefined) {
      missing.push(row)
      continue
    }
    if (current.seq <= lastSeq || current.id !== row.id) return undefined
    // The missing rows before this one take the seqs just below it, all above the row kept before them.
    const first = current.seq - missing.length
    if (first <= lastSeq) return undefined
    for (const [i, row] of missing.entries()) {
      if (!rules.seqFree(first + i)) return undefined
      plan.insert.push({ row, seq: first + i })
    }
    missing = []
    lastSeq = current.seq
    kept.add(current)
    if (rules.same(current, row)) continue
    if (!rules.updatable(current, row)) return undefined
    plan.update.push(row)
  }
  for (const row of missing) plan.insert.push({ row })
  for (const row of stored) if (!kept.has(row)) plan.remove.push(row)
  return plan
}
