/**
 * The pipeline's two commands. `check` runs every source through parse, align, extract,
 * recognize and validate and reports, returning the dataset; `build` does the same and,
 * when nothing is wrong, emits dist-data/ and schemas/ atomically. Build writes each source's
 * records into staging folders as soon as they are validated, so its memory does not grow
 * with the dataset; on any error the staging folders are dropped and nothing is written.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { EntityName } from '../schema/entities.js'
import { DatasetCollector, type Dataset } from './dataset.js'
import type { Diagnostic } from './diagnostics.js'
import { DatasetWriter } from './emit/dataset-writer.js'
import { recoverOutput, StagedOutputs, writeFilesBeside, type FaultInjection } from './emit/write-output.js'
import { processSources, type SourceCoverage } from './process-sources.js'

export type { SourceCoverage } from './process-sources.js'

/** Where the pipeline reads and writes; every path defaults to the project layout under `root`. */
export interface PipelineOptions {
  /** Project root (default: the working directory). */
  root?: string
  sourcesDir?: string
  dataDir?: string
  schemasDir?: string
  /** Where the generated codebook and rules list go (default: docs). */
  docsDir?: string
  /** Test-only: make the write fail part-way. */
  fault?: FaultInjection
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

/** The version of this package, which is the version of the dataset it builds. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}

function paths(options: PipelineOptions) {
  const root = resolve(options.root ?? process.cwd())
  return {
    root,
    sourcesDir: resolve(root, options.sourcesDir ?? 'sources'),
    dataDir: resolve(root, options.dataDir ?? 'dist-data'),
    schemasDir: resolve(root, options.schemasDir ?? 'schemas'),
    docsDir: resolve(root, options.docsDir ?? 'docs')
  }
}

/** Checks every source and returns the whole dataset in memory; writes nothing. */
export function check(options: PipelineOptions = {}): CheckResult {
  const collector = new DatasetCollector(packageVersion())
  const { ok, diagnostics, coverage, checks } = processSources(paths(options), collector)
  if (!ok) return { ok, diagnostics, coverage }
  collector.dataset.checks.push(...checks)
  return { ok, diagnostics, coverage, dataset: collector.dataset }
}

/** Checks, and writes dist-data/ and schemas/ (and the generated docs) when there is no error. */
export function build(options: PipelineOptions = {}): BuildResult {
  const where = paths(options)
  // An earlier run that died mid-swap is put right first, whatever this run finds.
  recoverOutput(where.dataDir)
  recoverOutput(where.schemasDir)
  const staged = new StagedOutputs({ data: where.dataDir, schemas: where.schemasDir }, options.fault)
  try {
    const writer = new DatasetWriter(packageVersion(), staged)
    const { ok, diagnostics, coverage, checks } = processSources(where, writer)
    if (!ok) {
      staged.abort()
      return { ok, diagnostics, coverage }
    }
    const { docs, counts } = writer.finish(checks)
    staged.commit()
    writeFilesBeside(where.docsDir, docs)
    return { ok, diagnostics, coverage, counts }
  } catch (error) {
    staged.abort()
    throw error
  }
}
