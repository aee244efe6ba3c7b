/** The server's own signing key: what `POST /_mock/token` signs with, published as a JWKS, and trusted by strict mode. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto'
import type { JWTPayload } from 'jose'
import { ConfigError } from '../config.js'
import type { PublicKey } from './public-keys.js'

export interface PublicJwk extends JsonWebKey { kid: string, alg: string, use: 'sig' }

export interface TokenSigner {
  /** JWS algorithm of the key: ES256 for the generated key, RS256/ES384/ES512 for configured ones. */
  readonly alg: string
  /** RFC 7638 thumbprint of the public key, sent as the token header's `kid`. */
  readonly kid: string
  /** The public key, as strict mode verifies with it. */
  readonly publicKey: PublicKey
  /** `{ keys: [jwk] }`, what `GET /_mock/token/key` answers. */
  jwks: () => { keys: PublicJwk[] }
  sign: (claims: JWTPayload) => Promise<string>
}

const CURVE_ALGORITHMS: Readonly<Record<string, string>> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' }

/** A signer for a PEM private key (GRAPH_MOCK_TOKEN_KEY), or a fresh P-256 key (cheap: every app gets its own). */
export function createTokenSigner (privateKeyPem?: string, setting = 'GRAPH_MOCK_TOKEN_KEY'): TokenSigner {
  const privateKey = privateKeyPem === undefined ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : importPrivateKey(privateKeyPem, setting)
  const alg = algorithmFor(privateKey, setting)
  const publicKey = createPublicKey(privateKey)
  const jwk = publicKey.export({ format: 'jwk' })
  const kid = thumbprint(jwk)
  const publicJwk: PublicJwk = { ...jwk, kid, alg, use: 'sig' }
  return {
    alg,
    kid,
    publicKey: { key: publicKey, kid, alg },
    jwks: () => ({ keys: [{ ...publicJwk }] }),
    sign: async (claims) => {
      const { SignJWT } = await import('jose') // loaded on first use: not needed to start
      return await new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid }).sign(privateKey)
    }
  }
}

function importPrivateKey (pem: string, setting: string): KeyObject {
  try {
    return createPrivateKey(pem)
  } catch (error) {
    throw new ConfigError(setting, `not a PEM private key (${(error as Error).message})`)
  }
}

function algorithmFor (key: KeyObject, setting: string): string {
  const type = key.asymmetricKeyType
  if (type === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new ConfigError(setting, 'an RSA key needs at least 2048 bits')
    return 'RS256'
  }
  const curve = key.asymmetricKeyDetails?.namedCurve
  const alg = type === 'ec' && curve !== undefined ? CURVE_ALGORITHMS[curve] : undefined
  if (alg === undefined) throw new ConfigError(setting, `expected an RSA or EC (P-256, P-384, P-521) private key, got ${type ?? 'an unknown key type'}${curve === undefined ? '' : ` on ${curve}`}`)
  return alg
}

/** RFC 7638: SHA-256 of the required members in lexicographic order, base64url. */
function thumbprint (jwk: JsonWebKey): string {
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url')
}
