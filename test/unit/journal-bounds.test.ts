import t from 'tap'
import { Journal, keptBody, keptHeaders, MAX_KEPT_BODY, MAX_KEPT_HEADERS, presentBody, type JournalEntry } from '../../src/control/journal.js'

const entry = (n: number): Omit<JournalEntry, 'seq'> => ({
  time: '2026-01-01T00:00:00.000Z', method: 'GET', url: `/${n}`, path: `/${n}`, tenant: null, requestId: String(n), headers: {}, body: null, status: 200, durationMs: 1, response: { headers: {}, body: null }
})

t.test('bodies are cut when recorded, whatever their size or kind', async t => {
  t.equal(keptBody(undefined), null, 'no body')
  t.equal(keptBody('{"a":1}'), '{"a":1}', 'a small body as it came')
  const big = keptBody('x'.repeat(300_000)) ?? ''
  t.equal(big, `${'x'.repeat(MAX_KEPT_BODY)}… [cut at ${MAX_KEPT_BODY} characters]`, 'a large body is cut at 16 KiB')
  t.equal(keptBody(Buffer.from('y'.repeat(100_000))), `${'y'.repeat(MAX_KEPT_BODY)}… [cut at ${MAX_KEPT_BODY} characters]`, 'a Buffer likewise')
  t.equal(keptBody({ pipe: () => undefined }), '[a streamed body, not kept]', 'a stream is not read')
  const headers = keptHeaders({ authorization: 'Bearer secret', 'x-big': 'h'.repeat(100_000) })
  t.equal(headers.bytes, MAX_KEPT_HEADERS, 'headers over the cap count as the cap')
  t.equal(headers.headers.authorization, '[redacted]', 'a cut copy is redacted')
  t.ok(String(headers.headers['x-big']).length < MAX_KEPT_HEADERS + 10, 'and cut')
  t.equal(presentBody(`${'['.repeat(200)}${']'.repeat(200)}`), `${'['.repeat(200)}${']'.repeat(200)}`, 'text deeper than Graph reads stays text')
  t.same(presentBody('{"a":[1]}'), { a: [1] }, 'JSON text is answered as JSON')
})

t.test('the journal keeps to its byte budget as well as its entry count', async t => {
  const journal = new Journal(100, 10_000)
  for (let i = 0; i < 50; i++) journal.add({ bytes: 1000, build: () => entry(i) })
  t.equal(journal.entries().length, 10, 'ten entries of 1,000 bytes fit in 10,000')
  t.equal(journal.bytes, 10_000, 'the budget is counted')
  t.same(journal.entries().map(e => e.url), ['/40', '/41', '/42', '/43', '/44', '/45', '/46', '/47', '/48', '/49'], 'the newest are kept, oldest first')
  journal.add({ bytes: 50_000, build: () => entry(99) })
  t.same(journal.entries().map(e => e.url), ['/99'], 'one entry over the budget is kept alone')
  const ring = new Journal(3, 1_000_000)
  for (let i = 0; i < 5; i++) ring.add({ bytes: 10, build: () => entry(i) })
  t.same(ring.entries().map(e => e.url), ['/2', '/3', '/4'], 'the entry count still bounds the ring')
  t.equal(ring.bytes, 30, 'bytes of replaced entries are released')
  ring.clear()
  t.same([ring.entries().length, ring.bytes], [0, 0], 'clear empties both')
  t.same(ring.query({ limit: 0 }), [], 'limit 0 is none')
})
