/**
 * An AccessTokenProvider whose tokens come from graph-mock's `POST /_mock/token`, where an app's come
 * from Entra ID; `GRAPH_MOCK_AUTH=strict` accepts them. Like the Azure identity provider, it gives no
 * token to hosts that are not allowed, and over plain http only to localhost, 127.0.0.1 and ::1
 * (Kiota's validateProtocol).
 */
import { AllowedHostsValidator, validateProtocol, type AccessTokenProvider } from '@microsoft/kiota-abstractions'

/** The body of `POST /_mock/token` (docs/auth-and-tenants.md). */
export interface MockTokenRequest {
  tenant?: string;
  scopes?: string[];
  roles?: string[];
  lifetime?: number;
}

interface MintedToken { access_token: string, expires_in: number }

export class MockTokenProvider implements AccessTokenProvider {
  readonly #serverUrl: string
  readonly #request: MockTokenRequest
  readonly #validator: AllowedHostsValidator
  #token: Promise<MintedToken> | undefined
  #renewAt = 0

  /** serverUrl is graph-mock's origin (not its /beta URL); its host is the one allowed host. */
  constructor (serverUrl: string, request: MockTokenRequest = {}) {
    this.#serverUrl = serverUrl.replace(/\/+$/, '')
    this.#request = request
    this.#validator = new AllowedHostsValidator(new Set([new URL(this.#serverUrl).hostname]))
  }

  getAuthorizationToken = async (url?: string): Promise<string> => {
    if (url === undefined || !this.#validator.isUrlHostValid(url)) return ''
    validateProtocol(url)
    if (this.#token === undefined || Date.now() >= this.#renewAt) {
      this.#token = this.#mint()
      this.#token.catch(() => { this.#token = undefined })
    }
    return (await this.#token).access_token
  }

  getAllowedHostsValidator = (): AllowedHostsValidator => this.#validator

  async #mint (): Promise<MintedToken> {
    const res = await fetch(`${this.#serverUrl}/_mock/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.#request),
    })
    if (!res.ok) throw new Error(`POST /_mock/token answered ${res.status}: ${await res.text()}`)
    const token = await res.json() as MintedToken
    // Renew a minute early, counted on this machine's clock.
    this.#renewAt = Date.now() + (token.expires_in - 60) * 1000
    return token
  }
}
