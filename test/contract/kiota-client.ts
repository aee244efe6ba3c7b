/**
 * Contract-test helper: talks to graph-mock (or Graph) with the official Kiota
 * pieces of @microsoft/msgraph-beta-sdk 1.0.0-preview.81 / kiota-* 1.0.0-preview.109.
 *
 * Facts about the SDK, each checked against node_modules:
 * - The fluent `.external` builders ship in @microsoft/msgraph-beta-sdk-external,
 *   which is not on npm (404). kiota-fluent/ registers an equivalent on the
 *   service client; here we build RequestInformation by hand, with the same URI
 *   templates, Accept header and XXX error mapping as those builders.
 * - The package has no "exports" map, so deep imports need the full path:
 *   '@microsoft/msgraph-beta-sdk/models/industryData/index.js', '.../models/oDataErrors/index.js'.
 * - serializeProvisioningFlow (what the generated POST/PATCH use) calls the
 *   derived serializer with isSerializingDerivedType=true, which returns at once.
 *   Result: only id/@odata.type are written. We call the derived serializer ourselves.
 * - Same bug in serializeFilter (drops basicFilter attribute/in; used by
 *   serializeOutboundProvisioningFlowSet) and serializePasswordSettings (drops
 *   simplePasswordSettings.password; used by serializeUserConfiguration).
 * - Derived serializers write id, @odata.type and additionalData (via
 *   serializeEntity), never createdDateTime/lastModifiedDateTime/readinessStatus.
 *   So PATCHing an object from GET also sends its "id" and "@odata.context".
 * - createProvisioningFlow/createFilter/createPasswordSettingsFromDiscriminatorValue
 *   dispatch on "@odata.type", so parsing gives the derived type. The
 *   create<Derived>...FromDiscriminatorValue factories do not dispatch.
 * - The create*FromDiscriminatorValue factories are typed `(instance?: Parsable)`.
 *   adapter.send() therefore infers T = Parsable unless there is a return type
 *   or an explicit type argument.
 * - BasicFilter's `in` is `inEscaped`. ODataError's `error` is `errorEscaped`,
 *   so read err.errorEscaped?.code. err.message is copied from error.message.
 * - Errors need an ErrorMappings entry (XXX/_4XX/_5XX/status) to become an
 *   ODataError; otherwise the adapter throws DefaultApiError. The ODataError is
 *   not instanceof Error; it has responseStatusCode and responseHeaders.
 * - UserConfiguration.roleGroup is an embedded RoleGroup ({"roleGroup":{"id":..}}).
 *   There is no roleGroup@odata.bind field; put it in additionalData (roleGroupBind()).
 * - Parse/serialization registries are not singletons any more. Register
 *   factories per adapter: registerDefaultDeserializer(JsonParseNodeFactory,
 *   backingStoreFactory) and registerDefaultSerializer(JsonSerializationWriterFactory).
 * - With a backing store factory, parsed models and errors are Proxies whose get
 *   trap returns undefined for toString, so String(err) throws. Default here: plain objects.
 * - BaseBearerTokenAuthenticationProvider does no host check; the AccessTokenProvider
 *   does. validateProtocol lets plain http through only for localhost, 127.0.0.1 and ::1.
 * - The default middleware retries 429/503/504 up to 3 times, POST/PATCH included.
 *   It also rewrites %24 to $ in query names and adds
 *   User-Agent: kiota-typescript/....
 * - The generated reset builder POSTs to
 *   .../{id}/microsoft.graph.industryData.reset. The docs say .../reset.
 */
