/** Raw HTTP over a socket, for what a client library would not send (or would normalise) and what Node answers itself. */
import net from 'node:net'

/** Write `raw` on a fresh connection; resolves with what came back once the server closes it (or 3 s pass). */
export function sendRaw (port: number, raw: string | Buffer): Promise<string> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    const timer = setTimeout(() => { socket.destroy() }, 3000)
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      // One complete answer is enough: HTTP/1.1 keeps the connection open otherwise.
      const [head = '', body = ''] = received.split('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(head)
      if (length !== null && Buffer.byteLength(body, 'latin1') >= Number(length[1])) socket.end()
    })
    socket.on('close', () => { clearTimeout(timer); resolve(received) })
    socket.on('error', () => { /* reset by the server after an error answer: what was received counts */ })
    socket.write(raw)
  })
}

export function parseRaw (raw: string): { status: number, contentType: string | undefined, body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)
  const contentType = /^content-type: (.*)$/im.exec(head)?.[1]?.trim()
  const body = rest.join('\r\n\r\n')
  return { status, contentType, body: /^transfer-encoding: chunked/im.test(head) ? dechunk(body) : body }
}

/** The payload of a chunked body (Node answers a request without Host itself: a chunked, empty 400). */
export function dechunk (body: string): string {
  let out = ''
  let rest = body
  for (;;) {
    const line = rest.indexOf('\r\n')
    const size = line === -1 ? 0 : parseInt(rest.slice(0, line), 16)
    if (!(size > 0)) return out
    out += rest.slice(line + 2, line + 2 + size)
    rest = rest.slice(line + 2 + size + 2)
  }
}
