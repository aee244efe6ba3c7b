/**
 * The collections graph-mock serves, described for the generic collection reader (odata/collection.ts):
 * what $filter and $orderby may touch on each, what they see of a row, and a row's stored body.
 */
import type { TSchema } from '@sinclair/typebox'
import type { Json } from '../json.js'
import type { CollectionRow, CollectionSpec } from '../odata/collection.js'
import type { FilterField, FilterFields } from '../odata/filter/index.js'
import type { OrderableProperty } from '../odata/orderby.js'
import type { FlowRow } from '../store/flow-repository.js'
import type { FlowSetRow } from '../store/flow-set-repository.js'
import type { RoleGroupRow } from '../store/role-group-repository.js'
import { parseBody } from '../store/rows.js'
import { kindOf, qualified } from './domain/schema-walk.js'
import { FLOW_TYPE_NAMES } from './schemas/entities.js'
import { InboundDomain, ReadinessStatus } from './schemas/enums.js'
import type { EntityRow } from '../store/entity-repository.js'
import type { DocumentCollection, DocumentCollectionName } from './document-collections.js'
import { NAMESPACE } from './schemas/graph-type.js'

function enumField (schema: TSchema): FilterField {
  const kind = kindOf(schema)
  if (kind.kind !== 'enum') throw new Error('enumField needs an enum schema')
  return { type: 'enum', name: qualified(kind.type), members: kind.members }
}

const ID_FIELD = { type: 'string', caseInsensitive: true } as const // ids are GUIDs: Graph matches them case-insensitively
const DATE_TIME_FIELD = { type: 'dateTime' } as const

/** $filter fields of `outboundProvisioningFlowSets/{id}/provisioningFlows`. */
export const FLOW_FILTER_FIELDS: FilterFields = {
  collection: 'provisioningFlows',
  properties: {
    readinessStatus: enumField(ReadinessStatus),
    id: ID_FIELD,
    createdDateTime: DATE_TIME_FIELD,
    lastModifiedDateTime: DATE_TIME_FIELD
  },
  isof: { namespace: NAMESPACE, base: 'provisioningFlow', derived: FLOW_TYPE_NAMES }
}

/** $filter fields of `outboundProvisioningFlowSets`. */
export const FLOW_SET_FILTER_FIELDS: FilterFields = {
  collection: 'outboundProvisioningFlowSets',
  properties: {
    displayName: { type: 'string', caseInsensitive: false },
    id: ID_FIELD,
    createdDateTime: DATE_TIME_FIELD,
    lastModifiedDateTime: DATE_TIME_FIELD
  },
  isof: undefined
}

const ROLE_GROUP_FILTER_FIELDS: FilterFields = {
  collection: 'roleGroups',
  properties: { id: ID_FIELD, displayName: { type: 'string', caseInsensitive: false } },
  isof: undefined
}

/** $orderby properties of `provisioningFlows`. */
export const FLOW_ORDERBY: readonly OrderableProperty[] = ['createdDateTime', 'lastModifiedDateTime']
/** $orderby properties of `outboundProvisioningFlowSets`. */
export const FLOW_SET_ORDERBY: readonly OrderableProperty[] = ['displayName', 'createdDateTime', 'lastModifiedDateTime']

export const flowsSpec = (setId: string): CollectionSpec => ({
  name: `provisioningFlows:${setId.toLowerCase()}`, where: 'on provisioningFlows', fields: FLOW_FILTER_FIELDS, orderable: FLOW_ORDERBY, extra: ['select']
})
export const FLOW_SETS_SPEC: CollectionSpec = {
  name: 'outboundProvisioningFlowSets', where: 'on outboundProvisioningFlowSets', fields: FLOW_SET_FILTER_FIELDS, orderable: FLOW_SET_ORDERBY, extra: ['select', 'expand']
}
export const ROLE_GROUPS_SPEC: CollectionSpec = {
  name: 'roleGroups', where: 'on roleGroups', fields: ROLE_GROUP_FILTER_FIELDS, orderable: ['displayName'], extra: ['select']
}

/** What $filter/$orderby see of a flow: its type and columns, no body parsing. */
export const flowView = <R extends FlowRow & { seq: number }>(row: R): R & CollectionRow => ({
  ...row,
  view: { '@odata.type': `#${qualified(row.type)}`, id: row.id, readinessStatus: row.readiness === '' ? null : row.readiness, createdDateTime: row.created, lastModifiedDateTime: row.modified }
})
export const flowSetView = <R extends FlowSetRow & { seq: number }>(row: R): R & CollectionRow => ({
  ...row,
  view: { id: row.id, displayName: row.display_name, createdDateTime: row.created, lastModifiedDateTime: row.modified }
})
export const roleGroupView = <R extends RoleGroupRow & { seq: number }>(row: R): R & CollectionRow => ({
  ...row,
  view: { id: row.id, displayName: row.display_name }
})

const DISPLAY_NAME_FIELD = { type: 'string', caseInsensitive: false } as const

/** What $filter may touch on each document collection, beyond id and displayName. */
const DOCUMENT_FILTER_FIELDS: Readonly<Record<DocumentCollectionName, Readonly<Record<string, FilterField>>>> = {
  sourceSystems: { vendor: DISPLAY_NAME_FIELD },
  dataConnectors: {},
  years: {},
  inboundFlows: {
    readinessStatus: enumField(ReadinessStatus),
    dataDomain: enumField(InboundDomain),
    effectiveDateTime: DATE_TIME_FIELD,
    expirationDateTime: DATE_TIME_FIELD
  },
  referenceDefinitions: { referenceType: DISPLAY_NAME_FIELD, code: DISPLAY_NAME_FIELD, source: DISPLAY_NAME_FIELD }
}

/** The read spec of a document collection: $filter on id, displayName and its own fields; isof where it is polymorphic. */
export function documentSpec (collection: DocumentCollection): CollectionSpec {
  const types = Object.keys(collection.types)
  return {
    name: collection.name,
    where: `on ${collection.name}`,
    fields: {
      collection: collection.name,
      properties: { id: ID_FIELD, displayName: DISPLAY_NAME_FIELD, ...DOCUMENT_FILTER_FIELDS[collection.name] },
      isof: types.length > 1 ? { namespace: NAMESPACE, base: collection.entityType, derived: types } : undefined
    },
    orderable: ['displayName'],
    extra: ['select']
  }
}

/** What $filter/$orderby see of a document row: its type, id, displayName, and the filterable fields of its body. */
export function documentView (collection: DocumentCollection) {
  const extra = Object.keys(DOCUMENT_FILTER_FIELDS[collection.name])
  return <R extends EntityRow & { seq: number }>(row: R): R & CollectionRow => {
    const view: Record<string, unknown> = { '@odata.type': `#${qualified(row.type)}`, id: row.id, displayName: row.display_name }
    if (extra.length > 0) {
      const body = parseBody(row)
      for (const name of extra) view[name] = body[name] ?? null
    }
    return { ...row, view }
  }
}

/** The entity JSON a row of any collection stores. */
export const bodyOf = (row: { body: string }): Json => parseBody(row)
