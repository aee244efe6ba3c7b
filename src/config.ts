/** Configuration: one table of settings, read from environment variables or CLI flags of the same names. */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { isIP } from 'node:net'

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
  idSeed: Type.Optional(Type.String({ minLength: 1 })),
  jwtSecret: Type.Optional(Type.String({ minLength: 1 })),
  jwtKeys: Type.Optional(Type.String({ minLength: 1 })),
  tokenKey: Type.Optional(Type.String({ minLength: 1 })),
  tls: Type.Optional(Type.Boolean()),
  tlsCert: Type.Optional(Type.String({ minLength: 1 })),
  tlsKey: Type.Optional(Type.String({ minLength: 1 })),
  tlsCertOut: Type.Optional(Type.String({ minLength: 1 })),
  tlsHosts: Type.Optional(Type.String({ minLength: 1 })),
  journalSize: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1000 }),
  journalBytes: Type.Integer({ minimum: 65_536, maximum: 4_294_967_296, default: 33_554_432 }),
  versions: Type.String({ pattern: '^(beta|v1\\.0)(,(beta|v1\\.0))?$', default: 'beta' })
})
export type Config = Static<typeof ConfigSchema>
export type ConfigKey = keyof Config

/** Each setting: its environment variable, its flag, and what it does (the README table is made from this). */
export const SETTINGS: ReadonlyArray<{ key: ConfigKey, env: string, flag: string, help: string, boolean?: true }> = [
  { key: 'port', env: 'PORT', flag: '--port', help: 'TCP port to listen on (0 picks a free one).' },
  { key: 'host', env: 'HOST', flag: '--host', help: 'Interface to bind; the Docker image sets 0.0.0.0.' },
  { key: 'db', env: 'GRAPH_MOCK_DB', flag: '--db', help: 'SQLite database file, created and seeded from the fixtures when new; `:memory:` keeps nothing.' },
  { key: 'fixtures', env: 'GRAPH_MOCK_FIXTURES', flag: '--fixtures', help: 'Folder of fixture documents (*.json) that new databases and new tenants start from; when unset and ./fixtures does not exist, the fixtures bundled with the package.' },
  { key: 'auth', env: 'GRAPH_MOCK_AUTH', flag: '--auth', help: '`off`, `lenient` (a Bearer token is required; JWT claims are honoured) or `strict` (signed JWTs only).' },
  { key: 'publicUrl', env: 'GRAPH_MOCK_PUBLIC_URL', flag: '--public-url', help: 'Base URL used in @odata.context, @odata.nextLink and Location; default: from the request\'s Host.' },
  { key: 'patchResponse', env: 'GRAPH_MOCK_PATCH_RESPONSE', flag: '--patch-response', help: '`representation` (200 with the entity) or `minimal` (204, as production Graph).' },
  { key: 'adminToken', env: 'GRAPH_MOCK_ADMIN_TOKEN', flag: '--admin-token', help: 'When set, /_mock routes other than health and ready need header x-mock-admin-token.' },
  { key: 'logLevel', env: 'LOG_LEVEL', flag: '--log-level', help: 'pino level: fatal, error, warn, info (one line per request), debug, trace, silent.' },
  { key: 'idSeed', env: 'GRAPH_MOCK_ID_SEED', flag: '--id-seed', help: 'Makes generated ids reproducible from this seed.' },
  { key: 'jwtSecret', env: 'GRAPH_MOCK_JWT_SECRET', flag: '--jwt-secret', help: 'Strict mode: HMAC secret that HS256 tokens are verified with.' },
  { key: 'jwtKeys', env: 'GRAPH_MOCK_JWT_KEYS', flag: '--jwt-keys', help: 'Strict mode: file of public keys tokens are verified with (a JWKS or JWK JSON, or PEM public keys/certificates).' },
  { key: 'tokenKey', env: 'GRAPH_MOCK_TOKEN_KEY', flag: '--token-key', help: 'PEM private key (RSA, or EC P-256/384/521) that /_mock/token signs with; default: a P-256 key generated at start.' },
  { key: 'tls', env: 'GRAPH_MOCK_TLS', flag: '--tls', boolean: true, help: 'Serve HTTPS; without a certificate, a self-signed one for localhost, 127.0.0.1, ::1, this machine\'s host name and GRAPH_MOCK_TLS_HOSTS is generated at start.' },
  { key: 'tlsCert', env: 'GRAPH_MOCK_TLS_CERT', flag: '--tls-cert', help: 'PEM certificate (chain) to serve HTTPS with, instead of a generated one; implies --tls; needs GRAPH_MOCK_TLS_KEY.' },
  { key: 'tlsKey', env: 'GRAPH_MOCK_TLS_KEY', flag: '--tls-key', help: 'PEM private key of GRAPH_MOCK_TLS_CERT.' },
  { key: 'tlsCertOut', env: 'GRAPH_MOCK_TLS_CERT_OUT', flag: '--tls-cert-out', help: 'Write the served certificate (PEM) to this file at start, for NODE_EXTRA_CA_CERTS or curl --cacert.' },
  { key: 'tlsHosts', env: 'GRAPH_MOCK_TLS_HOSTS', flag: '--tls-hosts', help: 'More host names and IP addresses, comma-separated, for the generated certificate to name: `graph-mock` for other containers of a Compose project, say.' },
  { key: 'journalSize', env: 'GRAPH_MOCK_JOURNAL_SIZE', flag: '--journal-size', help: 'Most requests the journal (/_mock/requests) keeps; the oldest go first.' },
  { key: 'versions', env: 'GRAPH_MOCK_VERSIONS', flag: '--versions', help: 'Graph versions that serve industryData: `beta` (as Graph: v1.0 has none, and answers 400 for it) or `beta,v1.0` (the beta surface under /v1.0 too).' },
  { key: 'journalBytes', env: 'GRAPH_MOCK_JOURNAL_BYTES', flag: '--journal-bytes', help: 'Most the journal keeps in all, in bytes of text (each body is cut at 16 KiB when recorded); the oldest entries go first past it.' }
]

