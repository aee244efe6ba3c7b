/** `/_mock/health` (the process answers) and `/_mock/ready` (migrations ran and fixtures loaded). */
import type { FastifyPluginAsync } from 'fastify'
import { Type } from '@sinclair/typebox'
import { serviceUnavailable } from '../errors/graph-errors.js'

export interface HealthOptions {
  isReady: () => boolean
}

const Status = Type.Object({ status: Type.String() })

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { isReady }) => {
  app.get('/health', { schema: { response: { 200: Status } } }, async () => ({ status: 'ok' }))
  app.get('/ready', { schema: { response: { 200: Status } } }, async () => {
    if (!isReady()) throw serviceUnavailable('graph-mock is starting: migrations or fixtures are not done yet.')
    return { status: 'ready' }
  })
}
