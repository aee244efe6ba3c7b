/** Graph permissions for the industryData outbound-provisioning API (Graph permissions reference). */
export const READ_ALL = 'IndustryData-OutboundFlow.Read.All'
export const READ_WRITE_ALL = 'IndustryData-OutboundFlow.ReadWrite.All'

export type Access = 'read' | 'write'

/** Any one of these grants the access. */
export const PERMISSIONS: Readonly<Record<Access, readonly string[]>> = {
  read: [READ_ALL, READ_WRITE_ALL],
  write: [READ_WRITE_ALL]
}

/** Reads are GET/HEAD; everything else (POST, PATCH, DELETE, actions) writes. */
export const accessFor = (method: string): Access => method === 'GET' || method === 'HEAD' ? 'read' : 'write'
