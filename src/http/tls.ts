/**
 * HTTPS material (`--tls`): a given certificate and key, or a self-signed certificate for localhost,
 * 127.0.0.1 and ::1 generated at start; optionally written out so clients can trust it (NODE_EXTRA_CA_CERTS).
 */
import { createSecureContext } from 'node:tls'
import { ConfigError, tlsEnabled, type Config } from '../config.js'
import { readSettingFile, writeSettingFile } from '../setting-files.js'

export interface TlsMaterial {
  /** PEM private key. */
  key: string
  /** PEM certificate (chain). */
  cert: string
}

const DAY_MS = 86_400_000

/** The certificate and key to serve HTTPS with, or undefined when TLS is off; ConfigError naming the setting when one is unusable. */
export async function loadTlsMaterial (config: Pick<Config, 'tls' | 'tlsCert' | 'tlsKey' | 'tlsCertOut'>, nowMs: number = Date.now()): Promise<TlsMaterial | undefined> {
  if (!tlsEnabled(config)) return undefined
  const material = config.tlsCert !== undefined && config.tlsKey !== undefined
    ? givenMaterial(config.tlsCert, config.tlsKey)
    : await selfSignedCertificate(nowMs)
  if (config.tlsCertOut !== undefined) writeSettingFile('GRAPH_MOCK_TLS_CERT_OUT', config.tlsCertOut, material.cert)
  return material
}

function givenMaterial (certPath: string, keyPath: string): TlsMaterial {
  const material = { cert: readSettingFile('GRAPH_MOCK_TLS_CERT', certPath), key: readSettingFile('GRAPH_MOCK_TLS_KEY', keyPath) }
  try {
    createSecureContext(material) // fails now, with a reason, rather than on the first handshake
  } catch (error) {
    throw new ConfigError('GRAPH_MOCK_TLS_CERT', `'${certPath}' and GRAPH_MOCK_TLS_KEY '${keyPath}' are not a usable PEM certificate and matching key (${(error as Error).message})`)
  }
  return material
}

/** A P-256 certificate valid from a day ago for a year, for the loopback names a local client uses. */
export async function selfSignedCertificate (nowMs: number = Date.now()): Promise<TlsMaterial> {
  // Loaded only with --tls: importing it costs hundreds of milliseconds of start-up. A CommonJS module: its
  // exports object is the default export both under Node and in the bundled command (dist/graph-mock.js).
  const { default: selfsigned } = await import('selfsigned')
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'graph-mock' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(nowMs - DAY_MS), // tolerate a client clock a little behind
    notAfterDate: new Date(nowMs + 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] }
    ]
  })
  return { key: pems.private, cert: pems.cert }
}
