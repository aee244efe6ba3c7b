/** The image's health check (`node dist/ready-check.js`): 0 for a ready server over http or https, else 1. */
import t from 'tap'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { childEnv } from '../helpers.js'
import { listen } from '../contract/listen.js'

const READY_CHECK = fileURLToPath(new URL('../../dist/ready-check.js', import.meta.url))

/** The check's exit code; run asynchronously, since the server it asks runs in this very process. */
async function check (env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, [READY_CHECK], { env: childEnv(env), timeout: 10_000, stdio: 'ignore' })
  return await new Promise(resolve => child.on('exit', resolve))
}

t.test('a ready server over http, whatever GRAPH_MOCK_TLS says', async t => {
  const { url } = await listen(t)
  const PORT = new URL(url).port
  t.equal(await check({ PORT }), 0, 'http')
  t.equal(await check({ PORT, GRAPH_MOCK_TLS: 'true' }), 0, 'GRAPH_MOCK_TLS set, but TLS was not served: falls back to http')
})

t.test('a ready server over https with its self-signed certificate, with or without the environment saying so', async t => {
  const { url } = await listen(t, { tls: true })
  const PORT = new URL(url).port
  t.equal(await check({ PORT, GRAPH_MOCK_TLS: 'yes' }), 0, 'GRAPH_MOCK_TLS=yes')
  t.equal(await check({ PORT }), 0, 'TLS turned on by a flag: falls back to https')
})

t.test('no server: 1', async t => {
  const { url, app } = await listen(t)
  const PORT = new URL(url).port
  await app.close()
  t.equal(await check({ PORT }), 1, 'nothing listening')
})
