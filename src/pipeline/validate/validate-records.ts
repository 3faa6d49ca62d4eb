/**
 * The validate stage for one source's records, run as soon as the source is extracted, while
 * its verbatim text is at hand: every record parses with its zod schema; every provenance
 * points into this source, its quote equals its slice of the verbatim text and its line and
 * column point at its start; every `…AsWritten` value stands inside the record's quotes;
 * `dateStart`/`dateEnd` bound `date`. Rules that JSON Schema cannot state live here.
 * Checks across sources (ids, references) are the record index's (corpus-index.ts).
 */
import { entities, type EntityName } from '../../schema/entities.js'
import type { Provenance } from '../../schema/index.js'
import { diagnostic, type Diagnostic, type Place, type RuleId } from '../diagnostics/index.js'
import { dateBoundProblems, hasDateBounds } from './date-bounds.js'
import type { CodePointText } from '../text/code-point-text.js'
import { loneSurrogate } from '../text/invisible.js'
import { echo } from '../diagnostics/printable.js'

/** A record as validation sees it: an id, maybe provenance, any other fields. */
export type AnyRecord = Record<string, unknown> & { id: string; provenance?: Provenance[] }

/** Reports a problem of a record, placed where the reader can fix it. */
export type RecordReport = (record: AnyRecord, ruleId: RuleId, message: string) => void

/**
 * A reporter that places a record's problem at its directive in the overlay when `places`
 * knows it, else at its first quote in `verbatimFile`, else at the start of `fallbackFile`.
 */
export function recordReporter(
  problems: Diagnostic[],
  places: WeakMap<object, Place>,
  verbatimFile: (sourceId: string) => string | undefined,
  fallbackFile = 'dataset'
): RecordReport {
  return (record, ruleId, message) => {
    const known = places.get(record)
    if (known) {
      problems.push(diagnostic(known.file, known.start, known.end, ruleId, message))
      return
    }
    const first = record.provenance?.[0]
    const place = first ? { line: first.line, column: first.column } : { line: 1, column: 1 }
    const file = first ? (verbatimFile(first.sourceId) ?? first.sourceId) : fallbackFile
    problems.push(diagnostic(file, place, undefined, ruleId, message))
  }
}

/** One source's verbatim text, by the id its provenance names, and the path diagnostics name. */
export interface VerbatimOfSource {
  sourceId: string
  file: string
  text: CodePointText
}

/** The records one source yields, by entity. */
export type RecordsToValidate = Partial<Record<EntityName, readonly AnyRecord[]>>

/** Checks the records of one source against their schemas and its verbatim text. */
export function validateSourceRecords(records: RecordsToValidate, verbatim: VerbatimOfSource, places: WeakMap<object, Place> = new WeakMap()): Diagnostic[] {
  const problems: Diagnostic[] = []
  const at = recordReporter(problems, places, (sourceId) => (sourceId === verbatim.sourceId ? verbatim.file : undefined))
  for (const entity of entities) {
    for (const record of records[entity.name] ?? []) {
      validateRecordSchema(entity, record, at)
      for (const p of record.provenance ?? []) checkProvenance(p, record, at, verbatim)
      checkAsWritten(record, at)
      checkDateBounds(record, at)
      checkWellFormed(record, at)
    }
  }
  return problems
}

/** Every issue of `record` against its entity's zod schema, with the offending value. */
function validateRecordSchema(entity: (typeof entities)[number], record: AnyRecord, at: RecordReport): void {
  const parsed = entity.schema.safeParse(record)
  if (parsed.success) return
  for (const issue of parsed.error.issues)
    at(record, 'record-invalid', `${entity.recordName} "${record.id}": ${issue.path.join('.') || '(record)'}: ${issue.message}${showValue(record, issue.path)}`)
}

function showValue(record: Record<string, unknown>, path: PropertyKey[]): string {
  let value: unknown = record
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key]
  return typeof value === 'string' ? ` (value "${echo(value)}")` : ''
}

function checkProvenance(p: Provenance, record: AnyRecord, at: RecordReport, verbatim: VerbatimOfSource) {
  // A record comes from one source, so its quotes can only be checked against that source.
  if (p.sourceId !== verbatim.sourceId) {
    at(record, 'reference-missing', `"${record.id}" points into source "${p.sourceId}", which is not the source it comes from ("${verbatim.sourceId}")`)
    return
  }
  const text = verbatim.text
  if (text.slice(p.start, p.end) !== p.quote || p.end > text.length)
    at(record, 'provenance-mismatch', `"${record.id}": quote differs from the verbatim text at ${p.start}..${p.end}`)
  const point = text.pointAt(p.start)
  if (point.line !== p.line || point.column !== p.column)
    at(record, 'provenance-mismatch', `"${record.id}": line/column ${p.line}:${p.column} do not point at offset ${p.start} (${point.line}:${point.column})`)
}

/** Every field whose name ends in `AsWritten`, at any depth, must occur in the record's own quotes. */
function checkAsWritten(record: AnyRecord, at: RecordReport) {
  const quotes = (record.provenance ?? []).map((p) => p.quote)
  const visit = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
    else if ((key.endsWith('AsWritten') || key === 'asWritten') && typeof value === 'string' && !quotes.some((q) => q.includes(value))) {
      at(record, 'as-written-outside-quote', `"${record.id}": ${key} "${echo(value)}" does not occur in its provenance quotes`)
    }
  }
  for (const [k, v] of Object.entries(record)) if (k !== 'provenance') visit(v, k)
}

/** Whether a string is well-formed Unicode (no lone surrogate): natively where the engine can say. */
const wellFormed = (text: string): boolean => {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed
  return native ? native.call(text) : !loneSurrogate.test(text)
}

/** Every string of the record, at any depth, is well-formed Unicode: a lone surrogate cannot be written as UTF-8. */
function checkWellFormed(record: AnyRecord, at: RecordReport) {
  const stack: Array<[unknown, string]> = [[record, '']]
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [value, path] = entry
    if (typeof value === 'string') {
      if (!wellFormed(value)) at(record, 'record-invalid', `"${record.id}": ${path || '(record)'} is not well-formed Unicode (a lone surrogate)`)
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, `${path}.${i}`]))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push([v, path ? `${path}.${k}` : k])
  }
}

/** `dateStart` and `dateEnd` are the first and last day the EDTF `date` can mean (date-bounds.ts): one diagnostic per bound that is not. */
function checkDateBounds(record: AnyRecord, at: RecordReport) {
  if (!hasDateBounds(record)) return
  for (const problem of dateBoundProblems(record)) at(record, 'record-invalid', `"${record.id}": ${problem.field} ${problem.message}`)
}
