/** What a create or update body may say about a flow, a flow set or a role group, as pure functions. */
import type { TObject } from '@sinclair/typebox'
import { badRequest } from '../../errors/graph-errors.js'
import { FLOW_TYPES, isFlowTypeName, OutboundProvisioningFlowSet, RoleGroup, type FlowTypeName } from '../schemas/entities.js'
import { isJsonObject, type Json } from '../../json.js'
import { DOCUMENT_COLLECTIONS } from '../document-collections.js'
import { findODataType, InvalidBodyError, normaliseODataType, readValue, type JsonPath, type ReadContext } from './read-body.js'
import { qualified } from './schema-walk.js'

/** Server-owned properties: validated when sent, then dropped (the server sets them). */
export const SERVER_OWNED = ['createdDateTime', 'lastModifiedDateTime'] as const

/** What a write body must carry beyond its type's declaration: names it requires, and names it refuses empty. */
export interface WriteRule {
  readonly required: readonly string[]
  readonly nonEmpty: readonly string[]
}

const flowWrites = (requiredOnPatch: readonly string[]) => ({
  create: { required: ['@odata.type'], nonEmpty: [] },
  update: { required: requiredOnPatch, nonEmpty: [] }
})

/**
 * Each written entity type's own rules for a create and an update (Graph's create and update pages), read by the
 * functions below and by the OpenAPI document.
 */
export const WRITE_RULES: Readonly<Record<string, Readonly<Record<'create' | 'update', WriteRule>>>> = {
  outboundProvisioningFlowSet: {
    create: { required: ['displayName'], nonEmpty: ['displayName'] },
    update: { required: ['displayName'], nonEmpty: ['displayName'] }
  },
  roleGroup: {
    create: { required: ['displayName'], nonEmpty: ['displayName'] },
    update: { required: [], nonEmpty: ['displayName'] }
  },
  ...Object.fromEntries(Object.entries(FLOW_TYPES).map(([type, { requiredOnPatch }]) => [type, flowWrites(requiredOnPatch)])),
  // The document collections' items: a polymorphic collection's create names its concrete type; a displayName is never empty.
  ...Object.fromEntries(DOCUMENT_COLLECTIONS.filter(collection => !collection.readOnly).flatMap(collection => Object.keys(collection.types).map(type => [type, {
    create: { required: Object.keys(collection.types).length > 1 ? ['@odata.type'] : [], nonEmpty: ['displayName'] },
    update: { required: [], nonEmpty: ['displayName'] }
  }])))
}

export const ruleOf = (type: string, write: 'create' | 'update'): WriteRule => WRITE_RULES[type]?.[write] ?? { required: [], nonEmpty: [] }

export function requireObjectBody (body: unknown, path: JsonPath): Json {
  // Fastify's validator turns an absent body into null, so both read as "nothing sent".
  if (body === undefined || body === null) throw new InvalidBodyError('The request body is empty or null; send a JSON object.', path)
  if (!isJsonObject(body)) throw new InvalidBodyError('The request body must be a JSON object.', path)
  return body
}

