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
import { flowRow, flowSetRow, roleGroupRow } from '../store/rows.js'
import type { SeedRows } from '../store/store.js'
import { isJsonObject, type Json } from '../json.js'
import { readFlowCreate, readFlowSetCreate } from './domain/flow-input.js'
import { complete } from './domain/merge-patch.js'
import { formatJsonPath, InvalidBodyError, readValue, type JsonPath, type ReadContext } from './domain/read-body.js'
import { roleGroupIdOf, roleGroupReference } from './domain/references.js'
import { FLOW_TYPES, OutboundProvisioningFlowSet, RoleGroup, type FlowTypeName } from './schemas/entities.js'

export interface PreparedFlow { type: FlowTypeName, value: Json }
export interface PreparedFlowSet { value: Json, flows: PreparedFlow[] }
export interface PreparedFixtures { flowSets: PreparedFlowSet[], roleGroups: Json[] }

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
  /** Role groups that bindings may point at besides those of the document itself. */
  existingRoleGroup?: (id: string) => string | undefined
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
    if (key !== 'outboundProvisioningFlowSets' && key !== 'roleGroups' && !key.startsWith('$')) {
      throw new InvalidBodyError(`Unknown top-level key '${key}'; a fixture document holds 'outboundProvisioningFlowSets' and 'roleGroups'.`, [key])
    }
  }
  const seenIds = new Set<string>()
  const claim = (id: string, path: JsonPath): void => {
    if (seenIds.has(id.toLowerCase())) throw new InvalidBodyError(`The id '${id}' is used more than once in the document.`, [...path, 'id'])
    seenIds.add(id.toLowerCase())
  }

  const roleGroups = takeArray(doc, 'roleGroups', []).map((raw, i) => {
    const path = ['roleGroups', i]
    const value = readValue(RoleGroup, raw, path, noBindings) as Json
    if (typeof value.id !== 'string' || value.id === '') throw new InvalidBodyError('A role group needs an id.', [...path, 'id'])
    claim(value.id, path)
    return complete(RoleGroup, value)
  })
  const roleGroupIds = new Map(roleGroups.map(group => [String(group.id).toLowerCase(), String(group.id)]))
  const context: ReadContext = {
    bind (navigation, target, path) {
      const id = roleGroupIdOf(target)
      if (id === undefined) throw new InvalidBodyError(`'${navigation}@odata.bind' must be the URL of a role group, like 'https://graph.microsoft.com/beta/external/industryData/roleGroups/{id}'.`, path)
      const found = roleGroupIds.get(id.toLowerCase()) ?? deps.existingRoleGroup?.(id)
      if (found === undefined) throw new InvalidBodyError(`'${navigation}@odata.bind' points at role group '${id}', which does not exist.`, path)
      return roleGroupReference(found)
    }
  }

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
      return { type, value: complete(FLOW_TYPES[type].schema, stamped) }
    })
    return { value: complete(OutboundProvisioningFlowSet, set), flows }
  })
  return { flowSets, roleGroups }
}

const noBindings: ReadContext = {
  bind: (navigation, _target, path) => { throw new InvalidBodyError(`'${navigation}@odata.bind' is not allowed here.`, path) }
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
  const merged: PreparedFixtures = { flowSets: [], roleGroups: [] }
  const knownRoleGroups = new Map<string, string>()
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
      const prepared = prepareFixtureDocument(doc, { ...deps, existingRoleGroup: id => knownRoleGroups.get(id.toLowerCase()) })
      merged.flowSets.push(...prepared.flowSets)
      merged.roleGroups.push(...prepared.roleGroups)
      for (const group of prepared.roleGroups) knownRoleGroups.set(String(group.id).toLowerCase(), String(group.id))
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
export function toSeedRows (prepared: PreparedFixtures): SeedRows {
  let rows = seedRows.get(prepared)
  if (rows === undefined) {
    rows = {
      roleGroups: prepared.roleGroups.map(group => roleGroupRow('', group)),
      flowSets: prepared.flowSets.map(set => flowSetRow('', set.value)),
      flows: prepared.flowSets.flatMap(set => set.flows.map(flow => flowRow('', String(set.value.id), flow.type, flow.value)))
    }
    seedRows.set(prepared, rows)
  }
  return rows
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
    ...fixtures.flowSets.flatMap(s => [String(s.value.id), ...s.flows.map(f => String(f.value.id))])
  ]
  for (const id of ids) {
    if (seen.has(id.toLowerCase())) throw new FixtureError('(fixtures folder)', '$', `the id '${id}' is used by more than one fixture`)
    seen.add(id.toLowerCase())
  }
}
