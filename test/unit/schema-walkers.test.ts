import t from 'tap'
import { Type } from '@sinclair/typebox'
import { complete, mergePatch } from '../../src/industry-data/domain/merge-patch.js'
import { MASKED_SECRET, presentValue } from '../../src/industry-data/domain/present.js'
import { readValue, type ReadContext } from '../../src/industry-data/domain/read-body.js'
import { roleGroupIdOf } from '../../src/industry-data/domain/references.js'
import { graphEnum, graphObject, nullable } from '../../src/industry-data/schemas/graph-type.js'
import { OutboundProvisioningFlowSet, UserProvisioningFlow } from '../../src/industry-data/schemas/entities.js'

const noBind: ReadContext = { bind: () => { throw new Error('no bindings here') }, reference: (_type, value) => value }
const bindAsSent: ReadContext = { bind: (_navigation, _collection, target) => target, reference: (_type, value) => value }

t.test('evolvable enums: members after unknownFutureValue need Prefer: include-unknown-enum-members', async t => {
  const Colour = graphEnum('colour', ['red', 'green', 'unknownFutureValue', 'ultraviolet'])
  const Thing = graphObject('thing', { colour: Type.Optional(Colour), colours: Type.Optional(Type.Array(Colour)) })
  const value = { colour: 'ultraviolet', colours: ['red', 'ultraviolet'] }
  t.same(presentValue(Thing, value, { includeUnknownEnumMembers: false }), { colour: 'unknownFutureValue', colours: ['red', 'unknownFutureValue'] }, 'hidden by default')
  t.same(presentValue(Thing, value, { includeUnknownEnumMembers: true }), value, 'shown when the client opts in')
  t.same(readValue(Thing, { colour: 'ultraviolet' }, [], noBind), { colour: 'ultraviolet' }, 'a later member is accepted in requests')
  t.throws(() => readValue(Thing, { colour: 'unknownFutureValue' }, [], noBind), {
    statusCode: 400,
    message: "Invalid value for property 'colour': 'unknownFutureValue' is the evolvable-enum sentinel of 'microsoft.graph.industryData.colour' and cannot be sent. Use one of: red, green, ultraviolet."
  }, 'the sentinel is not')
})

t.test('reading: case-insensitive names, canonical output, derived types keep @odata.type', async t => {
  const read = readValue(UserProvisioningFlow, {
    CREATEUNMATCHEDUSERS: true,
    creationOptions: { configurations: [{ DefaultPasswordSettings: { password: 'x' }, licenseskus: ['a'], 'ROLEGROUP@odata.bind': 'roleGroups/staff' }] }
  }, [], bindAsSent)
  t.same(read, {
    createUnmatchedUsers: true,
    creationOptions: { configurations: [{ defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings', password: 'x' }, licenseSkus: ['a'], 'roleGroup@odata.bind': 'roleGroups/staff' }] }
  }, 'canonical names; the one concrete password type inferred')
})

t.test('merge and complete', async t => {
  const Inner = graphObject('inner', { a: Type.Optional(Type.Boolean()), b: Type.Optional(nullable(Type.String())) })
  const Outer = graphObject('outer', { inner: Type.Optional(Inner), list: Type.Optional(Type.Array(Type.String())), n: Type.Optional(nullable(Inner)) })
  const stored = complete(Outer, { inner: { a: true, b: 'keep' }, list: ['x'] })
  t.same(stored, { inner: { a: true, b: 'keep' }, list: ['x'], n: null }, 'complete fills nullable complex with null')
  t.same(complete(Outer, {}), { inner: { a: false, b: null }, list: [], n: null }, 'non-nullable complex gets defaults, collections []')
  t.same(mergePatch(Outer, stored, { inner: { b: null }, list: ['y', 'z'] }), { inner: { a: true, b: null }, list: ['y', 'z'], n: null }, 'nested merge, null clears, collection replaces')
})

t.test('masking', async t => {
  const shown = presentValue(UserProvisioningFlow, complete(UserProvisioningFlow, {
    id: 'f1',
    creationOptions: { configurations: [{ defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings', password: 'secret' } }] }
  }), { includeUnknownEnumMembers: false }) as Record<string, any>
  t.equal(shown.creationOptions.configurations[0].defaultPasswordSettings.password, MASKED_SECRET, 'password masked')
})

t.test('role-group references', async t => {
  for (const [reference, id] of [
    ['https://graph.microsoft.com/beta/external/industryData/roleGroups/staff', 'staff'],
    ['https://graph.microsoft.com/v1.0/external/industryData/roleGroups(\'students\')', 'students'],
    ['external/industryData/roleGroups/staff', 'staff'],
    ['/beta/external/industryData/RoleGroups/a%20b', 'a b'],
    ['http://127.0.0.1:4010/beta/external/industryData/roleGroups/staff', 'staff'],
    ['https://graph.microsoft.com/beta/users/1', undefined],
    ['roleGroups', undefined]
  ] as const) t.equal(roleGroupIdOf(reference), id, `${reference} → ${String(id)}`)
})

t.test('completing a value: a non-nullable string or enum that is absent is a 400 naming it, never a stored null', async t => {
  t.throws(() => complete(OutboundProvisioningFlowSet, { id: 's', displayName: 'x', filter: { '@odata.type': '#microsoft.graph.industryData.basicFilter', in: ['a'] } }), {
    statusCode: 400,
    message: "Property 'filter.attribute' is required: 'microsoft.graph.industryData.basicFilter' declares it not nullable. Use one of: orgExternalId."
  }, 'basicFilter.attribute')
  t.throws(() => complete(UserProvisioningFlow, { id: 'f', creationOptions: { configurations: [{ defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings' } }] } }), {
    statusCode: 400,
    message: "Property 'creationOptions.configurations[0].defaultPasswordSettings.password' is required: 'microsoft.graph.industryData.simplePasswordSettings' declares it not nullable."
  }, 'simplePasswordSettings.password, by its path')
  t.same(complete(OutboundProvisioningFlowSet, { id: 's', displayName: 'x' }).filter, null, 'a nullable one is null')
})
