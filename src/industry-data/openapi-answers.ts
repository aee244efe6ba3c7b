/**
 * What each industryData resource answers, for the OpenAPI document, from the URL table: a collection's GET
 * a page of its items, a POST 201 with the entity, an entity's GET it, PATCH 200 or 204, DELETE 204, an action
 * 202, `$count` an integer. The routes do not serialise through these (the answers carry OData annotations
 * the entity schemas do not list); each is the entity schema with annotations allowed.
 */
import type { TSchema } from '@sinclair/typebox'
import { GRAPH_ERROR_SCHEMA } from '../errors/envelope.js'
import type { HttpMethod, Route } from '../http/url-table.js'
import type { Json } from '../json.js'

type Answers = Record<string, unknown>

/** A deep copy of `schema` whose objects are open: answers carry `@odata.type`, `nav@odata.context`, … */
function withAnnotations (schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withAnnotations)
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema as Json)) if (!(key === 'additionalProperties' && value === false)) out[key] = withAnnotations(value)
  return out
}

const GraphError = GRAPH_ERROR_SCHEMA

function entitySchema (types: readonly TSchema[]): Json {
  const [only] = types
  if (types.length === 1 && only !== undefined) return { ...(withAnnotations(only) as Json), description: `A ${String(only.graphType)}.` }
  return { anyOf: types.map(withAnnotations), description: 'One of the concrete types; `@odata.type` names it.' }
}

const collection = (item: Json): Json => ({
  type: 'object',
  description: 'A page of the collection.',
  required: ['@odata.context', 'value'],
  properties: {
    '@odata.context': { type: 'string' },
    '@odata.count': { type: 'integer', description: 'With $count=true.' },
    '@odata.nextLink': { type: 'string', description: 'The next page, when there is one.' },
    value: { type: 'array', items: item }
  }
})

const answer = (status: number, schema: unknown): Answers => ({ [status]: schema, default: GraphError })
const empty = (status: number, description: string): Answers => ({ [status]: { type: 'null', description }, default: GraphError })

/** The documented answers of `method` on `route`'s resource. */
export function documentedAnswers (route: Route, method: HttpMethod): Answers | undefined {
  const { node } = route
  const entity = entitySchema(node.types ?? [])
  const last = route.steps[route.steps.length - 1]
  const name = last !== undefined && 'segment' in last ? last.segment : ''
  switch (node.kind) {
    case 'collection':
      return method === 'GET' ? answer(200, collection(entity)) : answer(201, entity)
    case 'entity': case 'route':
      if (name === '$metadata') return { 200: { description: 'The CSDL of what is served.', content: { 'application/xml': { schema: { type: 'string' } } } }, default: GraphError }
      if (method === 'DELETE') return empty(204, 'Deleted.')
      if (method === 'PATCH') return { 200: entity, 204: { type: 'null', description: 'With Prefer: return=minimal.' }, default: GraphError }
      return answer(200, entity)
    case 'singleton':
      return answer(200, { type: 'object', properties: { '@odata.context': { type: 'string' }, id: { type: 'string' } }, description: 'The industryData root.' })
    case 'action':
      return empty(202, 'Accepted.')
    case 'count':
      return { 200: { description: 'The number of items $filter keeps.', content: { 'text/plain': { schema: { type: 'integer' } } } }, default: GraphError }
    case 'segment':
      return undefined
  }
}
