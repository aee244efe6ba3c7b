/** Fastify routes made from a URL table (url-table.ts): one per resource and method, each served by its operation. */
import { Type, type TSchema } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { routesOf, type HttpMethod, type Route, type UrlNode } from './url-table.js'

export type OperationRequest = FastifyRequest<{ Params: Record<string, string>, Querystring: Record<string, string | string[]>, Body: unknown }>

export interface Operation {
  readonly handler: (request: OperationRequest, reply: FastifyReply) => Promise<unknown>
}

export type Operations = Readonly<Record<string, Operation>>

export interface RouteOptions {
  /** The query-string schema of every route (options are parsed by the operations). */
  readonly querystring: TSchema
  /** What each resource and method answers, for the OpenAPI document (schema.graphAnswers). */
  readonly answers: (route: Route, method: HttpMethod) => Record<string, unknown> | undefined
  /** The body each resource and method reads, as its schema.body (the operations read and validate bodies). */
  readonly body: (route: Route, method: HttpMethod) => TSchema | undefined
}

/** Params schemas are shared by the routes with the same parameters: one compiled validator each. */
const paramSchemas = new Map<string, TSchema>()
function paramsSchema (params: readonly string[]): TSchema | undefined {
  if (params.length === 0) return undefined
  const key = params.join(',')
  let schema = paramSchemas.get(key)
  if (schema === undefined) {
    schema = Type.Object(Object.fromEntries(params.map(name => [name, Type.String({ minLength: 1 })])))
    paramSchemas.set(key, schema)
  }
  return schema
}

/**
 * Register every resource of `tree` (or those `only` keeps) whose operations are in `operations`; others are
 * left to whoever serves them (`$batch`). unservedOperations() lists what nobody serves, and a test keeps it empty.
 */
export function registerUrlSpace (app: FastifyInstance, tree: UrlNode, operations: Operations, options: RouteOptions, only?: (route: Route) => boolean): void {
  for (const route of routesOf(tree)) {
    if (only !== undefined && !only(route)) continue
    for (const [method, id] of Object.entries(route.node.methods) as Array<[HttpMethod, string]>) {
      const operation = operations[id]
      if (operation === undefined) continue
      const params = paramsSchema(route.params)
      const answers = options.answers(route, method)
      const body = options.body(route, method)
      app.route({
        method,
        url: route.url,
        schema: {
          ...(params === undefined ? {} : { params }),
          querystring: options.querystring,
          ...(body === undefined ? {} : { body }),
          ...(answers === undefined ? {} : { graphAnswers: answers })
        },
        handler: operation.handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
      })
    }
  }
}

/** The operation ids the tree names that `operations` does not serve (a test keeps this empty). */
export function unservedOperations (tree: UrlNode, operations: Operations, served: readonly string[] = []): string[] {
  const missing = new Set<string>()
  for (const route of routesOf(tree)) {
    for (const id of Object.values(route.node.methods)) if (operations[id] === undefined && !served.includes(id)) missing.add(id)
  }
  return [...missing]
}
