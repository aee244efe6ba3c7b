/**
 * The fluent `client.external.industryData…` builders of the beta SDK, for the part graph-mock serves.
 * The generated ones ship in @microsoft/msgraph-beta-sdk-external, which is not on the npm registry, so
 * these are written the way its generated code is (same URI templates, request metadata, model
 * factories, serializers and error mappings) and registered the way every published sub-package
 * (@microsoft/msgraph-beta-sdk-users, …) registers its own: a `declare module` augmentation of
 * GraphBetaServiceClient, and extendGraphBetaServiceClient() adding `external` to the navigation
 * metadata that apiClientProxifier walks. docs/clients.md has the recipe.
 */
import type { ModelSerializerFunction, NavigationMetadata, Parsable, RequestsMetadata } from '@microsoft/kiota-abstractions'
import { extendGraphBetaServiceClient } from '@microsoft/msgraph-beta-sdk'
import { serializeOutboundProvisioningFlowSet, serializeProvisioningFlow } from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { serializeOutboundProvisioningFlowSetDerived, serializeProvisioningFlowDerived } from '../kiota-models.js'
import { ExternalRequestBuilderNavigationMetadata, type ExternalRequestBuilder } from './external.js'

declare module '@microsoft/msgraph-beta-sdk' {
  interface GraphBetaServiceClient {
    /** Provides operations to manage the external singleton. */
    get external(): ExternalRequestBuilder;
  }
}

export * from './external.js'
export * from './flow-sets.js'
export * from './provisioning-flows.js'
export * from './role-groups.js'
export * from './shared.js'

/** The service client's entry for `external`, as the generated ExternalServiceClientNavigationMetadata has it. */
export const ExternalServiceClientNavigationMetadata: Record<'external', NavigationMetadata> = {
  external: {
    navigationMetadata: ExternalRequestBuilderNavigationMetadata,
  },
}

type BodySerializer = ModelSerializerFunction<Parsable>

/**
 * Generated body serializer → one that writes the derived types' own properties. The generated
 * serializeProvisioningFlow sends a flow as its id, @odata.type and additionalData only, and
 * serializeOutboundProvisioningFlowSet sends a basicFilter as its @odata.type only.
 */
export const DERIVED_BODY_SERIALIZERS: ReadonlyMap<unknown, BodySerializer> = new Map<unknown, BodySerializer>([
  [serializeProvisioningFlow, serializeProvisioningFlowDerived],
  [serializeOutboundProvisioningFlowSet, serializeOutboundProvisioningFlowSetDerived],
])

const METHODS = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'query'] as const satisfies ReadonlyArray<keyof RequestsMetadata>

function replaceBodySerializers (requests: RequestsMetadata, replacements: ReadonlyMap<unknown, BodySerializer>): RequestsMetadata {
  const copy: RequestsMetadata = {}
  for (const method of METHODS) {
    const request = requests[method]
    if (request === undefined) continue
    const replacement = request.requestBodySerializer === undefined ? undefined : replacements.get(request.requestBodySerializer)
    copy[method] = replacement === undefined ? request : { ...request, requestBodySerializer: replacement }
  }
  return copy
}

/**
 * A copy of a navigation tree whose requests use other body serializers: an override of
 * `requestBodySerializer` that works on any builders' metadata, the generated package's included.
 */
export function withBodySerializers (
  navigation: Record<string, NavigationMetadata>,
  replacements: ReadonlyMap<unknown, BodySerializer>
): Record<string, NavigationMetadata> {
  const copy: Record<string, NavigationMetadata> = {}
  for (const [name, entry] of Object.entries(navigation)) {
    copy[name] = {
      ...entry,
      ...(entry.requestsMetadata && { requestsMetadata: replaceBodySerializers(entry.requestsMetadata, replacements) }),
      ...(entry.navigationMetadata && { navigationMetadata: withBodySerializers(entry.navigationMetadata, replacements) }),
    }
  }
  return copy
}

export interface RegisterOptions {
  /**
   * 'generated' (default): the SDK's own serializers, exactly as the generated builders use them, so a
   * fluent post()/patch() of a flow sends its `@odata.type` alone. 'derived': DERIVED_BODY_SERIALIZERS.
   */
  bodySerializers?: 'generated' | 'derived';
}

/**
 * Adds `external` to GraphBetaServiceClient. createGraphBetaServiceClient() reads the navigation
 * metadata when it is called, so register first; a client keeps what was registered when it was made.
 */
export function registerIndustryDataBuilders (options: RegisterOptions = {}): void {
  extendGraphBetaServiceClient(
    options.bodySerializers === 'derived'
      ? withBodySerializers(ExternalServiceClientNavigationMetadata, DERIVED_BODY_SERIALIZERS)
      : ExternalServiceClientNavigationMetadata
  )
}
