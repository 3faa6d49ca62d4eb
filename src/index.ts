/**
 * The data: every record of the dataset, typed. This entry point loads the JSON files of
 * dist-data/ and nothing else (no zod, no parser, no pipeline module), and each file only when
 * its export is first used, so importing it costs a user one small read (package.json, for
 * `version`) whatever the size of the record.
 */

import type { EntityName, RecordOf } from './schema/entities.js'
import { packageVersion } from './package-version.js'
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

/** Every trap a Proxy over an array can meet (all but apply and construct, which are for functions). */
const traps = [
  'get',
  'set',
  'has',
  'deleteProperty',
  'defineProperty',
  'getOwnPropertyDescriptor',
  'ownKeys',
  'getPrototypeOf',
  'setPrototypeOf',
  'isExtensible',
  'preventExtensions'
] as const satisfies ReadonlyArray<keyof ProxyHandler<object> & keyof typeof Reflect>

/**
 * The records of `name`, read on first use. Parsing every file at import made the import cost
 * grow with the record (about 130 ms above an empty module with a record ten times the size);
 * an ES module cannot export a getter, so each array export is a live binding (`export let`)
 * that starts as this stand-in and is reassigned to the loaded array by `loaded`: from then on
 * a read of the binding gets a plain array, at a plain array's speed.
 *
 * The stand-in is a Proxy whose target is an empty array, so `Array.isArray` is true before
 * anything is read. At its first trap (any operation: `.length`, an index, iteration, spread,
 * a method, `JSON.stringify`, `Object.keys`…) it reads the file and pushes the records into
 * that very target, and every trap then forwards to the target through `Reflect`: the target
 * is the array `loaded` receives, so the stand-in and the binding show the same array, and
 * the Proxy invariants hold by construction (no trap reports anything the target does not
 * have). A copy kept before first use (`const { acts } = require(…)`, `const all = acts`)
 * stays the stand-in: it behaves as the array, slower per access, and is not `===` to the
 * binding. Two things do not pass through traps: `util.inspect` (hence `console.log`), which
 * unwraps a Proxy and reads its target, so until the load the target's prototype carries an
 * inspect hook that loads it (and is then put back to `Array.prototype`); and
 * `structuredClone`, which refuses any Proxy: clone the binding after first use, or a copy
 * (`[...acts]`).
 */
function lazy<E extends EntityName>(name: E, loaded: (records: RecordOf<E>[]) => void): readonly RecordOf<E>[] {
  const target: RecordOf<E>[] = []
  let ready = false
  const fill = (): RecordOf<E>[] => {
    if (!ready) {
      // A failed read (a file missing) throws here and again at the next use, never leaves an empty array behind.
      const records = load(name).records
      for (const record of records) target.push(record)
      Object.setPrototypeOf(target, Array.prototype)
      ready = true
      loaded(target)
    }
    return target
  }
  Object.setPrototypeOf(target, Object.create(Array.prototype, { [Symbol.for('nodejs.util.inspect.custom')]: { value: fill } }))
  const forward =
    (trap: (typeof traps)[number]) =>
    (_target: RecordOf<E>[], ...rest: unknown[]) =>
      (Reflect[trap] as (target: object, ...args: unknown[]) => unknown)(fill(), ...rest)
  return new Proxy(target, Object.fromEntries(traps.map((trap) => [trap, forward(trap)])) as ProxyHandler<RecordOf<E>[]>)
}

/** Version of the dataset (semver): the package's, which the build stamps on every file of dist-data/ (read from package.json, so that no entity file is read for it). */
export const version: string = packageVersion()
/** The verbatim source texts the reports come from. */
export let sources: readonly Source[] = lazy('sources', (records) => (sources = records))
/** The public documents the evidence and the checks cite. */
export let citations: readonly Citation[] = lazy('citations', (records) => (citations = records))
/** The acts of record: one per real act concerning Khojaly that public material documents, with its evidence. */
export let acts: readonly Act[] = lazy('acts', (records) => (acts = records))
/** What the source texts report of acts, with provenance, each linked to its act of record. */
export let reports: readonly Report[] = lazy('reports', (records) => (reports = records))
/** Legal instruments the source texts cite. */
export let instruments: readonly Instrument[] = lazy('instruments', (records) => (instruments = records))
/** Quantities the source texts state. */
export let figures: readonly Figure[] = lazy('figures', (records) => (figures = records))
/** Where the source texts' spelling differs from the correct form. */
export let corrections: readonly Correction[] = lazy('corrections', (records) => (corrections = records))
/** What public evidence says about the records' claims; a check never changes its record. */
export let checks: readonly Check[] = lazy('checks', (records) => (checks = records))

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
