/**
 * The validate stage across sources. Ids are unique in the whole dataset, a figure's
 * `statedBy` names a report, a check names a record of the entity it says, and every verbatim
 * text has a name of its own in dist-data/. These need only each record's id and kind, not
 * the record, so a build can write every source's records and let them go: the index holds
 * ids and names, and the few figures whose act it has not seen yet.
 */
import { entities, type RecordName } from '../../schema/entities.js'
import type { Check } from '../../schema/index.js'
import { diagnostic, echo, type Diagnostic, type Point } from '../diagnostics/index.js'
import { fileNameKey, generatedDataFileNames } from '../emit/output-names.js'
import type { AnyRecord, RecordReport, RecordsToValidate } from './validate-records.js'

/** The ids of every record added so far, with the kind of record each names. */
export class CorpusIndex {
  readonly #kindOf = new Map<string, RecordName>()
  /** The overlay whose verbatim text has each file name, and that name, by the name's case-insensitive key. */
  readonly #verbatimNames = new Map<string, { overlay: string; name: string }>()
  /** The names the build writes into dist-data/ itself, by their case-insensitive key. */
  static readonly #generated = new Map([...generatedDataFileNames].map((name) => [fileNameKey(name), name]))
  /** Figures whose `statedBy` names no report added so far: settled when every source is in. */
  #unresolved: Array<{ figure: AnyRecord; statedBy: string; at: RecordReport }> = []

  /**
   * Claims `name` in dist-data/ for the verbatim text of `overlayFile` (whose `text:` line is
   * at `textPlace`): it may take neither a name the build writes itself nor another source's.
   */
  claimVerbatimName(name: string, overlayFile: string, textPlace: Point): Diagnostic | undefined {
    // On a file system that ignores case (or Unicode normalization), `Acts.csv` and `acts.csv` are one file.
    const key = fileNameKey(name)
    const generated = CorpusIndex.#generated.get(key)
    if (generated !== undefined) {
      const same = generated === name ? '' : ` (on a file system that ignores case, the same name as "${generated}")`
      return diagnostic(
        overlayFile,
        textPlace,
        undefined,
        'verbatim-name-taken',
        `text: "${echo(name)}" is the name of a file the build writes into dist-data/${same}; rename the verbatim file`
      )
    }
    const other = this.#verbatimNames.get(key)
    if (other) {
      const same = other.name === name ? '' : ` under the name "${echo(other.name)}", the same on a file system that ignores case`
      return diagnostic(
        overlayFile,
        textPlace,
        undefined,
        'verbatim-name-taken',
        `text: "${echo(name)}" is already the verbatim file of ${other.overlay}${same}; give each source its own file`
      )
    }
    this.#verbatimNames.set(key, { overlay: overlayFile, name })
    return undefined
  }

  /** Adds one source's records (and the source record under `sources`); reports duplicate ids. */
  addRecords(records: RecordsToValidate, at: RecordReport): void {
    for (const entity of entities) for (const record of records[entity.name] ?? []) this.#add(entity.recordName, record, at)
    for (const figure of records.figures ?? []) {
      const statedBy = figure.statedBy
      if (typeof statedBy === 'string' && this.#kindOf.get(statedBy) !== 'report') this.#unresolved.push({ figure, statedBy, at })
    }
  }

  /** After every source: reports figures stated by no act, and checks that point nowhere. */
  finish(checks: readonly Check[], at: RecordReport): void {
    for (const check of checks) this.#add('check', check, at)
    for (const { figure, statedBy, at: report } of this.#unresolved) {
      if (this.#kindOf.get(statedBy) !== 'report')
        report(figure, 'reference-missing', `figure "${figure.id}" is statedBy "${echo(statedBy)}", which is not a report`)
    }
    this.#unresolved = []
    for (const check of checks) this.#verifyCheckTarget(check, at)
  }

  /** Whether a record of kind `recordName` has the id `id`. */
  has(recordName: RecordName, id: string): boolean {
    return this.#kindOf.get(id) === recordName
  }

  #add(recordName: RecordName, record: AnyRecord, at: RecordReport) {
    const other = this.#kindOf.get(record.id)
    if (other) at(record, 'id-duplicate', `id "${record.id}" of a ${recordName} is already the id of a ${other}`)
    else this.#kindOf.set(record.id, recordName)
  }

  /**
   * A check points into one of several entities, which no Table Schema foreign key can say:
   * its recordId must exist in the entity its recordType names, and its field be a field of it.
   */
  #verifyCheckTarget(check: Check, at: RecordReport) {
    const entity = entities.find((e) => e.recordName === check.recordType)
    if (!entity || !this.has(entity.recordName, check.recordId))
      at(check, 'check-reference', `check "${check.id}": no ${check.recordType} has the id "${echo(check.recordId)}"`)
    if (entity && check.field !== null && !Object.hasOwn(entity.schema.shape, check.field)) {
      at(
        check,
        'check-reference',
        `check "${check.id}": ${check.recordType} has no field "${echo(check.field)}" (fields: ${Object.keys(entity.schema.shape).join(', ')})`
      )
    }
    if (check.verdict !== 'unverified' && check.citations.length === 0)
      at(check, 'check-citations', `check "${check.id}" is ${check.verdict} but cites nothing`)
  }
}
