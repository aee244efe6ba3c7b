/**
 * What every industryData request builder shares, as the generated builders of
 * @microsoft/msgraph-beta-sdk-external have it: the error mapping, the OData
 * query parameters with their mappers, and the `$count` builder.
 */
import type {
  BaseRequestBuilder,
  ErrorMappings,
  Parsable,
  ParsableFactory,
  RequestConfiguration,
  RequestInformation,
  RequestsMetadata,
} from '@microsoft/kiota-abstractions'
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js'

/** `{+baseurl}` is the adapter's baseUrl; every builder's template starts here. */
export const INDUSTRY_DATA_TEMPLATE = '{+baseurl}/external/industryData'

/** Any error status (XXX) becomes an ODataError, as in every generated builder. */
export const ERROR_MAPPINGS: ErrorMappings = {
  XXX: createODataErrorFromDiscriminatorValue as ParsableFactory<Parsable>,
}

/** The query parameters of a collection's GET. */
export interface CollectionGetQueryParameters {
  /** Include count of items */
  count?: boolean;
  /** Expand related entities */
  expand?: string[];
  /** Filter items by property values */
  filter?: string;
  /** Order items by property values */
  orderby?: string[];
  /** Search items by search phrases */
  search?: string;
  /** Select properties to be returned */
  select?: string[];
  /** Skip the first n items */
  skip?: number;
  /** Show only the first n items */
  top?: number;
}

/** Symbol name → name in the URI template, whose `%24` the adapter expands to `$`. */
export const COLLECTION_QUERY_MAPPER: Record<string, string> = {
  count: '%24count',
  expand: '%24expand',
  filter: '%24filter',
  orderby: '%24orderby',
  search: '%24search',
  select: '%24select',
  skip: '%24skip',
  top: '%24top',
}

/** The query-string part of a collection's URI template. */
export const COLLECTION_QUERY = '{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}'

/** The query parameters of an entity's GET. */
export interface ItemGetQueryParameters {
  /** Expand related entities */
  expand?: string[];
  /** Select properties to be returned */
  select?: string[];
}

export const ITEM_QUERY_MAPPER: Record<string, string> = {
  expand: '%24expand',
  select: '%24select',
}

export const ITEM_QUERY = '{?%24expand,%24select}'

/** The query parameters of a `$count` GET. */
export interface CountGetQueryParameters {
  /** Filter items by property values */
  filter?: string;
  /** Search items by search phrases */
  search?: string;
}

const COUNT_QUERY_MAPPER: Record<string, string> = {
  filter: '%24filter',
  search: '%24search',
}

/** Provides operations to count the resources in a collection. */
export interface CountRequestBuilder extends BaseRequestBuilder<CountRequestBuilder> {
  /** The number of items, read from Graph's text/plain answer. */
  get(requestConfiguration?: RequestConfiguration<CountGetQueryParameters>): Promise<number | undefined>;
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<CountGetQueryParameters>): RequestInformation;
}

/** The `$count` builder under a collection template (without its query part). */
export function countRequestsMetadata (collectionTemplate: string): RequestsMetadata {
  return {
    get: {
      uriTemplate: `${collectionTemplate}/$count{?%24filter,%24search}`,
      responseBodyContentType: 'text/plain;q=0.9',
      errorMappings: ERROR_MAPPINGS,
      adapterMethodName: 'sendPrimitive',
      responseBodyFactory: 'number',
      queryParametersMapper: COUNT_QUERY_MAPPER,
    },
  }
}
