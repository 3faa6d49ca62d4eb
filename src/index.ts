/**
 * The data: every record of the dataset, typed. This entry point loads the JSON files of
 * dist-data/ and nothing else (no zod, no parser, no pipeline module), so importing it
 * costs a user a few file reads.
 */
import { readFileSync } from 'node:fs'
import type { Act, Correction, Figure, Instrument, Source } from './schema/index.js'

export type { Act, Correction, Figure, Instrument, Person, Provenance, Source } from './schema/index.js'

/** The `{ version, records }` envelope of an entity file. */
interface EntityFile<T> {
  version: string
  records: T[]
}

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
