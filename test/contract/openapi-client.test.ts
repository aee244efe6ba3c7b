/**
 * A client generated from graph-mock's own OpenAPI document, as openapi-typescript and openapi-fetch's READMEs
 * make one: the live `/_mock/openapi.json` through `openapiTS` and `astToString`, `createClient<paths>()` over it.
 * A program that sends every Graph docs example is type-checked (strict), then run against the server; a second
 * program of ill-typed calls must fail the type-check, each call where it is wrong.
 */
import t from 'tap'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import ts from 'typescript'
import { DOCS_BODIES, type DocsExample } from '../docs-examples.js'
import { ADMIN_UNIT_FLOW_ID, SET_ID, USER_FLOW_ID } from '../helpers.js'
import { listen } from './listen.js'

type Json = Record<string, any>

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url))
const S = '/beta/external/industryData/outboundProvisioningFlowSets'
const literal = (example: DocsExample): string => JSON.stringify(example.body, null, 2).replace(/\n/g, '\n    ')

/** The program a user would write: every docs example, through the generated client, typed. */
function clientProgram (): string {
  const sendFlow = (name: keyof typeof DOCS_BODIES, method: 'POST' | 'PATCH'): string => method === 'POST'
    ? `async (setId: string) => await client.POST('${S}/{setId}/provisioningFlows', { params: { path: { setId } }, body: ${literal(DOCS_BODIES[name])} })`
    : `async (setId: string, flowId: string) => await client.PATCH('${S}/{setId}/provisioningFlows/{flowId}', { params: { path: { setId, flowId } }, headers: minimal, body: ${literal(DOCS_BODIES[name])} })`
  return `import createClient from 'openapi-fetch'
import type { components, paths } from './graph-mock.js'

export type Flow = components['schemas']['microsoft.graph.industryData.provisioningFlow']

/** Every docs example through the generated client; PATCH asks for Graph's 204, as the update pages show. */
export function graphMock (baseUrl: string) {
  const client = createClient<paths>({ baseUrl, headers: { authorization: 'Bearer openapi-client' } })
  const minimal = { prefer: 'return=minimal' }
  return {
    root: async () => await client.GET('/beta/external/industryData'),
    createFlowSet: async () => await client.POST('${S}', { body: ${literal(DOCS_BODIES.createFlowSet)} }),
    updateFlowSet: async (setId: string) => await client.PATCH('${S}/{setId}', { params: { path: { setId } }, headers: minimal, body: ${literal(DOCS_BODIES.updateFlowSet)} }),
    listFlowSets: async () => await client.GET('${S}', { params: { query: { $count: 'true', $expand: 'provisioningFlows' } } }),
    getFlowSet: async (setId: string) => await client.GET('${S}/{setId}', { params: { path: { setId } } }),
    createAdministrativeUnitFlow: ${sendFlow('createAdministrativeUnitFlow', 'POST')},
    createClassGroupFlow: ${sendFlow('createClassGroupFlow', 'POST')},
    createSecurityGroupFlow: ${sendFlow('createSecurityGroupFlow', 'POST')},
    createUserFlow: ${sendFlow('createUserFlow', 'POST')},
    updateAdministrativeUnitFlow: ${sendFlow('updateAdministrativeUnitFlow', 'PATCH')},
    updateClassGroupFlow: ${sendFlow('updateClassGroupFlow', 'PATCH')},
    updateSecurityGroupFlow: ${sendFlow('updateSecurityGroupFlow', 'PATCH')},
    updateUserFlow: ${sendFlow('updateUserFlow', 'PATCH')},
    listFlows: async (setId: string) => await client.GET('${S}/{setId}/provisioningFlows', { params: { path: { setId } } }),
    getFlow: async (setId: string, flowId: string) => await client.GET('${S}/{setId}/provisioningFlows/{flowId}', { params: { path: { setId, flowId } } }),
    reset: async (setId: string, flowId: string) => await client.POST('${S}/{setId}/provisioningFlows/{flowId}/reset', { params: { path: { setId, flowId } } }),
    listRoleGroups: async () => await client.GET('/beta/external/industryData/roleGroups'),
    getRoleGroup: async (roleGroupId: string) => await client.GET('/beta/external/industryData/roleGroups/{roleGroupId}', { params: { path: { roleGroupId } } }),
    deleteFlow: async (setId: string, flowId: string) => await client.DELETE('${S}/{setId}/provisioningFlows/{flowId}', { params: { path: { setId, flowId } } }),
    deleteFlowSet: async (setId: string) => await client.DELETE('${S}/{setId}', { params: { path: { setId } } }),
    /** What a typed caller reads off an answer: no casts. */
    flowTypes: (flows: Flow[]): string[] => flows.map(flow => flow['@odata.type']),
    passwords: (flow: Flow): Array<string | undefined> => flow['@odata.type'] === '#microsoft.graph.industryData.userProvisioningFlow'
      ? (flow.creationOptions?.configurations ?? []).map(c => c?.defaultPasswordSettings?.password)
      : []
  }
}
`
}

