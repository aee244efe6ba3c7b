/** The one error type the server throws for answers it means to give; rendered once by the root handler. */
export class GraphError extends Error {
  readonly statusCode: number
  readonly code: string
  readonly headers: Readonly<Record<string, string>>
  constructor (statusCode: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'GraphError'
    this.statusCode = statusCode
    this.code = code
    this.headers = headers
  }
}

export function isGraphError (value: unknown): value is GraphError {
  return value instanceof GraphError
}
