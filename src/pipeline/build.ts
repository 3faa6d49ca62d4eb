/**
 * The pipeline's two commands. `check` runs every source through parse, align, extract and
 * validate and reports, returning the dataset; `build` does the same and, when nothing is
 * wrong, emits dist-data/, schemas/ and the generated documents, all at once or not at all.
 * One build at a time: it holds the lock beside the outputs while it runs, and first puts
 * right whatever a build that died left. Build writes each source's records into staging
 * folders as soon as they are validated, so its memory does not grow with the dataset; every
 * output is registered with one manifest, and on any error (in the input, or of the file
 * system) everything staged is dropped and nothing is written anywhere.
 */
import { statSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { packageVersion } from '../package-version.js'
import { capDiagnostics, diagnostic, fileStart, type Diagnostic } from './diagnostics/index.js'
import {
  acquireBuildLock,
  DatasetCollector,
  DatasetWriter,
  describeHolder,
  OutputError,
  outputPathOf,
  projectDocuments,
  recoverOutputs,
  StagedOutputs,
  type FaultInjection
} from './emit/index.js'
import { describeFsError } from './parse/read-text-file.js'
import { runCorpus, type SourceCoverage } from './run-corpus.js'
import type { BuildResult, CheckResult, PipelineOptions } from './api-types.js'

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

/** The diagnostic for a project folder that is not there: nothing is created in its place. */
function rootProblem(root: string, given: string | undefined): Diagnostic | undefined {
  const stat = statSync(root, { throwIfNoEntry: false })
  if (stat?.isDirectory()) return undefined
  const what = stat ? 'is not a folder' : 'does not exist'
  return diagnostic(
    given ?? '.',
    fileStart,
    undefined,
    'root-missing',
    `the project folder ${given ?? root} ${what}; give the folder that holds sources/ (nothing is created)`
  )
}

/** Checks every source and returns the whole dataset in memory; writes nothing. */
export function check(options: PipelineOptions = {}): CheckResult {
  const where = paths(options)
  const missing = rootProblem(where.root, options.root)
  if (missing) return { ok: false, diagnostics: [missing], coverage: [] }
  const collector = new DatasetCollector(packageVersion())
  const { ok, diagnostics, coverage, layer } = runCorpus(where, collector)
  if (!ok) return { ok, diagnostics: capDiagnostics(diagnostics), coverage }
  collector.addRecordLayer(layer)
  return { ok, diagnostics: capDiagnostics(diagnostics), coverage, dataset: collector.dataset }
}

/** Checks, and writes dist-data/, schemas/ and the generated documents when there is no error. */
export function build(options: PipelineOptions = {}): BuildResult {
  return buildWithFault(options, {})
}

/**
 * `build`, made to fail part-way by `fault`: the seam the tests use to prove that a failure
 * leaves the previous output whole. Not part of the package's API.
 */
export function buildWithFault(options: PipelineOptions, fault: FaultInjection): BuildResult {
  const where = paths(options)
  const missing = rootProblem(where.root, options.root)
  if (missing) return { ok: false, diagnostics: [missing], coverage: [] }
  const shown = (path: string) => relative(where.root, path) || '.'
  let found: { diagnostics: Diagnostic[]; coverage: SourceCoverage[] } = { diagnostics: [], coverage: [] }
  const failed = (d: Diagnostic): BuildResult => ({ ok: false, diagnostics: capDiagnostics([...found.diagnostics, d]), coverage: found.coverage })
  let release: (() => void) | undefined
  try {
    const taken = acquireBuildLock(where.root)
    if (!taken.ok) {
      const lock = shown(taken.path)
      return failed(
        diagnostic(
          lock,
          fileStart,
          undefined,
          'output-locked',
          `${describeHolder(taken.holder)} holds ${lock}: one build at a time; wait for it to end (if none runs, remove ${lock})`
        )
      )
    }
    release = () => taken.lock.release()
    // A build that died part-way is put right first, whatever this one finds.
    recoverOutputs(where.root)
    const staged = new StagedOutputs(where.root, { data: where.dataDir, schemas: where.schemasDir }, taken.lock.owner, fault)
    try {
      const writer = new DatasetWriter(packageVersion(), staged)
      const run = runCorpus(where, writer)
      found = run
      if (!run.ok) {
        staged.abort()
        return { ok: false, diagnostics: capDiagnostics(run.diagnostics), coverage: run.coverage }
      }
      const { docs, counts, sources } = writer.finish(run.layer, run.series)
      // Every output is staged before anything is swapped in: a failure up to the commit writes nothing.
      for (const [name, content] of docs) staged.file(resolve(where.docsDir, name), content)
      for (const [path, text] of projectDocuments(where.root, where.docsDir, { version: writer.version, sources, counts })) staged.file(path, text)
      staged.commit()
      return { ok: true, diagnostics: capDiagnostics(run.diagnostics), coverage: run.coverage, counts }
    } catch (error) {
      try {
        staged.abort()
      } catch {
        // What could not be removed now is the debris of a dead build for the next one.
      }
      throw error
    }
  } catch (error) {
    const d = outputDiagnostic(error, where.root)
    if (d) return failed(d)
    throw error
  } finally {
    release?.()
  }
}

/** A failure of the outputs as one diagnostic (path, reason, rule), or undefined for a fault of the program. */
function outputDiagnostic(error: unknown, root: string): Diagnostic | undefined {
  const shown = (path: string) => relative(root, outputPathOf(path)) || '.'
  const inRoot = (text: string) => text.replaceAll(`${root}${sep}`, '')
  if (error instanceof OutputError) return diagnostic(shown(error.path), fileStart, undefined, error.ruleId, inRoot(error.message))
  const { code, path, syscall, dest } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown; dest?: unknown }
  if (typeof code !== 'string' || typeof path !== 'string') return undefined
  const where = shown(path)
  const to = typeof dest === 'string' ? ` to ${shown(dest)}` : ''
  const doing = typeof syscall === 'string' ? `${syscall} ${where}${to}` : where
  return diagnostic(
    where,
    fileStart,
    undefined,
    'output-unwritable',
    `cannot write the output (${doing}): ${describeFsError(error)}; nothing was written, the previous output is whole`
  )
}
