/**
 * OData key-as-segment: `outboundProvisioningFlowSets('id')` is served like `outboundProvisioningFlowSets/id`,
 * for every keyed collection of the URL table.
 */

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A rewriter of parenthesised keys to path segments for `collections`; every other URL is left as it is. */
export function keySegmentRewriter (collections: readonly string[]): (url: string) => string {
  const parenKey = new RegExp(`/(${collections.map(escapeRegExp).join('|')})\\((?:'|%27)([^/?]*?)(?:'|%27)\\)`, 'gi')
  return (url: string): string => {
    const q = url.indexOf('?')
    const path = q === -1 ? url : url.slice(0, q)
    if (!path.includes('(')) return url
    const rewritten = path.replace(parenKey, (_m, segment: string, key: string) => `/${segment}/${encodeURIComponent(decodeKey(key))}`)
    return q === -1 ? rewritten : rewritten + url.slice(q)
  }
}

function decodeKey (key: string): string {
  let text = key
  try { text = decodeURIComponent(key) } catch { /* keep as sent */ }
  return text.replace(/''/g, "'")
}
