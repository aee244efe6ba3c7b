import t from 'tap'
import { readFileSync } from 'node:fs'
import { renderSettingsTable } from '../../src/config-table.js'

t.test('the README configuration table matches the settings in src/config.ts', async t => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const match = /<!-- settings:start -->\n([\s\S]*?)\n<!-- settings:end -->/.exec(readme)
  t.ok(match, 'README has the settings block')
  t.equal(match?.[1], renderSettingsTable(), 'regenerate with: node --input-type=module -e "import(\'./dist/config-table.js\').then(m => console.log(m.renderSettingsTable()))"')
})
