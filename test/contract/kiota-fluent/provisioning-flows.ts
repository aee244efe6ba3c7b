/**
 * …/outboundProvisioningFlowSets/{id}/provisioningFlows: list, create, `$count`, and per flow
 * get, patch, delete and the reset action. Same URI templates, metadata and model functions as
 * the generated builders, including their body serializer, serializeProvisioningFlow.
 */
import type {
  BaseRequestBuilder,
  KeysToExcludeForNavigationMetadata,
  NavigationMetadata,
  RequestConfiguration,
  RequestInformation,
  RequestsMetadata,
} from '@microsoft/kiota-abstractions'
import {
  createProvisioningFlowCollectionResponseFromDiscriminatorValue,
  createProvisioningFlowFromDiscriminatorValue,
  serializeProvisioningFlow,
  type ProvisioningFlow,
  type ProvisioningFlowCollectionResponse,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import {
  COLLECTION_QUERY,
  COLLECTION_QUERY_MAPPER,
  ERROR_MAPPINGS,
  INDUSTRY_DATA_TEMPLATE,
  ITEM_QUERY,
  ITEM_QUERY_MAPPER,
  countRequestsMetadata,
  type CollectionGetQueryParameters,
  type CountRequestBuilder,
  type ItemGetQueryParameters,
} from './shared.js'

const FLOWS = `${INDUSTRY_DATA_TEMPLATE}/outboundProvisioningFlowSets/{outboundProvisioningFlowSet%2Did}/provisioningFlows`
const FLOW = `${FLOWS}/{provisioningFlow%2Did}`

export const ProvisioningFlowsRequestBuilderUriTemplate = `${FLOWS}${COLLECTION_QUERY}`
export const ProvisioningFlowItemRequestBuilderUriTemplate = `${FLOW}${ITEM_QUERY}`
/** The action as the generator names it: namespace-qualified. The Graph docs write `…/reset`. */
export const MicrosoftGraphIndustryDataResetRequestBuilderUriTemplate = `${FLOW}/microsoft.graph.industryData.reset`

/** Provides operations to call the reset method. */
export interface MicrosoftGraphIndustryDataResetRequestBuilder extends BaseRequestBuilder<MicrosoftGraphIndustryDataResetRequestBuilder> {
  /** Reset a provisioningFlow: it reprovisions everything, as on its first run. */
  post(requestConfiguration?: RequestConfiguration<object>): Promise<void>;
  toPostRequestInformation(requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const MicrosoftGraphIndustryDataResetRequestBuilderRequestsMetadata: RequestsMetadata = {
  post: {
    uriTemplate: MicrosoftGraphIndustryDataResetRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'sendNoResponseContent',
  },
}

/** Provides operations on one provisioning flow; answers come back as their derived types. */
export interface ProvisioningFlowItemRequestBuilder extends BaseRequestBuilder<ProvisioningFlowItemRequestBuilder> {
  get microsoftGraphIndustryDataReset(): MicrosoftGraphIndustryDataResetRequestBuilder;
  delete(requestConfiguration?: RequestConfiguration<object>): Promise<void>;
  get(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): Promise<ProvisioningFlow | undefined>;
  /** With the generated serializer only `id`, `@odata.type` and additionalData are sent. */
  patch(body: ProvisioningFlow, requestConfiguration?: RequestConfiguration<object>): Promise<ProvisioningFlow | undefined>;
  toDeleteRequestInformation(requestConfiguration?: RequestConfiguration<object>): RequestInformation;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): RequestInformation;
  toPatchRequestInformation(body: ProvisioningFlow, requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const ProvisioningFlowItemRequestBuilderNavigationMetadata: Record<Exclude<keyof ProvisioningFlowItemRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  microsoftGraphIndustryDataReset: {
    requestsMetadata: MicrosoftGraphIndustryDataResetRequestBuilderRequestsMetadata,
  },
}

export const ProvisioningFlowItemRequestBuilderRequestsMetadata: RequestsMetadata = {
  delete: {
    uriTemplate: ProvisioningFlowItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'sendNoResponseContent',
  },
  get: {
    uriTemplate: ProvisioningFlowItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createProvisioningFlowFromDiscriminatorValue,
    queryParametersMapper: ITEM_QUERY_MAPPER,
  },
  patch: {
    uriTemplate: ProvisioningFlowItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createProvisioningFlowFromDiscriminatorValue,
    requestBodyContentType: 'application/json',
    requestBodySerializer: serializeProvisioningFlow,
    requestInformationContentSetMethod: 'setContentFromParsable',
  },
}

/** Provides operations on a flow set's provisioning flows. */
export interface ProvisioningFlowsRequestBuilder extends BaseRequestBuilder<ProvisioningFlowsRequestBuilder> {
  get count(): CountRequestBuilder;
  byProvisioningFlowId(provisioningFlowId: string): ProvisioningFlowItemRequestBuilder;
  get(requestConfiguration?: RequestConfiguration<CollectionGetQueryParameters>): Promise<ProvisioningFlowCollectionResponse | undefined>;
  /** With the generated serializer only `id`, `@odata.type` and additionalData are sent. */
  post(body: ProvisioningFlow, requestConfiguration?: RequestConfiguration<object>): Promise<ProvisioningFlow | undefined>;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<CollectionGetQueryParameters>): RequestInformation;
  toPostRequestInformation(body: ProvisioningFlow, requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const ProvisioningFlowsRequestBuilderNavigationMetadata: Record<Exclude<keyof ProvisioningFlowsRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  byProvisioningFlowId: {
    requestsMetadata: ProvisioningFlowItemRequestBuilderRequestsMetadata,
    navigationMetadata: ProvisioningFlowItemRequestBuilderNavigationMetadata,
    pathParametersMappings: ['provisioningFlow%2Did'],
  },
  count: {
    requestsMetadata: countRequestsMetadata(FLOWS),
  },
}

export const ProvisioningFlowsRequestBuilderRequestsMetadata: RequestsMetadata = {
  get: {
    uriTemplate: ProvisioningFlowsRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createProvisioningFlowCollectionResponseFromDiscriminatorValue,
    queryParametersMapper: COLLECTION_QUERY_MAPPER,
  },
  post: {
    uriTemplate: ProvisioningFlowsRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createProvisioningFlowFromDiscriminatorValue,
    requestBodyContentType: 'application/json',
    requestBodySerializer: serializeProvisioningFlow,
    requestInformationContentSetMethod: 'setContentFromParsable',
  },
}
