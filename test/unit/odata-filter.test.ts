import t from 'tap'
import { assertBadRequest } from './assert-bad-request.js'
import { compileFilter, entityTypeOf, filterPredicate, parseFilter, type FilterFields } from '../../src/odata/filter/index.js'
import { FLOW_FILTER_FIELDS, FLOW_SET_FILTER_FIELDS } from '../../src/industry-data/collections.js'

const NS = 'microsoft.graph.industryData'
type Entity = Record<string, unknown>

const flow = (id: string, type: string, readinessStatus: string | null, createdDateTime: string, lastModifiedDateTime?: string | null): Entity => ({
  '@odata.type': `#${NS}.${type}`,
  id,
  readinessStatus,
  createdDateTime,
  ...(lastModifiedDateTime === undefined ? {} : { lastModifiedDateTime })
})

const FLOWS: Entity[] = [
  flow('0a000000-0000-0000-0000-00000000000a', 'classGroupProvisioningFlow', 'ready', '2024-03-22T21:28:02.7164229Z', '2024-03-23T00:00:00.0000000Z'),
  flow('0b000000-0000-0000-0000-00000000000b', 'securityGroupProvisioningFlow', 'failed', '2024-03-22T21:28:02.7164230Z', null),
  flow('0c000000-0000-0000-0000-00000000000c', 'administrativeUnitProvisioningFlow', 'notReady', '2024-03-22T21:28:02Z'),
  flow('0d000000-0000-0000-0000-00000000000d', 'userProvisioningFlow', 'ready', '2026-11-28T21:28:02.7164229Z', '2026-11-28T21:28:02.7164229Z'),
  flow('0e000000-0000-0000-0000-00000000000e', 'userProvisioningFlow', null, '2020-01-01T00:00:00.0000001Z', '2020-01-01T00:00:00Z')
]
const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e']

const SETS: Entity[] = [
  { id: '1a000000-0000-0000-0000-00000000001a', displayName: 'O\'Brien', createdDateTime: '2024-01-01T00:00:00Z', lastModifiedDateTime: '2024-01-02T00:00:00Z' },
  { id: '1b000000-0000-0000-0000-00000000001b', displayName: 'o\'brien', createdDateTime: '2024-06-01T00:00:00Z', lastModifiedDateTime: '2024-06-02T00:00:00Z' },
  { id: '1c000000-0000-0000-0000-00000000001c', displayName: 'Contoso', createdDateTime: '2025-01-01T00:00:00Z' }
]

/** Which fixtures a filter keeps, by the letter that tags their id. */
function kept (text: string, fields: FilterFields, entities: readonly Entity[]): string[] {
  const predicate = filterPredicate(text, fields)
  return entities.filter(predicate).map(e => String(e.id).charAt(1))
}

