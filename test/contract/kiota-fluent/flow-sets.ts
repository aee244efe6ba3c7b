/**
 * …/industryData/outboundProvisioningFlowSets: list, create, `$count`, and per set get, patch,
 * delete and its provisioningFlows. The generated body serializer is serializeOutboundProvisioningFlowSet.
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
  createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
  createOutboundProvisioningFlowSetFromDiscriminatorValue,
  serializeOutboundProvisioningFlowSet,
  type OutboundProvisioningFlowSet,
  type OutboundProvisioningFlowSetCollectionResponse,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import {
  ProvisioningFlowsRequestBuilderNavigationMetadata,
  ProvisioningFlowsRequestBuilderRequestsMetadata,
  type ProvisioningFlowsRequestBuilder,
} from './provisioning-flows.js'
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

const SETS = `${INDUSTRY_DATA_TEMPLATE}/outboundProvisioningFlowSets`

export const OutboundProvisioningFlowSetsRequestBuilderUriTemplate = `${SETS}${COLLECTION_QUERY}`
export const OutboundProvisioningFlowSetItemRequestBuilderUriTemplate = `${SETS}/{outboundProvisioningFlowSet%2Did}${ITEM_QUERY}`

/** Provides operations on one flow set. */
export interface OutboundProvisioningFlowSetItemRequestBuilder extends BaseRequestBuilder<OutboundProvisioningFlowSetItemRequestBuilder> {
  get provisioningFlows(): ProvisioningFlowsRequestBuilder;
  /** Deletes the set and its flows. */
  delete(requestConfiguration?: RequestConfiguration<object>): Promise<void>;
  get(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): Promise<OutboundProvisioningFlowSet | undefined>;
  /** With the generated serializer a basicFilter is sent as its `@odata.type` alone. */
  patch(body: OutboundProvisioningFlowSet, requestConfiguration?: RequestConfiguration<object>): Promise<OutboundProvisioningFlowSet | undefined>;
  toDeleteRequestInformation(requestConfiguration?: RequestConfiguration<object>): RequestInformation;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): RequestInformation;
  toPatchRequestInformation(body: OutboundProvisioningFlowSet, requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const OutboundProvisioningFlowSetItemRequestBuilderNavigationMetadata: Record<Exclude<keyof OutboundProvisioningFlowSetItemRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  provisioningFlows: {
    requestsMetadata: ProvisioningFlowsRequestBuilderRequestsMetadata,
    navigationMetadata: ProvisioningFlowsRequestBuilderNavigationMetadata,
  },
}

export const OutboundProvisioningFlowSetItemRequestBuilderRequestsMetadata: RequestsMetadata = {
  delete: {
    uriTemplate: OutboundProvisioningFlowSetItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'sendNoResponseContent',
  },
  get: {
    uriTemplate: OutboundProvisioningFlowSetItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createOutboundProvisioningFlowSetFromDiscriminatorValue,
    queryParametersMapper: ITEM_QUERY_MAPPER,
  },
  patch: {
    uriTemplate: OutboundProvisioningFlowSetItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createOutboundProvisioningFlowSetFromDiscriminatorValue,
    requestBodyContentType: 'application/json',
    requestBodySerializer: serializeOutboundProvisioningFlowSet,
    requestInformationContentSetMethod: 'setContentFromParsable',
  },
}

/** Provides operations on the tenant's flow sets. */
export interface OutboundProvisioningFlowSetsRequestBuilder extends BaseRequestBuilder<OutboundProvisioningFlowSetsRequestBuilder> {
  get count(): CountRequestBuilder;
  byOutboundProvisioningFlowSetId(outboundProvisioningFlowSetId: string): OutboundProvisioningFlowSetItemRequestBuilder;
  get(requestConfiguration?: RequestConfiguration<CollectionGetQueryParameters>): Promise<OutboundProvisioningFlowSetCollectionResponse | undefined>;
  /** With the generated serializer a basicFilter is sent as its `@odata.type` alone. */
  post(body: OutboundProvisioningFlowSet, requestConfiguration?: RequestConfiguration<object>): Promise<OutboundProvisioningFlowSet | undefined>;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<CollectionGetQueryParameters>): RequestInformation;
  toPostRequestInformation(body: OutboundProvisioningFlowSet, requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const OutboundProvisioningFlowSetsRequestBuilderNavigationMetadata: Record<Exclude<keyof OutboundProvisioningFlowSetsRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  byOutboundProvisioningFlowSetId: {
    requestsMetadata: OutboundProvisioningFlowSetItemRequestBuilderRequestsMetadata,
    navigationMetadata: OutboundProvisioningFlowSetItemRequestBuilderNavigationMetadata,
    pathParametersMappings: ['outboundProvisioningFlowSet%2Did'],
  },
  count: {
    requestsMetadata: countRequestsMetadata(SETS),
  },
}

export const OutboundProvisioningFlowSetsRequestBuilderRequestsMetadata: RequestsMetadata = {
  get: {
    uriTemplate: OutboundProvisioningFlowSetsRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
    queryParametersMapper: COLLECTION_QUERY_MAPPER,
  },
  post: {
    uriTemplate: OutboundProvisioningFlowSetsRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createOutboundProvisioningFlowSetFromDiscriminatorValue,
    requestBodyContentType: 'application/json',
    requestBodySerializer: serializeOutboundProvisioningFlowSet,
    requestInformationContentSetMethod: 'setContentFromParsable',
  },
}
