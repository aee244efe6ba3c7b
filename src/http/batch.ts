/**
 * JSON batching (`POST /{version}/$batch`, https://learn.microsoft.com/graph/json-batching): up to 20 requests, `dependsOn` ordering, 424 for
 * dependants of a failure. Each inner request is dispatched through this same app (app.inject), so it is
 * authenticated, validated, journaled, throttled and faulted exactly like a direct one.
 */
import { GRAPH_ERROR_SCHEMA } from '../errors/envelope.js'
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Authenticator } from '../auth/auth-modes.js'
import { badRequest } from '../errors/graph-errors.js'
import { graphErrorBody } from '../errors/envelope.js'
import { GraphError } from '../errors/graph-error.js'
import { isJsonObject } from '../json.js'
import type { GraphVersion } from './graph-context.js'
import { innerTarget, type InnerTarget } from './batch-url.js'
import { INNER_ORIGIN_HEADER, innerOriginValue, requestOrigin } from './request-origin.js'

export const MAX_BATCH_REQUESTS = 20
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD'])
/**
 * Inner answer headers worth passing back to the client, spelled as Graph spells them in a batch answer:
 * graph-client's BatchResponseContent reads `Content-Type` by that exact name.
 */
const PASSED_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['location', 'Location'], ['retry-after', 'Retry-After'], ['preference-applied', 'Preference-Applied'],
  ['content-type', 'Content-Type'], ['odata-version', 'OData-Version'], ['allow', 'Allow']
]

export interface BatchRequest { id: string, method: string, url: string, target: InnerTarget, headers: Record<string, string>, body?: unknown, dependsOn: string[] }
/** What inner requests take from the batch: its token, client-request-id and Host, and the origin it was sent to. */
export interface BatchOuter { authorization?: string, 'client-request-id'?: string, host?: string, origin: string }
export interface BatchResponse { id: string, status: number, headers: Record<string, string>, body?: unknown }

export const BatchBody = Type.Object({
  requests: Type.Array(Type.Object({
    id: Type.String(),
    method: Type.String(),
    url: Type.String(),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    body: Type.Optional(Type.Unknown()),
    dependsOn: Type.Optional(Type.Array(Type.String()))
  }), { maxItems: MAX_BATCH_REQUESTS })
}, { description: 'Graph JSON batch' })

