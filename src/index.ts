/** Public API of the graph-mock package. */
export { buildApp, type AppDeps, type GraphMockState } from './app.js'
export { loadConfig, ConfigSchema, SETTINGS, type Config } from './config.js'
export { DEFAULT_TENANT } from './auth/authenticate.js'
