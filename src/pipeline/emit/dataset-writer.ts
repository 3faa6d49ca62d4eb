/**
 * Writes a build's output as the sources come, so memory holds one source at a time: each
 * source's records are appended to the entity files (and their tidy tables) and its verbatim
 * text copied as soon as it is validated (and put in the explorer page); at the end come the
 * record layer (citations, acts of record, checks), the timeline, the rest of the explorer
 * page, `datapackage.json` (every data file by size and hash), the JSON Schemas, and the
 * generated docs. Pure in what it writes: the same sources give the same bytes.
 */
import { entities, layerEntityNames, overlayEntityNames, type EntityName } from '../../schema/entities.js'
import type { Source } from '../../schema/index.js'
import type { OverlayRecords } from '../extract/index.js'
import type { Series } from '../parse/index.js'
import { renderCodebook } from './codebook.js'
import { encodeCsvHeader, encodeCsvRows } from './csv-codec.js'
import { renderCoverage } from './coverage-doc.js'
import { dataPackage } from './datapackage.js'
import { buildDerivedFiles, derivedFilesInput } from './derived-files.js'
import { EntityFiles } from './entity-files.js'
import { downloadFiles, ExplorerPage } from './explorer-page.js'
import { generateJsonSchemas } from './json-schemas.js'
import { dataPackageFileName, explorerFileName, timelineFileName } from './output-names.js'
import { renderRulesDoc } from './rules-doc.js'
import type { DatasetSink, RecordLayerRecords, VerbatimFile } from './sink.js'
import { tableSchemas } from './table-schema.js'
import { tidyRows, tidyTables, type TidyTable } from './tidy-tables.js'
import { renderTimeline, type ReportOfAct } from './timeline-svg.js'
import type { StagedFile, StagedOutputs, WrittenFile } from './write-output.js'

const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** The build's sink: writes into `staged` (folders `data` and `schemas`). */
export class DatasetWriter implements DatasetSink {
  readonly #jsonSchemas: ReturnType<typeof generateJsonSchemas>
  readonly #tables: ReturnType<typeof tableSchemas>
  readonly #tidy: TidyTable[]
  readonly #files: Map<EntityName, EntityFiles>
  readonly #tidyFiles: Map<string, StagedFile>
  /** Size and hash of every data file written, for datapackage.json. */
  readonly #written = new Map<string, WrittenFile>()
  readonly #sources: Source[] = []
  /** Which reports tell each act, for the timeline: a few strings a report, not the records. */
  readonly #reportsOfActs: ReportOfAct[] = []
  /** The explorer page, written a source at a time like the entity files. */
  readonly #explorer: { file: StagedFile; page: ExplorerPage }

  constructor(
    readonly version: string,
    readonly staged: StagedOutputs
  ) {
    this.#jsonSchemas = generateJsonSchemas(version)
    this.#tables = tableSchemas(this.#jsonSchemas)
    this.#tidy = tidyTables(this.#jsonSchemas)
    this.#files = new Map(entities.map((e) => [e.name, new EntityFiles(e.name, this.#tables.get(e.name)!, version, staged)]))
    this.#tidyFiles = new Map(
      this.#tidy.map((t) => {
        const file = staged.open('data', `${t.name}.csv`)
        file.append(encodeCsvHeader(t.table))
        return [t.name, file]
      })
    )
    const explorerFile = staged.open('data', explorerFileName)
    this.#explorer = { file: explorerFile, page: new ExplorerPage(explorerFile) }
  }

  addSource(source: Source, records: OverlayRecords, verbatim: VerbatimFile): void {
    this.#sources.push(source)
    this.#append('sources', [source])
    for (const name of overlayEntityNames) this.#append(name, records[name])
    for (const report of records.reports) if (report.act !== null) this.#reportsOfActs.push({ act: report.act, report: report.id, sourceTitle: source.title })
    this.#written.set(verbatim.name, this.staged.write('data', verbatim.name, verbatim.bytes))
    this.#explorer.page.addSource(source, records.reports, verbatim.bytes)
  }

  /** Writes the record layer and every file that describes the whole; returns the docs/ files and the records per entity. */
  finish(layer: RecordLayerRecords, series: readonly Series[]): { docs: Map<string, Buffer>; counts: Record<EntityName, number>; sources: readonly Source[] } {
    for (const name of layerEntityNames) this.#append(name, layer[name])
    const counts = {} as Record<EntityName, number>
    for (const [name, files] of this.#files) {
      counts[name] = files.count
      for (const [file, written] of files.close()) this.#written.set(file, written)
    }
    for (const [name, file] of this.#tidyFiles) this.#written.set(`${name}.csv`, file.close())
    this.#written.set(timelineFileName, this.staged.write('data', timelineFileName, renderTimeline(layer.acts, layer.checks, this.#reportsOfActs)))
    const described = () => new Map([...this.#written].map(([name, { bytes, sha256 }]) => [name, { bytes, hash: `sha256:${sha256}` }]))
    const tables = derivedFilesInput(this.version, dataPackage(this.version, this.#sources, this.#tables, this.#tidy, described()), this.staged.folder('data'))
    for (const [name, bytes] of buildDerivedFiles(tables)) this.#written.set(name, this.staged.write('data', name, Buffer.from(bytes)))
    const files = downloadFiles(this.#written, this.#tidy, this.#sources)
    this.#explorer.page.finish({ version: this.version, sources: this.#sources, acts: layer.acts, citations: layer.citations, checks: layer.checks, files })
    this.#written.set(explorerFileName, this.#explorer.file.close())
    this.staged.write('data', dataPackageFileName, jsonText(dataPackage(this.version, this.#sources, this.#tables, this.#tidy, described())))
    for (const [name, schema] of this.#jsonSchemas) this.staged.write('schemas', name, jsonText(schema))
    const docs = new Map([
      ['codebook.md', Buffer.from(renderCodebook(this.version, counts, this.#jsonSchemas, this.#tables, this.#tidy), 'utf8')],
      ['rules.md', Buffer.from(renderRulesDoc(), 'utf8')],
      ['coverage.md', Buffer.from(renderCoverage(this.version, layer, this.#sources, series), 'utf8')]
    ])
    return { docs, counts, sources: this.#sources }
  }

  /** Appends records to their entity's files and to the entity's tidy tables. */
  #append(entity: EntityName, records: ReadonlyArray<object>) {
    const rows = records as ReadonlyArray<Record<string, unknown>>
    this.#files.get(entity)!.append(rows)
    for (const tidy of this.#tidy) if (tidy.entity === entity) this.#tidyFiles.get(tidy.name)!.append(encodeCsvRows(tidyRows(tidy, rows), tidy.table))
  }
}
