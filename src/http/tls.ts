/**
 * HTTPS material (`--tls`): a given certificate and key, or a self-signed certificate generated at start for
 * localhost, 127.0.0.1, ::1, the machine's host name (in a container, the container's) and GRAPH_MOCK_TLS_HOSTS;
 * optionally written out so clients can trust it (NODE_EXTRA_CA_CERTS).
 */
import { isIP } from 'node:net'
import { hostname } from 'node:os'
import { createSecureContext } from 'node:tls'
import { ConfigError, isHostName, tlsEnabled, tlsHostNames, type Config } from '../config.js'
import { readSettingFile, writeSettingFile } from '../setting-files.js'

export interface TlsMaterial {
  /** PEM private key. */
  key: string
  /** PEM certificate (chain). */
  cert: string
}

const DAY_MS = 86_400_000

/** The certificate and key to serve HTTPS with, or undefined when TLS is off; ConfigError naming the setting when one is unusable. */
export async function loadTlsMaterial (config: Pick<Config, 'tls' | 'tlsCert' | 'tlsKey' | 'tlsCertOut' | 'tlsHosts'>, nowMs: number = Date.now()): Promise<TlsMaterial | undefined> {
  if (!tlsEnabled(config)) return undefined
  const material = config.tlsCert !== undefined && config.tlsKey !== undefined
    ? givenMaterial(config.tlsCert, config.tlsKey)
    : await selfSignedCertificate(nowMs, certificateHosts(tlsHostNames(config.tlsHosts)))
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

/**
 * The names a generated certificate holds: the loopback names a local client uses, the machine's host name
 * (what another container reaches this one by, unless Compose names it otherwise), then the extra ones, each once.
 */
export function certificateHosts (extra: readonly string[], machine: string = hostname()): string[] {
  const names = ['localhost', '127.0.0.1', '::1', ...(isHostName(machine) ? [machine] : []), ...extra]
  return names.filter((name, i) => names.findIndex(other => other.toLowerCase() === name.toLowerCase()) === i)
}

/** A P-256 certificate valid from a day ago for a year, naming each of `hosts` in its subjectAltName. */
export async function selfSignedCertificate (nowMs: number = Date.now(), hosts: readonly string[] = certificateHosts([])): Promise<TlsMaterial> {
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
      // type 2 is dNSName, type 7 iPAddress (RFC 5280 GeneralName)
      { name: 'subjectAltName', altNames: hosts.map(host => isIP(host) === 0 ? { type: 2, value: host } : { type: 7, ip: host }) }
    ]
  })
  return { key: pems.private, cert: pems.cert }
}
