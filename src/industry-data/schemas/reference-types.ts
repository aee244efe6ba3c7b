/**
 * The referenceType each referenceValue type points into: a value's `code` names the referenceDefinition
 * `{referenceType}-{code}` (referenceDefinitions are seeded per tenant: industry-data/reference-definitions.ts).
 */
export const REFERENCE_TYPES = {
  role: 'RefRole',
  sectionRole: 'RefSectionRole',
  identifierType: 'RefIdentifierType',
  userMatchTarget: 'RefUserMatchTarget',
  year: 'RefAcademicYear',
  fileFormat: 'RefFileFormat'
} as const
