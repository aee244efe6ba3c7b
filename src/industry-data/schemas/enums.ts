/** Enums of microsoft.graph.industryData used by outbound provisioning, members in the CSDL's order and values. */
import { graphEnum } from './graph-type.js'

export const ReadinessStatus = graphEnum('readinessStatus', ['notReady', 'ready', 'failed', 'disabled', 'expired', 'unknownFutureValue'])
export const AdditionalClassGroupAttributes = graphEnum('additionalClassGroupAttributes', [
  'courseTitle', 'courseCode', 'courseSubject', 'courseGradeLevel', 'courseExternalId',
  'academicSessionTitle', 'academicSessionExternalId', 'classCode', 'unknownFutureValue'
])
export const AdditionalUserAttributes = graphEnum('additionalUserAttributes', ['userGradeLevel', 'userNumber', 'unknownFutureValue'])
export const FilterOptions = graphEnum('filterOptions', ['orgExternalId', 'unknownFutureValue'], 1)
export const StudentAgeGroup = graphEnum('studentAgeGroup', ['minor', 'notAdult', 'adult', 'unknownFutureValue'])