/** Validate a batch body; 400 naming what is wrong. */
export function readBatch (body: unknown, version: string): BatchRequest[] {
  if (!isJsonObject(body) || !Array.isArray(body.requests)) throw badRequest('A batch body must be a JSON object with a \'requests\' array.')
  const requests = body.requests as unknown[]
  if (requests.length === 0) throw badRequest('A batch must contain at least one request.')
  if (requests.length > MAX_BATCH_REQUESTS) throw badRequest(`A batch can contain at most ${MAX_BATCH_REQUESTS} requests; this one has ${requests.length}.`)
  const seen = new Map<string, string>()
  const out = requests.map((raw, i): BatchRequest => {
    if (!isJsonObject(raw)) throw badRequest(`Batch request ${i} must be a JSON object.`)
    const id = raw.id
    if (typeof id !== 'string' || id === '') throw badRequest(`Batch request ${i} needs a non-empty string 'id'.`)
    if (seen.has(id.toLowerCase())) throw badRequest(`Batch request id '${id}' is used more than once.`)
    seen.set(id.toLowerCase(), id)
    const method = typeof raw.method === 'string' ? raw.method.toUpperCase() : ''
    if (!METHODS.has(method)) throw badRequest(`Batch request '${id}' has an invalid 'method' (${JSON.stringify(raw.method) ?? 'missing'}).`)
    if (typeof raw.url !== 'string' || raw.url === '' || /^[a-z]+:\/\//i.test(raw.url)) {
      throw badRequest(`Batch request '${id}' needs a relative 'url' such as '/external/industryData/outboundProvisioningFlowSets'.`)
    }
    const headers: Record<string, string> = {}
    if (raw.headers !== undefined) {
      if (!isJsonObject(raw.headers)) throw badRequest(`Batch request '${id}' has 'headers' that are not a JSON object.`)
      for (const [name, value] of Object.entries(raw.headers)) {
        if (typeof value !== 'string') throw badRequest(`Batch request '${id}' header '${name}' must be a string.`)
        headers[name.toLowerCase()] = value
      }
    }
    const dependsOn = raw.dependsOn === undefined ? [] : raw.dependsOn
    if (!Array.isArray(dependsOn) || dependsOn.some(d => typeof d !== 'string')) throw badRequest(`Batch request '${id}' has a 'dependsOn' that is not an array of ids.`)
    if (raw.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json'
    return { id, method, url: raw.url, target: innerTarget(raw.url, version), headers, body: raw.body, dependsOn: dependsOn as string[] }
  })
  for (const request of out) {
    for (const dependency of request.dependsOn) {
      if (!seen.has(dependency.toLowerCase())) throw badRequest(`Batch request '${request.id}' depends on '${dependency}', which is not in the batch.`)
    }
  }
  checkAcyclic(out)
  return out
}

function checkAcyclic (requests: readonly BatchRequest[]): void {
  const byId = new Map(requests.map(r => [r.id.toLowerCase(), r]))
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (request: BatchRequest): void => {
    const key = request.id.toLowerCase()
    if (state.get(key) === 'done') return
    if (state.get(key) === 'visiting') throw badRequest(`Batch request '${request.id}' is part of a dependsOn cycle.`)
    state.set(key, 'visiting')
    for (const dependency of request.dependsOn) {
      const target = byId.get(dependency.toLowerCase())
      if (target !== undefined) visit(target)
    }
    state.set(key, 'done')
  }
  requests.forEach(visit)
}

export interface BatchOptions {
  version: GraphVersion
  authenticate: Authenticator
  nowMs: () => number
  /** How long one inner request may take before the batch answers it with 504. */
  innerDeadlineMs: number
}

/** Longer than any fault delay a rule may set (two minutes), so only a request that would never end meets it. */
export const DEFAULT_INNER_DEADLINE_MS = 150_000

/** Run a validated batch against `app`; dependants of a failed request answer 424. */
export async function runBatch (app: FastifyInstance, requests: readonly BatchRequest[], outer: BatchOuter, options: BatchOptions): Promise<BatchResponse[]> {
  const byId = new Map(requests.map(r => [r.id.toLowerCase(), r]))
  const results = new Map<string, Promise<BatchResponse>>()
  const run = (request: BatchRequest): Promise<BatchResponse> => {
    const key = request.id.toLowerCase()
    let result = results.get(key)
    if (result === undefined) {
      result = (async () => {
        const dependencies = await Promise.all(request.dependsOn.map(d => run(byId.get(d.toLowerCase()) as BatchRequest)))
        const failed = dependencies.find(d => d.status >= 400)
        if (failed !== undefined) return failedDependency(request, failed, options.nowMs())
        return dispatch(app, request, outer, options)
      })()
      results.set(key, result)
    }
    return result
  }
  // Requests without dependencies may run in any order (Graph's rule); answering in request order keeps results readable.
  const responses: BatchResponse[] = []
  for (const request of requests) responses.push(await run(request))
  return responses
}

async function dispatch (app: FastifyInstance, request: BatchRequest, outer: BatchOuter, options: BatchOptions): Promise<BatchResponse> {
  const { target } = request
  if ('error' in target) return errorResponse(request, badRequest(`Batch request '${request.id}' ${target.error}`), options.nowMs(), outer['client-request-id'])
  const headers: Record<string, string> = { ...request.headers }
  // Inner requests act with the batch's token and answer with the batch's own scheme and host in their URLs.
  for (const name of ['authorization', 'client-request-id', 'host'] as const) {
    const value = outer[name]
    if (value !== undefined && headers[name] === undefined) headers[name] = value
  }
  headers[INNER_ORIGIN_HEADER] = innerOriginValue(outer.origin)
  const payload = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body)
  // A fault rule can delay an inner request for minutes; the batch answers anyway once the deadline passes.
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<undefined>(resolve => { timer = setTimeout(resolve, options.innerDeadlineMs, undefined) })
  const res = await Promise.race([app.inject({ method: request.method as 'GET', url: `/${options.version}${target.path}`, headers, payload }), deadline])
  clearTimeout(timer)
  if (res === undefined) {
    const late = new GraphError(504, 'GatewayTimeout', `Batch request '${request.id}' did not finish within ${options.innerDeadlineMs} ms.`)
    return errorResponse(request, late, options.nowMs(), outer['client-request-id'])
  }
  const answerHeaders: Record<string, string> = {}
  for (const [name, spelled] of PASSED_HEADERS) {
    const value = res.headers[name]
    if (value !== undefined) answerHeaders[spelled] = String(value)
  }
  let body: unknown
  if (res.body !== '') {
    body = String(res.headers['content-type'] ?? '').startsWith('application/json') ? JSON.parse(res.body) as unknown : res.body
  }
  return body === undefined ? { id: request.id, status: res.statusCode, headers: answerHeaders } : { id: request.id, status: res.statusCode, headers: answerHeaders, body }
}

/** An inner answer made here rather than by a route: the error envelope with ids of its own. */
function errorResponse (request: BatchRequest, error: GraphError, nowMs: number, clientRequestId?: string): BatchResponse {
  const requestId = randomUUID()
  return { id: request.id, status: error.statusCode, headers: { 'Content-Type': 'application/json' }, body: graphErrorBody(error, requestId, clientRequestId ?? requestId, nowMs) }
}

function failedDependency (request: BatchRequest, failed: BatchResponse, nowMs: number): BatchResponse {
  return errorResponse(request, new GraphError(424, 'FailedDependency', `The request depends on request '${failed.id}', which failed with status ${failed.status}.`), nowMs)
}

/** The $batch route for one version prefix. */
/** What a batch answers, for the OpenAPI document (control/openapi.ts reads schema.graphAnswers). */
const BATCH_ANSWERS = {
  200: {
    type: 'object',
    description: 'One answer per request, each with its id, status, headers and body.',
    properties: {
      responses: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'integer' }, headers: { type: 'object' }, body: {} }, required: ['id', 'status'] }
      }
    }
  },
  default: GRAPH_ERROR_SCHEMA
}

export const batchRoute: FastifyPluginAsync<BatchOptions> = async (app, options) => {
  app.post('/$batch', { schema: { body: Type.Unknown({ description: BatchBody.description }), graphAnswers: BATCH_ANSWERS } }, async (request) => {
    await options.authenticate(request) // the batch itself needs a valid token; each inner request is authorised on its own
    const requests = readBatch(request.body, options.version)
    const outer: BatchOuter = {
      authorization: request.headers.authorization,
      host: request.headers.host,
      'client-request-id': typeof request.headers['client-request-id'] === 'string' ? request.headers['client-request-id'] : undefined,
      origin: requestOrigin(request.raw)
    }
    return { responses: await runBatch(app, requests, outer, options) }
  })
}
