/** The OData service root that `@odata.context`, `@odata.nextLink` and `Location` are built on. */

/** `https://host/beta` — the public base URL plus the version segment. */
export function serviceRoot (origin: string, version: string): string {
  return `${origin.replace(/\/+$/, '')}/${version}`
}
