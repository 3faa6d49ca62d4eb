/**
 * Every source of a build through the flow, as numbered steps: the shared inputs first, then
 * each overlay one at a time (run, indexed, handed to the sink while nothing is wrong), then
 * what spans sources. Memory holds one source's records and texts at a time, plus the index.
 */
import { join, relative } from 'node:path'
import type { Check } from '../schema/index.js'
import { diagnostic, fileStart, sortDiagnostics, type Diagnostic } from './diagnostics/index.js'
import type { DatasetSink } from './emit/index.js'
import { layoutPath, listOverlays, readChecks, readOrganizations } from './parse/index.js'
import { candidateFinder } from './recognize/candidates.js'
import { placeNames } from './recognize/jurisdictions.js'
import { runSource } from './run-source.js'
import { CorpusIndex, recordReporter, type RecognizerCoverage } from './validate/index.js'

/** Coverage of one source's candidates. */
export interface SourceCoverage {
  file: string
  recognizers: RecognizerCoverage[]
}

/** What running every source finds; `checks` are valid only when `ok`. */
export interface CorpusRun {
  ok: boolean
  diagnostics: Diagnostic[]
  coverage: SourceCoverage[]
  checks: Check[]
}

/** Runs the sources under `sourcesDir` into `sink`; diagnostics name files relative to `root`. */
export function runCorpus({ root, sourcesDir }: { root: string; sourcesDir: string }, sink: DatasetSink): CorpusRun {
  const diagnostics = new DiagnosticList()
  const coverage: SourceCoverage[] = []
  const rel = (path: string) => relative(root, path) || '.'

  // 1. The inputs every source shares: the registry of organizations, and the candidate finder made from it.
  const registry = layoutPath(sourcesDir, 'registry')
  const { organizations, diagnostics: registryProblems } = readOrganizations(registry, rel(registry))
  diagnostics.push(...registryProblems)
  const findCandidates = candidateFinder([...placeNames(), ...organizations.flatMap((o) => o.aliases)])
  let overlays: string[] = []
  try {
    overlays = listOverlays(sourcesDir)
  } catch {
    diagnostics.push(diagnostic(rel(sourcesDir), fileStart, undefined, 'file-missing', `no sources folder at ${sourcesDir}`))
  }

  // 2. Each source: run through the flow, its names and ids indexed, then handed on while nothing is wrong.
  const index = new CorpusIndex()
  for (const name of overlays) {
    const run = runSource(join(sourcesDir, name), { organizations, findCandidates }, root)
    diagnostics.push(...run.diagnostics)
    coverage.push({ file: rel(join(sourcesDir, name)), recognizers: run.coverage })
    const { source, verbatim, records, places } = run
    if (verbatim && run.file && run.textPlace) {
      const taken = index.claimVerbatimName(verbatim.name, run.file, run.textPlace)
      if (taken) diagnostics.push(taken)
    }
    if (!source || !verbatim || !records || !places) continue
    index.addRecords(
      { sources: [source], ...records },
      recordReporter(diagnostics.list, places, (id) => (id === source.id ? verbatim.file : undefined))
    )
    // Once anything is wrong the output is void: later sources are still checked, not passed on.
    if (!diagnostics.anyError()) sink.addSource(source, records, verbatim)
  }

  // 3. What spans sources: the checks of the records, and every reference between records.
  const checksFile = layoutPath(sourcesDir, 'checks')
  const checks = readChecks(checksFile, rel(checksFile))
  diagnostics.push(...checks.diagnostics)
  if (overlays.length === 0 && diagnostics.list.length === 0)
    diagnostics.push(diagnostic(rel(sourcesDir), fileStart, undefined, 'file-missing', 'no overlay (*.md) in the sources folder'))
  if (!diagnostics.anyError())
    index.finish(
      checks.checks,
      recordReporter(diagnostics.list, checks.places, () => undefined, rel(checksFile))
    )
  return { ok: !diagnostics.anyError(), diagnostics: sortDiagnostics(diagnostics.list), coverage, checks: checks.checks }
}

/**
 * The diagnostics of a run, and whether any is an error, asked from where it was last asked:
 * scanning every diagnostic again for each source would grow with the square of the corpus.
 */
class DiagnosticList {
  readonly list: Diagnostic[] = []
  #errorFound = false
  #scanned = 0

  push(...found: Diagnostic[]): void {
    for (const d of found) this.list.push(d)
  }

  anyError(): boolean {
    for (; this.#scanned < this.list.length; this.#scanned++) if (this.list[this.#scanned]!.severity === 'error') this.#errorFound = true
    return this.#errorFound
  }
}
