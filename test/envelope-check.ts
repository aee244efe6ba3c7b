/** The check every fuzzed answer must pass, shared by the polite and the hostile fuzz suites. */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * What is wrong with an answer, or undefined: 2xx, or 4xx with exactly Graph's error envelope.
 */
export function problemWith (status: number, contentType: unknown, body: string): string | undefined {
  if (status >= 500) return `status ${status}: ${body.slice(0, 300)}`
  if (status < 400) return status >= 200 ? undefined : `status ${status}`
  if (typeof contentType !== 'string' || !contentType.startsWith('application/json')) return `status ${status} with content-type ${String(contentType)}`
  let parsed: unknown
  try { parsed = JSON.parse(body) } catch { return `status ${status} with a body that is not JSON: ${body.slice(0, 200)}` }
  if (!isObject(parsed) || Object.keys(parsed).join() !== 'error') return `status ${status} without the error envelope: ${body.slice(0, 200)}`
  const error = parsed.error
  if (!isObject(error) || Object.keys(error).join() !== 'code,message,innerError') return `status ${status}: error members ${isObject(error) ? Object.keys(error).join() : typeof error}`
  if (typeof error.code !== 'string' || typeof error.message !== 'string' || error.message === '') return `status ${status}: code or message is not a string`
  const inner = error.innerError
  if (!isObject(inner) || Object.keys(inner).join() !== 'date,request-id,client-request-id') return `status ${status}: innerError members ${isObject(inner) ? Object.keys(inner).join() : typeof inner}`
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(String(inner.date))) return `status ${status}: innerError.date ${String(inner.date)}`
  if (typeof inner['request-id'] !== 'string' || typeof inner['client-request-id'] !== 'string') return `status ${status}: innerError ids are not strings`
  return undefined
}
