/**
 * The validate stage across sources. Ids are unique in the whole dataset, a figure's
 * `statedBy` names an act, and a check names a record of the entity it says. These need only
 * each record's id and kind, not the record, so a build can write every source's records
 * and let them go: the index holds ids, and the few figures whose act it has not seen yet.
 */
import { entities } from '../../schema/entities.js'
import type { Check } from '../../schema/index.js'
import type { AnyRecord, RecordReport, RecordsByEntity } from './validate-records.js'

/** The ids of every record added so far, with the kind of record each names. */
export class RecordIndex {
  readonly #kindOf = new Map<string, string>()
  /** Figures whose `statedBy` names no act added so far: settled when every source is in. */
  #unresolved: Array<{ figure: AnyRecord & { statedBy: string }; at: RecordReport }> = []

  /** Adds one source's records (and the source record under `sources`); reports duplicate ids. */
  addRecords(records: RecordsByEntity, at: RecordReport): void {
    for (const entity of entities) for (const record of records[entity.name] ?? []) this.#add(entity.recordName, record, at)
    for (const figure of records.figures ?? []) {
      const statedBy = figure.statedBy
      if (typeof statedBy === 'string' && this.#kindOf.get(statedBy) !== 'act')
        this.#unresolved.push({ figure: figure as AnyRecord & { statedBy: string }, at })
    }
  }

  /** After every source: reports figures stated by no act, and checks that point nowhere. */
  finish(checks: readonly Check[], at: RecordReport): void {
    for (const check of checks) this.#add('check', check as unknown as AnyRecord, at)
    for (const { figure, at: report } of this.#unresolved) {
      if (this.#kindOf.get(figure.statedBy) !== 'act')
        report(figure, 'reference-missing', `figure "${figure.id}" is statedBy "${figure.statedBy}", which is not an act`)
    }
    this.#unresolved = []
    for (const check of checks) this.#checkCheck(check, at)
  }

  /** Whether a record of kind `recordName` has the id `id`. */
  has(recordName: string, id: string): boolean {
    return this.#kindOf.get(id) === recordName
  }

  #add(recordName: string, record: AnyRecord, at: RecordReport) {
    const other = this.#kindOf.get(record.id)
    if (other) at(record, 'id-duplicate', `id "${record.id}" of a ${recordName} is already the id of a ${other}`)
    else this.#kindOf.set(record.id, recordName)
  }

  /**
   * A check points into one of four entities, which no Table Schema foreign key can say: its
   * recordId must exist in the entity its recordType names, and its field be a field of it.
   */
  #checkCheck(check: Check, at: RecordReport) {
    const report = (ruleId: Parameters<RecordReport>[1], message: string) => at(check as unknown as AnyRecord, ruleId, message)
    const entity = entities.find((e) => e.recordName === check.recordType)!
    if (!this.has(check.recordType, check.recordId)) report('check-reference', `check "${check.id}": no ${check.recordType} has the id "${check.recordId}"`)
    if (check.field !== null && !(check.field in entity.schema.shape)) {
      report(
        'check-reference',
        `check "${check.id}": ${check.recordType} has no field "${check.field}" (fields: ${Object.keys(entity.schema.shape).join(', ')})`
      )
    }
    if (check.verdict !== 'unverified' && check.citations.length === 0) report('check-citations', `check "${check.id}" is ${check.verdict} but cites nothing`)
  }
}
