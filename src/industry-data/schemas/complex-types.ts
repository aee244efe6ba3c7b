/** Complex types of the outbound provisioning flows (Graph's beta CSDL); nullability as Graph's beta CSDL declares it. */
import { Type, type Static } from '@sinclair/typebox'
import { abstractOf, GraphBoolean, graphObject, GraphString, nullable } from './graph-type.js'
import { AdditionalClassGroupAttributes, AdditionalUserAttributes, FilterOptions, StudentAgeGroup } from './enums.js'

const opt = Type.Optional

export const SectionRoleReferenceValue = graphObject('sectionRoleReferenceValue', {
  code: opt(nullable(GraphString))
})

export const EnrollmentMappings = graphObject('enrollmentMappings', {
  memberEnrollmentMappings: opt(Type.Array(SectionRoleReferenceValue)),
  ownerEnrollmentMappings: opt(Type.Array(SectionRoleReferenceValue))
})

export const AdditionalClassGroupOptions = graphObject('additionalClassGroupOptions', {
  createTeam: opt(GraphBoolean),
  writeDisplayNameOnCreateOnly: opt(GraphBoolean)
})

export const ClassGroupConfiguration = graphObject('classGroupConfiguration', {
  additionalAttributes: opt(Type.Array(AdditionalClassGroupAttributes)),
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

export const SimplePasswordSettings = graphObject('simplePasswordSettings', {
  password: opt(Type.String({ graphEdm: 'Edm.String', graphSecret: true }))
}, { graphDerived: true })

/** passwordSettings is abstract; simplePasswordSettings is its one concrete type. */
export const PasswordSettings = abstractOf('passwordSettings', [SimplePasswordSettings])

export const UserConfiguration = graphObject('userConfiguration', {
  defaultPasswordSettings: opt(nullable(PasswordSettings)),
  licenseSkus: opt(Type.Array(GraphString))
}, { graphBindings: { roleGroup: 'roleGroups' } })

export const UserCreationOptions = graphObject('userCreationOptions', {
  configurations: opt(Type.Array(UserConfiguration))
})

export const AdditionalUserOptions = graphObject('additionalUserOptions', {
  allowStudentContactAssociation: opt(nullable(GraphBoolean)),
  markAllStudentsAsMinors: opt(nullable(GraphBoolean)), // deprecated by Graph, still accepted
  studentAgeGroup: opt(nullable(StudentAgeGroup))
})

export const UserManagementOptions = graphObject('userManagementOptions', {
  additionalAttributes: opt(Type.Array(AdditionalUserAttributes)),
  additionalOptions: opt(AdditionalUserOptions)
})

export const BasicFilter = graphObject('basicFilter', {
  attribute: opt(FilterOptions),
  in: opt(Type.Array(GraphString))
}, { graphDerived: true })

/** filter is abstract; basicFilter is its one concrete type. */
export const Filter = abstractOf('filter', [BasicFilter])

export type ClassGroupConfigurationValue = Static<typeof ClassGroupConfiguration>
export type UserConfigurationValue = Static<typeof UserConfiguration>
