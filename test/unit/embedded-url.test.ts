/** The graph-client compatibility shim, table-driven: which `/{version}/http://…` paths are served as the URL inside. */
import t from 'tap'
import { unwrapEmbeddedUrl } from '../../src/http/embedded-url.js'

const FLOWS = '/beta/external/industryData/outboundProvisioningFlowSets/s1/provisioningFlows'
const HERE = ['http://127.0.0.1:4010']

t.test('served as the embedded URL: this server, below a version, however the link is spelled', async t => {
  const cases: Array<[string, string, readonly string[]]> = [
    [`/beta/http://127.0.0.1:4010${FLOWS}?$top=1&$skiptoken=abc`, `${FLOWS}?$top=1&$skiptoken=abc`, HERE],
    [`/v1.0/http://127.0.0.1:4010${FLOWS}`, FLOWS, HERE],
    ['/beta/http://127.0.0.1:4010/v1.0/external/industryData', '/v1.0/external/industryData', HERE],
    [`/BETA/HTTP://127.0.0.1:4010${FLOWS}`, FLOWS, HERE],
    [`/beta/http%3A//127.0.0.1:4010${FLOWS}`, FLOWS, HERE],
    [`/beta/http%3a%2F%2F127.0.0.1%3A4010${FLOWS.replace(/\//g, '%2F')}%3F%24top%3D1`, `${FLOWS}?$top=1`, HERE],
    [`/beta/${encodeURIComponent(`http://127.0.0.1:4010${FLOWS}`)}?$top=1`, `${FLOWS}?$top=1`, HERE],
    [`/beta/http:/127.0.0.1:4010${FLOWS}`, FLOWS, HERE], // a proxy that merges slashes
    ['/beta/http://127.0.0.1:4010/beta/external/./industryData/x/..', '/beta/external/industryData/', HERE],
    [`/beta/http://localhost${FLOWS}`, FLOWS, ['http://localhost:80']],
    [`/beta/http://LOCALHOST:80${FLOWS}`, FLOWS, ['http://localhost']],
    [`/beta/https://127.0.0.1:4443${FLOWS}`, FLOWS, ['https://127.0.0.1:4443']],
    [`/beta/https://graph.example.test/mock${FLOWS}`, FLOWS, [...HERE, 'https://graph.example.test/mock/']],
    [`/beta/http://127.0.0.1:4010${FLOWS}/k('a%2Fb')`, `${FLOWS}/k('a%2Fb')`, HERE]
  ]
  for (const [url, served, bases] of cases) t.equal(unwrapEmbeddedUrl(url, () => bases), served, url)
})

t.test('left as it came (for the usual 400): another origin, no version below it, or not the shape at all', async t => {
  const cases: Array<[string, readonly string[]]> = [
    [`/beta/http://graph.example.test${FLOWS}`, HERE],
    [`/beta/https://127.0.0.1:4010${FLOWS}`, HERE], // the request came over http
    [`/beta/http://127.0.0.1:4011${FLOWS}`, HERE],
    [`/beta/http://user:secret@127.0.0.1:4010${FLOWS}`, HERE],
    ['/beta/http://127.0.0.1:4010/external/industryData', HERE],
    ['/beta/http://127.0.0.1:4010/_mock/reset', HERE],
    ['/beta/http://127.0.0.1:4010/beta/../_mock/reset', HERE],
    ['/beta/http://127.0.0.1:4010/beta/%2e%2e/_mock/reset', HERE],
    ['/beta/http://127.0.0.1:4010/beta/..\\_mock\\reset', HERE],
    [`/beta/${encodeURIComponent('http://127.0.0.1:4010/beta/../_mock/reset')}`, HERE],
    ['/beta/http://127.0.0.1:4010/betamax/x', HERE],
    [`/beta/https://graph.example.test${FLOWS}`, [...HERE, 'https://graph.example.test/mock']], // outside the public URL's path
    [`/beta/https://graph.example.test/mockery${FLOWS}`, [...HERE, 'https://graph.example.test/mock']],
    [`/beta/http://[::1${FLOWS}`, HERE],
    [`/beta/http%ZZ//127.0.0.1:4010${FLOWS}`, HERE],
    [`/_mock/http://127.0.0.1:4010${FLOWS}`, HERE],
    [`/http://127.0.0.1:4010${FLOWS}`, HERE],
    [`/beta/external/http://127.0.0.1:4010${FLOWS}`, HERE],
    [`/beta/ftp://127.0.0.1:4010${FLOWS}`, HERE],
    [FLOWS, HERE]
  ]
  for (const [url, bases] of cases) t.equal(unwrapEmbeddedUrl(url, () => bases), url, url)
})

t.test('the bases are asked for only when a path has the shape', async t => {
  let asked = 0
  const bases = (): readonly string[] => { asked += 1; return HERE }
  unwrapEmbeddedUrl(FLOWS, bases)
  unwrapEmbeddedUrl('/beta/external/industryData?$filter=x', bases)
  t.equal(asked, 0, 'ordinary URLs cost one regular-expression test')
  unwrapEmbeddedUrl(`/beta/http://127.0.0.1:4010${FLOWS}`, bases)
  t.equal(asked, 1, 'the shape asks once')
})
