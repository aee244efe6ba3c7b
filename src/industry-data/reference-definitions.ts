/**
 * The referenceDefinitions every tenant starts with: the codes Graph's docs and examples use, grouped by
 * referenceType, with Graph's own values where a docs page shows them (`RefIdentifierType-username` has
 * sortIndex 40 and source "IMS Global"; every definition was created at 0001-01-01T00:00:00Z). Reference values
 * anywhere (a role group's roles, enrollment mappings, a source system's matching settings, a year, a file
 * format) must name one of them. Which referenceType each referenceValue type points into is in
 * schemas/reference-types.ts; docs/graph-api.md lists the codes.
 */
import type { Json } from '../json.js'
import { REFERENCE_TYPES } from './schemas/reference-types.js'

const CREATED = '0001-01-01T00:00:00Z'

interface CodeGroup {
  referenceType: string
  source: string
  codes: readonly string[]
  /** The sortIndex of the first code; each next one is 10 more. */
  firstSortIndex?: number
}

/** Roles of people in the source system (SDS v2.1's role values, OneRoster's roles). */
const ROLES = [
  'adjunct', 'administrator', 'advisor', 'affiliate', 'aide', 'alumni', 'assistant', 'chair', 'coach', 'counselor',
  'districtAdministrator', 'faculty', 'guardian', 'instructor', 'itAdmin', 'lecturer', 'librarian', 'nurse',
  'occupationalTherapist', 'officeStaff', 'paraprofessional', 'parent', 'physicalTherapist', 'principal', 'proctor',
  'professor', 'relative', 'researcher', 'specialServices', 'speechTherapist', 'staff', 'student', 'substitute',
  'teacher', 'teacherAssistant', 'visionTherapist'
] as const

/** Roles a person holds in a class (section): the enrollment mappings' codes. */
const SECTION_ROLES = [
  'aide', 'occupationalTherapist', 'paraprofessional', 'physicalTherapist', 'proctor', 'speechTherapist', 'staff',
  'student', 'substitute', 'teacher', 'teacherAssistant', 'visionTherapist'
] as const

const YEARS = Array.from({ length: 41 }, (_, i) => String(2000 + i))

const GROUPS: readonly CodeGroup[] = [
  { referenceType: REFERENCE_TYPES.role, source: 'IMS Global', codes: ROLES },
  { referenceType: REFERENCE_TYPES.sectionRole, source: 'IMS Global', codes: SECTION_ROLES },
  { referenceType: REFERENCE_TYPES.identifierType, source: 'IMS Global', codes: ['sourcedId', 'email', 'identifier', 'username'] },
  { referenceType: REFERENCE_TYPES.userMatchTarget, source: 'microsoft.com', codes: ['userPrincipalName', 'mail', 'employeeId'] },
  { referenceType: REFERENCE_TYPES.year, source: 'microsoft.com', codes: YEARS },
  { referenceType: REFERENCE_TYPES.fileFormat, source: 'microsoft.com', codes: ['schoolDataSyncV1', 'schoolDataSyncV2Rev1'] },
  { referenceType: 'RefAcademicSubject', source: 'microsoft.com', codes: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'] },
  { referenceType: 'RefEmailAddressType', source: 'CEDS', codes: ['home', 'work', 'school', 'other'] },
  {
    referenceType: 'RefGradeLevel',
    source: 'CEDS',
    firstSortIndex: 10,
    codes: ['IT', 'PR', 'PK', 'TK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', 'PS', 'UG', 'Other']
  },
  { referenceType: 'RefOrgType', source: 'CEDS', codes: ['department', 'school', 'district', 'local', 'state', 'national'] }
]

/** One definition as Graph answers it; its id is `{referenceType}-{code}`. */
function definition (group: CodeGroup, code: string, index: number): Json {
  return {
    id: `${group.referenceType}-${code}`,
    code,
    createdDateTime: CREATED,
    displayName: null,
    isDisabled: false,
    lastModifiedDateTime: CREATED,
    referenceType: group.referenceType,
    sortIndex: (group.firstSortIndex ?? 10) + index * 10,
    source: group.source
  }
}

export const REFERENCE_DEFINITIONS_SEED: readonly Json[] = GROUPS.flatMap(group => group.codes.map((code, i) => definition(group, code, i)))