t.test('$filter on provisioningFlows keeps the matching flows', async t => {
  const cases: Array<[string, string[]]> = [
    ['readinessStatus eq \'ready\'', [A, D]],
    ['readinessStatus ne \'ready\'', [B, C, E]],
    ['readinessStatus eq null', [E]],
    ['readinessStatus ne null', [A, B, C, D]],
    ['readinessStatus eq \'unknownFutureValue\'', []],
    ['READINESSSTATUS EQ \'failed\'', [B]],
    ['ReadinessStatus Eq \'failed\' OR readinessstatus eq \'notReady\'', [B, C]],
    [`readinessStatus eq ${NS}.readinessStatus'failed'`, [B]],
    ['\'ready\' eq readinessStatus', [A, D]],
    ['  readinessStatus\teq   \'ready\'  ', [A, D]],
    ['id eq \'0A000000-0000-0000-0000-00000000000A\'', [A]],
    ['id ne \'0a000000-0000-0000-0000-00000000000a\'', [B, C, D, E]],
    ['createdDateTime eq 2024-03-22T21:28:02.7164229Z', [A]],
    ['createdDateTime gt 2024-03-22T21:28:02.7164229Z', [B, D]],
    ['createdDateTime ge 2024-03-22T21:28:02.7164229Z', [A, B, D]],
    ['createdDateTime lt 2024-03-22T21:28:02.7164229Z', [C, E]],
    ['createdDateTime le 2024-03-22T21:28:02Z', [C, E]],
    ['createdDateTime eq 2024-03-22T21:28:02.0Z', [C]],
    ['createdDateTime eq 2024-03-22T22:28:02.7164229+01:00', [A]],
    ['createdDateTime eq 2024-03-22T20:28:02.7164229-01:00', [A]],
    ['createdDateTime gt 2020-01-01T00:00:00Z and createdDateTime lt 2020-01-01T00:00:01Z', [E]],
    ['createdDateTime gt 2020-01-01T00:00Z', [A, B, C, D, E]],
    ['createdDateTime eq 2024-03-22t21:28:02z', [C]],
    ['2024-03-22T21:28:02.7164229Z lt createdDateTime', [B, D]],
    ['2024-03-22T21:28:02.7164229Z ge createdDateTime', [A, C, E]],
    ['lastModifiedDateTime eq null', [B, C]],
    ['lastModifiedDateTime ne null', [A, D, E]],
    ['lastModifiedDateTime ne 2020-01-01T00:00:00Z', [A, B, C, D]],
    ['lastModifiedDateTime lt 2030-01-01T00:00:00Z', [A, D, E]],
    [`isof('${NS}.userProvisioningFlow')`, [D, E]],
    [`isof(${NS}.classGroupProvisioningFlow)`, [A]],
    [`ISOF('${NS.toUpperCase()}.SECURITYGROUPPROVISIONINGFLOW')`, [B]],
    [`isof('${NS}.provisioningFlow')`, [A, B, C, D, E]],
    [`not isof('${NS}.userProvisioningFlow')`, [A, B, C]],
    [`not not isof('${NS}.userProvisioningFlow')`, [D, E]],
    ['not (readinessStatus eq \'ready\')', [B, C, E]],
    ['NOT(readinessStatus eq \'ready\')', [B, C, E]],
    // OData precedence: not > and > or.
    [`readinessStatus eq 'failed' or readinessStatus eq 'ready' and isof('${NS}.userProvisioningFlow')`, [B, D]],
    [`(readinessStatus eq 'failed' or readinessStatus eq 'ready') and isof('${NS}.userProvisioningFlow')`, [D]],
    [`isof('${NS}.userProvisioningFlow') and readinessStatus eq 'ready' or readinessStatus eq 'notReady'`, [C, D]],
    [`not isof('${NS}.userProvisioningFlow') and readinessStatus eq 'ready'`, [A]],
    [`not (isof('${NS}.userProvisioningFlow') and readinessStatus eq 'ready')`, [A, B, C, E]],
    ['((readinessStatus eq \'ready\'))', [A, D]],
    ['readinessStatus eq \'ready\' and (createdDateTime gt 2025-01-01T00:00:00Z or id eq \'0a000000-0000-0000-0000-00000000000a\')', [A, D]]
  ]
  for (const [text, expected] of cases) {
    t.same(kept(text, FLOW_FILTER_FIELDS, FLOWS), expected, `${text} → ${expected.join(', ') || 'none'}`)
  }
})

t.test('$filter on outboundProvisioningFlowSets keeps the matching sets', async t => {
  const cases: Array<[string, string[]]> = [
    ['displayName eq \'O\'\'Brien\'', [A]],
    ['displayName eq \'o\'\'brien\'', [B]],
    ['displayName ne \'Contoso\'', [A, B]],
    ['displayName eq \'contoso\'', []],
    ['displayName eq \'\'', []],
    ['DisplayName eq \'Contoso\' or id eq \'1B000000-0000-0000-0000-00000000001B\'', [B, C]],
    ['createdDateTime ge 2024-06-01T00:00:00Z', [B, C]],
    ['lastModifiedDateTime eq null', [C]],
    ['displayName eq null', []]
  ]
  for (const [text, expected] of cases) {
    t.same(kept(text, FLOW_SET_FILTER_FIELDS, SETS), expected, `${text} → ${expected.join(', ') || 'none'}`)
  }
})