/** The concrete flow type an `@odata.type` names, or a 400 saying why not. */
export function flowTypeOf (odataType: string | undefined, path: JsonPath = []): FlowTypeName {
  if (odataType === undefined) {
    throw new InvalidBodyError(`'@odata.type' is required: name the concrete flow type, e.g. '#${qualified('classGroupProvisioningFlow')}'.`, [...path, '@odata.type'])
  }
  const name = normaliseODataType(odataType)
  const match = Object.keys(FLOW_TYPES).find(type => qualified(type).toLowerCase() === name)
  if (match !== undefined && isFlowTypeName(match)) return match
  if (name === qualified('provisioningFlow').toLowerCase()) {
    throw new InvalidBodyError(`'${odataType}' is abstract; name a concrete flow type (${Object.keys(FLOW_TYPES).map(t => `#${qualified(t)}`).join(', ')}).`, [...path, '@odata.type'])
  }
  throw new InvalidBodyError(`'@odata.type' '${odataType}' is not a provisioning flow type (${Object.keys(FLOW_TYPES).map(t => `#${qualified(t)}`).join(', ')}).`, [...path, '@odata.type'])
}

function dropServerOwned (value: Json): Json {
  const out = { ...value }
  for (const name of SERVER_OWNED) delete out[name]
  return out
}

export function checkIdMatches (value: Json, id: string, path: JsonPath): void {
  if (value.id !== undefined && String(value.id).toLowerCase() !== id.toLowerCase()) {
    throw new InvalidBodyError(`The 'id' in the body ('${String(value.id)}') does not match the id in the URL ('${id}').`, [...path, 'id'])
  }
}

function checkRequired (value: Json, required: readonly string[], type: string, path: JsonPath): void {
  for (const name of required) {
    if (value[name] === undefined) throw new InvalidBodyError(`Property '${name}' is required when updating a '${qualified(type)}'.`, [...path, name])
    if (value[name] === null) throw new InvalidBodyError(`Invalid value for property '${name}': null is not allowed; the property is required.`, [...path, name])
  }
}

/** A create's required names: present and, where the rule says so, not empty. */
function requireOnCreate (value: Json, rule: WriteRule, type: string, path: JsonPath): void {
  for (const name of rule.required) {
    if (value[name] === undefined || value[name] === null || (rule.nonEmpty.includes(name) && value[name] === '')) {
      throw new InvalidBodyError(`Property '${name}' is required when creating a '${qualified(type)}'.`, [...path, name])
    }
  }
}

/** An update's required names present; the names it refuses empty, when sent, not empty. */
function requireOnUpdate (value: Json, rule: WriteRule, type: string): void {
  for (const name of rule.required) {
    if (value[name] === undefined) throw new InvalidBodyError(`Property '${name}' is required when updating a '${qualified(type)}'.`, [name])
  }
  refuseEmpty(value, rule, [])
}

/** The names the rule refuses empty, when sent, not empty. */
export function refuseEmpty (value: Json, rule: WriteRule, path: JsonPath): void {
  for (const name of rule.nonEmpty) {
    if (value[name] === '') throw new InvalidBodyError(`Invalid value for property '${name}': it cannot be empty.`, [...path, name])
  }
}

export interface FlowCreate { type: FlowTypeName, value: Json }

/** Body of POST …/provisioningFlows: concrete `@odata.type` required; server-owned values dropped. */
export function readFlowCreate (body: unknown, context: ReadContext, path: JsonPath = [], keepServerValues = false): FlowCreate {
  const object = requireObjectBody(body, path)
  const type = flowTypeOf(findODataType(object, path), path)
  const value = readValue(FLOW_TYPES[type].schema, object, path, context) as Json
  return { type, value: keepServerValues ? value : dropServerOwned(value) }
}

/** Body of PATCH on a stored flow of `type`; `@odata.type` optional but must not name another type. */
export function readFlowPatch (type: FlowTypeName, id: string, body: unknown, context: ReadContext): Json {
  const object = requireObjectBody(body, [])
  const given = findODataType(object)
  if (given !== undefined && normaliseODataType(given) !== qualified(type).toLowerCase()) {
    throw badRequest(`'@odata.type' '${given}' does not match the type of the stored flow, '#${qualified(type)}'; a flow's type cannot change.`)
  }
  const value = readValue(FLOW_TYPES[type].schema, object, [], context) as Json
  checkIdMatches(value, id, [])
  checkRequired(value, ruleOf(type, 'update').required, type, [])
  const patch = dropServerOwned(value)
  delete patch.id
  return patch
}

const flowSetSchema: TObject = OutboundProvisioningFlowSet

/** Body of POST …/outboundProvisioningFlowSets. */
export function readFlowSetCreate (body: unknown, context: ReadContext, path: JsonPath = [], keepServerValues = false): Json {
  const object = requireObjectBody(body, path)
  const value = readValue(flowSetSchema, object, path, context) as Json
  requireOnCreate(value, ruleOf('outboundProvisioningFlowSet', 'create'), 'outboundProvisioningFlowSet', path)
  return keepServerValues ? value : dropServerOwned(value)
}

/** Body of PATCH on a flow set: displayName required (Graph's update page). */
export function readFlowSetPatch (id: string, body: unknown, context: ReadContext): Json {
  const object = requireObjectBody(body, [])
  const value = readValue(flowSetSchema, object, [], context) as Json
  checkIdMatches(value, id, [])
  requireOnUpdate(value, ruleOf('outboundProvisioningFlowSet', 'update'), 'outboundProvisioningFlowSet')
  const patch = dropServerOwned(value)
  delete patch.id
  return patch
}

/** Body of POST …/roleGroups: displayName required; the id is the server's. */
export function readRoleGroupCreate (body: unknown, context: ReadContext): Json {
  const value = readValue(RoleGroup, requireObjectBody(body, []), [], context) as Json
  requireOnCreate(value, ruleOf('roleGroup', 'create'), 'roleGroup', [])
  delete value.id
  return value
}

/** Body of PATCH on a role group: any of its properties; displayName, when sent, not empty. */
export function readRoleGroupPatch (id: string, body: unknown, context: ReadContext): Json {
  const value = readValue(RoleGroup, requireObjectBody(body, []), [], context) as Json
  checkIdMatches(value, id, [])
  requireOnUpdate(value, ruleOf('roleGroup', 'update'), 'roleGroup')
  delete value.id
  return value
}
