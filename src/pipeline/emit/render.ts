/**
 * Renders the dataset into file contents: `<entity>.json`, `<entity>.csv`, the verbatim
 * texts and `datapackage.json` for dist-data/, and the JSON Schemas for schemas/. Pure:
 * the same dataset gives the same bytes.
 */
import { entities } from '../../schema/entities.js'
import type { Dataset } from '../dataset.js'
import { renderCodebook } from './codebook.js'
import { encodeCsv } from './csv-codec.js'
import { dataPackage } from './datapackage.js'
import { generateJsonSchemas } from './json-schemas.js'
import { renderRulesDoc } from './rules-doc.js'
import { renderTimeline } from './timeline-svg.js'
import { tableSchemas } from './table-schema.js'

/** Bytes of every file of a build, by folder. */
export interface RenderedFiles {
  data: Map<string, Buffer>
  schemas: Map<string, Buffer>
  /** Generated documents of docs/, by file name. */
  docs: Map<string, Buffer>
}

const jsonText = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')

/** Renders `dataset`; `verbatims` are the source texts' bytes by file name. */
export function renderDataset(dataset: Dataset, verbatims: ReadonlyMap<string, Buffer>): RenderedFiles {
  const jsonSchemas = generateJsonSchemas(dataset.version)
  const tables = tableSchemas(jsonSchemas)
  const data = new Map<string, Buffer>()
  for (const entity of entities) {
    const records = dataset[entity.name] as unknown as Array<Record<string, unknown>>
    data.set(`${entity.name}.json`, jsonText({ version: dataset.version, records }))
    data.set(`${entity.name}.csv`, Buffer.from(encodeCsv(records, tables.get(entity.name)!), 'utf8'))
  }
  for (const [name, bytes] of verbatims) data.set(name, bytes)
  data.set('timeline.svg', Buffer.from(renderTimeline(dataset.acts, dataset.checks), 'utf8'))
  data.set('datapackage.json', jsonText(dataPackage(dataset.version, dataset.sources, tables, data)))
  const schemas = new Map<string, Buffer>()
  for (const [name, schema] of jsonSchemas) schemas.set(name, jsonText(schema))
  const docs = new Map<string, Buffer>([
    ['codebook.md', Buffer.from(renderCodebook(dataset.version, Object.fromEntries(entities.map((e) => [e.name, dataset[e.name].length])), jsonSchemas, tables), 'utf8')],
    ['rules.md', Buffer.from(renderRulesDoc(), 'utf8')]
  ])
  return { data, schemas, docs }
}
