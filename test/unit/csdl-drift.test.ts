/**
 * graph-mock's model against Graph's own CSDL (metadata/industryData.beta.csdl.xml). $metadata is rendered from
 * the TypeBox declarations the routes read and answer with; for every type, enum and bound operation it serves,
 * the declaration must be Graph's exactly: name, BaseType, Abstract, each property's Type and Nullable, each
 * navigation property's Type, ContainsTarget and Nullable, each enum member's name and value, each operation's
 * binding. The root lists only the served collections, each as Graph declares it.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { renderMetadata } from '../../src/industry-data/metadata.js'
import { SERVED_MODEL } from '../../src/industry-data/url-space.js'
import { findAll, readXml, schemaOf, type XmlElement } from '../csdl-reader.js'

const NS = 'microsoft.graph.industryData'
const graph = schemaOf(readXml(readFileSync(new URL('../../metadata/industryData.beta.csdl.xml', import.meta.url), 'utf8')), NS)
const servedDocument = readXml(renderMetadata(SERVED_MODEL))
const served = schemaOf(servedDocument, NS)

/** One line per declaration, attributes in a fixed order, Nullable="true" (the default) left out. */
function describe (element: XmlElement): string {
  const attributes = Object.entries(element.attributes)
    .filter(([key, value]) => !(key === 'Nullable' && value === 'true') && key !== 'xmlns')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
  return `${element.name}(${attributes.join(' ')})`
}

/** A declaration as a set of lines: itself, then each member (sorted, since order carries no meaning here). */
function shape (element: XmlElement): string[] {
  return [describe(element), ...element.children.filter(c => c.name !== 'Annotation').map(child => `  ${shape(child).join(' ')}`).sort()]
}

const keyOf = (element: XmlElement): string => {
  const binding = element.children.find(c => c.name === 'Parameter' && c.attributes.Name === 'bindingParameter')
  return `${element.name} ${element.attributes.Name ?? ''}${binding === undefined ? '' : ` on ${binding.attributes.Type ?? ''}`}`
}

const graphDeclarations = new Map(graph.children.map(element => [keyOf(element), element]))

t.test('every served declaration is the one in Graph\'s CSDL', async t => {
  const compared: string[] = []
  for (const element of served.children) {
    const key = keyOf(element)
    const theirs = graphDeclarations.get(key)
    if (theirs === undefined) {
      t.fail(`${key} is served but Graph's CSDL does not declare it`)
      continue
    }
    compared.push(key)
    if (element.attributes.Name === 'industryDataRoot') {
      t.same(describe(element), describe(theirs), 'industryDataRoot: the declaration itself')
      const graphNavigation = new Set(theirs.children.map(describe))
      for (const navigation of element.children) t.ok(graphNavigation.has(describe(navigation)), `industryDataRoot: ${describe(navigation)} as Graph declares it`)
      continue
    }
    t.same(shape(element), shape(theirs), key)
  }
  t.ok(compared.length >= 30, `compared ${compared.length} declarations`)
})

t.test('the served surface is all there', async t => {
  const names = new Set(served.children.map(e => e.attributes.Name))
  for (const name of ['provisioningFlow', 'classGroupProvisioningFlow', 'securityGroupProvisioningFlow', 'administrativeUnitProvisioningFlow',
    'userProvisioningFlow', 'outboundProvisioningFlowSet', 'roleGroup', 'basicFilter', 'filter', 'userConfiguration', 'readinessStatus', 'reset']) {
    t.ok(names.has(name), `${name} is declared`)
  }
  const root = served.children.find(e => e.attributes.Name === 'industryDataRoot')
  t.same(root?.children.map(c => c.attributes.Name).sort(), ['dataConnectors', 'inboundFlows', 'outboundProvisioningFlowSets', 'referenceDefinitions', 'roleGroups', 'sourceSystems', 'years'], 'the root serves the outbound collections and the inbound configuration')
})

t.test('every type the document names is declared in it', async t => {
  const declared = new Set<string>(['Edm.String', 'Edm.Boolean', 'Edm.Int32', 'Edm.DateTimeOffset', 'Edm.Date'])
  for (const schema of findAll(servedDocument, 'Schema')) {
    for (const element of schema.children) {
      const name = `${schema.attributes.Namespace ?? ''}.${element.attributes.Name ?? ''}`
      declared.add(name)
      if (schema.attributes.Alias !== undefined) declared.add(`${schema.attributes.Alias}.${element.attributes.Name ?? ''}`)
    }
  }
  const named = new Set<string>()
  for (const tag of ['Property', 'NavigationProperty', 'Parameter', 'Singleton']) {
    for (const element of findAll(servedDocument, tag)) named.add((element.attributes.Type ?? '').replace(/^Collection\((.*)\)$/, '$1'))
  }
  for (const element of [...findAll(servedDocument, 'EntityType'), ...findAll(servedDocument, 'ComplexType')]) {
    if (element.attributes.BaseType !== undefined) named.add(element.attributes.BaseType)
  }
  for (const type of named) t.ok(declared.has(type), `${type} is declared`)
})
