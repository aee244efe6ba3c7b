/** Converting entity JSON to table rows and back: the store keeps a flow's type as the string it is given. */
import type { Json } from '../json.js'
import type { EntityRow } from './entity-repository.js'
import type { FlowRow } from './flow-repository.js'
import type { FlowSetRow } from './flow-set-repository.js'
import type { RoleGroupRow } from './role-group-repository.js'

export function flowRow (tenant: string, setId: string, type: string, value: Json): FlowRow {
  return {
    tenant,
    set_id: setId,
    id: String(value.id),
    type,
    // The CSDL lets readinessStatus be null; the column keeps '' for it.
    readiness: typeof value.readinessStatus === 'string' ? value.readinessStatus : '',
    created: String(value.createdDateTime),
    modified: String(value.lastModifiedDateTime),
    body: JSON.stringify(value)
  }
}

export function flowSetRow (tenant: string, value: Json): FlowSetRow {
  return {
    tenant,
    id: String(value.id),
    display_name: typeof value.displayName === 'string' ? value.displayName : null,
    created: String(value.createdDateTime),
    modified: String(value.lastModifiedDateTime),
    body: JSON.stringify(value)
  }
}

export function roleGroupRow (tenant: string, value: Json): RoleGroupRow {
  return {
    tenant,
    id: String(value.id),
    display_name: typeof value.displayName === 'string' ? value.displayName : null,
    body: JSON.stringify(value)
  }
}

export function entityRow (tenant: string, collection: string, type: string, value: Json): EntityRow {
  return {
    tenant,
    collection,
    id: String(value.id),
    type,
    display_name: typeof value.displayName === 'string' ? value.displayName : null,
    body: JSON.stringify(value)
  }
}

export const parseBody = (row: { body: string }): Json => JSON.parse(row.body) as Json