import {
  AllowedHostsValidator,
  AnonymousAuthenticationProvider,
  BaseBearerTokenAuthenticationProvider,
  HttpMethod,
  ParseNodeFactoryRegistry,
  RequestInformation,
  SerializationWriterFactoryRegistry,
  validateProtocol,
} from '@microsoft/kiota-abstractions'
import type {
  AccessTokenProvider,
  AuthenticationProvider,
  ErrorMappings,
  Parsable,
  ParsableFactory,
  RequestAdapter,
  SerializationWriter,
} from '@microsoft/kiota-abstractions'
import {
  FetchRequestAdapter,
  HttpClient,
  MiddlewareFactory,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/kiota-http-fetchlibrary'
import type { Middleware } from '@microsoft/kiota-http-fetchlibrary'
import { JsonParseNodeFactory, JsonSerializationWriterFactory } from '@microsoft/kiota-serialization-json'
import { TextParseNodeFactory } from '@microsoft/kiota-serialization-text'
import {
  createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
  createOutboundProvisioningFlowSetFromDiscriminatorValue,
  createProvisioningFlowCollectionResponseFromDiscriminatorValue,
  createProvisioningFlowFromDiscriminatorValue,
  createRoleGroupCollectionResponseFromDiscriminatorValue,
  createRoleGroupFromDiscriminatorValue,
  serializeRoleGroup,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import type {
  AdministrativeUnitProvisioningFlow,
  BasicFilter,
  ClassGroupProvisioningFlow,
  Filter,
  OutboundProvisioningFlowSet,
  OutboundProvisioningFlowSetCollectionResponse,
  ProvisioningFlow,
  ProvisioningFlowCollectionResponse,
  RoleGroup,
  RoleGroupCollectionResponse,
  SecurityGroupProvisioningFlow,
  SimplePasswordSettings,
  UserConfiguration,
  UserProvisioningFlow,
} from '@microsoft/msgraph-beta-sdk/models/industryData/index.js'
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js'
import type { ODataError } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js'
import { serializeOutboundProvisioningFlowSetDerived, serializeProvisioningFlowDerived } from './kiota-models.js'

export type {
  AdministrativeUnitProvisioningFlow,
  BasicFilter,
  ClassGroupProvisioningFlow,
  Filter,
  ODataError,
  OutboundProvisioningFlowSet,
  OutboundProvisioningFlowSetCollectionResponse,
  ProvisioningFlow,
  ProvisioningFlowCollectionResponse,
  RoleGroup,
  RoleGroupCollectionResponse,
  SecurityGroupProvisioningFlow,
  SimplePasswordSettings,
  UserConfiguration,
  UserProvisioningFlow,
}
export {
  ODATA_TYPE,
  isAdministrativeUnitProvisioningFlow,
  isBasicFilter,
  isClassGroupProvisioningFlow,
  isODataError,
  isSecurityGroupProvisioningFlow,
  isUserProvisioningFlow,
  serializeFilterDerived,
  serializeOutboundProvisioningFlowSetDerived,
  serializePasswordSettingsDerived,
  serializeProvisioningFlowDerived,
  serializeUserConfigurationDerived,
  serializeUserCreationOptionsDerived,
  serializeUserProvisioningFlowDerived,
} from './kiota-models.js'
import type { CollectionGetQueryParameters } from './kiota-fluent/shared.js'
// Re-exported so tests can pass them to getNextPage() without another import.
export {
  createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue,
  createProvisioningFlowCollectionResponseFromDiscriminatorValue,
  createRoleGroupCollectionResponseFromDiscriminatorValue,
}

// ---------------------------------------------------------------------------
// constants

/** URI templates copied from the generated msgraph-beta-sdk-external builders. */
export const URI_TEMPLATE = {
  flowSets:
    '{+baseurl}/external/industryData/outboundProvisioningFlowSets{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}',
  flowSet: '{+baseurl}/external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSet%2Did}{?%24expand,%24select}',
  flows:
    '{+baseurl}/external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSet%2Did}/provisioningFlows{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}',
  flow: '{+baseurl}/external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSet%2Did}/provisioningFlows/{provisioningFlow%2Did}{?%24expand,%24select}',
  /** What the generated SDK builder uses (namespace-qualified action). */
  resetQualified:
    '{+baseurl}/external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSet%2Did}/provisioningFlows/{provisioningFlow%2Did}/microsoft.graph.industryData.reset',
  /** What the Graph docs show. */
  resetShort:
    '{+baseurl}/external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSet%2Did}/provisioningFlows/{provisioningFlow%2Did}/reset',
  roleGroups:
    '{+baseurl}/external/industryData/roleGroups{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}',
  roleGroup: '{+baseurl}/external/industryData/roleGroups/{roleGroup%2Did}{?%24expand,%24select}',
  roleGroupsCount: '{+baseurl}/external/industryData/roleGroups/$count{?%24filter,%24search}',
} as const

const LIST_QUERY_MAPPER: Record<string, string> = {
  count: '%24count',
  expand: '%24expand',
  filter: '%24filter',
  orderby: '%24orderby',
  search: '%24search',
  select: '%24select',
  skip: '%24skip',
  top: '%24top',
}
const ITEM_QUERY_MAPPER: Record<string, string> = {
  expand: '%24expand',
  select: '%24select',
}

/** Same shape as the generated *RequestBuilderGetQueryParameters. */
export type ListQuery = CollectionGetQueryParameters
export interface ItemQuery {
  expand?: string[];
  select?: string[];
}

/** Every generated builder maps any error status (XXX) to ODataError. */
const ERROR_MAPPINGS: ErrorMappings = {
  XXX: createODataErrorFromDiscriminatorValue,
}

// ---------------------------------------------------------------------------
// adapter

export interface CreateAdapterOptions {
  /**
   * Options for Kiota's RetryHandler (429/503/504). Omit for Kiota's defaults
   * (3 retries, 3 s delay). Pass `{ maxRetries: 0 }` to see throttling
   * responses as they are.
   */
  retry?: { maxRetries?: number; delay?: number };
  /** true = Kiota's performance chain, whose CompressionHandler gzips every request body. */
  compression?: boolean;
  /** Extra hosts that may receive the bearer token (default: base URL's host). */
  allowedHosts?: string[];
  /**
   * true = register JsonParseNodeFactory with the adapter's backing store
   * factory, exactly like kiota-bundle's DefaultRequestAdapter. Parsed models
   * and thrown ODataErrors are then Proxies whose `get` trap answers every
   * property, including toString, constructor and Symbol.toPrimitive, from the
   * backing store, so String(err) and `${err}` throw "Cannot convert object to
   * primitive value". Default false: plain objects. The wire format is the
   * same either way.
   */
  backingStore?: boolean;
}

/**
 * AccessTokenProvider with a fixed token. It follows the Azure identity
 * provider's rules: no token for hosts that are not allowed, and https only
 * (Kiota's validateProtocol lets http through for localhost, 127.0.0.1, ::1).
 */
export class StaticAccessTokenProvider implements AccessTokenProvider {
  readonly #token: string
  readonly #validator: AllowedHostsValidator

  constructor (token: string, allowedHosts: Iterable<string>) {
    this.#token = token
    this.#validator = new AllowedHostsValidator(new Set(allowedHosts))
  }

  getAuthorizationToken = (url?: string): Promise<string> => {
    if (!url || !this.#validator.isUrlHostValid(url)) return Promise.resolve('')
    validateProtocol(url) // throws for plain http to hosts that are not local
    return Promise.resolve(this.#token)
  }

  getAllowedHostsValidator = (): AllowedHostsValidator => this.#validator
}

/**
 * A FetchRequestAdapter set up like kiota-bundle's DefaultRequestAdapter
 * (JSON only): default Kiota middleware, JSON parse/serialize factories,
 * `Authorization: Bearer <token>` when a token is given, and baseUrl set.
 * Parsed models are plain objects unless options.backingStore is true.
 */
export function createAdapter (baseUrl: string, token?: string, options: CreateAdapterOptions = {}): FetchRequestAdapter {
  const normalizedBase = baseUrl.replace(/\/+$/, '')
  const host = new URL(normalizedBase).hostname.toLowerCase()
  const authProvider: AuthenticationProvider =
    token === undefined
      ? new AnonymousAuthenticationProvider()
      : new BaseBearerTokenAuthenticationProvider(
        new StaticAccessTokenProvider(token, [host, ...(options.allowedHosts ?? [])])
      )

  const middlewares: Middleware[] = options.compression === true ? MiddlewareFactory.getPerformanceMiddlewares() : MiddlewareFactory.getDefaultMiddlewares()
  if (options.retry) {
    const index = middlewares.findIndex((m) => m instanceof RetryHandler)
    const retryHandler = new RetryHandler(new RetryHandlerOptions(options.retry))
    if (index >= 0) middlewares[index] = retryHandler
    else middlewares.unshift(retryHandler)
  }
  // HttpClient(customFetch, ...middlewares): no customFetch, because it would
  // add a second CustomFetchHandler after the default chain's own one.
  const httpClient = new HttpClient(undefined, ...middlewares)

  const parseNodeFactory = new ParseNodeFactoryRegistry()
  const serializationWriterFactory = new SerializationWriterFactoryRegistry()
  const adapter = new FetchRequestAdapter(authProvider, parseNodeFactory, serializationWriterFactory, httpClient)
  if (options.backingStore === true) {
    parseNodeFactory.registerDefaultDeserializer(JsonParseNodeFactory, adapter.getBackingStoreFactory())
  } else {
    // registerDefaultDeserializer always passes a backing store factory, so
    // put a factory without one into the registry's public map directly.
    const json = new JsonParseNodeFactory()
    parseNodeFactory.contentTypeAssociatedFactories.set(json.getValidContentType(), json)
  }
  // As the SDK's own adapter does: $count segments answer text/plain.
  const text = new TextParseNodeFactory()
  parseNodeFactory.contentTypeAssociatedFactories.set(text.getValidContentType(), text)
  serializationWriterFactory.registerDefaultSerializer(JsonSerializationWriterFactory)
  adapter.baseUrl = normalizedBase
  return adapter
}

// ---------------------------------------------------------------------------
// request plumbing

function newRequest (
  method: HttpMethod,
  urlTemplate: string,
  pathParameters: Record<string, string>,
  query?: object,
  queryMapper?: Record<string, string>
): RequestInformation {
  const info = new RequestInformation(method, urlTemplate)
  for (const [key, value] of Object.entries(pathParameters)) info.pathParameters[key] = value
  if (query) info.setQueryStringParametersFromRawObject(query, queryMapper)
  // The generated builders add this for every request that has a responseBodyContentType.
  info.headers.tryAdd('Accept', 'application/json')
  return info
}

function withBody<T extends Parsable> (
  adapter: RequestAdapter,
  info: RequestInformation,
  body: T,
  serializer: (writer: SerializationWriter, value?: Partial<T> | null) => void
): RequestInformation {
  info.setContentFromParsable(adapter, 'application/json', body, serializer)
  return info
}

const setParam = (id: string): Record<string, string> => ({ 'outboundProvisioningFlowSet%2Did': id })
const flowParams = (setId: string, flowId: string): Record<string, string> => ({
  'outboundProvisioningFlowSet%2Did': setId,
  'provisioningFlow%2Did': flowId,
})

// ---------------------------------------------------------------------------
// outboundProvisioningFlowSets

export function listFlowSets (
  adapter: RequestAdapter,
  query?: ListQuery
): Promise<OutboundProvisioningFlowSetCollectionResponse | undefined> {
  const info = newRequest(HttpMethod.GET, URI_TEMPLATE.flowSets, {}, query, LIST_QUERY_MAPPER)
  return adapter.send(info, createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function createFlowSet (
  adapter: RequestAdapter,
  body: OutboundProvisioningFlowSet
): Promise<OutboundProvisioningFlowSet | undefined> {
  const info = withBody(adapter, newRequest(HttpMethod.POST, URI_TEMPLATE.flowSets, {}), body, serializeOutboundProvisioningFlowSetDerived)
  return adapter.send(info, createOutboundProvisioningFlowSetFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function getFlowSet (
  adapter: RequestAdapter,
  setId: string,
  query?: ItemQuery
): Promise<OutboundProvisioningFlowSet | undefined> {
  const info = newRequest(HttpMethod.GET, URI_TEMPLATE.flowSet, setParam(setId), query, ITEM_QUERY_MAPPER)
  return adapter.send(info, createOutboundProvisioningFlowSetFromDiscriminatorValue, ERROR_MAPPINGS)
}

/** Resolves to undefined when the server answers 204 No Content. */
export function patchFlowSet (
  adapter: RequestAdapter,
  setId: string,
  body: OutboundProvisioningFlowSet
): Promise<OutboundProvisioningFlowSet | undefined> {
  const info = withBody(
    adapter,
    newRequest(HttpMethod.PATCH, URI_TEMPLATE.flowSet, setParam(setId)),
    body,
    serializeOutboundProvisioningFlowSetDerived
  )
  return adapter.send(info, createOutboundProvisioningFlowSetFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function deleteFlowSet (adapter: RequestAdapter, setId: string): Promise<void> {
  const info = newRequest(HttpMethod.DELETE, URI_TEMPLATE.flowSet, setParam(setId))
  return adapter.sendNoResponseContent(info, ERROR_MAPPINGS)
}

// ---------------------------------------------------------------------------
// provisioningFlows

/** Items come back as their derived types; odataNextLink is on the result. */
export function listFlows (
  adapter: RequestAdapter,
  setId: string,
  query?: ListQuery
): Promise<ProvisioningFlowCollectionResponse | undefined> {
  const info = newRequest(HttpMethod.GET, URI_TEMPLATE.flows, setParam(setId), query, LIST_QUERY_MAPPER)
  return adapter.send(info, createProvisioningFlowCollectionResponseFromDiscriminatorValue, ERROR_MAPPINGS)
}

/** `flow.odataType` selects the serializer; set it, or only id/@odata.type go out. */
export function createFlow (
  adapter: RequestAdapter,
  setId: string,
  flow: ProvisioningFlow
): Promise<ProvisioningFlow | undefined> {
  const info = withBody(adapter, newRequest(HttpMethod.POST, URI_TEMPLATE.flows, setParam(setId)), flow, serializeProvisioningFlowDerived)
  return adapter.send(info, createProvisioningFlowFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function getFlow (
  adapter: RequestAdapter,
  setId: string,
  flowId: string,
  query?: ItemQuery
): Promise<ProvisioningFlow | undefined> {
  const info = newRequest(HttpMethod.GET, URI_TEMPLATE.flow, flowParams(setId, flowId), query, ITEM_QUERY_MAPPER)
  return adapter.send(info, createProvisioningFlowFromDiscriminatorValue, ERROR_MAPPINGS)
}

/**
 * PATCH with the derived serializer chosen from `flow.odataType`. Resolves to
 * undefined on 204. Passing a flow you got from GET also sends its id and
 * its additionalData (for example "@odata.context").
 */
export function patchFlow (
  adapter: RequestAdapter,
  setId: string,
  flowId: string,
  flow: ProvisioningFlow
): Promise<ProvisioningFlow | undefined> {
  const info = withBody(
    adapter,
    newRequest(HttpMethod.PATCH, URI_TEMPLATE.flow, flowParams(setId, flowId)),
    flow,
    serializeProvisioningFlowDerived
  )
  return adapter.send(info, createProvisioningFlowFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function deleteFlow (adapter: RequestAdapter, setId: string, flowId: string): Promise<void> {
  const info = newRequest(HttpMethod.DELETE, URI_TEMPLATE.flow, flowParams(setId, flowId))
  return adapter.sendNoResponseContent(info, ERROR_MAPPINGS)
}

export interface ResetFlowOptions {
  /**
   * 'qualified' (default) = .../microsoft.graph.industryData.reset, as the
   * generated SDK builder sends it. 'short' = .../reset, as in the Graph docs.
   */
  path?: 'qualified' | 'short';
}

/** POST with no body (the SDK sends no Content-Type either). Expects a 2xx, normally 204. */
export function resetFlow (
  adapter: RequestAdapter,
  setId: string,
  flowId: string,
  options: ResetFlowOptions = {}
): Promise<void> {
  const template = options.path === 'short' ? URI_TEMPLATE.resetShort : URI_TEMPLATE.resetQualified
  const info = newRequest(HttpMethod.POST, template, flowParams(setId, flowId))
  return adapter.sendNoResponseContent(info, ERROR_MAPPINGS)
}

// ---------------------------------------------------------------------------
// roleGroups

export function listRoleGroups (adapter: RequestAdapter, query?: ListQuery): Promise<RoleGroupCollectionResponse | undefined> {
  const info = newRequest(HttpMethod.GET, URI_TEMPLATE.roleGroups, {}, query, LIST_QUERY_MAPPER)
  return adapter.send(info, createRoleGroupCollectionResponseFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function getRoleGroup (adapter: RequestAdapter, roleGroupId: string, query?: ItemQuery): Promise<RoleGroup | undefined> {
  const info = newRequest(HttpMethod.GET, URI_TEMPLATE.roleGroup, { 'roleGroup%2Did': roleGroupId }, query, ITEM_QUERY_MAPPER)
  return adapter.send(info, createRoleGroupFromDiscriminatorValue, ERROR_MAPPINGS)
}

/** The generated serializer writes a role group whole (it has no derived types to lose). */
export function createRoleGroup (adapter: RequestAdapter, body: RoleGroup): Promise<RoleGroup | undefined> {
  const info = withBody(adapter, newRequest(HttpMethod.POST, URI_TEMPLATE.roleGroups, {}), body, serializeRoleGroup)
  return adapter.send(info, createRoleGroupFromDiscriminatorValue, ERROR_MAPPINGS)
}

/** Resolves to undefined when the server answers 204 No Content. */
export function patchRoleGroup (adapter: RequestAdapter, roleGroupId: string, body: RoleGroup): Promise<RoleGroup | undefined> {
  const info = withBody(adapter, newRequest(HttpMethod.PATCH, URI_TEMPLATE.roleGroup, { 'roleGroup%2Did': roleGroupId }), body, serializeRoleGroup)
  return adapter.send(info, createRoleGroupFromDiscriminatorValue, ERROR_MAPPINGS)
}

export function deleteRoleGroup (adapter: RequestAdapter, roleGroupId: string): Promise<void> {
  const info = newRequest(HttpMethod.DELETE, URI_TEMPLATE.roleGroup, { 'roleGroup%2Did': roleGroupId })
  return adapter.sendNoResponseContent(info, ERROR_MAPPINGS)
}

/** `$count` as the generated Count builders read it: a text/plain number. */
export function countRoleGroups (adapter: RequestAdapter, filter?: string): Promise<number | undefined> {
  const info = new RequestInformation(HttpMethod.GET, URI_TEMPLATE.roleGroupsCount)
  if (filter !== undefined) info.queryParameters['%24filter'] = filter
  info.headers.tryAdd('Accept', 'text/plain;q=0.9') // as the generated Count builders send it
  return adapter.sendPrimitive<number>(info, 'number', ERROR_MAPPINGS)
}

/**
 * additionalData for a UserConfiguration that binds a role group the way the
 * Graph docs do: {"roleGroup@odata.bind": "<base>/external/industryData/roleGroups/<id>"}.
 * (The Kiota model itself only has an embedded `roleGroup` object.)
 */
export function roleGroupBind (baseUrl: string, roleGroupId: string): Record<string, unknown> {
  const base = baseUrl.replace(/\/+$/, '')
  return { 'roleGroup@odata.bind': `${base}/external/industryData/roleGroups/${encodeURIComponent(roleGroupId)}` }
}

// ---------------------------------------------------------------------------
// paging

/**
 * Follows an absolute @odata.nextLink, the way generated builders' withUrl()
 * do (request-raw-url path parameter). The bearer token is sent only if the
 * link's host is allowed (see CreateAdapterOptions.allowedHosts).
 */
export function getNextPage<T extends Parsable> (
  adapter: RequestAdapter,
  nextLink: string,
  factory: ParsableFactory<T>
): Promise<T | undefined> {
  const info = new RequestInformation(HttpMethod.GET, '{+baseurl}')
  info.pathParameters[RequestInformation.raw_url_key] = nextLink
  info.headers.tryAdd('Accept', 'application/json')
  return adapter.send(info, factory, ERROR_MAPPINGS)
}

/**
 * Typed shortcuts for getNextPage. The SDK's create*FromDiscriminatorValue
 * functions are typed `(instance?: Parsable) => ...`, so getNextPage(adapter,
 * link, createXFromDiscriminatorValue) infers T = Parsable unless T is given
 * explicitly.
 */
export function getNextFlowSetsPage (
  adapter: RequestAdapter,
  nextLink: string
): Promise<OutboundProvisioningFlowSetCollectionResponse | undefined> {
  return getNextPage(adapter, nextLink, createOutboundProvisioningFlowSetCollectionResponseFromDiscriminatorValue)
}
export function getNextFlowsPage (adapter: RequestAdapter, nextLink: string): Promise<ProvisioningFlowCollectionResponse | undefined> {
  return getNextPage(adapter, nextLink, createProvisioningFlowCollectionResponseFromDiscriminatorValue)
}
export function getNextRoleGroupsPage (adapter: RequestAdapter, nextLink: string): Promise<RoleGroupCollectionResponse | undefined> {
  return getNextPage(adapter, nextLink, createRoleGroupCollectionResponseFromDiscriminatorValue)
}

/** The page shape shared by every *CollectionResponse model. */
export interface CollectionPage<U> extends Parsable {
  value?: U[] | null;
  odataNextLink?: string | null;
}

/**
 * Collects `value` from the first page and every page reached by following
 * odataNextLink. Example:
 * collectAllPages(adapter, await listFlows(adapter, id), createProvisioningFlowCollectionResponseFromDiscriminatorValue)
 */
export async function collectAllPages<U, T extends CollectionPage<U>> (
  adapter: RequestAdapter,
  firstPage: CollectionPage<U> | undefined,
  factory: ParsableFactory<T>,
  maxPages = 1000
): Promise<U[]> {
  const items: U[] = []
  let page: CollectionPage<U> | undefined = firstPage
  for (let i = 0; page && i < maxPages; i++) {
    items.push(...(page.value ?? []))
    const next = page.odataNextLink
    if (!next) return items
    page = await getNextPage(adapter, next, factory)
  }
  if (page) throw new Error(`collectAllPages: stopped after ${maxPages} pages`)
  return items
}

// ---------------------------------------------------------------------------
// bound client

export interface IndustryDataClient {
  readonly adapter: FetchRequestAdapter;
  listFlowSets(query?: ListQuery): Promise<OutboundProvisioningFlowSetCollectionResponse | undefined>;
  createFlowSet(body: OutboundProvisioningFlowSet): Promise<OutboundProvisioningFlowSet | undefined>;
  getFlowSet(setId: string, query?: ItemQuery): Promise<OutboundProvisioningFlowSet | undefined>;
  patchFlowSet(setId: string, body: OutboundProvisioningFlowSet): Promise<OutboundProvisioningFlowSet | undefined>;
  deleteFlowSet(setId: string): Promise<void>;
  listFlows(setId: string, query?: ListQuery): Promise<ProvisioningFlowCollectionResponse | undefined>;
  createFlow(setId: string, flow: ProvisioningFlow): Promise<ProvisioningFlow | undefined>;
  getFlow(setId: string, flowId: string, query?: ItemQuery): Promise<ProvisioningFlow | undefined>;
  patchFlow(setId: string, flowId: string, flow: ProvisioningFlow): Promise<ProvisioningFlow | undefined>;
  deleteFlow(setId: string, flowId: string): Promise<void>;
  resetFlow(setId: string, flowId: string, options?: ResetFlowOptions): Promise<void>;
  listRoleGroups(query?: ListQuery): Promise<RoleGroupCollectionResponse | undefined>;
  getRoleGroup(roleGroupId: string, query?: ItemQuery): Promise<RoleGroup | undefined>;
  getNextPage<T extends Parsable>(nextLink: string, factory: ParsableFactory<T>): Promise<T | undefined>;
  getNextFlowSetsPage(nextLink: string): Promise<OutboundProvisioningFlowSetCollectionResponse | undefined>;
  getNextFlowsPage(nextLink: string): Promise<ProvisioningFlowCollectionResponse | undefined>;
  getNextRoleGroupsPage(nextLink: string): Promise<RoleGroupCollectionResponse | undefined>;
}

/** createAdapter() plus every operation bound to it (e.g. client.listFlows(setId)). */
export function createClient (baseUrl: string, token?: string, options?: CreateAdapterOptions): IndustryDataClient {
  const adapter = createAdapter(baseUrl, token, options)
  return {
    adapter,
    listFlowSets: (query) => listFlowSets(adapter, query),
    createFlowSet: (body) => createFlowSet(adapter, body),
    getFlowSet: (setId, query) => getFlowSet(adapter, setId, query),
    patchFlowSet: (setId, body) => patchFlowSet(adapter, setId, body),
    deleteFlowSet: (setId) => deleteFlowSet(adapter, setId),
    listFlows: (setId, query) => listFlows(adapter, setId, query),
    createFlow: (setId, flow) => createFlow(adapter, setId, flow),
    getFlow: (setId, flowId, query) => getFlow(adapter, setId, flowId, query),
    patchFlow: (setId, flowId, flow) => patchFlow(adapter, setId, flowId, flow),
    deleteFlow: (setId, flowId) => deleteFlow(adapter, setId, flowId),
    resetFlow: (setId, flowId, options) => resetFlow(adapter, setId, flowId, options),
    listRoleGroups: (query) => listRoleGroups(adapter, query),
    getRoleGroup: (roleGroupId, query) => getRoleGroup(adapter, roleGroupId, query),
    getNextPage: (nextLink, factory) => getNextPage(adapter, nextLink, factory),
    getNextFlowSetsPage: (nextLink) => getNextFlowSetsPage(adapter, nextLink),
    getNextFlowsPage: (nextLink) => getNextFlowsPage(adapter, nextLink),
    getNextRoleGroupsPage: (nextLink) => getNextRoleGroupsPage(adapter, nextLink),
  }
}
