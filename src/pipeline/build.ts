/**
 * The pipeline's two commands. `check` runs every source through parse, align, extract and
 * validate and reports, returning the dataset; `build` does the same and, when nothing is
 * wrong, emits dist-data/ and schemas/ atomically. Build writes each source's records into
 * staging folders as soon as they are validated, so its memory does not grow with the
 * dataset; on any error the staging folders are dropped and nothing is written.
 */
import { resolve } from 'node:path'
import { packageVersion } from '../package-version.js'
import { dirname, basename } from 'node:path'
import { DatasetCollector, DatasetWriter, projectDocuments, recoverOutput, StagedOutputs, writeFilesBeside, type FaultInjection } from './emit/index.js'
import type { BuildResult, CheckResult, PipelineOptions } from './api-types.js'
import { runCorpus } from './run-corpus.js'

export type { BuildResult, CheckResult, PipelineOptions, SourceCoverage } from './api-types.js'

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
  const { ok, diagnostics, coverage, layer } = runCorpus(paths(options), collector)
  if (!ok) return { ok, diagnostics, coverage }
  collector.addRecordLayer(layer)
  return { ok, diagnostics, coverage, dataset: collector.dataset }
}

/** Checks, and writes dist-data/ and schemas/ (and the generated docs) when there is no error. */
export function build(options: PipelineOptions = {}): BuildResult {
  return buildWithFault(options, {})
}

/**
 * `build`, made to fail part-way by `fault`: the seam the tests use to prove that a failure
 * leaves the previous output whole. Not part of the package's API.
 */
export function buildWithFault(options: PipelineOptions, fault: FaultInjection): BuildResult {
  const where = paths(options)
  // An earlier run that died mid-swap is put right first, whatever this run finds.
  recoverOutput(where.dataDir)
  recoverOutput(where.schemasDir)
  const staged = new StagedOutputs({ data: where.dataDir, schemas: where.schemasDir }, fault)
  try {
    const writer = new DatasetWriter(packageVersion(), staged)
    const { ok, diagnostics, coverage, layer, series } = runCorpus(where, writer)
    if (!ok) {
      staged.abort()
      return { ok, diagnostics, coverage }
    }
    const { docs, counts, sources } = writer.finish(layer, series)
    // The project's documents are rendered before anything is swapped in: a failure here writes nothing.
    const documents = projectDocuments(where.root, where.docsDir, { version: writer.version, sources, counts })
    staged.commit()
    writeFilesBeside(where.docsDir, docs)
    for (const [dir, files] of byFolder(documents)) writeFilesBeside(dir, files)
    return { ok, diagnostics, coverage, counts }
  } catch (error) {
    staged.abort()
    throw error
  }
}

/** Files by path, grouped by their folder, as `writeFilesBeside` takes them. */
function byFolder(files: ReadonlyMap<string, string>): Map<string, Map<string, Buffer>> {
  const folders = new Map<string, Map<string, Buffer>>()
  for (const [path, text] of files) {
    const folder = folders.get(dirname(path)) ?? new Map<string, Buffer>()
    folder.set(basename(path), Buffer.from(text, 'utf8'))
    folders.set(dirname(path), folder)
  }
  return folders
}
