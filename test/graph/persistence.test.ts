import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { auth, build, CLASS_FLOW_ID, flowUrl, jsonAuth } from '../helpers.js'

t.test('a file database keeps acknowledged writes across a restart', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'nested', 'graph-mock.db')

  const first = await build(t, { db })
  const patched = await first.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { readinessStatus: 'ready', configuration: { additionalAttributes: ['classCode'] } } })
  t.equal(patched.statusCode, 200, 'PATCH answered')
  const stamp = patched.json().lastModifiedDateTime as string
  await first.close()

  const second = await build(t, { db })
  const got = await second.inject({ method: 'GET', url: flowUrl(CLASS_FLOW_ID), headers: auth })
  t.equal(got.json().readinessStatus, 'ready', 'readinessStatus survived the restart')
  t.same(got.json().configuration.additionalAttributes, ['classCode'], 'configuration survived, fixtures not re-applied')
  t.equal(got.json().lastModifiedDateTime, stamp, 'timestamp survived')
  const next = await second.inject({ method: 'PATCH', url: flowUrl(CLASS_FLOW_ID), headers: jsonAuth, payload: { configuration: {} } })
  t.ok(next.json().lastModifiedDateTime > stamp, 'a write after the restart still moves lastModifiedDateTime forward')
  t.equal(second.graphMock.store.db.pragma('journal_mode', { simple: true }), 'wal', 'WAL journal')
  t.equal(second.graphMock.store.db.pragma('user_version', { simple: true }), 2, 'migrations counted by user_version')
})
