/**
 * The service documents: `$metadata` (the CSDL of what is served, rendered once) and the industryData root,
 * `GET /external/industryData`, an entity of type industryDataRoot whose id graph-mock makes the tenant's.
 */
import { graphOf } from '../../http/graph-context.js'
import type { Operations } from '../../http/url-routes.js'
import { pickQueryOptions } from '../../odata/query.js'
import { renderMetadata } from '../metadata.js'
import { contexts, SERVED_MODEL } from '../url-space.js'

let metadata: string | undefined

export const METADATA_OPERATIONS: Operations = {
  getMetadata: {
    handler: async (request, reply) => {
      pickQueryOptions(request.query, [], 'on $metadata')
      return reply.type('application/xml').send(metadata ??= renderMetadata(SERVED_MODEL))
    }
  }
}

export const ROOT_OPERATIONS: Operations = {
  getRoot: {
    handler: async (request) => {
      pickQueryOptions(request.query, [], 'on industryData')
      return { '@odata.context': contexts.root(graphOf(request).root), id: graphOf(request).tenant }
    }
  }
}
