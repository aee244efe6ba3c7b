/** A reader for CSDL documents: just enough XML (elements and attributes) for Graph's metadata and ours. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.]+)((?:\s+[\w:.]+\s*=\s*"[^"]*")*)\s*(\/?)>/g
const ATTRIBUTE = /([\w:.]+)\s*=\s*"([^"]*)"/g

const unescape = (text: string): string => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

export function readXml (text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] }
  const stack: XmlElement[] = [root]
  for (const match of text.matchAll(TOKEN)) {
    const [, closing, name, attributeText, selfClosing] = match
    if (name === undefined) continue // comment or declaration
    const parent = stack[stack.length - 1]
    if (parent === undefined) throw new Error('unbalanced XML')
    if (closing === '/') {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`)
      stack.pop()
      continue
    }
    const attributes: Record<string, string> = {}
    for (const [, key, value] of (attributeText ?? '').matchAll(ATTRIBUTE)) if (key !== undefined) attributes[key] = unescape(value ?? '')
    const element: XmlElement = { name, attributes, children: [] }
    parent.children.push(element)
    if (selfClosing !== '/') stack.push(element)
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name ?? ''}>`)
  return root
}

/** Every element named `name` below `element`, depth first. */
export function findAll (element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  for (const child of element.children) {
    if (child.name === name) found.push(child)
    found.push(...findAll(child, name))
  }
  return found
}

/** The `<Schema>` of `namespace`. */
export function schemaOf (document: XmlElement, namespace: string): XmlElement {
  const schema = findAll(document, 'Schema').find(s => s.attributes.Namespace === namespace)
  if (schema === undefined) throw new Error(`no Schema ${namespace}`)
  return schema
}
