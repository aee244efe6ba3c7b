/** Contract tests only: a real server on 127.0.0.1, port 0. */
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../src/app.js'
import type { Config } from '../../src/config.js'
import { build } from '../helpers.js'

interface Teardown { teardown: (fn: () => unknown) => void }

export async function listen (t: Teardown, overrides: Partial<Config> = {}, deps: AppDeps = {}): Promise<{ app: FastifyInstance, url: string, graphUrl: string }> {
  const app = await build(t, overrides, deps)
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url, graphUrl: `${url}/beta` }
}
