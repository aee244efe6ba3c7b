/**
 * Planning a tenant reset as the few writes that make its rows equal the fixtures' again. A reset usually
 * follows a handful of writes, and rewriting a 1,000-flow tenant row by row costs ~30 ms; touching only the
 * rows that differ costs a read of the tenant and a few statements. Pure: the store runs the plan.
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
  /** Fixture rows with no stored row; they are inserted last, so they must come last in the fixtures too. */
  insert: R[]
}

/**
 * The plan that turns `stored` (in seq order) into `target` (fixture order), or undefined when only a full
 * rewrite gives the fixtures' order (rows kept in place keep their seq; inserted ones get later ones).
 * `same` says whether a stored row already equals its fixture row; `updatable` whether an UPDATE can make it so
 * (columns the UPDATE does not set, such as a flow's type or creation time, must already agree).
 */
export function planRestore<R extends { id: string }, S extends R & PlannedRow> (
  stored: readonly S[],
  target: readonly R[],
  same: (stored: S, target: R) => boolean,
  updatable: (stored: S, target: R) => boolean
): RestorePlan<R> | undefined {
  const byId = new Map<string, S>()
  for (const row of stored) byId.set(row.id.toLowerCase(), row)
  const plan: RestorePlan<R> = { remove: [], update: [], insert: [] }
  const kept = new Set<S>()
  let lastSeq = -Infinity
  for (const row of target) {
    const current = byId.get(row.id.toLowerCase())
    if (current === undefined) {
      plan.insert.push(row)
      continue
    }
    // A kept row after an inserted one, or kept rows out of order: the order needs a full rewrite.
    if (plan.insert.length > 0 || current.seq < lastSeq || current.id !== row.id) return undefined
    lastSeq = current.seq
    kept.add(current)
    if (same(current, row)) continue
    if (!updatable(current, row)) return undefined
    plan.update.push(row)
  }
  for (const row of stored) if (!kept.has(row)) plan.remove.push(row)
  return plan
}