export class ConfigError extends Error {
  readonly setting: string
  constructor (setting: string, why: string) {
    super(`${setting}: ${why}`)
    this.name = 'ConfigError'
    this.setting = setting
  }
}

const INTEGER_KEYS: ReadonlySet<ConfigKey> = new Set(['port', 'journalSize', 'journalBytes'])
const TRUE = new Set(['true', '1', 'yes', 'on'])
const FALSE = new Set(['false', '0', 'no', 'off'])

/** Build a Config from environment-style names (`PORT`, `GRAPH_MOCK_DB`, …); pure, so tests pass a literal. */
export function loadConfig (env: Readonly<Record<string, string | undefined>>, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {}
  for (const setting of SETTINGS) {
    const text = env[setting.env]
    if (text === undefined || text === '') continue
    if (INTEGER_KEYS.has(setting.key)) {
      if (!/^\d+$/.test(text.trim())) throw new ConfigError(setting.env, `'${text}' is not a whole number`)
      raw[setting.key] = Number(text.trim())
    } else if (setting.boolean === true) {
      const word = text.trim().toLowerCase()
      if (!TRUE.has(word) && !FALSE.has(word)) throw new ConfigError(setting.env, `'${text}' is not valid (expected true or false)`)
      raw[setting.key] = TRUE.has(word)
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
  checkTlsSettings(config as Config)
  if (!servedVersions(config as Config).includes('beta')) throw new ConfigError('GRAPH_MOCK_VERSIONS', `'${String((config as Config).versions)}' leaves out beta, where Graph serves industryData`)
  return config as Config
}

export type GraphVersion = 'beta' | 'v1.0'
export const GRAPH_VERSIONS: readonly GraphVersion[] = ['beta', 'v1.0']

/** The versions whose prefix serves the industryData surface (every version serves $batch). */
export const servedVersions = (config: Pick<Config, 'versions'>): GraphVersion[] =>
  GRAPH_VERSIONS.filter(version => config.versions.split(',').includes(version))

/** TLS settings that only make sense together. */
function checkTlsSettings (config: Config): void {
  if (config.tlsCert !== undefined && config.tlsKey === undefined) throw new ConfigError('GRAPH_MOCK_TLS_KEY', 'is needed with GRAPH_MOCK_TLS_CERT')
  if (config.tlsKey !== undefined && config.tlsCert === undefined) throw new ConfigError('GRAPH_MOCK_TLS_CERT', 'is needed with GRAPH_MOCK_TLS_KEY')
  if (config.tls === false && config.tlsCert !== undefined) throw new ConfigError('GRAPH_MOCK_TLS', 'is false but GRAPH_MOCK_TLS_CERT is set')
  if (config.tlsCertOut !== undefined && config.tls !== true && config.tlsCert === undefined) {
    throw new ConfigError('GRAPH_MOCK_TLS_CERT_OUT', 'needs GRAPH_MOCK_TLS (there is no certificate to write without it)')
  }
  if (config.tlsHosts !== undefined) {
    if (config.tlsCert !== undefined) throw new ConfigError('GRAPH_MOCK_TLS_HOSTS', 'names hosts for the generated certificate, but GRAPH_MOCK_TLS_CERT gives the certificate')
    if (config.tls !== true) throw new ConfigError('GRAPH_MOCK_TLS_HOSTS', 'needs GRAPH_MOCK_TLS (the names go into the certificate it generates)')
    tlsHostNames(config.tlsHosts)
  }
}

// RFC 1123 labels; a leading `*.` is a wildcard, which certificates allow in the leftmost label only.
const HOST_NAME = /^(\*\.)?(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/i

/** Whether a name can stand in a certificate's subjectAltName as a DNS name. */
export const isHostName = (name: string): boolean => name.length <= 253 && HOST_NAME.test(name)

/** GRAPH_MOCK_TLS_HOSTS as a list: each entry a host name or an IP address, else a ConfigError naming it. */
export function tlsHostNames (text: string | undefined): string[] {
  if (text === undefined) return []
  return text.split(',').map(entry => entry.trim()).map(entry => {
    if (entry === '') throw new ConfigError('GRAPH_MOCK_TLS_HOSTS', `'${text}' has an empty entry`)
    if (isIP(entry) === 0 && !isHostName(entry)) throw new ConfigError('GRAPH_MOCK_TLS_HOSTS', `'${entry}' is not a host name or an IP address`)
    return entry
  })
}

/** Whether the server speaks HTTPS: asked for, or given a certificate. */
export const tlsEnabled = (config: Pick<Config, 'tls' | 'tlsCert'>): boolean => config.tls === true || config.tlsCert !== undefined

function describe (schema: TSchema): string {
  if (Array.isArray(schema.anyOf)) return `expected one of ${(schema.anyOf as TSchema[]).map(s => String(s.const)).join(', ')}`
  if (schema.type === 'integer') return `expected an integer from ${String(schema.minimum)} to ${String(schema.maximum)}`
  if (schema.pattern === ConfigSchema.properties.versions.pattern) return 'expected beta or beta,v1.0'
  if (typeof schema.pattern === 'string') return 'expected an http(s) URL'
  return 'expected a non-empty string'
}
