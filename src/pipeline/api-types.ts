/**
 * The types of the pipeline's public API, in a module whose declarations import only other
 * declaration files that need nothing but zod: no Node types, no mdast, no parser package.
 * So a TypeScript project that imports `khojaly-recognition/pipeline` type-checks with
 * `skipLibCheck: false` whatever `@types` it has. The types the stages use internally are
 * checked here, at compile time, to be the same as these.
 */
import type { EntityName, RecordLists } from '../schema/entities.js'
import type { Diagnostic } from './diagnostics/diagnostic.js'
import type { Candidate, RecognizerName } from './recognize/candidates.js'
import type { SourceCoverage as RunSourceCoverage } from './run-corpus.js'
import type { Dataset as SinkDataset } from './emit/sink.js'
import type { RecognizerCoverage as MeasuredCoverage } from './validate/coverage.js'

/** Where the pipeline reads and writes; every path defaults to the project layout under `root`. */
export interface PipelineOptions {
  /** Project root (default: the working directory). */
  root?: string
  /** The sources: overlays, verbatim texts, the registry and the checks (default: sources). */
  sourcesDir?: string
  /** Where the data files go (default: dist-data). */
  dataDir?: string
  /** Where the JSON Schemas go (default: schemas). */
  schemasDir?: string
  /** Where the generated codebook and rules list go (default: docs). */
  docsDir?: string
}

/** Every entity's records, in document order, and the dataset version. */
export type Dataset = { version: string } & RecordLists

/** How many candidates one recognizer found in a source, and how many are annotated or marked not data. */
export interface RecognizerCoverage {
  recognizer: RecognizerName
  found: number
  covered: number
  uncovered: Candidate[]
}

/** The coverage of one source. */
export interface SourceCoverage {
  file: string
  recognizers: RecognizerCoverage[]
}

/** What `check` finds: every diagnostic, the coverage, and the dataset when there is no error. */
export interface CheckResult {
  ok: boolean
  diagnostics: Diagnostic[]
  coverage: SourceCoverage[]
  dataset?: Dataset
}

/** What `build` did: every diagnostic, the coverage, and how many records each file holds when written. */
export interface BuildResult {
  ok: boolean
  diagnostics: Diagnostic[]
  coverage: SourceCoverage[]
  counts?: Record<EntityName, number>
}

/** True when A and B are the same type (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// Compile-time checks: the stages' own types are these (tsc fails here when one drifts).
const sameTypes: [Same<SourceCoverage, RunSourceCoverage>, Same<RecognizerCoverage, MeasuredCoverage>, Same<Dataset, SinkDataset>] = [true, true, true]
void sameTypes
