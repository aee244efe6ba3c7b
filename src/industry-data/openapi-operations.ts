/**
 * What each industryData operation documents in the OpenAPI document, from the URL table: the body it reads and
 * what it answers. A collection's GET answers a page of its items, its POST takes a create body and answers 201
 * with the entity; an entity's GET answers it, its PATCH takes an update body and answers 200 or 204, its DELETE
 * 204; an action takes no body and answers 202; `$count` an integer. Types are referred to by name
 * (openapi-schemas.ts holds them). The routes do not validate or serialise through these: the domain reads bodies
 * (with Graph's messages and case-insensitive names) and answers carry what presentation makes.
 */
import { GRAPH_ERROR_SCHEMA } from '../errors/envelope.js'
import type { HttpMethod, Route, UrlNode } from '../http/url-table.js'
import type { Json } from '../json.js'
import { answerRef, bodyRef } from './openapi-schemas.js'

type Answers = Record<string, unknown>

const GraphError = GRAPH_ERROR_SCHEMA

/** The type a resource is documented as: its one concrete type, or the abstract type it declares. */
function typeOf (node: UrlNode): string | undefined {
  const [only] = node.types ?? []
  if (node.types?.length === 1 && only !== undefined) return String(only.graphType)
  return node.declaredType?.slice(node.declaredType.lastIndexOf('.') + 1)
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
  },
  additionalProperties: false
})

const answer = (status: number, schema: unknown): Answers => ({ [status]: schema, default: GraphError })
const empty = (status: number, description: string): Answers => ({ [status]: { type: 'null', description }, default: GraphError })

/** The documented answers of `method` on `route`'s resource. */
export function documentedAnswers (route: Route, method: HttpMethod): Answers | undefined {
  const { node } = route
  const type = typeOf(node)
  const entity = type === undefined ? {} : { ...answerRef(type), description: `A ${type}.` }
  const last = route.steps[route.steps.length - 1]
  const name = last !== undefined && 'segment' in last ? last.segment : ''
  switch (node.kind) {
    case 'collection':
      return method === 'GET' ? answer(200, collection(answerRef(type ?? ''))) : answer(201, entity)
    case 'entity': case 'route':
      if (name === '$metadata') return { 200: { description: 'The CSDL of what is served.', content: { 'application/xml': { schema: { type: 'string' } } } }, default: GraphError }
      if (method === 'DELETE') return empty(204, 'Deleted.')
      if (method === 'PATCH') return { 200: entity, 204: { type: 'null', description: 'With Prefer: return=minimal.' }, default: GraphError }
      return answer(200, entity)
    case 'singleton':
      return answer(200, {
        type: 'object',
        description: 'The industryData root.',
        required: ['@odata.context', 'id'],
        properties: { '@odata.context': { type: 'string' }, id: { type: 'string' } },
        additionalProperties: false
      })
    case 'action':
      return empty(202, 'Accepted.')
    case 'count':
      return { 200: { description: 'The number of items $filter keeps.', content: { 'text/plain': { schema: { type: 'integer' } } } }, default: GraphError }
    case 'segment':
      return undefined
  }
}

/**
 * The documented body of `method` on `route`'s resource: a create body for a collection's POST, an update body
 * for a PATCH; none for an action (Graph's reset page: "don't supply a request body") or anything else.
 */
export function documentedBody (route: Route, method: HttpMethod): Json | undefined {
  const type = typeOf(route.node)
  if (type === undefined) return undefined
  if (route.node.kind === 'collection' && method === 'POST') return bodyRef(type, 'create')
  if ((route.node.kind === 'entity' || route.node.kind === 'route') && method === 'PATCH') return bodyRef(type, 'update')
  return undefined
}
