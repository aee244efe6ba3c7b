/**
 * Complex types of the outbound provisioning flows and the reference values, declared as Graph's beta CSDL declares them
 * (metadata/industryData.beta.csdl.xml): base types, abstract types, nullability. In a collection, Nullable
 * describes its items; a collection itself is never null. test/unit/csdl-drift.test.ts holds every
 * declaration here to the CSDL.
 */
import { Type, type Static } from '@sinclair/typebox'
import { abstractOf, derivedObject, GraphBoolean, graphObject, GraphString, NAMESPACE, nullable } from './graph-type.js'
import { AdditionalClassGroupAttributes, AdditionalUserAttributes, FilterOptions, StudentAgeGroup } from './enums.js'
import { REFERENCE_TYPES } from './reference-types.js'

const opt = Type.Optional

/** referenceValue is abstract: a code, and the referenceDefinition it stands for. */
export const ReferenceValue = graphObject('referenceValue', {
  code: opt(nullable(GraphString))
}, {
  graphAbstractType: true,
  // `value@odata.bind` may name the definition instead of (or as well as) `code`.
  graphBindings: { value: 'referenceDefinitions' },
  graphNavigation: { value: { type: `${NAMESPACE}.referenceDefinition`, nullable: false } }
})

/** A referenceValue type whose code names a referenceDefinition of `referenceType`. */
const referenceValueType = (name: string, referenceType: string) => derivedObject(ReferenceValue, name, {}, { graphReferenceType: referenceType })

export const SectionRoleReferenceValue = referenceValueType('sectionRoleReferenceValue', REFERENCE_TYPES.sectionRole)
export const RoleReferenceValue = referenceValueType('roleReferenceValue', REFERENCE_TYPES.role)
export const IdentifierTypeReferenceValue = referenceValueType('identifierTypeReferenceValue', REFERENCE_TYPES.identifierType)
export const UserMatchTargetReferenceValue = referenceValueType('userMatchTargetReferenceValue', REFERENCE_TYPES.userMatchTarget)
export const YearReferenceValue = referenceValueType('yearReferenceValue', REFERENCE_TYPES.year)
export const FileFormatReferenceValue = referenceValueType('fileFormatReferenceValue', REFERENCE_TYPES.fileFormat)

export const EnrollmentMappings = graphObject('enrollmentMappings', {
  memberEnrollmentMappings: opt(Type.Array(nullable(SectionRoleReferenceValue))),
  ownerEnrollmentMappings: opt(Type.Array(nullable(SectionRoleReferenceValue)))
})

export const AdditionalClassGroupOptions = graphObject('additionalClassGroupOptions', {
  createTeam: opt(GraphBoolean),
  writeDisplayNameOnCreateOnly: opt(GraphBoolean)
})

export const ClassGroupConfiguration = graphObject('classGroupConfiguration', {
  additionalAttributes: opt(Type.Array(nullable(AdditionalClassGroupAttributes))),
  additionalOptions: opt(AdditionalClassGroupOptions),
  enrollmentMappings: opt(EnrollmentMappings)
})

export const SecurityGroupCreationOptions = graphObject('securityGroupCreationOptions', {
  createBasedOnOrgPlusRoleGroup: opt(GraphBoolean),
  createBasedOnRoleGroup: opt(GraphBoolean)
})

export const AdminUnitCreationOptions = graphObject('adminUnitCreationOptions', {
  createBasedOnOrg: opt(GraphBoolean),
  createBasedOnOrgPlusRoleGroup: opt(GraphBoolean)
})

export const PasswordSettingsType = graphObject('passwordSettings', {}, { graphAbstractType: true })

export const SimplePasswordSettings = derivedObject(PasswordSettingsType, 'simplePasswordSettings', {
  password: opt(Type.String({ graphEdm: 'Edm.String', graphSecret: true }))
}, { graphDerived: true })

/** passwordSettings is abstract; simplePasswordSettings is its one concrete type. */
export const PasswordSettings = abstractOf('passwordSettings', [SimplePasswordSettings])

export const UserConfiguration = graphObject('userConfiguration', {
  defaultPasswordSettings: opt(nullable(PasswordSettings)),
  licenseSkus: opt(Type.Array(nullable(GraphString)))
}, {
  graphBindings: { roleGroup: 'roleGroups' },
  graphNavigation: { roleGroup: { type: `${NAMESPACE}.roleGroup`, containsTarget: true, nullable: false } }
})

export const UserCreationOptions = graphObject('userCreationOptions', {
  configurations: opt(Type.Array(nullable(UserConfiguration)))
})

export const AdditionalUserOptions = graphObject('additionalUserOptions', {
  allowStudentContactAssociation: opt(nullable(GraphBoolean)),
  markAllStudentsAsMinors: opt(nullable(GraphBoolean)), // deprecated by Graph, still accepted
  studentAgeGroup: opt(nullable(StudentAgeGroup))
})

export const UserManagementOptions = graphObject('userManagementOptions', {
  additionalAttributes: opt(Type.Array(nullable(AdditionalUserAttributes))),
  additionalOptions: opt(AdditionalUserOptions)
})

export const FilterType = graphObject('filter', {}, { graphAbstractType: true })

export const BasicFilter = derivedObject(FilterType, 'basicFilter', {
  attribute: opt(FilterOptions),
  in: opt(Type.Array(GraphString))
}, { graphDerived: true })

/** filter is abstract; basicFilter is its one concrete type. */
export const Filter = abstractOf('filter', [BasicFilter])

export type ClassGroupConfigurationValue = Static<typeof ClassGroupConfiguration>
export type UserConfigurationValue = Static<typeof UserConfiguration>
