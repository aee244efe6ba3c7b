/**
 * Fixture documents (docs/fixtures.md): Graph-shaped JSON validated exactly like API writes, prepared once
 * (ids and timestamps filled in) and copied into each tenant that needs them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { jsonTextTooDeep, MAX_JSON_DEPTH } from '../http/json-depth.js'
import { join } from 'node:path'
import type { Clock } from '../clock.js'
import { canonicalDateTimeOffset } from '../odata/date-time-offset.js'
import type { IdSource } from '../ids.js'
import { entityRow, flowRow, flowSetRow, roleGroupRow } from '../store/rows.js'
import type { SeedRows } from '../store/store.js'
import { isJsonObject, type Json } from '../json.js'
import { readFlowCreate, readFlowSetCreate } from './domain/flow-input.js'
import { complete } from './domain/merge-patch.js'
import { formatJsonPath, InvalidBodyError, readValue, type JsonPath } from './domain/read-body.js'
import { readContextOver, type BoundEntity, type EntityLookup } from './domain/bindings.js'
import { readDocumentCreate } from './domain/document-input.js'
import { DATA_CONNECTORS, INBOUND_FLOWS, REFERENCE_DEFINITIONS, SOURCE_SYSTEMS, YEARS, type DocumentCollection, type DocumentCollectionName } from './document-collections.js'
import { REFERENCE_DEFINITIONS_SEED } from './reference-definitions.js'
import { FLOW_TYPES, OutboundProvisioningFlowSet, RoleGroup, type FlowTypeName } from './schemas/entities.js'
import type { BindableCollection } from './schemas/graph-type.js'

export interface PreparedFlow { type: FlowTypeName, value: Json }
export interface PreparedFlowSet { value: Json, flows: PreparedFlow[] }
export interface PreparedDocument { collection: DocumentCollectionName, type: string, value: Json }
export interface PreparedFixtures { flowSets: PreparedFlowSet[], roleGroups: Json[], documents: PreparedDocument[] }

/** The document collections a fixture document may hold, in the order they are read: each binds only earlier ones. */
const FIXTURE_DOCUMENTS: readonly DocumentCollection[] = [SOURCE_SYSTEMS, YEARS, DATA_CONNECTORS, INBOUND_FLOWS]
const TOP_LEVEL_KEYS = ['roleGroups', ...FIXTURE_DOCUMENTS.map(c => c.name), 'outboundProvisioningFlowSets']

/** The built-in referenceDefinitions, as binds see them. */
const BUILT_IN_DEFINITIONS = new Map(REFERENCE_DEFINITIONS_SEED.map(value => [String(value.id).toLowerCase(), { id: String(value.id), type: 'referenceDefinition', body: value }]))

/** A fixture that cannot be loaded: names the file and the JSON path. */
export class FixtureError extends Error {
  constructor (file: string, path: string, why: string) {
    super(`Invalid fixture ${file} at ${path}: ${why}`)
    this.name = 'FixtureError'
  }
}

export interface FixtureDeps {
  ids: IdSource
  clock: Clock
  /** Entities that binds may point at besides those of the document itself (earlier files; the tenant, when seeding into it). */
  existing?: EntityLookup
}

function takeArray (doc: Json, name: string, path: JsonPath): unknown[] {
  const value = doc[name]
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new InvalidBodyError(`'${name}' must be a JSON array.`, [...path, name])
  return value
}

