/**
 * `external` and `external/industryData`, the part of them graph-mock serves: the industryData root's GET
 * and its outboundProvisioningFlowSets and roleGroups. (`GET /external` itself is not served.)
 */
import type {
  BaseRequestBuilder,
  KeysToExcludeForNavigationMetadata,
  NavigationMetadata,
  RequestConfiguration,
  RequestInformation,
  RequestsMetadata,
} from '@microsoft/kiota-abstractions'
import { createIndustryDataRootFromDiscriminatorValue, type IndustryDataRoot } from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import {
  OutboundProvisioningFlowSetsRequestBuilderNavigationMetadata,
  OutboundProvisioningFlowSetsRequestBuilderRequestsMetadata,
  type OutboundProvisioningFlowSetsRequestBuilder,
} from './flow-sets.js'
import { RoleGroupsRequestBuilderNavigationMetadata, RoleGroupsRequestBuilderRequestsMetadata, type RoleGroupsRequestBuilder } from './role-groups.js'
import { ERROR_MAPPINGS, INDUSTRY_DATA_TEMPLATE, ITEM_QUERY, ITEM_QUERY_MAPPER, type ItemGetQueryParameters } from './shared.js'

export const IndustryDataRequestBuilderUriTemplate = `${INDUSTRY_DATA_TEMPLATE}${ITEM_QUERY}`

/** Provides operations on the industryData root (industryDataRoot). */
export interface IndustryDataRequestBuilder extends BaseRequestBuilder<IndustryDataRequestBuilder> {
  get outboundProvisioningFlowSets(): OutboundProvisioningFlowSetsRequestBuilder;
  get roleGroups(): RoleGroupsRequestBuilder;
  get(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): Promise<IndustryDataRoot | undefined>;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<ItemGetQueryParameters>): RequestInformation;
}

export const IndustryDataRequestBuilderNavigationMetadata: Record<Exclude<keyof IndustryDataRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  outboundProvisioningFlowSets: {
    requestsMetadata: OutboundProvisioningFlowSetsRequestBuilderRequestsMetadata,
    navigationMetadata: OutboundProvisioningFlowSetsRequestBuilderNavigationMetadata,
  },
  roleGroups: {
    requestsMetadata: RoleGroupsRequestBuilderRequestsMetadata,
    navigationMetadata: RoleGroupsRequestBuilderNavigationMetadata,
  },
}

export const IndustryDataRequestBuilderRequestsMetadata: RequestsMetadata = {
  get: {
    uriTemplate: IndustryDataRequestBuilderUriTemplate,
    responseBodyContentType: 'application/json',
    errorMappings: ERROR_MAPPINGS,
    adapterMethodName: 'send',
    responseBodyFactory: createIndustryDataRootFromDiscriminatorValue,
    queryParametersMapper: ITEM_QUERY_MAPPER,
  },
}

/** Provides operations on the external singleton: here, only the way to industryData. */
export interface ExternalRequestBuilder extends BaseRequestBuilder<ExternalRequestBuilder> {
  get industryData(): IndustryDataRequestBuilder;
}

export const ExternalRequestBuilderNavigationMetadata: Record<Exclude<keyof ExternalRequestBuilder, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {
  industryData: {
    requestsMetadata: IndustryDataRequestBuilderRequestsMetadata,
    navigationMetadata: IndustryDataRequestBuilderNavigationMetadata,
  },
}
