import t from 'tap'
import { Validator } from '@seriousme/openapi-schema-validator'
import { build } from '../helpers.js'

type Json = Record<string, any>

t.test('GET /_mock/openapi.json is a valid OpenAPI 3.1 document covering every route', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/_mock/openapi.json' })
  t.equal(res.statusCode, 200, '200')
  const doc = res.json() as Json
  t.equal(doc.openapi, '3.1.0', 'OpenAPI 3.1')
  const validator = new Validator()
  const result = await validator.validate(doc)
  if (!result.valid) t.comment(JSON.stringify(result.errors, null, 2).slice(0, 4000))
  t.equal(result.valid, true, 'valid against the OpenAPI 3.1 schema')

  const paths = Object.keys(doc.paths as object)
  const expected = [
    '/beta/external/industryData/outboundProvisioningFlowSets',
    '/beta/external/industryData/outboundProvisioningFlowSets/$count',
    '/beta/external/industryData/outboundProvisioningFlowSets/{setId}',
    '/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows',
    '/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/$count',
    '/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}',
    '/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}/reset',
    '/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}/microsoft.graph.industryData.reset',
    '/beta/external/industryData/roleGroups',
    '/beta/external/industryData/roleGroups/{roleGroupId}',
    '/beta/classGroupProvisioningFlow',
    '/classGroupProvisioningFlow',
    '/beta/$batch',
    '/v1.0/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}',
    '/v1.0/$batch',
    '/_mock/health', '/_mock/ready', '/_mock/reset', '/_mock/seed', '/_mock/state', '/_mock/requests',
    '/_mock/faults', '/_mock/faults/{id}', '/_mock/throttle', '/_mock/clock', '/_mock/token'
  ]
  for (const path of expected) t.ok(paths.includes(path), `documents ${path}`)
  const patch = doc.paths['/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}'].patch as Json
  t.ok(patch.requestBody, 'PATCH of a flow documents its body')
  t.same(patch.tags, ['graph'], 'tagged graph')
  t.same(doc.paths['/_mock/faults'].post.tags, ['control'], 'control routes tagged control')
})
