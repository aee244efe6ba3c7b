/** `/_mock/health` (the process answers) and `/_mock/ready` (migrations ran and fixtures loaded). */
import type { FastifyPluginAsync } from 'fastify'
import { Type } from '@sinclair/typebox'
import { serviceUnavailable } from '../errors/graph-errors.js'

export interface HealthOptions {
  isReady: () => boolean
}

const Status = Type.Object({ status: Type.String() })
const Health = Type.Object({
  status: Type.String(),
  memory: Type.Object({
    rssBytes: Type.Integer({ description: 'Resident set size of the process' }),
    heapUsedBytes: Type.Integer({ description: 'JavaScript heap in use' }),
    heapTotalBytes: Type.Integer({ description: 'JavaScript heap reserved' })
  }, { description: 'What the process holds now, so a test can see memory level off under load.' })
})

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { isReady }) => {
  app.get('/health', { schema: { response: { 200: Health } } }, async () => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage()
    return { status: 'ok', memory: { rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal } }
  })
  app.get('/ready', { schema: { response: { 200: Status } } }, async () => {
    if (!isReady()) throw serviceUnavailable('graph-mock is starting: migrations or fixtures are not done yet.')
    return { status: 'ready' }
  })
}
