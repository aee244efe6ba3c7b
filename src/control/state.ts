/** Reset, seed and export of tenant state (docs/control-plane.md): the fixture document format in and out. */
import { GraphError } from '../errors/graph-error.js'
import { badRequest, conflict, tooDeep } from '../errors/graph-errors.js'
import { MAX_JSON_DEPTH, valueTooDeep } from '../http/json-depth.js'
import { qualified } from '../industry-data/domain/schema-walk.js'
import { formatJsonPath, InvalidBodyError } from '../industry-data/domain/read-body.js'
import { entityLookupFor, type Provisioning } from '../industry-data/provisioning.js'
import { DATA_CONNECTORS, INBOUND_FLOWS, SOURCE_SYSTEMS, YEARS } from '../industry-data/document-collections.js'
import { prepareFixtureDocument, toSeedRows, type PreparedFixtures } from '../industry-data/fixtures.js'
import type { Json } from '../json.js'
import { parseBody } from '../store/rows.js'

export interface SeedResult {
  tenant: string
  replaced: boolean
  outboundProvisioningFlowSets: number
  provisioningFlows: number
  roleGroups: number
  sourceSystems: number
  dataConnectors: number
  years: number
  inboundFlows: number
}

/** The document collections a fixture document holds (not referenceDefinitions: every tenant has the built-in ones). */
const STATE_DOCUMENTS = [SOURCE_SYSTEMS, YEARS, DATA_CONNECTORS, INBOUND_FLOWS] as const

/** The tenant's state as a fixture document that seed accepts (passwords and client secrets as stored, bindings as URLs). */
export function exportState (p: Provisioning, tenant: string): Json {
  p.store.ensureTenant(tenant)
  const sets = p.store.flowSets.list(tenant).map(row => {
    const set = parseBody(row)
    const flows = p.store.flows.listInSet(tenant, row.id).map(flow => ({ '@odata.type': `#${qualified(flow.type)}`, ...parseBody(flow) }))
    return { ...set, provisioningFlows: flows }
  })
  const documents = Object.fromEntries(STATE_DOCUMENTS.map(collection => [collection.name, p.store.entities.list(tenant, collection.name).map(row =>
    Object.keys(collection.types).length > 1 ? { '@odata.type': `#${qualified(row.type)}`, ...parseBody(row) } : parseBody(row))]))
  return { roleGroups: p.store.roleGroups.list(tenant).map(parseBody), ...documents, outboundProvisioningFlowSets: sets }
}

/**
 * Validate `doc` like API writes and load it into `tenant` in one transaction; `replace` empties the tenant first.
 * The answers call the seed body (a fixture document, POST /_mock/seed) a "seed document": that wording is
 * documented and tested, so it stays.
 */
export function seedState (p: Provisioning, tenant: string, doc: unknown, replace: boolean): SeedResult {
  // Over HTTP the body parser already refused deeper JSON; a document built in process is checked here, before any recursive reading.
  if (valueTooDeep(doc)) throw tooDeep('seed document', MAX_JSON_DEPTH)
  p.store.ensureTenant(tenant)
  let prepared: PreparedFixtures
  try {
    prepared = prepareFixtureDocument(doc, {
      ids: p.ids,
      clock: p.clock,
      existing: replace ? undefined : entityLookupFor(p, tenant)
    })
  } catch (error) {
    if (error instanceof InvalidBodyError) throw badRequest(`Invalid seed document at ${formatJsonPath(error.path)}: ${error.message}`)
    throw error
  }
  try {
    p.store.transaction(() => {
      if (replace) p.store.clearTenant(tenant)
      // An emptied tenant gets its built-in referenceDefinitions back; one seeded into keeps its own.
      p.store.insertRows(tenant, toSeedRows(prepared, replace))
    })
  } catch (error) {
    if (error instanceof GraphError) throw error
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
      throw conflict(`The seed document uses an id that already exists in tenant '${tenant}'; use replace=true to start from an empty tenant.`)
    }
    throw error
  }
  return {
    tenant,
    replaced: replace,
    outboundProvisioningFlowSets: prepared.flowSets.length,
    provisioningFlows: prepared.flowSets.reduce((n, s) => n + s.flows.length, 0),
    roleGroups: prepared.roleGroups.length,
    ...Object.fromEntries(STATE_DOCUMENTS.map(collection => [collection.name, prepared.documents.filter(item => item.collection === collection.name).length])) as
      Pick<SeedResult, 'sourceSystems' | 'dataConnectors' | 'years' | 'inboundFlows'>
  }
}

export interface ResettableControls { journal: { clear: () => void }, faults: { clear: () => void }, throttle: { clearCounts: () => void } }

/** Restore fixture state for one tenant or all; clear the journal, the fault rules and the throttle's counts. */
export function resetState (p: Provisioning, controls: ResettableControls, tenant?: string): void {
  if (tenant === undefined) p.store.resetAll()
  else p.store.resetTenant(tenant)
  controls.journal.clear()
  controls.faults.clear()
  controls.throttle.clearCounts()
}
