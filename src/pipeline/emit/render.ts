/**
 * Renders the dataset into file contents, one file at a time: the JSON Schemas for schemas/;
 * `<entity>.json`, `<entity>.csv`, the verbatim texts, the timeline and `datapackage.json`
 * for dist-data/; the codebook and rules list for docs/. A generator, so a build writes each
 * file and lets it go before rendering the next: a large corpus never holds every file in
 * memory at once. Pure: the same dataset gives the same bytes.
 */
import { entities } from '../../schema/entities.js'
import type { Dataset } from '../dataset.js'
import { renderCodebook } from './codebook.js'
import { encodeCsv } from './csv-codec.js'
import { dataPackage, integrity } from './datapackage.js'
import { generateJsonSchemas } from './json-schemas.js'
import { renderRulesDoc } from './rules-doc.js'
import { renderTimeline } from './timeline-svg.js'
import { tableSchemas } from './table-schema.js'

/** Which output folder a file belongs in. */
export type OutputFolderName = 'data' | 'schemas' | 'docs'

/** One rendered file. */
export interface RenderedFile {
  folder: OutputFolderName
  name: string
  content: Buffer
}

const jsonText = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')

/** Renders `dataset`; `verbatims` are the source texts' bytes by file name. */
export function* renderDataset(dataset: Dataset, verbatims: ReadonlyMap<string, Buffer>): Generator<RenderedFile> {
  const jsonSchemas = generateJsonSchemas(dataset.version)
  const tables = tableSchemas(jsonSchemas)
  for (const [name, schema] of jsonSchemas) yield { folder: 'schemas', name, content: jsonText(schema) }

  // datapackage.json describes every data file by size and hash: keep those, not the bytes.
  const described = new Map<string, ReturnType<typeof integrity>>()
  function* data(name: string, content: Buffer): Generator<RenderedFile> {
    described.set(name, integrity(content))
    yield { folder: 'data', name, content }
  }
  for (const entity of entities) {
    const records = dataset[entity.name] as unknown as Array<Record<string, unknown>>
    yield* data(`${entity.name}.json`, jsonText({ version: dataset.version, records }))
    yield* data(`${entity.name}.csv`, Buffer.from(encodeCsv(records, tables.get(entity.name)!), 'utf8'))
  }
  for (const [name, bytes] of verbatims) yield* data(name, bytes)
  yield* data('timeline.svg', Buffer.from(renderTimeline(dataset.acts, dataset.checks), 'utf8'))
  yield { folder: 'data', name: 'datapackage.json', content: jsonText(dataPackage(dataset.version, dataset.sources, tables, described)) }

  const counts = Object.fromEntries(entities.map((e) => [e.name, dataset[e.name].length]))
  yield { folder: 'docs', name: 'codebook.md', content: Buffer.from(renderCodebook(dataset.version, counts, jsonSchemas, tables), 'utf8') }
  yield { folder: 'docs', name: 'rules.md', content: Buffer.from(renderRulesDoc(), 'utf8') }
}
