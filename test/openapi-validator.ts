/**
 * graph-mock's OpenAPI document as a validator: request bodies and answers checked against the schemas it
 * declares for each operation, with Ajv (JSON Schema 2020-12, OpenAPI 3.1's dialect) and its formats.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'

type Json = Record<string, any>

/** A JSON pointer segment. */
const segment = (text: string): string => text.replace(/~/g, '~0').replace(/\//g, '~1')

export interface DocumentValidator {
  readonly document: Json
  /** Why `value` is not a body the document allows for `method` on `path` (a path template), or undefined. */
  body: (path: string, method: string, value: unknown) => string | undefined
  /**
   * Why an answer is not what the document declares for its operation and status, or undefined: a 2xx must be
   * declared by its status, an error may fall to `default`; a declared body must match its media type's schema,
   * and an answer declared without content must have none.
   */
  answer: (path: string, method: string, status: number, contentType: unknown, text: string) => string | undefined
}

export function documentValidator (document: Json): DocumentValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  formats.default(ajv) // CommonJS: the plugin is the module's `default` member
  ajv.addSchema(document, 'openapi')
  const operation = (path: string, method: string): Json | undefined => document.paths?.[path]?.[method.toLowerCase()]
  const check = (pointer: string, value: unknown): string | undefined => {
    const validate = ajv.getSchema(`openapi#${pointer}`) // compiled once per pointer
    if (validate === undefined) throw new Error(`no schema at ${pointer}`)
    return validate(value) ? undefined : ajv.errorsText(validate.errors, { dataVar: 'body' })
  }
  return {
    document,
    body (path, method, value) {
      if (operation(path, method)?.requestBody === undefined) return `${method} ${path} takes no body`
      return check(`/paths/${segment(path)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`, value)
    },
    answer (path, method, status, contentType, text) {
      const responses = operation(path, method)?.responses as Json | undefined
      if (responses === undefined) return `${method} ${path} is not documented`
      const key = String(status) in responses ? String(status) : status >= 400 ? 'default' : undefined
      if (key === undefined || responses[key] === undefined) return `${method} ${path} does not document ${status}`
      const content = responses[key].content as Json | undefined
      if (content === undefined) return text === '' ? undefined : `${method} ${path} ${status} is documented without a body, got ${text.slice(0, 200)}`
      const media = Object.keys(content).find(type => String(contentType ?? '').startsWith(type))
      if (media === undefined) return `${method} ${path} ${status}: content-type ${String(contentType)} is not one of ${Object.keys(content).join(', ')}`
      const value: unknown = media === 'application/json' ? JSON.parse(text) : media === 'text/plain' ? Number(text) : text
      const why = check(`/paths/${segment(path)}/${method.toLowerCase()}/responses/${key}/content/${segment(media)}/schema`, value)
      return why === undefined ? undefined : `${why}\n  answer: ${text.slice(0, 600)}`
    }
  }
}

/** The validator of `app`'s own document. */
export async function appDocumentValidator (app: FastifyInstance): Promise<DocumentValidator> {
  return documentValidator((await app.inject({ method: 'GET', url: '/_mock/openapi.json' })).json() as Json)
}
