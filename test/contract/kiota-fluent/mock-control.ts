/** graph-mock's control plane over HTTP, as a test outside the server's process uses it (docs/control-plane.md). */

/** One entry of `GET /_mock/requests`, bodies parsed from JSON where they are JSON. */
export interface JournalEntry {
  seq: number;
  time: string;
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  response: { headers: Record<string, string>, body: unknown };
}

export interface JournalFilter {
  method?: string;
  /** A substring of the path, or a glob with `*`. */
  path?: string;
}

export interface FaultRule {
  method?: string;
  path?: string;
  status?: number;
  code?: string;
  message?: string;
  retryAfter?: number;
  times?: number;
}

async function control (serverUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${serverUrl}/_mock${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
  if (!res.ok) throw new Error(`${method} /_mock${path} answered ${res.status}: ${await res.text()}`)
  return res.status === 204 ? undefined : await res.json()
}

/** The journal's entries, oldest first. */
export async function journal (serverUrl: string, filter: JournalFilter = {}): Promise<JournalEntry[]> {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const answer = await control(serverUrl, 'GET', `/requests?${query.toString()}`) as { value: JournalEntry[] }
  return answer.value
}

export async function clearJournal (serverUrl: string): Promise<void> {
  await control(serverUrl, 'DELETE', '/requests')
}

export async function addFault (serverUrl: string, rule: FaultRule): Promise<void> {
  await control(serverUrl, 'POST', '/faults', rule)
}
