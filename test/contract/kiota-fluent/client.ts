/** A GraphBetaServiceClient made as the SDK's README makes one, with the SDK's own adapter and default middleware. */
import { BaseBearerTokenAuthenticationProvider, type AccessTokenProvider } from '@microsoft/kiota-abstractions'
import { createGraphBetaServiceClient, GraphBetaRequestAdapter, type GraphBetaServiceClient } from '@microsoft/msgraph-beta-sdk'

export interface BetaClient {
  client: GraphBetaServiceClient;
  adapter: GraphBetaRequestAdapter;
}

/**
 * GraphBetaRequestAdapter (retry, redirect, parameter-name decoding, user agent, headers inspection,
 * URL replacement and Graph telemetry handlers; JSON, text and form serialization) with a bearer
 * token from `tokens`, pointed at graph-mock's `/beta` URL instead of https://graph.microsoft.com/beta.
 */
export function createBetaClient (graphUrl: string, tokens: AccessTokenProvider): BetaClient {
  const adapter = new GraphBetaRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens))
  adapter.baseUrl = graphUrl
  return { client: createGraphBetaServiceClient(adapter), adapter }
}
