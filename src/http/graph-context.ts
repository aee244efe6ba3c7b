/** What every Graph route knows about its request: tenant, service root, preferences. */
import type { FastifyRequest } from 'fastify'
import type { Principal } from '../auth/principal.js'
import type { GraphVersion } from '../config.js'
import { serviceRoot } from '../odata/context.js'
import { INCLUDE_UNKNOWN_ENUM_MEMBERS, parsePrefer } from './prefer.js'
import { requestOrigin } from './request-origin.js'

export type { GraphVersion }

export interface GraphContext {
  principal: Principal
  tenant: string
  version: GraphVersion
  /** `https://host/beta`: base of @odata.context, nextLink and Location. */
  root: string
  /** `https://host`: what request paths are appended to for absolute links. */
  origin: string
  prefer: ReadonlySet<string>
  includeUnknownEnumMembers: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the Graph API's onRequest hook; null on every other request (/_mock, unmatched URLs). */
    graph: GraphContext | null
  }
}

/** The request's GraphContext; only Graph routes call it, behind the hook that sets it, so absence is a bug. */
export function graphOf (request: FastifyRequest): GraphContext {
  const { graph } = request
  if (graph === null) throw new Error(`no Graph context on ${request.method} ${request.url}: the route is not behind the Graph API's hook`)
  return graph
}

/** The origin answers are addressed from: the configured public URL, else the scheme and host the request was sent to. */
export function publicOrigin (request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? requestOrigin(request.raw)
}

export function graphContext (request: FastifyRequest, principal: Principal, version: GraphVersion, publicUrl: string | undefined): GraphContext {
  const prefer = parsePrefer(request.headers.prefer)
  const origin = publicOrigin(request, publicUrl)
  return {
    origin,
    principal,
    tenant: principal.tenant,
    version,
    root: serviceRoot(origin, version),
    prefer,
    includeUnknownEnumMembers: prefer.has(INCLUDE_UNKNOWN_ENUM_MEMBERS)
  }
}
