/**
 * One description of a Graph URL space: which segments exist, which are collections with keys, and which
 * methods each resource answers, naming the operation that serves it. Route registration, the answers to
 * unmatched URLs (400 naming the unknown segment, 405 listing the methods), key-as-segment rewriting and
 * `@odata.context` all read it, so a resource added here is added everywhere at once. It knows no namespace:
 * industry-data/url-space.ts holds the industryData tree.
 */
import type { TSchema } from '@sinclair/typebox'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * What a resource is; it decides the resource's `@odata.context` and its documented answers. `singleton`,
 * `collection` and `entity` are OData resources; the others are service routes without a context.
 */
export type ResourceKind = 'segment' | 'singleton' | 'collection' | 'entity' | 'count' | 'action' | 'route'

export interface UrlNode {
  readonly kind: ResourceKind
  /** The operation that answers each method (an id the route handlers are registered under). */
  readonly methods: Readonly<Partial<Record<HttpMethod, string>>>
  /** Named child segments, matched case-insensitively: navigation properties, actions, `$count`. */
  readonly children?: Readonly<Record<string, UrlNode>>
  /** A collection's key segment: the path parameter it fills and the entity it addresses. */
  readonly key?: { readonly param: string, readonly item: UrlNode }
  /** The resource's type (a collection's: its items'), as its TypeBox declarations: the concrete types. */
  readonly types?: readonly TSchema[]
  /** The qualified type the CSDL declares for it (abstract for a polymorphic collection). */
  readonly declaredType?: string
}

/** One step of a path: a literal segment or a key parameter. */
export type PathStep = { readonly segment: string } | { readonly param: string }

export interface Route {
  readonly steps: readonly PathStep[]
  readonly node: UrlNode
  /** `/external/industryData/outboundProvisioningFlowSets/:setId`, as Fastify writes it. */
  readonly url: string
  readonly params: readonly string[]
}

const urlOf = (steps: readonly PathStep[]): string =>
  steps.length === 0 ? '/' : steps.map(step => 'segment' in step ? `/${step.segment}` : `/:${step.param}`).join('')

/** Every resource of the tree with its path, depth first; aliases (two names for one node) appear once each. */
export function routesOf (tree: UrlNode): Route[] {
  const routes: Route[] = []
  const visit = (node: UrlNode, steps: readonly PathStep[]): void => {
    routes.push({ steps, node, url: urlOf(steps), params: steps.flatMap(step => 'param' in step ? [step.param] : []) })
    for (const [segment, child] of Object.entries(node.children ?? {})) visit(child, [...steps, { segment }])
    if (node.key !== undefined) visit(node.key.item, [...steps, { param: node.key.param }])
  }
  visit(tree, [])
  return routes
}

export type PathVerdict =
  | { kind: 'unknownSegment', segment: string }
  | { kind: 'methodNotAllowed', allowed: readonly string[] }

/** Why no route matched `segments` (the path after the version) for `method`: Graph's 400 or 405. */
export function explainUnmatched (tree: UrlNode, segments: readonly string[], method: string): PathVerdict {
  let node = tree
  for (const segment of segments) {
    const lower = segment.toLowerCase()
    const named = Object.entries(node.children ?? {}).find(([name]) => name.toLowerCase() === lower)?.[1]
    const next = named ?? node.key?.item
    if (next === undefined) return { kind: 'unknownSegment', segment }
    node = next
  }
  const allowed = Object.keys(node.methods)
  const last = segments[segments.length - 1] ?? ''
  if (allowed.length === 0) return { kind: 'unknownSegment', segment: last }
  return allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'))
    ? { kind: 'unknownSegment', segment: last }
    : { kind: 'methodNotAllowed', allowed }
}

/** The names of every keyed collection in the tree (for OData's `collection('key')` form). */
export function keyedCollections (tree: UrlNode): string[] {
  const names = new Set<string>()
  for (const route of routesOf(tree)) {
    for (const [name, child] of Object.entries(route.node.children ?? {})) if (child.key !== undefined) names.add(name)
  }
  return [...names]
}

const quote = (key: string): string => key.replace(/'/g, "''")

/**
 * The OData path of a resource, as `@odata.context` and `nav@odata.context` write it: keys in parentheses,
 * `keys` in the order the path's parameters appear (`external/industryData/outboundProvisioningFlowSets('x')`).
 */
export function odataPath (route: Route, keys: readonly string[]): string {
  let k = 0
  let path = ''
  for (const step of route.steps) {
    if ('segment' in step) path += `${path === '' ? '' : '/'}${step.segment}`
    else path += `('${quote(keys[k++] ?? '')}')`
  }
  return path
}

/**
 * `@odata.context` of a resource: a collection is named by its path; an entity by its collection's path and
 * `/$entity` (its own key left out, as Graph writes it); a singleton by its path and `/$entity`.
 */
export function odataContext (root: string, route: Route, keys: readonly string[]): string {
  if (route.node.kind === 'entity') {
    const collection: Route = { ...route, steps: route.steps.slice(0, -1) }
    return `${root}/$metadata#${odataPath(collection, keys)}/$entity`
  }
  if (route.node.kind === 'singleton') return `${root}/$metadata#${odataPath(route, keys)}/$entity`
  return `${root}/$metadata#${odataPath(route, keys)}`
}

/** The route of `node` in `tree`; throws when the node is not in it (a programming error). */
export function routeOf (tree: UrlNode, node: UrlNode): Route {
  const route = routesOf(tree).find(r => r.node === node)
  if (route === undefined) throw new Error('node is not in the URL tree')
  return route
}
