/**
 * An entity's two data files, `<entity>.json` and `<entity>.csv`, written a batch of records
 * at a time, so a build holds one source's records, never the whole dataset. The bytes are
 * exactly those of the whole-file forms: `JSON.stringify({ version, records }, null, 2)`
 * and a newline, and `encodeCsv(records, table)`.
 */
import type { EntityName } from '../../schema/entities.js'
import { encodeCsvHeader, encodeCsvRows } from './csv-codec.js'
import type { TableSchema } from './table-schema.js'
import type { StagedFile, StagedOutputs, WrittenFile } from './write-output.js'

/** The JSON envelope's text before the first record. */
export function jsonEnvelopeHead(version: string): string {
  return `{\n  "version": ${JSON.stringify(version)},\n  "records": [`
}

/**
 * The text of `records` inside the envelope's array, each as JSON.stringify with two spaces
 * would indent it at that depth; `first` says whether a record has been written before.
 */
export function jsonRecordsText(records: readonly unknown[], first: boolean): string {
  let text = ''
  records.forEach((record, i) => {
    // JSON escapes every line break inside a string, so each newline here is between lines.
    text += `${first && i === 0 ? '' : ','}\n    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}`
  })
  return text
}

/** The envelope's text after the last of `count` records. */
export function jsonEnvelopeTail(count: number): string {
  return count === 0 ? ']\n}\n' : '\n  ]\n}\n'
}

/** The JSON and CSV files of one entity, open in a staging folder. */
export class EntityFiles {
  #count = 0
  readonly #json: StagedFile
  readonly #csv: StagedFile

  constructor(
    readonly entity: EntityName,
    readonly table: TableSchema,
    version: string,
    staged: StagedOutputs
  ) {
    this.#json = staged.open('data', `${entity}.json`)
    this.#json.append(jsonEnvelopeHead(version))
    this.#csv = staged.open('data', `${entity}.csv`)
    this.#csv.append(encodeCsvHeader(table))
  }

  /** How many records have been appended. */
  get count(): number {
    return this.#count
  }

  /** Appends records, in order, to both files. */
  append(records: ReadonlyArray<Record<string, unknown>>): void {
    if (records.length === 0) return
    this.#json.append(jsonRecordsText(records, this.#count === 0))
    this.#csv.append(encodeCsvRows(records, this.table))
    this.#count += records.length
  }

  /** Ends both files; returns each file's size and hash by file name. */
  close(): Map<string, WrittenFile> {
    this.#json.append(jsonEnvelopeTail(this.#count))
    return new Map([
      [`${this.entity}.json`, this.#json.close()],
      [`${this.entity}.csv`, this.#csv.close()]
    ])
  }
}
