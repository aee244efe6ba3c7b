/**
 * The inbound side's types (School Data Sync's source systems, data connectors, years and inbound flows),
 * declared as Graph's beta CSDL declares them; test/unit/csdl-drift.test.ts holds each to it.
 */
import { Type } from '@sinclair/typebox'
import { ApiFormat, InboundDomain, ReadinessStatus } from './enums.js'
import { FileFormatReferenceValue, IdentifierTypeReferenceValue, UserMatchTargetReferenceValue, YearReferenceValue } from './complex-types.js'
import { abstractOf, DateTimeOffset, derivedObject, entityType, GraphBoolean, GraphDate, GraphInt32, graphObject, GraphString, NAMESPACE, nullable } from './graph-type.js'

const opt = Type.Optional
const navigation = (type: string, nullable = false) => ({ type: `${NAMESPACE}.${type}`, nullable })

/** How SDS matches a source system's people to Entra users, per role group. */
export const UserMatchingSetting = graphObject('userMatchingSetting', {
  matchTarget: opt(nullable(UserMatchTargetReferenceValue)),
  priorityOrder: opt(GraphInt32),
  sourceIdentifier: opt(IdentifierTypeReferenceValue)
}, { graphBindings: { roleGroup: 'roleGroups' }, graphNavigation: { roleGroup: navigation('roleGroup') } })

export const SourceSystemDefinition = entityType('sourceSystemDefinition', {
  displayName: opt(GraphString),
  userMatchingSettings: opt(Type.Array(nullable(UserMatchingSetting))),
  vendor: opt(nullable(GraphString))
})

export const CredentialType = graphObject('credential', {
  displayName: opt(GraphString),
  isValid: opt(GraphBoolean),
  lastValidDateTime: opt(nullable(DateTimeOffset))
}, { graphAbstractType: true })

export const OAuthClientCredential = derivedObject(CredentialType, 'oAuthClientCredential', {
  clientId: opt(GraphString),
  // Write-only: stored, never answered (the create page's answer leaves it out), and kept out of the journal.
  clientSecret: opt(nullable(Type.String({ graphEdm: 'Edm.String', graphWriteOnly: true })))
}, { graphAbstractType: true })

export const OAuth1ClientCredential = derivedObject(OAuthClientCredential, 'oAuth1ClientCredential', {}, { graphDerived: true })
export const OAuth2ClientCredential = derivedObject(OAuthClientCredential, 'oAuth2ClientCredential', {
  scope: opt(nullable(GraphString)),
  tokenUrl: opt(GraphString)
}, { graphDerived: true })

/** credential is abstract, and so is oAuthClientCredential: the two OAuth credentials are what a connector holds. */
export const Credential = abstractOf('credential', [OAuth1ClientCredential, OAuth2ClientCredential])

export const IndustryDataConnector = entityType('industryDataConnector', {
  displayName: opt(GraphString)
}, {
  graphAbstractType: true,
  graphBindings: { sourceSystem: 'sourceSystems' },
  graphNavigation: { sourceSystem: navigation('sourceSystemDefinition') }
})

export const FileDataConnector = derivedObject(IndustryDataConnector, 'fileDataConnector', {}, { graphAbstractType: true })
export const AzureDataLakeConnector = derivedObject(FileDataConnector, 'azureDataLakeConnector', {
  fileFormat: opt(nullable(FileFormatReferenceValue))
})

export const ApiDataConnector = derivedObject(IndustryDataConnector, 'apiDataConnector', {
  apiFormat: opt(ApiFormat),
  baseUrl: opt(GraphString),
  credential: opt(Credential)
}, { graphAbstractType: true })
export const OneRosterApiDataConnector = derivedObject(ApiDataConnector, 'oneRosterApiDataConnector', {
  apiVersion: opt(GraphString),
  isContactsEnabled: opt(GraphBoolean),
  isDemographicsEnabled: opt(GraphBoolean),
  isFlagsEnabled: opt(GraphBoolean)
})

/** The concrete data connectors, keyed by their short name. */
export const CONNECTOR_TYPES = { azureDataLakeConnector: AzureDataLakeConnector, oneRosterApiDataConnector: OneRosterApiDataConnector } as const

export const YearTimePeriodDefinition = entityType('yearTimePeriodDefinition', {
  displayName: opt(GraphString),
  endDate: opt(GraphDate),
  startDate: opt(GraphDate),
  year: opt(YearReferenceValue)
})

/** An activity of a run: what inbound (and, in Graph, outbound) flows are. */
export const IndustryDataActivity = entityType('industryDataActivity', {
  displayName: opt(GraphString),
  readinessStatus: opt(ReadinessStatus)
}, { graphAbstractType: true })

export const InboundFlow = derivedObject(IndustryDataActivity, 'inboundFlow', {
  dataDomain: opt(InboundDomain),
  effectiveDateTime: opt(DateTimeOffset),
  expirationDateTime: opt(nullable(DateTimeOffset))
}, {
  graphAbstractType: true,
  graphBindings: { dataConnector: 'dataConnectors', year: 'years' },
  graphNavigation: { dataConnector: navigation('industryDataConnector'), year: navigation('yearTimePeriodDefinition') }
})
export const InboundFileFlow = derivedObject(InboundFlow, 'inboundFileFlow', {})
export const InboundApiFlow = derivedObject(InboundFlow, 'inboundApiFlow', {})

/** The concrete inbound flows, keyed by their short name. */
export const INBOUND_FLOW_TYPES = { inboundFileFlow: InboundFileFlow, inboundApiFlow: InboundApiFlow } as const
