/**
 * The data: every record of the dataset, typed. This entry point loads the JSON files of
 * dist-data/ and nothing else (no zod, no parser, no pipeline module), so importing it
 * costs a user a few file reads.
 */

import type { Act, Check, Correction, Figure, Instrument, Source } from './schema/index.js'

export type { Act, Check, Citation, Correction, Figure, Instrument, Person, Provenance, Source } from './schema/index.js'

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

function load<T>(name: string): EntityFile<T> {
  return JSON.parse(readFileSync(new URL(`../dist-data/${name}.json`, import.meta.url), 'utf8')) as EntityFile<T>
}

const sourcesFile = load<Source>('sources')

/** Version of the dataset (semver), the same as the package's. */
export const version: string = sourcesFile.version
/** The verbatim source documents. */
export const sources: readonly Source[] = sourcesFile.records
/** Legal instruments the sources cite. */
export const instruments: readonly Instrument[] = load<Instrument>('instruments').records
/** Acts of legislatures, governments, officials and intergovernmental bodies that the sources report. */
export const acts: readonly Act[] = load<Act>('acts').records
/** Quantities the sources state. */
export const figures: readonly Figure[] = load<Figure>('figures').records
/** Where the sources' spelling differs from the correct form. */
export const corrections: readonly Correction[] = load<Correction>('corrections').records
/** What public evidence says about the records' claims; a check never changes its record. */
export const checks: readonly Check[] = load<Check>('checks').records

/** A record of any checkable entity, told apart by `recordType`. */
export type CheckedRecord =
  | { recordType: 'instrument'; record: Instrument; checks: Check[] }
  | { recordType: 'act'; record: Act; checks: Check[] }
  | { recordType: 'figure'; record: Figure; checks: Check[] }
  | { recordType: 'correction'; record: Correction; checks: Check[] }

/** The checks of one record, by its id (empty when none). */
export function checksOf(recordId: string): Check[] {
  return checks.filter((check) => check.recordId === recordId)
}

/**
 * A record together with its checks, looked up by id across instruments, acts, figures and
 * corrections: what the source claims beside what the evidence says. Undefined for an
 * unknown id.
 */
export function withChecks(recordId: string): CheckedRecord | undefined {
  const instrument = instruments.find((r) => r.id === recordId)
  if (instrument) return { recordType: 'instrument', record: instrument, checks: checksOf(recordId) }
  const act = acts.find((r) => r.id === recordId)
  if (act) return { recordType: 'act', record: act, checks: checksOf(recordId) }
  const figure = figures.find((r) => r.id === recordId)
  if (figure) return { recordType: 'figure', record: figure, checks: checksOf(recordId) }
  const correction = corrections.find((r) => r.id === recordId)
  if (correction) return { recordType: 'correction', record: correction, checks: checksOf(recordId) }
  return undefined
}