t.test('parseFilter builds an AST with precedence and positions', async t => {
  const ast = parseFilter('not (id eq \'x\') and createdDateTime lt 2024-03-22T21:28:02Z or isof(\'a.b\')')
  t.same(ast, {
    text: 'not (id eq \'x\') and createdDateTime lt 2024-03-22T21:28:02Z or isof(\'a.b\')',
    root: {
      kind: 'or',
      left: {
        kind: 'and',
        left: {
          kind: 'not',
          operand: {
            kind: 'compare',
            property: 'id',
            propertyPosition: 5,
            operator: 'eq',
            operatorPosition: 8,
            value: { kind: 'string', value: 'x', typeName: undefined, text: '\'x\'', position: 11 }
          }
        },
        right: {
          kind: 'compare',
          property: 'createdDateTime',
          propertyPosition: 20,
          operator: 'lt',
          operatorPosition: 36,
          value: { kind: 'dateTime', ticks: 1711142882n * 10_000_000n, text: '2024-03-22T21:28:02Z', position: 39 }
        }
      },
      right: { kind: 'isof', type: 'a.b', position: 68 }
    }
  }, 'not binds tighter than and, and tighter than or; positions are 0-based offsets')
  const mirrored = parseFilter('2024-03-22T21:28:02Z ge createdDateTime').root
  t.match(mirrored, { kind: 'compare', property: 'createdDateTime', operator: 'le' }, 'a literal on the left mirrors the operator')
  t.match(parseFilter('a eq 1.5e3').root, { value: { kind: 'number', text: '1.5e3' } }, 'numbers parse (and are rejected later by type)')
  t.match(parseFilter('a eq TRUE').root, { value: { kind: 'boolean', value: true } }, 'booleans parse')
  t.match(parseFilter('a eq NULL').root, { value: { kind: 'null' } }, 'null is case-insensitive')
})

t.test('compileFilter takes a parsed AST and a field table', async t => {
  const only: FilterFields = {
    collection: 'things',
    properties: { name: { type: 'string', caseInsensitive: true } },
    isof: { namespace: NS, base: 'thing', derived: ['bigThing'] }
  }
  const predicate = compileFilter(parseFilter(`name eq 'ABC' and isof('${NS}.bigThing')`), only)
  t.equal(predicate({ name: 'abc', '@odata.type': `#${NS}.bigThing` }), true, 'case-insensitive string field and derived type')
  t.equal(predicate({ name: 'abc', '@odata.type': `${NS}.bigThing` }), true, 'a stored @odata.type without # is read too')
  t.equal(predicate({ name: 'abc' }), false, 'no @odata.type is no derived type')
  t.equal(predicate({ name: 42, '@odata.type': `#${NS}.bigThing` }), false, 'a non-string value never equals a string')
  assertBadRequest(t, () => compileFilter(parseFilter('id eq \'x\''), only),
    'Invalid $filter \'id eq \'x\'\': property \'id\' is not supported in $filter on things. Supported: name, isof(...).', 'the table decides the properties')
})

t.test('field tables come from the schemas', async t => {
  t.same(FLOW_FILTER_FIELDS.properties.readinessStatus,
    { type: 'enum', name: `${NS}.readinessStatus`, members: ['notReady', 'ready', 'failed', 'disabled', 'expired', 'unknownFutureValue'] },
    'readinessStatus members come from enums.ts')
  t.same(Object.keys(FLOW_FILTER_FIELDS.properties), ['readinessStatus', 'id', 'createdDateTime', 'lastModifiedDateTime'], 'flow properties')
  t.same(FLOW_FILTER_FIELDS.isof?.derived,
    ['classGroupProvisioningFlow', 'securityGroupProvisioningFlow', 'administrativeUnitProvisioningFlow', 'userProvisioningFlow'], 'isof on the four flow types')
  t.same(Object.keys(FLOW_SET_FILTER_FIELDS.properties), ['displayName', 'id', 'createdDateTime', 'lastModifiedDateTime'], 'flow-set properties')
  t.equal(FLOW_SET_FILTER_FIELDS.isof, undefined, 'flow sets are not polymorphic')
})

t.test('entityTypeOf reads the short type from @odata.type', async t => {
  const cases: Array<[Entity, string | undefined]> = [
    [{ '@odata.type': `#${NS}.classGroupProvisioningFlow` }, 'classGroupProvisioningFlow'],
    [{ '@odata.type': `${NS}.userProvisioningFlow` }, 'userProvisioningFlow'],
    [{ '@odata.type': '#microsoft.graph.user' }, undefined],
    [{ '@odata.type': 7 }, undefined],
    [{}, undefined]
  ]
  for (const [entity, expected] of cases) t.equal(entityTypeOf(entity, NS), expected, `${JSON.stringify(entity)} → ${String(expected)}`)
})

