/** The three collections graph-mock serves, described for the collection reader. */
import type { FlowRow } from '../store/flow-repository.js'
import type { FlowSetRow } from '../store/flow-set-repository.js'
import type { RoleGroupRow } from '../store/role-group-repository.js'
import type { CollectionRow, CollectionSpec } from './collection.js'
import { FLOW_FILTER_FIELDS, FLOW_SET_FILTER_FIELDS, type FilterFields } from './filter.js'
import { FLOW_ORDERBY, FLOW_SET_ORDERBY } from './orderby.js'

const ROLE_GROUP_FILTER_FIELDS: FilterFields = {
  collection: 'roleGroups',
  properties: { id: { type: 'string', caseInsensitive: true }, displayName: { type: 'string', caseInsensitive: false } },
  isof: undefined
}

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
  view: { '@odata.type': `#microsoft.graph.industryData.${row.type}`, id: row.id, readinessStatus: row.readiness === '' ? null : row.readiness, createdDateTime: row.created, lastModifiedDateTime: row.modified }
})
export const flowSetView = <R extends FlowSetRow & { seq: number }>(row: R): R & CollectionRow => ({
  ...row,
  view: { id: row.id, displayName: row.display_name, createdDateTime: row.created, lastModifiedDateTime: row.modified }
})
export const roleGroupView = <R extends RoleGroupRow & { seq: number }>(row: R): R & CollectionRow => ({
  ...row,
  view: { id: row.id, displayName: row.display_name }
})
