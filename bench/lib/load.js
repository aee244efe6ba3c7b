// Load generation: autocannon driven programmatically, with latencies kept at full (sub-millisecond)
// resolution from its per-response events rather than its whole-millisecond histogram.
import http from 'node:http'
import autocannon from 'autocannon'

export function percentile (sorted, p) {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

/**
 * Run one cell: `connections` keep-alive connections for `seconds`. `requests` is autocannon's request list
 * (method, path, headers, body), cycled per connection. Answers {rps, p50, p99, requests, errors, non2xx}.
 */
export function runCell ({ url, connections, seconds, requests, expectStatus = 200 }) {
  return new Promise((resolve, reject) => {
    const latencies = []
    let unexpected = 0
    const instance = autocannon({ url, connections, duration: seconds, requests, pipelining: 1 }, (error, result) => {
      if (error !== null && error !== undefined) { reject(error); return }
      latencies.sort((a, b) => a - b)
      resolve({
        connections,
        rps: result.requests.total / (result.duration || seconds),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? NaN,
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        unexpected
      })
    })
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
      if (statusCode !== expectStatus) unexpected += 1
    })
  })
}

/** A short unmeasured run so JIT and caches are warm before a cell is measured. */
export const warm = (options) => runCell({ ...options, seconds: 1 })

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

/** One request on a keep-alive connection; resolves {status, body, ms}. */
export function request (url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body))
    const started = performance.now()
    const req = http.request(url, {
      method,
      agent,
      headers: payload === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers }
    }, res => {
      const chunks = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** `count` sequential requests on one connection after `warmup` unmeasured ones: exact p50/p99 in ms. */
export async function sequentialLatency (url, options, { count, warmup }) {
  const times = []
  for (let i = 0; i < warmup + count; i++) {
    const res = await request(url, options)
    if (res.status >= 300) throw new Error(`${options.method ?? 'GET'} ${url} answered ${res.status}: ${res.body.slice(0, 300)}`)
    if (i >= warmup) times.push(res.ms)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p99: percentile(times, 99), count }
}

/** Close the keep-alive connection `request` holds, so the process can exit. */
export function closeConnections () { agent.destroy() }
