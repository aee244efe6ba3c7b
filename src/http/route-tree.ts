/**
 * The shape of the Graph URL space graph-mock serves, used to answer URLs no route matched the way Graph
 * does: an unknown segment is a 400 naming it; a known resource with another method is a 405.
 */
interface Node {
  methods?: readonly string[]
  children?: Readonly<Record<string, Node>>
  /** Any single segment (a key). */
  key?: Node
}

const flow: Node = {
  methods: ['GET', 'PATCH', 'DELETE'],
  children: {
    reset: { methods: ['POST'] },
    'microsoft.graph.industrydata.reset': { methods: ['POST'] }
  }
}

const flowSet: Node = {
  methods: ['GET', 'PATCH', 'DELETE'],
  children: {
    provisioningflows: { methods: ['GET', 'POST'], children: { $count: { methods: ['GET'] } }, key: flow }
  }
}

export const GRAPH_TREE: Node = {
  children: {
    external: {
      children: {
        industrydata: {
          children: {
            outboundprovisioningflowsets: { methods: ['GET', 'POST'], children: { $count: { methods: ['GET'] } }, key: flowSet },
            rolegroups: { methods: ['GET'], key: { methods: ['GET'] } }
          }
        }
      }
    },
    classgroupprovisioningflow: { methods: ['GET', 'PATCH'] },
    $batch: { methods: ['POST'] }
  }
}

export type PathVerdict =
  | { kind: 'unknownSegment', segment: string }
  | { kind: 'methodNotAllowed', allowed: readonly string[] }

/** Why no route matched `segments` (after the version prefix) for `method`. */
export function explainUnmatched (segments: readonly string[], method: string): PathVerdict {
  let node: Node = GRAPH_TREE
  for (const segment of segments) {
    const next: Node | undefined = node.children?.[segment.toLowerCase()] ?? node.key
    if (next === undefined) return { kind: 'unknownSegment', segment }
    node = next
  }
  const allowed = node.methods ?? []
  if (allowed.length === 0) return { kind: 'unknownSegment', segment: segments[segments.length - 1] ?? '' }
  return allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'))
    ? { kind: 'unknownSegment', segment: segments[segments.length - 1] ?? '' }
    : { kind: 'methodNotAllowed', allowed }
}
