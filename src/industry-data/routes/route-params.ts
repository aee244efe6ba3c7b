/** TypeBox schemas of the path parameters and query strings shared by the Graph routes. */
import { Type } from '@sinclair/typebox'

export const SetParams = Type.Object({ setId: Type.String({ minLength: 1 }) })
export const FlowParams = Type.Object({ setId: Type.String({ minLength: 1 }), flowId: Type.String({ minLength: 1 }) })
export const RoleGroupParams = Type.Object({ roleGroupId: Type.String({ minLength: 1 }) })
/** Query options are parsed by odata/query.ts, which answers unsupported ones with a precise 400. */
export const ODataQuery = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))
/** Bodies are read against the stored entity's own type in the domain layer (the type is only known there). */
export const JsonBody = Type.Unknown({ description: 'Graph JSON (application/json)' })
