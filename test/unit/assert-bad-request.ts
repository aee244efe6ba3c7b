/** For pure modules: run `fn` and check it throws Graph's 400 BadRequest with exactly `message`. */
import type { Test } from 'tap'
import { isGraphError } from '../../src/errors/graph-error.js'

export function assertBadRequest (t: Test, fn: () => unknown, message: string, label: string): void {
  try {
    fn()
    t.fail(`${label}: expected a 400, got no error`)
  } catch (error) {
    if (!isGraphError(error)) {
      t.fail(`${label}: expected a GraphError, got ${String(error)}`)
      return
    }
    t.equal(error.statusCode, 400, `${label}: status 400`)
    t.equal(error.code, 'BadRequest', `${label}: code BadRequest`)
    t.equal(error.message, message, `${label}: message`)
  }
}
