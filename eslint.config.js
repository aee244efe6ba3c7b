// The house style (standard: no semicolons, two spaces, a space before a function's parentheses) with the
// TypeScript rules of typescript-eslint, as neostandard bundles them; `npm test` runs it first.
import globals from 'globals'
import neostandard from 'neostandard'

export default [
  ...neostandard({
    ts: true,
    ignores: ['dist/**', 'data/**', '.tap/**', 'coverage/**', 'node_modules/**']
  }),
  {
    rules: {
      // TypeBox's idiom names a schema and its static type alike (`const X = Type.Object(…)`, `type X = Static<typeof X>`).
      '@typescript-eslint/no-redeclare': 'off',
      // `void promise` as a statement marks a promise deliberately left to run.
      'no-void': ['error', { allowAsStatement: true }],
      // A `let` that a closure declared earlier reads (a timer its clean-up clears) is assigned once, later.
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }]
    }
  },
  {
    // The inspector's script runs in the browser.
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser }
  },
  {
    // Tests wait in loops for state that event handlers change, which this rule cannot see.
    files: ['test/**/*.ts'],
    rules: { 'no-unmodified-loop-condition': 'off' }
  }
]
