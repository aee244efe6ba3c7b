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
    '/beta/external/industryData/roleGroups/$count',
    '/beta/external/industryData/roleGroups/{roleGroupId}',
    '/beta/external/industryData',
    '/beta/$metadata',
    '/beta/classGroupProvisioningFlow',
    '/classGroupProvisioningFlow',
    '/beta/$batch',
    '/v1.0/$batch',
    '/_mock/health', '/_mock/ready', '/_mock/reset', '/_mock/seed', '/_mock/state', '/_mock/requests',
    '/_mock/faults', '/_mock/faults/{id}', '/_mock/throttle', '/_mock/clock', '/_mock/token'
  ]
  for (const path of expected) t.ok(paths.includes(path), `documents ${path}`)
  t.notOk(paths.some(path => path.startsWith('/v1.0/external')), 'no industryData under /v1.0 by default, as in Graph')
  const both = (await (await build(t, { versions: 'beta,v1.0' })).inject({ method: 'GET', url: '/_mock/openapi.json' })).json() as Json
  t.ok('/v1.0/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}' in both.paths, 'GRAPH_MOCK_VERSIONS=beta,v1.0 documents them there too')
  const patch = doc.paths['/beta/external/industryData/outboundProvisioningFlowSets/{setId}/provisioningFlows/{flowId}'].patch as Json
  t.ok(patch.requestBody, 'PATCH of a flow documents its body')
  t.same(patch.tags, ['graph'], 'tagged graph')
  t.same(doc.paths['/_mock/faults'].post.tags, ['control'], 'control routes tagged control')
})

t.test('the document says what the Graph routes answer: entities, collections, counts, and the error envelope', async t => {
  const app = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/_mock/openapi.json' })).json() as Json
  const S = '/beta/external/industryData/outboundProvisioningFlowSets'
  const json = (response: Json | undefined): Json | undefined => response?.content?.['application/json']?.schema
  const flow = doc.paths[`${S}/{setId}/provisioningFlows/{flowId}`] as Json
  const schemas = doc.components.schemas as Record<string, Json>
  const NS = '#/components/schemas/microsoft.graph.industryData'
  t.same(json(flow.get.responses['200']), { $ref: `${NS}.provisioningFlow` }, 'GET of a flow answers a provisioningFlow')
  t.same(schemas['microsoft.graph.industryData.provisioningFlow']?.anyOf.map((s: Json) => s.$ref),
    ['administrativeUnitProvisioningFlow', 'classGroupProvisioningFlow', 'securityGroupProvisioningFlow', 'userProvisioningFlow'].map(type => `${NS}.${type}`),
    'which is one of the four flow types')
  const classGroup = schemas['microsoft.graph.industryData.classGroupProvisioningFlow'] as Json
  t.same(classGroup.properties.configuration, { $ref: `${NS}.classGroupConfiguration` }, 'with its properties')
  t.same(classGroup.properties['@odata.type'], { const: '#microsoft.graph.industryData.classGroupProvisioningFlow' }, 'and the @odata.type it is answered with')
  t.equal(classGroup.additionalProperties, false, 'closed: every member an answer carries is declared')
  t.same(Object.keys(schemas['microsoft.graph.industryData.userConfiguration']?.properties as Json),
    ['defaultPasswordSettings', 'licenseSkus', 'roleGroup@odata.context', 'roleGroup'], 'a user configuration answers its bound role group inline')
  t.same(schemas['microsoft.graph.industryData.outboundProvisioningFlowSet']?.properties.provisioningFlows.items, { $ref: `${NS}.provisioningFlow` }, 'a flow set its flows, with $expand')
  t.same(Object.keys(flow.patch.responses).sort(), ['200', '204', 'default'], 'PATCH answers the entity, or nothing with Prefer: return=minimal')
  t.same(Object.keys(flow.delete.responses).sort(), ['204', 'default'], 'DELETE answers 204')
  const list = json(doc.paths[S].get.responses['200'])
  t.same(list?.required, ['@odata.context', 'value'], 'a collection has its context and value')
  t.same(list?.properties.value.items, { $ref: `${NS}.outboundProvisioningFlowSet` }, 'of flow sets')
  t.same(doc.paths[S].post.responses['201'] !== undefined, true, 'POST answers 201')
  t.same(doc.paths[`${S}/$count`].get.responses['200'].content, { 'text/plain': { schema: { type: 'integer' } } }, '$count answers a text/plain integer')
  t.same(Object.keys(doc.paths[`${S}/{setId}/provisioningFlows/{flowId}/reset`].post.responses).sort(), ['202', 'default'], 'reset answers 202')
  const error = json(flow.get.responses.default)
  t.same(error?.properties.error.required, ['code', 'message', 'innerError'], "errors are Graph's envelope")
  const graphOperations = Object.entries(doc.paths as Record<string, Record<string, Json>>)
    .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })))
    .filter(({ operation }) => operation.tags?.[0] === 'graph')
  t.ok(graphOperations.length >= 28, `${graphOperations.length} Graph operations`)
  t.same(graphOperations.filter(({ operation }) => operation.responses?.default === undefined).map(({ path, method }) => `${method} ${path}`), [], 'every one documents its error answer')
  t.same(graphOperations.filter(({ operation }) => Object.keys(operation.responses ?? {}).filter(k => k !== 'default').length === 0).map(({ path, method }) => `${method} ${path}`), [], 'and its success answer')
})
