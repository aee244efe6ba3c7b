import t from 'tap'
import { pathMatcher } from '../../src/control/path-pattern.js'

t.test('path patterns: globs with * and substrings, case-insensitive', async t => {
  const cases: Array<[string, string, boolean]> = [
    ['*/roleGroups*', '/beta/external/industryData/roleGroups/staff', true],
    ['*/roleGroups*', '/beta/external/industryData/outboundProvisioningFlowSets', false],
    ['/beta/*/provisioningFlows/*', '/beta/external/industryData/outboundProvisioningFlowSets/s/provisioningFlows/f', true],
    ['/beta/*/provisioningFlows/*', '/v1.0/external/provisioningFlows/f', false],
    ['ROLEGROUPS', '/beta/external/industryData/roleGroups', true],
    ['*', '', true],
    ['**', '/anything', true],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*ab*ab*', 'xabyab', true],
    ['*ab*ab*', 'xaby', false],
    ['/x*', '/x', true],
    ['*x/', '/x', false]
  ]
  for (const [pattern, path, expected] of cases) t.equal(pathMatcher(pattern)(path), expected, `${pattern} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(path)}`)
  const hostile = pathMatcher(`${'*a'.repeat(50)}*b`)
  t.equal(hostile('a'.repeat(100_000)), false, 'a pattern that backtracks as a regular expression answers at once')
  t.equal(hostile(`${'a'.repeat(100_000)}b`), true, 'and matches when it should')
})
