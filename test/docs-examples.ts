/**
 * The request bodies of Graph's industryData pages (beta), as the pages show them, property names and all
 * (`createBasedOnOrgPlusroleGroup` is the pages' spelling). Each is named for its operation; `page` is the
 * title of the page at learn.microsoft.com/graph/api/<file>?view=graph-rest-beta. The reset page sends no body.
 */
export interface DocsExample {
  readonly page: string
  readonly body: Readonly<Record<string, unknown>>
}

const sectionRoles = (codes: readonly string[]) => codes.map(code => ({ '@odata.type': '#microsoft.graph.industryData.sectionRoleReferenceValue', code }))

export const createFlowSet: DocsExample = {
  page: 'Create outboundProvisioningFlowSet',
  body: {
    '@odata.type': '#microsoft.graph.industryData.outboundProvisioningFlowSet',
    displayName: 'Outbound Provisioning Flow Test',
    filter: { '@odata.type': '#microsoft.graph.industryData.basicFilter', attribute: 'orgExternalId', in: ['Quarter', 'Demo'] }
  }
}

export const updateFlowSet: DocsExample = {
  page: 'Update outboundProvisioningFlowSet',
  body: { '@odata.type': '#microsoft.graph.industryData.outboundProvisioningFlowSet', displayName: 'Outbound provisioning flow Updated' }
}

export const createAdministrativeUnitFlow: DocsExample = {
  page: 'Create provisioningFlow (example 1)',
  body: {
    '@odata.type': '#microsoft.graph.industryData.administrativeUnitProvisioningFlow',
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusroleGroup: true }
  }
}

export const createClassGroupFlow: DocsExample = {
  page: 'Create provisioningFlow (example 2)',
  body: {
    '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
    configuration: {
      '@odata.type': '#microsoft.graph.industryData.classGroupConfiguration',
      additionalAttributes: ['courseTitle', 'courseCode', 'courseSubject', 'courseGradeLevel', 'courseExternalId', 'academicSessionTitle', 'academicSessionExternalId'],
      additionalOptions: { '@odata.type': '#microsoft.graph.industryData.additionalClassGroupOptions', createTeam: true, writeDisplayNameOnCreateOnly: true },
      enrollmentMappings: {
        '@odata.type': '#microsoft.graph.industryData.enrollmentMappings',
        ownerEnrollmentMappings: sectionRoles(['teacher', 'proctor', 'teacherAssistant', 'paraProfessional', 'physicalTherapist', 'speechTherapist', 'visionTherapist', 'occupationalTherapist', 'staff']),
        memberEnrollmentMappings: sectionRoles(['student', 'substitute', 'aide', 'proctor', 'teacherAssistant', 'paraProfessional', 'physicalTherapist', 'speechTherapist', 'visionTherapist', 'occupationalTherapist', 'staff'])
      }
    }
  }
}

export const createSecurityGroupFlow: DocsExample = {
  page: 'Create provisioningFlow (example 3)',
  body: {
    '@odata.type': '#microsoft.graph.industryData.securityGroupProvisioningFlow',
    creationOptions: { createBasedOnroleGroup: true, createBasedOnOrgPlusroleGroup: false }
  }
}

export const createUserFlow: DocsExample = {
  page: 'Create provisioningFlow (example 4)',
  body: {
    '@odata.type': '#microsoft.graph.industryData.userProvisioningFlow',
    createUnmatchedUsers: true,
    managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { markAllStudentsAsMinors: true, allowStudentContactAssociation: false } },
    creationOptions: {
      configurations: [
        {
          'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff',
          defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings', password: '********' },
          licenseSkus: ['Sku1']
        },
        {
          'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/students',
          defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings', password: '********' },
          licenseSkus: ['Sku2']
        }
      ]
    }
  }
}

export const updateAdministrativeUnitFlow: DocsExample = {
  page: 'Update administrativeUnitProvisioningFlow',
  body: {
    '@odata.type': '#microsoft.graph.industryData.administrativeUnitProvisioningFlow',
    creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusroleGroup: false }
  }
}

export const updateClassGroupFlow: DocsExample = {
  page: 'Update classGroupProvisioningFlow',
  body: {
    '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
    configuration: {
      '@odata.type': '#microsoft.graph.industryData.classGroupConfiguration',
      additionalAttributes: ['courseTitle', 'courseCode'],
      additionalOptions: { '@odata.type': '#microsoft.graph.industryData.additionalClassGroupOptions', createTeam: false, writeDisplayNameOnCreateOnly: false },
      enrollmentMappings: {
        '@odata.type': '#microsoft.graph.industryData.enrollmentMappings',
        memberEnrollmentMappings: sectionRoles(['substitute']),
        ownerEnrollmentMappings: sectionRoles(['teacher'])
      }
    }
  }
}

export const updateSecurityGroupFlow: DocsExample = {
  page: 'Update securityGroupProvisioningFlow',
  body: {
    '@odata.type': '#microsoft.graph.industryData.securityGroupProvisioningFlow',
    creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true }
  }
}

export const updateUserFlow: DocsExample = {
  page: 'Update userProvisioningFlow',
  body: {
    '@odata.type': '#microsoft.graph.industryData.userProvisioningFlow',
    createUnmatchedUsers: true,
    managementOptions: { additionalAttributes: ['userGradeLevel'], additionalOptions: { studentAgeGroup: 'minor', allowStudentContactAssociation: true } },
    creationOptions: {
      configurations: [
        {
          'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/staff',
          defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings', password: '********' },
          licenseSkus: ['SkuUpdated']
        },
        {
          'roleGroup@odata.bind': 'https://graph.microsoft.com/beta/external/industryData/roleGroups/students',
          defaultPasswordSettings: { '@odata.type': '#microsoft.graph.industryData.simplePasswordSettings', password: '********' },
          licenseSkus: ['SkuUpdated2']
        }
      ]
    }
  }
}

/** Every body, with the operation it is sent to. */
export const DOCS_BODIES = {
  createFlowSet,
  updateFlowSet,
  createAdministrativeUnitFlow,
  createClassGroupFlow,
  createSecurityGroupFlow,
  createUserFlow,
  updateAdministrativeUnitFlow,
  updateClassGroupFlow,
  updateSecurityGroupFlow,
  updateUserFlow
} as const
