/** Configuration: one table of settings, read from environment variables or CLI flags of the same names. */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

const LogLevel = Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map(l => Type.Literal(l)))

export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 4010 }),
  host: Type.String({ minLength: 1, default: '127.0.0.1' }),
  db: Type.String({ minLength: 1, default: './data/graph-mock.db' }),
  fixtures: Type.String({ minLength: 1, default: './fixtures' }),
  auth: Type.Union([Type.Literal('off'), Type.Literal('lenient'), Type.Literal('strict')], { default: 'lenient' }),
  publicUrl: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+(/[^?#]*)?$' })),
  patchResponse: Type.Union([Type.Literal('representation'), Type.Literal('minimal')], { default: 'representation' }),
  adminToken: Type.Optional(Type.String({ minLength: 1 })),
  logLevel: Type.Unsafe<'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'>({ ...LogLevel, default: 'info' }),
  idSeed: Type.Optional(Type.String({ minLength: 1 }))
})
export type Config = Static<typeof ConfigSchema>
export type ConfigKey = keyof Config

/** Each setting: its environment variable, its flag, and what it does (the README table is made from this). */
export const SETTINGS: ReadonlyArray<{ key: ConfigKey, env: string, flag: string, help: string }> = [
  { key: 'port', env: 'PORT', flag: '--port', help: 'TCP port to listen on (0 picks a free one).' },
  { key: 'host', env: 'HOST', flag: '--host', help: 'Interface to bind; the Docker image sets 0.0.0.0.' },
  { key: 'db', env: 'GRAPH_MOCK_DB', flag: '--db', help: 'SQLite database file, created and seeded from the fixtures when new; `:memory:` keeps nothing.' },
  { key: 'fixtures', env: 'GRAPH_MOCK_FIXTURES', flag: '--fixtures', help: 'Folder of fixture documents (*.json) that new databases and new tenants start from.' },
  { key: 'auth', env: 'GRAPH_MOCK_AUTH', flag: '--auth', help: '`off`, `lenient` (a Bearer token is required; JWT claims are honoured) or `strict` (signed JWTs only).' },
  { key: 'publicUrl', env: 'GRAPH_MOCK_PUBLIC_URL', flag: '--public-url', help: 'Base URL used in @odata.context, @odata.nextLink and Location; default: from the request\'s Host.' },
  { key: 'patchResponse', env: 'GRAPH_MOCK_PATCH_RESPONSE', flag: '--patch-response', help: '`representation` (200 with the entity) or `minimal` (204, as production Graph).' },
  { key: 'adminToken', env: 'GRAPH_MOCK_ADMIN_TOKEN', flag: '--admin-token', help: 'When set, /_mock routes other than health and ready need header x-mock-admin-token.' },
  { key: 'logLevel', env: 'LOG_LEVEL', flag: '--log-level', help: 'pino level: fatal, error, warn, info (one line per request), debug, trace, silent.' },
  { key: 'idSeed', env: 'GRAPH_MOCK_ID_SEED', flag: '--id-seed', help: 'Makes generated ids reproducible from this seed.' }
]

export class ConfigError extends Error {
  readonly setting: string
  constructor (setting: string, why: string) {
    super(`${setting}: ${why}`)
    this.name = 'ConfigError'
    this.setting = setting
  }
}

const INTEGER_KEYS: ReadonlySet<ConfigKey> = new Set(['port'])

/** Build a Config from environment-style names (`PORT`, `GRAPH_MOCK_DB`, …); pure, so tests pass a literal. */
export function loadConfig (env: Readonly<Record<string, string | undefined>>, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {}
  for (const setting of SETTINGS) {
    const text = env[setting.env]
    if (text === undefined || text === '') continue
    if (INTEGER_KEYS.has(setting.key)) {
      if (!/^\d+$/.test(text.trim())) throw new ConfigError(setting.env, `'${text}' is not a whole number`)
      raw[setting.key] = Number(text.trim())
    } else {
      raw[setting.key] = text.trim()
    }
  }
  Object.assign(raw, overrides)
  const config = Value.Default(ConfigSchema, raw)
  for (const setting of SETTINGS) {
    const schema = ConfigSchema.properties[setting.key] as TSchema
    const value = (config as Record<string, unknown>)[setting.key]
    if (value === undefined) continue
    if (!Value.Check(schema, value)) throw new ConfigError(setting.env, `'${String(value)}' is not valid (${describe(schema)})`)
  }
  return config as Config
}

function describe (schema: TSchema): string {
  if (Array.isArray(schema.anyOf)) return `expected one of ${(schema.anyOf as TSchema[]).map(s => String(s.const)).join(', ')}`
  if (schema.type === 'integer') return `expected an integer from ${String(schema.minimum)} to ${String(schema.maximum)}`
  if (typeof schema.pattern === 'string') return 'expected an http(s) URL'
  return 'expected a non-empty string'
}
