/** The server's key material, from configuration: its token-signing key and the keys strict mode trusts. */
import { ConfigError, type Config } from '../config.js'
import { readSettingFile } from '../setting-files.js'
import { parsePublicKeys } from './public-keys.js'
import { createTokenSigner, type TokenSigner } from './token-signer.js'
import type { VerificationKeys } from './verify-token.js'

export interface Identity {
  signer: TokenSigner
  verification: VerificationKeys
}

/** Read GRAPH_MOCK_TOKEN_KEY, GRAPH_MOCK_JWT_KEYS and GRAPH_MOCK_JWT_SECRET; ConfigError naming the setting when one is unusable. */
export function loadIdentity (config: Pick<Config, 'tokenKey' | 'jwtKeys' | 'jwtSecret'>): Identity {
  const signer = createTokenSigner(config.tokenKey === undefined ? undefined : readSettingFile('GRAPH_MOCK_TOKEN_KEY', config.tokenKey))
  const publicKeys = [signer.publicKey]
  if (config.jwtKeys !== undefined) {
    const text = readSettingFile('GRAPH_MOCK_JWT_KEYS', config.jwtKeys)
    try {
      publicKeys.push(...parsePublicKeys(text))
    } catch (error) {
      throw new ConfigError('GRAPH_MOCK_JWT_KEYS', `'${config.jwtKeys}' is not usable: ${(error as Error).message}`)
    }
  }
  const verification: VerificationKeys = { publicKeys }
  if (config.jwtSecret !== undefined) verification.secret = new TextEncoder().encode(config.jwtSecret)
  return { signer, verification }
}
