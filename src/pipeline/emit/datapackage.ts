/**
 * The Frictionless Data Package (v2) descriptor of dist-data/: every file as a resource
 * with its size and sha256, each CSV with its Table Schema.
 */
import type { EntityName } from '../../schema/entities.js'
import { entities } from '../../schema/entities.js'
import type { Source } from '../../schema/index.js'
import { derivedResources } from './derived-files.js'
import { forEveryReader } from './frictionless-readers.js'
import { timelineFileName } from './output-names.js'
import type { TableSchema } from './table-schema.js'

/** Licence of the data (the records, not the verbatim source texts). */
export const dataLicense = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }

const csvDialect = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true }

/** The descriptor for the files already rendered, given by name with their size and hash. */
export function dataPackage(
  version: string,
  sources: readonly Source[],
  tables: Map<EntityName, TableSchema>,
  files: ReadonlyMap<string, { bytes: number; hash: string }>
): Record<string, unknown> {
  const resources: Array<Record<string, unknown>> = []
  for (const entity of entities) {
    resources.push({
      name: entity.name,
      type: 'table',
      path: `${entity.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: `${entity.description} One row per record; arrays and objects are JSON text; an empty cell is null.`,
      dialect: csvDialect,
      schema: tables.get(entity.name),
      ...files.get(`${entity.name}.csv`)!
    })
  }
  for (const entity of entities) {
    resources.push({
      name: `${entity.name}-json`,
      path: `${entity.name}.json`,
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
      description: `${entity.description} The same records as ${entity.name}.csv, as {"version", "records"}; JSON Schema: schemas/${entity.name}.schema.json.`,
      ...files.get(`${entity.name}.json`)!
    })
  }
  for (const source of sources) {
    resources.push({
      name: `source-${source.id}`,
      path: source.path,
      format: 'txt',
      mediatype: 'text/plain',
      encoding: 'utf-8',
      description: `Verbatim text of "${source.title}", against which every provenance offset is counted (code points). ${source.rights}`,
      ...files.get(source.path)!
    })
  }
  resources.push({
    name: 'timeline',
    path: timelineFileName,
    format: 'svg',
    mediatype: 'image/svg+xml',
    encoding: 'utf-8',
    description: 'Timeline of the acts by jurisdiction and date, drawn from acts.json and checks.json.',
    ...files.get(timelineFileName)!
  })
  for (const { path, resource } of derivedResources) resources.push({ name: resource.name, path, ...resource, ...files.get(path) })
  return forEveryReader({
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'khojaly-recognition',
    title: 'Recognition of the Khojaly massacre: instruments, acts and figures as a source reports them',
    description:
      'Claims with provenance: the legal instruments, the acts of parliaments, governments and international organizations, and the figures that an advocacy text on the recognition of the Khojaly massacre (26 February 1992) reports, each record anchored to the exact words it comes from.',
    version,
    homepage: 'https://www.npmjs.com/package/khojaly-recognition',
    keywords: ['Khojaly', 'recognition', 'provenance', 'legislative acts'],
    licenses: [dataLicense],
    sources: sources.map((s) => ({ title: s.title, path: s.path })),
    resources
  })
}
