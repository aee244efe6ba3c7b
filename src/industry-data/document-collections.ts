/**
 * The root collections kept as documents (store/entity-repository.ts): what each holds, which of its types can
 * be created, and the rules its docs page adds to the CSDL. The operations over them are document-store.ts's;
 * their routes are routes/document-collection.ts's.
 */
import type { TObject } from '@sinclair/typebox'
import { InvalidBodyError, type JsonPath } from './domain/read-body.js'
import type { EntityLookup } from './domain/bindings.js'
import { bindTargetOf } from './domain/references.js'
import type { Json } from '../json.js'
import { qualified } from './domain/schema-walk.js'
import { ReferenceDefinition } from './schemas/entities.js'
import { CONNECTOR_TYPES, INBOUND_FLOW_TYPES, SourceSystemDefinition, YearTimePeriodDefinition } from './schemas/inbound-types.js'
import { dateTimeTicks } from '../odata/date-time-offset.js'

export type DocumentCollectionName = 'sourceSystems' | 'dataConnectors' | 'years' | 'inboundFlows' | 'referenceDefinitions'

export interface DocumentCollection {
  readonly name: DocumentCollectionName
  /** The path parameter of an item's key. */
  readonly key: string
  /** The type the CSDL declares for the collection's items, unqualified (abstract for a polymorphic one). */
  readonly entityType: string
  /** The concrete types an item may be, by short name; with more than one, a create must name its `@odata.type`. */
  readonly types: Readonly<Record<string, TObject>>
  /** Served for reads only (the service owns the items). */
  readonly readOnly: boolean
  /** A new item's values the server sets when the body leaves them out. */
  readonly defaults: Json
  /** What the docs page adds to the CSDL, checked on every write of a complete value of `type`. */
  readonly check: (value: Json, path: JsonPath, type: string, find: EntityLookup) => void
}

/** Each display name (and a source system's vendor) holds at most 100 characters, as the create pages say. */
function maxLength (value: Json, names: readonly string[], path: JsonPath): void {
  for (const name of names) {
    const text = value[name]
    if (typeof text === 'string' && text.length > 100) {
      throw new InvalidBodyError(`Invalid value for property '${name}': the maximum supported length is 100 characters; this one has ${text.length}.`, [...path, name])
    }
  }
}

export const SOURCE_SYSTEMS: DocumentCollection = {
  name: 'sourceSystems',
  key: 'sourceSystemId',
  entityType: 'sourceSystemDefinition',
  types: { sourceSystemDefinition: SourceSystemDefinition },
  readOnly: false,
  defaults: {},
  check (value, path) {
    maxLength(value, ['displayName', 'vendor'], path)
  }
}

export const DATA_CONNECTORS: DocumentCollection = {
  name: 'dataConnectors',
  key: 'dataConnectorId',
  entityType: 'industryDataConnector',
  types: CONNECTOR_TYPES,
  readOnly: false,
  defaults: {},
  check (value, path) {
    maxLength(value, ['displayName'], path)
  }
}

export const YEARS: DocumentCollection = {
  name: 'years',
  key: 'yearId',
  entityType: 'yearTimePeriodDefinition',
  types: { yearTimePeriodDefinition: YearTimePeriodDefinition },
  readOnly: false,
  defaults: {},
  check (value, path) {
    maxLength(value, ['displayName'], path)
    // Edm.Date text compares as the day it names.
    if (typeof value.startDate === 'string' && typeof value.endDate === 'string' && value.endDate < value.startDate) {
      throw new InvalidBodyError(`Invalid value for property 'endDate': '${value.endDate}' is before the startDate '${value.startDate}'.`, [...path, 'endDate'])
    }
  }
}

/** An inbound file flow reads files, so it binds a file connector; an inbound API flow binds an API connector. */
const CONNECTOR_FOR_FLOW: Readonly<Record<string, string>> = {
  inboundFileFlow: 'azureDataLakeConnector',
  inboundApiFlow: 'oneRosterApiDataConnector'
}

export const INBOUND_FLOWS: DocumentCollection = {
  name: 'inboundFlows',
  key: 'inboundFlowId',
  entityType: 'inboundFlow',
  types: INBOUND_FLOW_TYPES,
  readOnly: false,
  // A new flow is not ready until it is set so, as a provisioning flow.
  defaults: { readinessStatus: 'notReady' },
  check (value, path, type, find) {
    maxLength(value, ['displayName'], path)
    const reference = value['dataConnector@odata.bind']
    const target = typeof reference === 'string' ? bindTargetOf(reference) : undefined
    const connector = target === undefined ? undefined : find('dataConnectors', target.id)
    const wanted = CONNECTOR_FOR_FLOW[type]
    if (connector?.type !== undefined && wanted !== undefined && connector.type !== wanted) {
      throw new InvalidBodyError(`Invalid value for property 'dataConnector@odata.bind': a ${type} reads from a ${wanted}; the data connector '${connector.id}' is a ${connector.type}.`, [...path, 'dataConnector@odata.bind'])
    }
    const effective = typeof value.effectiveDateTime === 'string' ? dateTimeTicks(value.effectiveDateTime) : undefined
    const expiration = typeof value.expirationDateTime === 'string' ? dateTimeTicks(value.expirationDateTime) : undefined
    if (effective !== undefined && expiration !== undefined && expiration <= effective) {
      throw new InvalidBodyError(`Invalid value for property 'expirationDateTime': '${String(value.expirationDateTime)}' is not after the effectiveDateTime '${String(value.effectiveDateTime)}'.`, [...path, 'expirationDateTime'])
    }
  }
}

export const REFERENCE_DEFINITIONS: DocumentCollection = {
  name: 'referenceDefinitions',
  key: 'referenceDefinitionId',
  entityType: 'referenceDefinition',
  types: { referenceDefinition: ReferenceDefinition },
  readOnly: true,
  defaults: {},
  check () {}
}

export const DOCUMENT_COLLECTIONS: readonly DocumentCollection[] = [SOURCE_SYSTEMS, DATA_CONNECTORS, YEARS, INBOUND_FLOWS, REFERENCE_DEFINITIONS]

/** The collection's concrete type named by `short`, or undefined. */
export const typeOf = (collection: DocumentCollection, short: string): TObject | undefined =>
  Object.hasOwn(collection.types, short) ? collection.types[short] : undefined

/** `#microsoft.graph.industryData.azureDataLakeConnector, …`: how messages list a collection's concrete types. */
export const concreteTypeList = (collection: DocumentCollection): string =>
  Object.keys(collection.types).map(type => `#${qualified(type)}`).join(', ')
