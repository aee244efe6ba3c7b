/** OData key-as-segment: `outboundProvisioningFlowSets('id')` is served like `outboundProvisioningFlowSets/id`. */

const PAREN_KEY = /\/(outboundProvisioningFlowSets|provisioningFlows|roleGroups)\((?:'|%27)([^/?]*?)(?:'|%27)\)/gi

/** Rewrite parenthesised keys to path segments; every other URL is left as it is. */
export function rewriteKeySegments (url: string): string {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  if (!path.includes('(')) return url
  const rewritten = path.replace(PAREN_KEY, (_m, segment: string, key: string) => `/${segment}/${encodeURIComponent(decodeKey(key))}`)
  return q === -1 ? rewritten : rewritten + url.slice(q)
}

function decodeKey (key: string): string {
  let text = key
  try { text = decodeURIComponent(key) } catch { /* keep as sent */ }
  return text.replace(/''/g, "'")
}
