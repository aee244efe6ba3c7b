/**
 * …/industryData/roleGroups: list, create, `$count`, and per role group get, patch and delete.
 * serializeRoleGroup writes a role group whole: it has no derived types to lose.
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
  createRoleGroupCollectionResponseFromDiscriminatorValue,
  createRoleGroupFromDiscriminatorValue,
  serializeRoleGroup,
  type RoleGroup,
  type RoleGroupCollectionResponse,
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

const ROLE_GROUPS = `${INDUSTRY_DATA_TEMPLATE}/roleGroups`

export const RoleGroupsRequestBuilderUriTemplate = `${ROLE_GROUPS}${COLLECTION_QUERY}`
export const RoleGroupItemRequestBuilderUriTemplate = `${ROLE_GROUPS}/{roleGroup%2Did}${ITEM_QUERY}`

/** Provides operations on one role group. */
export interface RoleGroupItemRequestBuilder extends BaseRequestBuilder<RoleGroupItemRequestBuilder> {
  delete(requestConfiguration?: RequestConfiguration<object>): Promise<void>;
  get(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): Promise<RoleGroup | undefined>;
  patch(body: RoleGroup, requestConfiguration?: RequestConfiguration<object>): Promise<RoleGroup | undefined>;
  toDeleteRequestInformation(requestConfiguration?: RequestConfiguration<object>): RequestInformation;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): RequestInformation;
  toPatchRequestInformation(body: RoleGroup, requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const RoleGroupItemRequestBuilderRequestsMetadata: RequestsMetadata = {
  delete: {
    uriTemplate: RoleGroupItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'sendNoResponseContent',
  },
  get: {
    uriTemplate: RoleGroupItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createRoleGroupFromDiscriminatorValue,
    queryParametersMapper: ITEM_QUERY_MAPPER,
  },
  patch: {
    uriTemplate: RoleGroupItemRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createRoleGroupFromDiscriminatorValue,
    requestBodyContentType: 'application/json',
    requestBodySerializer: serializeRoleGroup,
    requestInformationContentSetMethod: 'setContentFromParsable',
  },
}

/** Provides operations on the tenant's role groups. */
export interface RoleGroupsRequestBuilder extends BaseRequestBuilder<RoleGroupsRequestBuilder> {
  get count(): CountRequestBuilder;
  byRoleGroupId(roleGroupId: string): RoleGroupItemRequestBuilder;
  get(requestConfiguration?: RequestConfiguration<CollectionGetQueryParameters>): Promise<RoleGroupCollectionResponse | undefined>;
  post(body: RoleGroup, requestConfiguration?: RequestConfiguration<object>): Promise<RoleGroup | undefined>;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<CollectionGetQueryParameters>): RequestInformation;
  toPostRequestInformation(body: RoleGroup, requestConfiguration?: RequestConfiguration<object>): RequestInformation;
}

export const RoleGroupsRequestBuilderNavigationMetadata: Record<Exclude<keyof RoleGroupsRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  byRoleGroupId: {
    requestsMetadata: RoleGroupItemRequestBuilderRequestsMetadata,
    pathParametersMappings: ['roleGroup%2Did'],
  },
  count: {
    requestsMetadata: countRequestsMetadata(ROLE_GROUPS),
  },
}

export const RoleGroupsRequestBuilderRequestsMetadata: RequestsMetadata = {
  get: {
    uriTemplate: RoleGroupsRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createRoleGroupCollectionResponseFromDiscriminatorValue,
    queryParametersMapper: COLLECTION_QUERY_MAPPER,
  },
  post: {
    uriTemplate: RoleGroupsRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createRoleGroupFromDiscriminatorValue,
    requestBodyContentType: 'application/json',
    requestBodySerializer: serializeRoleGroup,
    requestInformationContentSetMethod: 'setContentFromParsable',
  },
}
