/** Enums of microsoft.graph.industryData that graph-mock serves, members in the CSDL's order and values. */
import { graphEnum } from './graph-type.js'

export const ReadinessStatus = graphEnum('readinessStatus', ['notReady', 'ready', 'failed', 'disabled', 'expired', 'unknownFutureValue'])
export const AdditionalClassGroupAttributes = graphEnum('additionalClassGroupAttributes', [
  'courseTitle', 'courseCode', 'courseSubject', 'courseGradeLevel', 'courseExternalId',
  'academicSessionTitle', 'academicSessionExternalId', 'classCode', 'unknownFutureValue'
])
export const AdditionalUserAttributes = graphEnum('additionalUserAttributes', ['userGradeLevel', 'userNumber', 'unknownFutureValue'])
export const FilterOptions = graphEnum('filterOptions', ['orgExternalId', 'unknownFutureValue'], 1)
export const StudentAgeGroup = graphEnum('studentAgeGroup', ['minor', 'notAdult', 'adult', 'unknownFutureValue'])
export const ApiFormat = graphEnum('apiFormat', ['oneRoster', 'unknownFutureValue'])
export const InboundDomain = graphEnum('inboundDomain', ['educationRostering', 'unknownFutureValue'])
