/**
 * The validate stage: every record parses with its zod schema; ids are unique; references
 * resolve; every provenance quote equals its slice of the verbatim text and its line and
 * column point at its start; every `…AsWritten` value stands inside the record's quotes.
 * Rules that JSON Schema cannot state live here, each with a test.
 */
import type { Dataset } from '../dataset.js'
import { diagnostic, type Diagnostic } from '../diagnostics.js'
import { entities } from '../../schema/entities.js'
import type { Provenance } from '../../schema/index.js'
import type { CodePointText } from '../text-positions.js'
import type { RecordPlace } from '../extract/records.js'
import { edtfBounds } from '../recognize/dates.js'

/** Verbatim texts by source id, with the path diagnostics should name. */
export type VerbatimTexts = ReadonlyMap<string, { file: string; text: CodePointText }>

/**
 * Checks the whole dataset; returns every problem found. A record's problem is placed at
 * its directive in the overlay when `places` knows it, else at its first quote.
 */
export function validateDataset(dataset: Dataset, verbatims: VerbatimTexts, places: WeakMap<object, RecordPlace> = new WeakMap()): Diagnostic[] {
  const problems: Diagnostic[] = []
  const at = (record: { id: string; provenance?: Provenance[] }, ruleId: Parameters<typeof diagnostic>[3], message: string) => {
    const known = places.get(record)
    if (known) {
      problems.push(diagnostic(known.file, known.start, known.end, ruleId, message))
      return
    }
    const first = record.provenance?.[0]
    const place = first ? { line: first.line, column: first.column } : { line: 1, column: 1 }
    const file = first ? (verbatims.get(first.sourceId)?.file ?? first.sourceId) : 'dataset'
    problems.push(diagnostic(file, place, undefined, ruleId, message))
  }

  const seenIds = new Map<string, string>()
  for (const entity of entities) {
    for (const record of dataset[entity.name] as Array<Record<string, unknown> & { id: string; provenance?: Provenance[] }>) {
      const parsed = entity.schema.safeParse(record)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) at(record, 'record-invalid', `${entity.recordName} "${record.id}": ${issue.path.join('.') || '(record)'}: ${issue.message}${showValue(record, issue.path)}`)
      }
      const other = seenIds.get(record.id)
      if (other) at(record, 'id-duplicate', `id "${record.id}" of a ${entity.recordName} is already the id of a ${other}`)
      seenIds.set(record.id, entity.recordName)
      for (const p of record.provenance ?? []) checkProvenance(p, record, at, verbatims)
      checkAsWritten(record, at)
      const bounds = typeof record.date === 'string' ? edtfBounds(record.date) : undefined
      if (typeof record.date === 'string' && (!bounds || bounds.start !== record.dateStart || bounds.end !== record.dateEnd)) {
        at(record, 'record-invalid', `"${record.id}": dateStart/dateEnd do not bound date ${record.date}`)
      }
    }
  }
  const actIds = new Set(dataset.acts.map((a) => a.id))
  for (const figure of dataset.figures) {
    if (figure.statedBy !== null && !actIds.has(figure.statedBy)) at(figure, 'reference-missing', `figure "${figure.id}" is statedBy "${figure.statedBy}", which is not an act`)
  }
  checkChecks(dataset, at)
  const sourceIds = new Set(dataset.sources.map((s) => s.id))
  for (const entity of entities) {
    for (const record of dataset[entity.name] as Array<{ id: string; provenance?: Provenance[] }>) {
      for (const p of record.provenance ?? []) if (!sourceIds.has(p.sourceId)) at(record, 'reference-missing', `"${record.id}" points into source "${p.sourceId}", which does not exist`)
    }
  }
  return problems
}

function showValue(record: Record<string, unknown>, path: PropertyKey[]): string {
  let value: unknown = record
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key]
  return typeof value === 'string' ? ` (value "${value}")` : ''
}

type Report = (record: { id: string; provenance?: Provenance[] }, ruleId: Parameters<typeof diagnostic>[3], message: string) => void

function checkProvenance(p: Provenance, record: { id: string; provenance?: Provenance[] }, at: Report, verbatims: VerbatimTexts) {
  const verbatim = verbatims.get(p.sourceId)?.text
  if (!verbatim) return
  if (verbatim.slice(p.start, p.end) !== p.quote || p.end > verbatim.length) at(record, 'provenance-mismatch', `"${record.id}": quote differs from the verbatim text at ${p.start}..${p.end}`)
  const point = verbatim.pointAt(p.start)
  if (point.line !== p.line || point.column !== p.column) at(record, 'provenance-mismatch', `"${record.id}": line/column ${p.line}:${p.column} do not point at offset ${p.start} (${point.line}:${point.column})`)
}

/** Every field whose name ends in `AsWritten`, at any depth, must occur in the record's own quotes. */
function checkAsWritten(record: { id: string; provenance?: Provenance[] }, at: Report) {
  const quotes = (record.provenance ?? []).map((p) => p.quote)
  const visit = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
    else if ((key.endsWith('AsWritten') || key === 'asWritten') && typeof value === 'string' && !quotes.some((q) => q.includes(value))) {
      at(record, 'as-written-outside-quote', `"${record.id}": ${key} "${value}" does not occur in its provenance quotes`)
    }
  }
  for (const [k, v] of Object.entries(record)) if (k !== 'provenance') visit(v, k)
}

/**
 * A check points into one of four entities, which no Table Schema foreign key can say: every
 * recordId must exist in the entity its recordType names, and every field be a field of it.
 */
function checkChecks(dataset: Dataset, at: Report) {
  for (const check of dataset.checks) {
    const entity = entities.find((e) => e.recordName === check.recordType)!
    const records = dataset[entity.name] as Array<{ id: string }>
    if (!records.some((r) => r.id === check.recordId)) at(check, 'check-reference', `check "${check.id}": no ${check.recordType} has the id "${check.recordId}"`)
    if (check.field !== null && !(check.field in entity.schema.shape)) {
      at(check, 'check-reference', `check "${check.id}": ${check.recordType} has no field "${check.field}" (fields: ${Object.keys(entity.schema.shape).join(', ')})`)
    }
    if (check.verdict !== 'unverified' && check.citations.length === 0) at(check, 'check-citations', `check "${check.id}" is ${check.verdict} but cites nothing`)
  }
}
