/** Public keys that strict mode verifies token signatures with: parsed from a JWKS/JWK JSON or PEM file, picked by a token's alg and kid. */
import { createPublicKey, X509Certificate, type JsonWebKey, type KeyObject } from 'node:crypto'

export interface PublicKey {
  key: KeyObject
  /** The JWK's `kid`, when it had one (PEM keys have none and match any kid). */
  kid?: string
  /** The JWK's `alg`, when it had one: the key then verifies only that algorithm. */
  alg?: string
}

/** Asymmetric JWS algorithms strict mode accepts, with the key type (and curve) each needs. */
export const ASYMMETRIC_ALGORITHMS: Readonly<Record<string, { type: string, curve?: string }>> = {
  RS256: { type: 'rsa' },
  RS384: { type: 'rsa' },
  RS512: { type: 'rsa' },
  PS256: { type: 'rsa' },
  PS384: { type: 'rsa' },
  PS512: { type: 'rsa' },
  ES256: { type: 'ec', curve: 'prime256v1' },
  ES384: { type: 'ec', curve: 'secp384r1' },
  ES512: { type: 'ec', curve: 'secp521r1' },
  EdDSA: { type: 'ed25519' },
  Ed25519: { type: 'ed25519' }
}

/** Keys from a file's text: JSON (`{"keys":[…]}` or one JWK) or PEM blocks (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE). Throws an Error saying why. */
export function parsePublicKeys (text: string): PublicKey[] {
  const trimmed = text.trim()
  const keys = trimmed.startsWith('{') ? fromJson(trimmed) : fromPem(trimmed)
  if (keys.length === 0) throw new Error('it holds no public signing key')
  return keys
}

function fromJson (text: string): PublicKey[] {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    throw new Error('it is neither valid JSON nor PEM')
  }
  const record = document as { keys?: unknown, kty?: unknown }
  const jwks: unknown[] = Array.isArray(record.keys) ? record.keys : typeof record.kty === 'string' ? [document] : []
  if (jwks.length === 0) throw new Error('the JSON is neither a JWKS ({"keys": [...]}) nor a JWK')
  return jwks.flatMap((jwk, i) => {
    if (typeof jwk !== 'object' || jwk === null) throw new Error(`keys[${i}] is not a JWK object`)
    const { kid, alg, use, kty } = jwk as { kid?: unknown, alg?: unknown, use?: unknown, kty?: unknown }
    if (use === 'enc') return [] // encryption keys never verify signatures
    if (kty === 'oct') throw new Error(`keys[${i}] is a symmetric key: put HMAC secrets in GRAPH_MOCK_JWT_SECRET`)
    let key: KeyObject
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
    } catch (error) {
      throw new Error(`keys[${i}] is not a usable public key (${(error as Error).message})`)
    }
    return [{ key, ...(typeof kid === 'string' ? { kid } : {}), ...(typeof alg === 'string' ? { alg } : {}) }]
  })
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g

function fromPem (text: string): PublicKey[] {
  const blocks = [...text.matchAll(PEM_BLOCK)]
  if (blocks.length === 0) throw new Error('it is neither JSON (JWKS) nor PEM')
  return blocks.map(([block, label]) => {
    try {
      if (label === 'CERTIFICATE') return { key: new X509Certificate(block).publicKey }
      if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') return { key: createPublicKey(block) }
    } catch (error) {
      throw new Error(`its ${label ?? ''} block is not valid (${(error as Error).message})`)
    }
    throw new Error(`it holds a '${label ?? ''}' block; expected PUBLIC KEY or CERTIFICATE`)
  })
}

/** The keys that may have signed a token with this header: right type and curve, same alg and kid when the key names them. */
export function candidateKeys (keys: readonly PublicKey[], alg: string, kid: string | undefined): PublicKey[] {
  const needs = ASYMMETRIC_ALGORITHMS[alg]
  if (needs === undefined) return []
  return keys.filter(k => {
    const type = k.key.asymmetricKeyType === 'rsa-pss' ? 'rsa' : k.key.asymmetricKeyType
    if (type !== needs.type) return false
    if (needs.curve !== undefined && k.key.asymmetricKeyDetails?.namedCurve !== needs.curve) return false
    if (k.alg !== undefined && k.alg !== alg) return false
    return kid === undefined || k.kid === undefined || k.kid === kid
  })
}
