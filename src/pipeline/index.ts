/**
 * The pipeline: sources → dist-data/ and schemas/. Needs the optional peer dependencies (the
 * parser stack and the packages the files are written with): importing this entry without
 * them, by `import` or by `require`, throws an error that names the missing packages and the
 * command that installs them. The implementation is loaded only after that check (a
 * synchronous `require` of the ES module, so there is no top-level await), and every export's
 * type is written here from declarations that need nothing but zod.
 */
import { createRequire } from 'node:module'
import type { BuildResult, CheckResult, PipelineOptions } from './api-types.js'
import type { Diagnostic } from './diagnostics/diagnostic.js'
import type { rules as ruleRegistry } from './diagnostics/rules.js'
import type { TableSchema } from './emit/table-schema.js'
import type * as Implementation from './implementation.js'
import { missingPeers, missingPeersError } from './peers.js'

const missing = missingPeers()
if (missing.length > 0) throw missingPeersError(missing)
const pipeline = createRequire(import.meta.url)('./implementation.js') as typeof Implementation

export type { BuildResult, CheckResult, Dataset, PipelineOptions, RecognizerCoverage, SourceCoverage } from './api-types.js'
export type { Diagnostic, Point } from './diagnostics/diagnostic.js'
export type { Rule, RuleId } from './diagnostics/rules.js'

/** The version the pipeline stamps on the files: the package's. */
export const packageVersion: () => string = pipeline.packageVersion
/** Verbatim text made safe to paste into an overlay (markdown and directive characters escaped). */
export const escapeOverlayText: (text: string) => string = pipeline.escapeOverlayText
/** Checks every source and returns the whole dataset in memory; writes nothing. */
export const check: (options?: PipelineOptions) => CheckResult = pipeline.check
/** Checks, and writes dist-data/ and schemas/ (and the generated docs) when there is no error. */
export const build: (options?: PipelineOptions) => BuildResult = pipeline.build
/** One line per diagnostic (file:line:column-line:column: severity: message (rule)), as the CLI prints them. */
export const formatDiagnostics: (list: readonly Diagnostic[]) => string = pipeline.formatDiagnostics
/** Every diagnostic rule by id, with its severity, meaning and an example. */
export const rules: typeof ruleRegistry = pipeline.rules
/** CSV text of `records` under a Table Schema (a resource's `schema` in datapackage.json), by the CSV rule. */
export const encodeCsv: (records: ReadonlyArray<Record<string, unknown>>, table: TableSchema) => string = pipeline.encodeCsv
/** Records rebuilt from CSV text under a Table Schema; throws when the header differs from the schema. */
export const decodeCsv: (text: string, table: TableSchema) => Array<Record<string, unknown>> = pipeline.decodeCsv
