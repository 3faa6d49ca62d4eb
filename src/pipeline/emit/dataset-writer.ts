/**
 * Writes a build's output as the sources come, so memory holds one source at a time: each
 * source's records are appended to the entity files and its verbatim text copied as soon as
 * it is validated; at the end come the checks, the timeline, `datapackage.json` (every data
 * file by size and hash), the JSON Schemas, and the codebook and rules list for docs/.
 * Pure in what it writes: the same sources give the same bytes.
 */
import { entities, overlayEntityNames, type EntityName } from '../../schema/entities.js'
import type { Check, Source } from '../../schema/index.js'
import type { OverlayRecords } from '../extract/index.js'
import { renderCodebook } from './codebook.js'
import { dataPackage } from './datapackage.js'
import { buildDerivedFiles, derivedFilesInput } from './derived-files.js'
import { EntityFiles } from './entity-files.js'
import { dataPackageFileName, timelineFileName } from './output-names.js'
import type { DatasetSink, VerbatimFile } from './sink.js'
import { generateJsonSchemas } from './json-schemas.js'
import { renderRulesDoc } from './rules-doc.js'
import { renderTimeline, timelineActOf, type TimelineAct } from './timeline-svg.js'
import { tableSchemas } from './table-schema.js'
import type { StagedOutputs, WrittenFile } from './write-output.js'

const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** The build's sink: writes into `staged` (folders `data` and `schemas`). */
export class DatasetWriter implements DatasetSink {
  readonly #jsonSchemas: ReturnType<typeof generateJsonSchemas>
  readonly #tables: ReturnType<typeof tableSchemas>
  readonly #files: Map<EntityName, EntityFiles>
  /** Size and hash of every data file written, for datapackage.json. */
  readonly #written = new Map<string, WrittenFile>()
  readonly #sources: Source[] = []
  /** What the timeline draws of each act: a few fields, not the records. */
  readonly #timelineActs: TimelineAct[] = []

  constructor(
    readonly version: string,
    readonly staged: StagedOutputs
  ) {
    this.#jsonSchemas = generateJsonSchemas(version)
    this.#tables = tableSchemas(this.#jsonSchemas)
    this.#files = new Map(entities.map((e) => [e.name, new EntityFiles(e.name, this.#tables.get(e.name)!, version, staged)]))
  }

  addSource(source: Source, records: OverlayRecords, verbatim: VerbatimFile): void {
    this.#sources.push(source)
    this.#append('sources', [source])
    for (const name of overlayEntityNames) this.#append(name, records[name])
    for (const act of records.acts) this.#timelineActs.push(timelineActOf(act))
    this.#written.set(verbatim.name, this.staged.write('data', verbatim.name, verbatim.bytes))
  }

  /** Writes the checks and every file that describes the whole; returns the docs/ files and the records per entity. */
  finish(checks: readonly Check[]): { docs: Map<string, Buffer>; counts: Record<EntityName, number>; sources: readonly Source[] } {
    this.#append('checks', checks)
    const counts = {} as Record<EntityName, number>
    for (const [name, files] of this.#files) {
      counts[name] = files.count
      for (const [file, written] of files.close()) this.#written.set(file, written)
    }
    this.#written.set(timelineFileName, this.staged.write('data', timelineFileName, renderTimeline(this.#timelineActs, checks, this.#sources.length)))
    const described = () => new Map([...this.#written].map(([name, { bytes, sha256 }]) => [name, { bytes, hash: `sha256:${sha256}` }]))
    const tables = derivedFilesInput(this.version, dataPackage(this.version, this.#sources, this.#tables, described()), this.staged.folder('data'))
    for (const [name, bytes] of buildDerivedFiles(tables)) this.#written.set(name, this.staged.write('data', name, Buffer.from(bytes)))
    this.staged.write('data', dataPackageFileName, jsonText(dataPackage(this.version, this.#sources, this.#tables, described())))
    for (const [name, schema] of this.#jsonSchemas) this.staged.write('schemas', name, jsonText(schema))
    const docs = new Map([
      ['codebook.md', Buffer.from(renderCodebook(this.version, counts, this.#jsonSchemas, this.#tables), 'utf8')],
      ['rules.md', Buffer.from(renderRulesDoc(), 'utf8')]
    ])
    return { docs, counts, sources: this.#sources }
  }

  #append(entity: EntityName, records: readonly object[]) {
    this.#files.get(entity)!.append(records as ReadonlyArray<Record<string, unknown>>)
  }
}
