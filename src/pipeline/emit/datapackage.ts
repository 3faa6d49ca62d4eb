/**
 * The Frictionless Data Package (v2) descriptor of dist-data/: every file as a resource
 * with its size and sha256, each CSV with its Table Schema.
 */
import type { EntityName } from '../../schema/entities.js'
import { entities } from '../../schema/entities.js'
import type { Source } from '../../schema/index.js'
import { derivedResources } from './derived-files.js'
import { forEveryReader } from './frictionless-readers.js'
import { explorerFileName, timelineFileName } from './output-names.js'
import type { TableSchema } from './table-schema.js'
import type { TidyTable } from './tidy-tables.js'

/** Licence of the data (the records, not the verbatim source texts). */
export const dataLicense = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }

const csvDialect = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true }

/** The descriptor for the files already rendered, given by name with their size and hash. */
export function dataPackage(
  version: string,
  sources: readonly Source[],
  tables: Map<EntityName, TableSchema>,
  tidy: readonly TidyTable[],
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
  for (const table of tidy) {
    resources.push({
      name: table.name,
      type: 'table',
      path: `${table.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: `${table.description} A tidy table: one value per cell; an empty cell is null.`,
      dialect: csvDialect,
      schema: table.table,
      ...files.get(`${table.name}.csv`)!
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
    description: 'Timeline of the acts of record by jurisdiction and date, drawn from acts.json, reports.json and checks.json.',
    ...files.get(timelineFileName)!
  })
  resources.push({
    name: 'explorer',
    path: explorerFileName,
    format: 'html',
    mediatype: 'text/html',
    encoding: 'utf-8',
    description:
      'The explorer: one HTML page that opens offline from file:// and shows the acts of record, their evidence, the reports of them inside the verbatim texts and the checks, with the records of the JSON files embedded.',
    ...files.get(explorerFileName)!
  })
  for (const { path, resource } of derivedResources) resources.push({ name: resource.name, path, ...resource, ...files.get(path) })
  return forEveryReader({
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'khojaly-recognition',
    title: 'Recognition of the Khojaly massacre: the acts of record, their evidence, and what source texts report of them',
    description:
      'The acts of parliaments, governments, officials, courts and international organizations concerning the Khojaly massacre (26 February 1992) that public material documents, one record per act, each backed by evidence (the document, whose words, what they show); beside them, what source texts report of those acts, anchored to the exact words, compared with the acts by the build, with checks against public evidence.',
    version,
    homepage: 'https://www.npmjs.com/package/khojaly-recognition',
    keywords: ['Khojaly', 'recognition', 'provenance', 'legislative acts', 'evidence'],
    licenses: [dataLicense],
    sources: sources.map((s) => ({ title: s.title, path: s.path })),
    resources
  })
}
