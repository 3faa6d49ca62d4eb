/**
 * The data: every record of the dataset, typed. This entry point loads the JSON files of
 * dist-data/ and nothing else (no zod, no parser, no pipeline module), so importing it
 * costs a user a few file reads.
 */

import type { EntityName, RecordOf } from './schema/entities.js'
import type { Act, Check, Citation, Correction, Evidence, Figure, Instrument, Report, Source } from './schema/index.js'

export type {
  Act,
  Check,
  CheckCitation,
  Citation,
  Correction,
  Evidence,
  Figure,
  Instrument,
  Person,
  Provenance,
  Report,
  ReportPerson,
  Source
} from './schema/index.js'

/** The `{ version, records }` envelope of an entity file. */
interface EntityFile<T> {
  version: string
  records: T[]
}

// node:fs through process.getBuiltinModule rather than `import … from 'node:fs'`: an ES import
// of a built-in makes Node build the built-in's ES module facade, which reads every export of
// node:fs, and the lazy ReadStream/WriteStream getters among them load node:stream and its
// dependencies, which this entry point never uses (about 3 ms of a fresh import, measured).
const { readFileSync } = process.getBuiltinModule('node:fs')

function load<E extends EntityName>(name: E): EntityFile<RecordOf<E>> {
  return JSON.parse(readFileSync(new URL(`../dist-data/${name}.json`, import.meta.url), 'utf8')) as EntityFile<RecordOf<E>>
}

const sourcesFile = load('sources')

/** Version of the dataset (semver), the same as the package's. */
export const version: string = sourcesFile.version
/** The verbatim source texts the reports come from. */
export const sources: readonly Source[] = sourcesFile.records
/** The public documents the evidence and the checks cite. */
export const citations: readonly Citation[] = load('citations').records
/** The acts of record: one per real act concerning Khojaly that public material documents, with its evidence. */
export const acts: readonly Act[] = load('acts').records
/** What the source texts report of acts, with provenance, each linked to its act of record. */
export const reports: readonly Report[] = load('reports').records
/** Legal instruments the source texts cite. */
export const instruments: readonly Instrument[] = load('instruments').records
/** Quantities the source texts state. */
export const figures: readonly Figure[] = load('figures').records
/** Where the source texts' spelling differs from the correct form. */
export const corrections: readonly Correction[] = load('corrections').records
/** What public evidence says about the records' claims; a check never changes its record. */
export const checks: readonly Check[] = load('checks').records

/** A record of any checkable entity, told apart by `recordType`. */
export type CheckedRecord = {
  [K in Check['recordType']]: { recordType: K; record: RecordOf<Extract<EntityName, `${K}s`>>; checks: Check[] }
}[Check['recordType']]

/** The checks of one record, by its id (empty when none). */
export function checksOf(recordId: string): Check[] {
  return checks.filter((check) => check.recordId === recordId)
}

/** How to find a record of each entity a check may be about: the mapped type makes every `recordType` have one. */
const finders: { [K in Check['recordType']]: (id: string) => CheckedRecord | undefined } = {
  instrument: (id) =>
    found(
      'instrument',
      instruments.find((r) => r.id === id)
    ),
  report: (id) =>
    found(
      'report',
      reports.find((r) => r.id === id)
    ),
  act: (id) =>
    found(
      'act',
      acts.find((r) => r.id === id)
    ),
  figure: (id) =>
    found(
      'figure',
      figures.find((r) => r.id === id)
    ),
  correction: (id) =>
    found(
      'correction',
      corrections.find((r) => r.id === id)
    ),
  citation: (id) =>
    found(
      'citation',
      citations.find((r) => r.id === id)
    )
}

function found<K extends CheckedRecord['recordType']>(recordType: K, record: Extract<CheckedRecord, { recordType: K }>['record'] | undefined) {
  return record && { recordType, record, checks: checksOf(record.id) }
}

/**
 * A record together with its checks, looked up by id across every entity a check may be
 * about: what the records claim beside what the evidence says. Undefined for an unknown id.
 */
export function withChecks(recordId: string): CheckedRecord | undefined {
  for (const find of Object.values(finders)) {
    const record = find(recordId)
    if (record) return record
  }
  return undefined
}

/** The reports of the source texts that tell of the act `actId` (empty when none does). */
export function reportsOf(actId: string): Report[] {
  return reports.filter((report) => report.act === actId)
}

/** An evidence entry of an act with its citation resolved (null for an anchor into a shipped text). */
export type ResolvedEvidence = Evidence & { document: Citation | null }

/** The evidence of the act `actId`, each entry with its citation resolved; empty for an unknown id. */
export function evidenceOf(actId: string): ResolvedEvidence[] {
  const act = acts.find((a) => a.id === actId)
  if (!act) return []
  return act.evidence.map((entry) => ({ ...entry, document: entry.citation === null ? null : (citations.find((c) => c.id === entry.citation) ?? null) }))
}