/** Calls the generated types must refuse, one a line: the call, what is wrong, and what tsc says. */
const ILL_TYPED: ReadonlyArray<readonly [string, string, RegExp]> = [
  [`client.POST('${S}', { body: { displayName: 42 } })`, 'a number for a string', /'number' is not assignable to type 'string'/],
  [`client.POST('${S}', { body: { filter: null } })`, 'a create without its required displayName', /'displayName' is missing/],
  [`client.POST('${S}/{setId}/provisioningFlows', { params: { path: { setId: 's' } }, body: { configuration: {} } })`, 'a flow without @odata.type', /'"@odata\.type"' is missing/],
  [`client.POST('${S}/{setId}/provisioningFlows', { params: { path: { setId: 's' } }, body: { '@odata.type': '#microsoft.graph.industryData.provisioningFlow' } })`, 'the abstract flow type', /'"#microsoft\.graph\.industryData\.provisioningFlow"' is not assignable/],
  [`client.PATCH('${S}/{setId}/provisioningFlows/{flowId}', { params: { path: { setId: 's', flowId: 'f' } }, body: { '@odata.type': '#microsoft.graph.industryData.userProvisioningFlow', managementOptions: { additionalOptions: { studentAgeGroup: 'toddler' } } } })`, 'a value outside an enum', /'"toddler"' is not assignable/],
  [`client.POST('${S}/{setId}/provisioningFlows/{flowId}/reset', { params: { path: { setId: 's', flowId: 'f' } }, body: {} })`, 'a body for reset, which takes none', /'\{\}' is not assignable to type 'undefined'/],
  [`client.GET('${S}/{setId}', { params: { path: {} } })`, 'a missing path parameter', /'setId' is missing/],
  ["client.GET('/beta/external/industryData/runs', {})", 'a path graph-mock does not serve', /runs"' is not assignable to parameter/]
]

function illTypedProgram (): string {
  return `import createClient from 'openapi-fetch'
import type { paths } from './graph-mock.js'

const client = createClient<paths>({ baseUrl: 'http://localhost' })
${ILL_TYPED.map(([line]) => `void ${line}`).join('\n')}
`
}

/** The compiled program as this test sees it (its types were checked above, on the program itself). */
interface Answer { data?: any, error?: any, response: Response }
type Call = (...ids: string[]) => Promise<Answer>
type GraphMock = Record<'root' | 'createFlowSet' | 'updateFlowSet' | 'listFlowSets' | 'getFlowSet' | 'listFlows' | 'getFlow' | 'reset' |
'listRoleGroups' | 'getRoleGroup' | 'deleteFlow' | 'deleteFlowSet' | keyof typeof DOCS_BODIES, Call> & {
  flowTypes: (flows: Json[]) => string[]
  passwords: (flow: Json) => string[]
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext
}

/** `tsc --noEmit` over `files`: each diagnostic as `file:line: message`. */
function typeCheck (files: readonly string[]): Array<{ file: string, line: number, message: string }> {
  const program = ts.createProgram(files, COMPILER_OPTIONS)
  return ts.getPreEmitDiagnostics(program).map(d => ({
    file: d.file?.fileName ?? '',
    line: d.file === undefined || d.start === undefined ? 0 : d.file.getLineAndCharacterOfPosition(d.start).line + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n')
  }))
}

t.test('a client generated from /_mock/openapi.json type-checks every docs example and sends them', async t => {
  const { url } = await listen(t)
  const dir = mkdtempSync(join(tmpdir(), 'graph-mock-openapi-client-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir')
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))

  const document = await (await fetch(`${url}/_mock/openapi.json`)).json() as OpenAPI3
  writeFileSync(join(dir, 'graph-mock.ts'), astToString(await openapiTS(document)))
  writeFileSync(join(dir, 'client.ts'), clientProgram())
  writeFileSync(join(dir, 'ill-typed.ts'), illTypedProgram())

  const diagnostics = typeCheck([join(dir, 'client.ts')])
  t.same(diagnostics, [], 'the generated types and every docs example type-check (strict)')

  const refused = typeCheck([join(dir, 'ill-typed.ts')])
  ILL_TYPED.forEach(([, what, message], i) => {
    const line = i + 5
    t.ok(refused.some(d => d.file.endsWith('ill-typed.ts') && d.line === line && message.test(d.message)), `tsc refuses ${what} (line ${line})`)
  })
  t.same(refused.filter(d => !d.file.endsWith('ill-typed.ts') || d.line < 5), [], 'and nothing else')

  writeFileSync(join(dir, 'client.js'), ts.transpileModule(clientProgram(), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText)
  const { graphMock } = await import(pathToFileURL(join(dir, 'client.js')).href) as { graphMock: (baseUrl: string) => GraphMock }
  const mock = graphMock(url)

  const root = await mock.root()
  t.equal(root.response.status, 200, 'GET industryData: 200')
  t.equal(root.data.id, '00000000-0000-0000-0000-000000000001', 'the root is the default tenant\'s')

  const created = await mock.createFlowSet()
  t.equal(created.response.status, 201, `${DOCS_BODIES.createFlowSet.page}: 201`)
  t.equal(created.data.displayName, 'Outbound Provisioning Flow Test', 'its displayName')
  t.same(created.data.filter, { '@odata.type': '#microsoft.graph.industryData.basicFilter', attribute: 'orgExternalId', in: ['Quarter', 'Demo'] }, 'its filter')
  const setId = String(created.data.id)

  const updated = await mock.updateFlowSet(setId)
  t.equal(updated.response.status, 204, `${DOCS_BODIES.updateFlowSet.page}: 204 with Prefer: return=minimal`)
  t.equal(updated.data, undefined, 'no body')
  t.equal((await mock.getFlowSet(setId)).data.displayName, 'Outbound provisioning flow Updated', 'the update is read back')

  const flowIds: Record<string, string> = {}
  for (const [name, type] of [['createAdministrativeUnitFlow', 'administrativeUnitProvisioningFlow'], ['createClassGroupFlow', 'classGroupProvisioningFlow'], ['createSecurityGroupFlow', 'securityGroupProvisioningFlow'], ['createUserFlow', 'userProvisioningFlow']] as const) {
    const flow = await mock[name](setId)
    t.equal(flow.response.status, 201, `${DOCS_BODIES[name].page}: 201`)
    t.equal(flow.data['@odata.type'], `#microsoft.graph.industryData.${type}`, `a ${type}`)
    t.equal(flow.data.readinessStatus, 'notReady', 'notReady')
    flowIds[type] = String(flow.data.id)
  }
  const admin = await mock.getFlow(setId, flowIds.administrativeUnitProvisioningFlow ?? '')
  t.same(admin.data.creationOptions, { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true }, 'the docs\' createBasedOnOrgPlusroleGroup is read as createBasedOnOrgPlusRoleGroup')

  for (const [name, type] of [['updateAdministrativeUnitFlow', 'administrativeUnitProvisioningFlow'], ['updateClassGroupFlow', 'classGroupProvisioningFlow'], ['updateSecurityGroupFlow', 'securityGroupProvisioningFlow'], ['updateUserFlow', 'userProvisioningFlow']] as const) {
    const res = await mock[name](setId, flowIds[type] ?? '')
    t.equal(res.response.status, 204, `${DOCS_BODIES[name].page}: 204`)
  }
  const classGroup = await mock.getFlow(setId, flowIds.classGroupProvisioningFlow ?? '')
  t.same(classGroup.data.configuration.additionalAttributes, ['courseTitle', 'courseCode'], 'the class-group update is read back')
  const user = await mock.getFlow(setId, flowIds.userProvisioningFlow ?? '')
  t.same(user.data.managementOptions.additionalOptions.studentAgeGroup, 'minor', 'the user update is read back')
  t.same(user.data.creationOptions.configurations.map((c: Json) => [c.roleGroup.id, c.licenseSkus]), [['staff', ['SkuUpdated']], ['students', ['SkuUpdated2']]], 'with its bound role groups inline')
  t.same(mock.passwords(user.data), ['***************', '***************'], 'and masked passwords, read through the generated types')

  const reset = await mock.reset(setId, flowIds.userProvisioningFlow ?? '')
  t.equal(reset.response.status, 202, 'reset: 202, sent without a body')

  const flows = await mock.listFlows(setId)
  t.equal(flows.response.status, 200, 'List provisioningFlows: 200')
  t.same(mock.flowTypes(flows.data.value).sort(), ['administrativeUnitProvisioningFlow', 'classGroupProvisioningFlow', 'securityGroupProvisioningFlow', 'userProvisioningFlow'].map(type => `#microsoft.graph.industryData.${type}`), 'the four flows')
  const sets = await mock.listFlowSets()
  t.equal(sets.data['@odata.count'], 2, 'List outboundProvisioningFlowSets with $count: the fixture set and the new one')
  t.equal(sets.data.value.find((s: Json) => s.id === setId)?.provisioningFlows.length, 4, 'with its flows expanded')
  t.same((await mock.listRoleGroups()).data.value.map((g: Json) => g.id), ['students', 'staff'], 'List roleGroups')
  t.equal((await mock.getRoleGroup('staff')).data.displayName, 'Staff', 'Get roleGroup')

  const missing = await mock.getFlow(SET_ID, 'missing')
  t.equal(missing.response.status, 404, 'an error answer')
  t.equal(missing.error.error.code, 'itemNotFound', "is Graph's envelope, as `error`")
  t.equal((await mock.getFlow(SET_ID, ADMIN_UNIT_FLOW_ID)).response.status, 200, 'fixture flows are untouched')
  t.equal((await mock.getFlow(SET_ID, USER_FLOW_ID)).data.createUnmatchedUsers, true, 'the fixture user flow kept its value')

  t.equal((await mock.deleteFlow(setId, flowIds.securityGroupProvisioningFlow ?? '')).response.status, 204, 'Delete provisioningFlow: 204')
  t.equal((await mock.deleteFlowSet(setId)).response.status, 204, 'Delete outboundProvisioningFlowSet: 204')
  t.equal((await mock.getFlowSet(setId)).response.status, 404, 'gone')
})