/** Validate and complete one fixture document; throws InvalidBodyError carrying the JSON path. */
export function prepareFixtureDocument (doc: unknown, deps: FixtureDeps): PreparedFixtures {
  if (!isJsonObject(doc)) throw new InvalidBodyError('A fixture document must be a JSON object.', [])
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key) && !key.startsWith('$')) {
      throw new InvalidBodyError(`Unknown top-level key '${key}'; a fixture document holds ${TOP_LEVEL_KEYS.map(k => `'${k}'`).join(', ')}.`, [key])
    }
  }
  const seenIds = new Set<string>()
  const claim = (id: string, path: JsonPath): void => {
    if (seenIds.has(id.toLowerCase())) throw new InvalidBodyError(`The id '${id}' is used more than once in the document.`, [...path, 'id'])
    seenIds.add(id.toLowerCase())
  }
  // What binds resolve against: this document's entities so far, then the deps', then the built-in definitions.
  const own = new Map<BindableCollection, Map<string, BoundEntity>>()
  const remember = (collection: BindableCollection, entity: BoundEntity): void => {
    const byId = own.get(collection) ?? new Map<string, BoundEntity>()
    byId.set(entity.id.toLowerCase(), entity)
    own.set(collection, byId)
  }
  const find: EntityLookup = (collection, id) => own.get(collection)?.get(id.toLowerCase()) ?? deps.existing?.(collection, id) ??
    (collection === REFERENCE_DEFINITIONS.name ? BUILT_IN_DEFINITIONS.get(id.toLowerCase()) : undefined)
  const context = readContextOver(find)

  const roleGroups = takeArray(doc, 'roleGroups', []).map((raw, i) => {
    const path = ['roleGroups', i]
    const value = readValue(RoleGroup, raw, path, context) as Json
    if (typeof value.id !== 'string' || value.id === '') throw new InvalidBodyError('A role group needs an id.', [...path, 'id'])
    claim(value.id, path)
    const group = complete(RoleGroup, value, path)
    remember('roleGroups', { id: value.id })
    return group
  })

  const documents = FIXTURE_DOCUMENTS.flatMap(collection => takeArray(doc, collection.name, []).map((raw, i): PreparedDocument => {
    const path: JsonPath = [collection.name, i]
    const { type, schema, value } = readDocumentCreate(collection, raw, context, path, true)
    if (value.id === undefined || value.id === '') value.id = deps.ids.next()
    claim(String(value.id), path)
    const stored = complete(schema, { ...collection.defaults, ...value }, path)
    collection.check(stored, path, type, find)
    remember(collection.name as BindableCollection, { id: String(stored.id), type })
    return { collection: collection.name, type, value: stored }
  }))

  const flowSets = takeArray(doc, 'outboundProvisioningFlowSets', []).map((raw, i): PreparedFlowSet => {
    const path: JsonPath = ['outboundProvisioningFlowSets', i]
    if (!isJsonObject(raw)) throw new InvalidBodyError('A flow set must be a JSON object.', path)
    const { provisioningFlows, ...setBody } = raw
    const set = stamp(readFlowSetCreate(setBody, context, path, true), deps, path, claim)
    const flowList = provisioningFlows === undefined ? [] : provisioningFlows
    if (!Array.isArray(flowList)) throw new InvalidBodyError('\'provisioningFlows\' must be a JSON array.', [...path, 'provisioningFlows'])
    const types = new Set<string>()
    const flows = flowList.map((flowRaw, j): PreparedFlow => {
      const flowPath: JsonPath = [...path, 'provisioningFlows', j]
      const { type, value } = readFlowCreate(flowRaw, context, flowPath, true)
      if (types.has(type)) throw new InvalidBodyError(`A flow set holds at most one flow of each type; '${type}' appears twice.`, flowPath)
      types.add(type)
      const stamped = stamp(value, deps, flowPath, claim)
      // Absent means a new flow's notReady; an explicit null stays null, as the CSDL allows.
      stamped.readinessStatus = value.readinessStatus === undefined ? 'notReady' : value.readinessStatus
      return { type, value: complete(FLOW_TYPES[type].schema, stamped, flowPath) }
    })
    return { value: complete(OutboundProvisioningFlowSet, set, path), flows }
  })
  return { flowSets, roleGroups, documents }
}

/** Fill in id and timestamps where the document leaves them out. */
function stamp (value: Json, deps: FixtureDeps, path: JsonPath, claim: (id: string, path: JsonPath) => void): Json {
  const out = { ...value }
  if (out.id === undefined || out.id === '') out.id = deps.ids.next()
  claim(String(out.id), path)
  out.createdDateTime = typeof out.createdDateTime === 'string' ? canonical(out.createdDateTime, [...path, 'createdDateTime']) : deps.clock.timestamp()
  out.lastModifiedDateTime = typeof out.lastModifiedDateTime === 'string' ? canonical(out.lastModifiedDateTime, [...path, 'lastModifiedDateTime']) : out.createdDateTime
  return out
}

