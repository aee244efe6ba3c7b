/** The tenant a control-plane request or the in-process API names, read by the rule a token's tid follows. */
import { DEFAULT_TENANT, isTenantId } from '../auth/principal.js'
import { badRequest } from '../errors/graph-errors.js'

/** The tenant a control-plane request names (default: the default tenant), by the rule a token's tid follows; else a 400. */
export function tenantOf (tenant: string | undefined): string {
  if (tenant === undefined) return DEFAULT_TENANT
  if (!isTenantId(tenant)) {
    const shown = tenant.length > 100 ? `${tenant.slice(0, 100)}…` : tenant
    throw badRequest(`Invalid tenant '${shown}': a tenant id is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.`)
  }
  return tenant.toLowerCase()
}