t.test('anything outside the subset is a 400 saying what and where', async t => {
  const flows = 'provisioningFlows'
  const cases: Array<[string, FilterFields, string]> = [
    // empty
    ['', FLOW_FILTER_FIELDS, 'the expression is empty.'],
    ['   ', FLOW_FILTER_FIELDS, 'the expression is empty.'],
    // properties
    ['x eq 1', FLOW_FILTER_FIELDS, `property 'x' is not supported in $filter on ${flows}. Supported: readinessStatus, id, createdDateTime, lastModifiedDateTime, isof(...).`],
    ['displayName eq \'a\'', FLOW_FILTER_FIELDS, `property 'displayName' is not supported in $filter on ${flows}. Supported: readinessStatus, id, createdDateTime, lastModifiedDateTime, isof(...).`],
    ['readinessStatus eq \'ready\'', FLOW_SET_FILTER_FIELDS, 'property \'readinessStatus\' is not supported in $filter on outboundProvisioningFlowSets. Supported: displayName, id, createdDateTime, lastModifiedDateTime.'],
    ['readinessStatus eq id', FLOW_FILTER_FIELDS, 'comparing two properties (\'readinessStatus\' and \'id\') is not supported (position 0); compare a property with a literal.'],
    ['\'a\' eq \'a\'', FLOW_FILTER_FIELDS, 'comparing two literals is not supported (position 0); one side must be a property.'],
    ['displayName/length eq 3', FLOW_SET_FILTER_FIELDS, '\'/\' at position 11 is not supported: property paths and lambda operators (any, all) are not available in $filter.'],
    ['roles/any(r: r eq \'a\')', FLOW_SET_FILTER_FIELDS, '\'/\' at position 5 is not supported: property paths and lambda operators (any, all) are not available in $filter.'],
    ['id/x', FLOW_SET_FILTER_FIELDS, '\'/\' at position 2 is not supported: property paths and lambda operators (any, all) are not available in $filter.'],
    // functions
    ['startswith(displayName, \'a\')', FLOW_SET_FILTER_FIELDS, 'the function \'startswith\' at position 0 is not supported.'],
    ['contains(displayName,\'a\')', FLOW_SET_FILTER_FIELDS, 'the function \'contains\' at position 0 is not supported.'],
    ['tolower(displayName) eq \'a\'', FLOW_SET_FILTER_FIELDS, 'the function \'tolower\' at position 0 is not supported.'],
    ['displayName eq toupper(\'a\')', FLOW_SET_FILTER_FIELDS, 'the function \'toupper\' at position 15 is not supported.'],
    ['not endswith(displayName,\'a\')', FLOW_SET_FILTER_FIELDS, '\'not\' at position 0 applies to a parenthesized expression or isof(...); write not (…).'],
    ['id eq \'a\' and any(x)', FLOW_FILTER_FIELDS, 'the function \'any\' at position 14 is not supported.'],
    // operators
    ['createdDateTime add 1 gt 2', FLOW_FILTER_FIELDS, 'the arithmetic operator \'add\' at position 16 is not supported.'],
    ['id eq \'a\' add \'b\'', FLOW_FILTER_FIELDS, 'the arithmetic operator \'add\' at position 10 is not supported.'],
    ['id in (\'a\', \'b\')', FLOW_FILTER_FIELDS, 'the \'in\' operator at position 3 is not supported; combine eq comparisons with \'or\'.'],
    ['readinessStatus has \'ready\'', FLOW_FILTER_FIELDS, 'the \'has\' operator at position 16 is not supported.'],
    ['displayName gt \'a\'', FLOW_SET_FILTER_FIELDS, 'the operator \'gt\' at position 12 is not supported on \'displayName\'; string properties support eq and ne.'],
    ['id le \'a\'', FLOW_FILTER_FIELDS, 'the operator \'le\' at position 3 is not supported on \'id\'; string properties support eq and ne.'],
    ['readinessStatus lt \'ready\'', FLOW_FILTER_FIELDS, 'the operator \'lt\' at position 16 is not supported on \'readinessStatus\'; enum properties support eq and ne.'],
    ['createdDateTime gt null', FLOW_FILTER_FIELDS, 'null can only be compared with eq or ne (operator \'gt\' at position 16).'],
    ['id eq \'a\' eq \'b\'', FLOW_FILTER_FIELDS, 'unexpected \'eq\' at position 10: a condition cannot be compared again; combine conditions with \'and\' or \'or\'.'],
    ['id = \'a\'', FLOW_FILTER_FIELDS, 'unexpected character \'=\' at position 3; use eq, ne, gt, ge, lt or le.'],
    ['id != \'a\'', FLOW_FILTER_FIELDS, 'unexpected character \'!\' at position 3; use ne or not.'],
    ['createdDateTime < 2024-01-01T00:00:00Z', FLOW_FILTER_FIELDS, 'unexpected character \'<\' at position 16; use lt or le.'],
    ['createdDateTime > 2024-01-01T00:00:00Z', FLOW_FILTER_FIELDS, 'unexpected character \'>\' at position 16; use gt or ge.'],
    ['id eq \'a\' && id eq \'b\'', FLOW_FILTER_FIELDS, 'unexpected character \'&\' at position 10; use and.'],
    ['id eq \'a\' || id eq \'b\'', FLOW_FILTER_FIELDS, 'unexpected character \'|\' at position 10; use or.'],
    ['id eq @p', FLOW_FILTER_FIELDS, 'unexpected character \'@\' at position 6.'],
    ['$it/id eq \'a\'', FLOW_FILTER_FIELDS, 'unexpected character \'$\' at position 0.'],
    // literals
    ['readinessStatus eq "ready"', FLOW_FILTER_FIELDS, 'unexpected character \'"\' at position 19; string literals use single quotes.'],
    ['readinessStatus eq \'ready', FLOW_FILTER_FIELDS, 'unterminated string literal starting at position 19.'],
    ['readinessStatus eq \'it\'\'s', FLOW_FILTER_FIELDS, 'unterminated string literal starting at position 19.'],
    [`readinessStatus eq ${NS}.readinessStatus'ready`, FLOW_FILTER_FIELDS, 'unterminated string literal starting at position 63.'],
    ['readinessStatus eq \'Ready\'', FLOW_FILTER_FIELDS, `'Ready' at position 19 is not a member of the enum '${NS}.readinessStatus'. Members: notReady, ready, failed, disabled, expired, unknownFutureValue. Did you mean 'ready'?`],
    ['readinessStatus ne \'done\'', FLOW_FILTER_FIELDS, `'done' at position 19 is not a member of the enum '${NS}.readinessStatus'. Members: notReady, ready, failed, disabled, expired, unknownFutureValue.`],
    ['readinessStatus eq 1', FLOW_FILTER_FIELDS, `property 'readinessStatus' is the enum '${NS}.readinessStatus'; compare it with a quoted member such as 'notReady', not 1 (position 19).`],
    ['readinessStatus eq true', FLOW_FILTER_FIELDS, `property 'readinessStatus' is the enum '${NS}.readinessStatus'; compare it with a quoted member such as 'notReady', not true (position 19).`],
    [`readinessStatus eq ${NS}.filterOptions'ready'`, FLOW_FILTER_FIELDS, `the literal ${NS}.filterOptions'ready' at position 19 is not of the enum '${NS}.readinessStatus' of property 'readinessStatus'.`],
    [`readinessStatus eq ${NS}.readinessStatus'Ready'`, FLOW_FILTER_FIELDS, `'Ready' at position 19 is not a member of the enum '${NS}.readinessStatus'. Members: notReady, ready, failed, disabled, expired, unknownFutureValue. Did you mean 'ready'?`],
    ['displayName eq 42', FLOW_SET_FILTER_FIELDS, 'property \'displayName\' is a string; compare it with a quoted literal such as \'value\', not 42 (position 15).'],
    ['id eq false', FLOW_SET_FILTER_FIELDS, 'property \'id\' is a string; compare it with a quoted literal such as \'value\', not false (position 6).'],
    ['displayName eq 2024-01-01T00:00:00Z', FLOW_SET_FILTER_FIELDS, 'property \'displayName\' is a string; compare it with a quoted literal such as \'value\', not 2024-01-01T00:00:00Z (position 15).'],
    ['displayName eq guid\'a\'', FLOW_SET_FILTER_FIELDS, 'property \'displayName\' is a string; compare it with a quoted literal such as \'value\', not guid\'a\' (position 15).'],
    ['id eq 0d6a3b2c-1111-2222-3333-444455556666', FLOW_FILTER_FIELDS, 'the unquoted GUID \'0d6a3b2c-1111-2222-3333-444455556666\' at position 6 is not supported; quote it: \'0d6a3b2c-1111-2222-3333-444455556666\'.'],
    ['createdDateTime gt \'2024-03-22T21:28:02Z\'', FLOW_FILTER_FIELDS, 'property \'createdDateTime\' is a DateTimeOffset; compare it with an unquoted literal such as 2024-03-22T21:28:02Z, not \'2024-03-22T21:28:02Z\' (position 19).'],
    ['createdDateTime gt 1711142882', FLOW_FILTER_FIELDS, 'property \'createdDateTime\' is a DateTimeOffset; compare it with an unquoted literal such as 2024-03-22T21:28:02Z, not 1711142882 (position 19).'],
    ['createdDateTime gt datetimeoffset\'2024-03-22T21:28:02Z\'', FLOW_FILTER_FIELDS, 'property \'createdDateTime\' is a DateTimeOffset; compare it with an unquoted literal such as 2024-03-22T21:28:02Z, not datetimeoffset\'2024-03-22T21:28:02Z\' (position 19).'],
    ['createdDateTime gt 2024-03-22T21:28:02', FLOW_FILTER_FIELDS, 'invalid DateTimeOffset literal \'2024-03-22T21:28:02\' at position 19: the time-zone offset is missing (Z or ±hh:mm; a \'+\' in a URL must be sent as %2B).'],
    // What `+01:00` becomes once a URL's '+' is decoded to a space.
    ['createdDateTime gt 2024-03-22T21:28:02 01:00', FLOW_FILTER_FIELDS, 'invalid DateTimeOffset literal \'2024-03-22T21:28:02\' at position 19: the time-zone offset is missing (Z or ±hh:mm; a \'+\' in a URL must be sent as %2B).'],
    ['createdDateTime gt 2024-02-30T00:00:00Z', FLOW_FILTER_FIELDS, 'invalid DateTimeOffset literal \'2024-02-30T00:00:00Z\' at position 19: the day must be from 01 to 29.'],
    ['createdDateTime gt 2024-03-22Tnoon', FLOW_FILTER_FIELDS, 'invalid DateTimeOffset literal \'2024-03-22Tnoon\' at position 19: expected yyyy-mm-ddThh:mm[:ss[.fffffff]] followed by Z or ±hh:mm.'],
    ['createdDateTime gt 2024-03-22', FLOW_FILTER_FIELDS, 'the Edm.Date literal \'2024-03-22\' at position 19 is not supported; use a DateTimeOffset such as 2024-03-22T00:00:00Z.'],
    ['createdDateTime gt 21:28:02', FLOW_FILTER_FIELDS, 'the Edm.TimeOfDay literal \'21:28:02\' at position 19 is not supported.'],
    ['createdDateTime gt 12abc', FLOW_FILTER_FIELDS, 'invalid literal \'12abc\' at position 19.'],
    // isof
    [`isof('${NS}.classGroupProvisioningFlow')`, FLOW_SET_FILTER_FIELDS, 'isof(...) is not supported in $filter on outboundProvisioningFlowSets.'],
    ['isof(\'classGroupProvisioningFlow\')', FLOW_FILTER_FIELDS, `'classGroupProvisioningFlow' at position 5 is not a type isof supports on ${flows}. Supported: ${NS}.provisioningFlow, ${NS}.classGroupProvisioningFlow, ${NS}.securityGroupProvisioningFlow, ${NS}.administrativeUnitProvisioningFlow, ${NS}.userProvisioningFlow. Write the qualified name: '${NS}.classGroupProvisioningFlow'.`],
    [`isof('#${NS}.classGroupProvisioningFlow')`, FLOW_FILTER_FIELDS, `'#${NS}.classGroupProvisioningFlow' at position 5 is not a type isof supports on ${flows}. Supported: ${NS}.provisioningFlow, ${NS}.classGroupProvisioningFlow, ${NS}.securityGroupProvisioningFlow, ${NS}.administrativeUnitProvisioningFlow, ${NS}.userProvisioningFlow. Write the qualified name without '#': '${NS}.classGroupProvisioningFlow'.`],
    ['isof(\'microsoft.graph.user\')', FLOW_FILTER_FIELDS, `'microsoft.graph.user' at position 5 is not a type isof supports on ${flows}. Supported: ${NS}.provisioningFlow, ${NS}.classGroupProvisioningFlow, ${NS}.securityGroupProvisioningFlow, ${NS}.administrativeUnitProvisioningFlow, ${NS}.userProvisioningFlow.`],
    [`isof(#${NS}.classGroupProvisioningFlow)`, FLOW_FILTER_FIELDS, 'unexpected character \'#\' at position 5; isof takes the qualified type name without \'#\'.'],
    [`isof($it, '${NS}.classGroupProvisioningFlow')`, FLOW_FILTER_FIELDS, 'unexpected character \'$\' at position 5.'],
    [`isof(id, '${NS}.classGroupProvisioningFlow')`, FLOW_FILTER_FIELDS, 'only the one-argument form isof(\'Namespace.Type\') is supported (isof at position 0).'],
    ['isof()', FLOW_FILTER_FIELDS, 'unexpected \')\' at position 5; expected a qualified type name such as \'microsoft.graph.industryData.classGroupProvisioningFlow\'.'],
    ['isof(1)', FLOW_FILTER_FIELDS, 'unexpected \'1\' at position 5; expected a qualified type name such as \'microsoft.graph.industryData.classGroupProvisioningFlow\'.'],
    [`isof('${NS}.userProvisioningFlow'`, FLOW_FILTER_FIELDS, 'missing \')\' for the \'(\' of isof at position 0.'],
    [`isof('${NS}.userProvisioningFlow' x`, FLOW_FILTER_FIELDS, 'unexpected \'x\' at position 57; expected \')\'.'],
    [`isof('${NS}.userProvisioningFlow') eq true`, FLOW_FILTER_FIELDS, 'unexpected \'eq\' at position 58: a condition cannot be compared again; combine conditions with \'and\' or \'or\'.'],
    // structure
    ['readinessStatus eq \'ready\' and and id eq \'a\'', FLOW_FILTER_FIELDS, 'unexpected \'and\' at position 31; expected a property name, \'not\', \'(\' or isof(...).'],
    ['and id eq \'a\'', FLOW_FILTER_FIELDS, 'unexpected \'and\' at position 0; expected a property name, \'not\', \'(\' or isof(...).'],
    ['readinessStatus eq \'ready\' and', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected a property name, \'not\', \'(\' or isof(...).'],
    ['readinessStatus eq \'ready\' or', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected a property name, \'not\', \'(\' or isof(...).'],
    ['readinessStatus eq', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected a literal.'],
    ['readinessStatus eq or', FLOW_FILTER_FIELDS, 'unexpected \'or\' at position 19; expected a literal.'],
    ['readinessStatus eq )', FLOW_FILTER_FIELDS, 'unexpected \')\' at position 19; expected a literal.'],
    ['readinessStatus', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected a comparison operator (eq, ne, gt, ge, lt, le) after \'readinessStatus\'.'],
    ['readinessStatus equals \'ready\'', FLOW_FILTER_FIELDS, 'unexpected \'equals\' at position 16; expected a comparison operator (eq, ne, gt, ge, lt, le) after \'readinessStatus\'.'],
    ['\'ready\' \'ready\'', FLOW_FILTER_FIELDS, 'unexpected \'\'ready\'\' at position 8; expected a comparison operator (eq, ne, gt, ge, lt, le) after \'\'ready\'\'.'],
    ['true', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected a comparison operator (eq, ne, gt, ge, lt, le) after \'true\'.'],
    ['readinessStatus eq \'ready\' readinessStatus', FLOW_FILTER_FIELDS, 'unexpected \'readinessStatus\' at position 27; expected \'and\', \'or\' or the end of the expression.'],
    ['(readinessStatus eq \'ready\'', FLOW_FILTER_FIELDS, 'missing \')\' for the \'(\' at position 0.'],
    ['((readinessStatus eq \'ready\')', FLOW_FILTER_FIELDS, 'missing \')\' for the \'(\' at position 0.'],
    ['(readinessStatus eq \'ready\' x', FLOW_FILTER_FIELDS, 'unexpected \'x\' at position 28; expected \'and\', \'or\' or \')\'.'],
    ['readinessStatus eq \'ready\')', FLOW_FILTER_FIELDS, 'unmatched \')\' at position 26.'],
    ['()', FLOW_FILTER_FIELDS, 'unexpected \')\' at position 1; expected a property name, \'not\', \'(\' or isof(...).'],
    ['(readinessStatus) eq \'ready\'', FLOW_FILTER_FIELDS, 'unexpected \')\' at position 16; expected a comparison operator (eq, ne, gt, ge, lt, le) after \'readinessStatus\'.'],
    [', id eq \'a\'', FLOW_FILTER_FIELDS, 'unexpected \',\' at position 0; expected a property name, \'not\', \'(\' or isof(...).'],
    ['not readinessStatus eq \'ready\'', FLOW_FILTER_FIELDS, '\'not\' at position 0 applies to a parenthesized expression or isof(...); write not (…).'],
    ['not', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected \'(\' or isof(...) after \'not\'.'],
    ['id eq \'a\' and not', FLOW_FILTER_FIELDS, 'unexpected end of expression; expected \'(\' or isof(...) after \'not\'.']
  ]
  for (const [text, fields, detail] of cases) {
    assertBadRequest(t, () => filterPredicate(text, fields), `Invalid $filter '${text}': ${detail}`, JSON.stringify(text))
  }
})

t.test('nesting is bounded, so a hostile URL is a 400 and not a stack overflow', async t => {
  const idA = 'id eq \'0a000000-0000-0000-0000-00000000000a\''
  const deep = (n: number): string => `${'('.repeat(n)}${idA}${')'.repeat(n)}`
  t.same(kept(deep(100), FLOW_FILTER_FIELDS, FLOWS), [A], '100 levels of parentheses are fine')
  t.same(kept(`${'not '.repeat(99)}(${idA})`, FLOW_FILTER_FIELDS, FLOWS), [B, C, D, E], '99 nots and a parenthesis are fine')
  assertBadRequest(t, () => parseFilter(deep(5000)), `Invalid $filter '${deep(5000)}': the expression nests deeper than 100 levels at position 100.`, '5000 parentheses')
  const nots = `${'not '.repeat(5000)}(id eq 'a')`
  assertBadRequest(t, () => parseFilter(nots), `Invalid $filter '${nots}': the expression nests deeper than 100 levels at position 400.`, '5000 nots')
  const wide = Array.from({ length: 100 }, (_, i) => `id eq '${i}'`).join(' or ')
  t.equal(filterPredicate(wide, FLOW_FILTER_FIELDS)({ id: '99' }), true, 'a flat or-chain of 100 terms is not nesting')
})

t.test('terms are bounded, so a long or-chain is a 400 and not a deep predicate', async t => {
  const chain = (n: number): string => Array.from({ length: n }, (_, i) => `id eq '${i}'`).join(' or ')
  const at = chain(100).length + 4
  assertBadRequest(t, () => parseFilter(chain(20_000)), `Invalid $filter '${chain(20_000)}': the expression has more than 100 comparisons and isof calls (the one at position ${at} is one too many).`, '20,000 or-terms')
  const isof = "isof('microsoft.graph.industryData.classGroupProvisioningFlow')"
  const isofs = Array.from({ length: 101 }, () => isof).join(' and ')
  assertBadRequest(t, () => parseFilter(isofs), `Invalid $filter '${isofs}': the expression has more than 100 comparisons and isof calls (the one at position ${100 * (isof.length + 5)} is one too many).`, '101 isof calls count as terms')
})

t.test('the predicate treats missing and null values as OData does', async t => {
  const cases: Array<[string, Entity, boolean]> = [
    ['createdDateTime gt 2000-01-01T00:00:00Z', {}, false],
    ['createdDateTime lt 2000-01-01T00:00:00Z', { createdDateTime: null }, false],
    ['createdDateTime eq 2000-01-01T00:00:00Z', { createdDateTime: 'garbage' }, false],
    ['createdDateTime ne 2000-01-01T00:00:00Z', {}, true],
    ['not (createdDateTime gt 2000-01-01T00:00:00Z)', {}, true],
    ['readinessStatus eq \'ready\'', {}, false],
    ['readinessStatus ne \'ready\'', {}, true],
    ['readinessStatus eq null', {}, true],
    ['id eq null', { id: 'x' }, false]
  ]
  for (const [text, entity, expected] of cases) {
    t.equal(filterPredicate(text, FLOW_FILTER_FIELDS)(entity), expected, `${text} on ${JSON.stringify(entity)} → ${String(expected)}`)
  }
})
