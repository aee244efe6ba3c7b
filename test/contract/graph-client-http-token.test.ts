/**
 * @microsoft/microsoft-graph-client v3 over plain http with auth on: the default chain never sends its token to
 * an http host, so the token goes in through a custom middleware chain, as the client's README describes.
 */
import t from 'tap'
import { graphClientSuite } from './graph-client-suite.js'
import { overHttpWithToken } from './graph-client-setups.js'

t.test('graph-client v3 over http, a minted token sent by a custom middleware chain', async t => { graphClientSuite(t, overHttpWithToken) })
