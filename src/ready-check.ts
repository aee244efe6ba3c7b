#!/usr/bin/env node
/**
 * The container's health check: exit 0 when the server on this machine answers `/_mock/ready` with 200, else 1.
 * It asks over HTTPS first when the environment says the server serves it, and falls back to the other scheme,
 * so it also works when TLS was turned on by a flag. A self-signed certificate is not checked: this is the
 * server's own loopback. Only Node's own modules: it starts in a few tens of milliseconds, every few seconds.
 */
import { get as httpGet } from 'node:http'
import { get as httpsGet } from 'node:https'

const port = Number(process.env.PORT ?? 4010)
const tlsFirst = /^(true|1|yes|on)$/i.test(process.env.GRAPH_MOCK_TLS ?? '') || (process.env.GRAPH_MOCK_TLS_CERT ?? '') !== ''

/** The status /_mock/ready answers over one scheme, or undefined when no answer came. */
async function readyStatus (tls: boolean): Promise<number | undefined> {
  return await new Promise(resolve => {
    const options = { host: '127.0.0.1', port, path: '/_mock/ready', timeout: 2_500, rejectUnauthorized: false }
    const request = (tls ? httpsGet : httpGet)(options, response => {
      response.resume()
      resolve(response.statusCode)
    })
    request.on('timeout', () => request.destroy())
    request.on('error', () => resolve(undefined))
  })
}

const status = (await readyStatus(tlsFirst)) ?? (await readyStatus(!tlsFirst))
process.exit(status === 200 ? 0 : 1)