/** Stored timestamps are UTC with 7 digits, so they compare as text; a value that is no instant names its path. */
function canonical (text: string, path: JsonPath): string {
  const value = canonicalDateTimeOffset(text)
  if (value === undefined) throw new InvalidBodyError(`Invalid value for property '${String(path[path.length - 1])}': '${text}' is not a valid Edm.DateTimeOffset.`, path)
  return value
}

/** Load every `*.json` in `folder` (sorted by name) into one prepared set; stops at the first invalid file. */
export function loadFixtureFolder (folder: string, deps: FixtureDeps): PreparedFixtures {
  let files: string[]
  try {
    files = readdirSync(folder).filter(name => name.endsWith('.json')).sort()
  } catch (error) {
    throw new FixtureError(folder, '$', `cannot read the fixtures folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  const merged: PreparedFixtures = { flowSets: [], roleGroups: [], documents: [] }
  const known = new Map<string, BoundEntity>()
  const keyOf = (collection: string, id: string): string => `${collection}/${id.toLowerCase()}`
  for (const name of files) {
    const file = join(folder, name)
    let doc: unknown
    const text = readText(file)
    // Checked before parsing: the document is read by recursive code, which must never meet deeper JSON.
    if (jsonTextTooDeep(text)) throw new FixtureError(file, '$', `nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels, the most Graph reads`)
    try {
      doc = JSON.parse(text)
    } catch (error) {
      throw new FixtureError(file, '$', `not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    try {
      const prepared = prepareFixtureDocument(doc, { ...deps, existing: (collection, id) => known.get(keyOf(collection, id)) })
      merged.flowSets.push(...prepared.flowSets)
      merged.roleGroups.push(...prepared.roleGroups)
      merged.documents.push(...prepared.documents)
      for (const group of prepared.roleGroups) known.set(keyOf('roleGroups', String(group.id)), { id: String(group.id) })
      for (const item of prepared.documents) known.set(keyOf(item.collection, String(item.value.id)), { id: String(item.value.id), type: item.type })
    } catch (error) {
      if (error instanceof InvalidBodyError) throw new FixtureError(file, formatJsonPath(error.path), error.message)
      throw error
    }
  }
  checkUniqueAcrossFiles(merged)
  return merged
}

/**
 * The table rows of prepared fixtures (tenant left empty), made once per prepared set, not on every seed and
 * reset: JSON.stringify of the bodies was 18 % of resetting a 1,000-flow tenant (measured in-process, 36 ms
 * median per reset).
 */
const seedRows = new WeakMap<PreparedFixtures, SeedRows>()
const DEFINITION_ROWS = REFERENCE_DEFINITIONS_SEED.map(value => entityRow('', REFERENCE_DEFINITIONS.name, 'referenceDefinition', value))

/**
 * The rows a new tenant starts from: the built-in referenceDefinitions, then the fixtures. `withDefinitions`
 * false gives the fixtures' rows alone (seeding into a tenant that has its definitions already).
 */
export function toSeedRows (prepared: PreparedFixtures, withDefinitions = true): SeedRows {
  let rows = seedRows.get(prepared)
  if (rows === undefined) {
    rows = {
      roleGroups: prepared.roleGroups.map(group => roleGroupRow('', group)),
      flowSets: prepared.flowSets.map(set => flowSetRow('', set.value)),
      flows: prepared.flowSets.flatMap(set => set.flows.map(flow => flowRow('', String(set.value.id), flow.type, flow.value))),
      entities: prepared.documents.map(item => entityRow('', item.collection, item.type, item.value))
    }
    seedRows.set(prepared, rows)
  }
  return withDefinitions ? { ...rows, entities: [...DEFINITION_ROWS, ...rows.entities] } : rows
}

function readText (file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new FixtureError(file, '$', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

function checkUniqueAcrossFiles (fixtures: PreparedFixtures): void {
  const seen = new Set<string>()
  const ids = [
    ...fixtures.roleGroups.map(g => String(g.id)),
    ...fixtures.documents.map(item => String(item.value.id)),
    ...fixtures.flowSets.flatMap(s => [String(s.value.id), ...s.flows.map(f => String(f.value.id))])
  ]
  for (const id of ids) {
    if (seen.has(id.toLowerCase())) throw new FixtureError('(fixtures folder)', '$', `the id '${id}' is used by more than one fixture`)
    seen.add(id.toLowerCase())
  }
}
