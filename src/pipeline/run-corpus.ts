/**
 * Every source of a build through the flow, as numbered steps: the shared inputs first, then
 * each overlay one at a time (run, indexed, handed to the sink while nothing is wrong), then
 * what spans sources. Memory holds one source's records and texts at a time, plus the index.
 */
import { join, relative } from 'node:path'
import type { sides } from '../schema/vocabularies.js'
import { diagnostic, fileStart, sortDiagnostics, type Diagnostic, type Place } from './diagnostics/index.js'
import type { DatasetSink } from './emit/index.js'
import {
  ActInputSchema,
  CitationInputSchema,
  layoutPath,
  listOverlays,
  listCheckFiles,
  listRecordFiles,
  readChecks,
  readOrganizations,
  readSeries,
  readYamlList,
  type ActInput,
  type Series,
  type YamlItems
} from './parse/index.js'
import { candidateFinder } from './recognize/candidates.js'
import { placeNames } from './recognize/jurisdictions.js'
import { runSource } from './run-source.js'
import type { CodePointText } from './text/code-point-text.js'
import {
  buildRecordLayer,
  CorpusIndex,
  recordReporter,
  summarizeReport,
  type RecognizerCoverage,
  type RecordLayer,
  type ReportSummary
} from './validate/index.js'

/** Coverage of one source's candidates. */
export interface SourceCoverage {
  file: string
  recognizers: RecognizerCoverage[]
}

/** What running every source finds; the record layer and the series are valid only when `ok`. */
export interface CorpusRun {
  ok: boolean
  diagnostics: Diagnostic[]
  coverage: SourceCoverage[]
  layer: Omit<RecordLayer, 'diagnostics' | 'places'>
  series: Series[]
}

/** Runs the sources under `sourcesDir` into `sink`; diagnostics name files relative to `root`. */
export function runCorpus({ root, sourcesDir }: { root: string; sourcesDir: string }, sink: DatasetSink): CorpusRun {
  const diagnostics = new DiagnosticList()
  const coverage: SourceCoverage[] = []
  const rel = (path: string) => relative(root, path) || '.'

  // 1. The inputs every source shares: the registry of organizations (and the candidate finder
  //    made from it), the curated record (citations, acts, series) and the checks.
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
  const citationsFile = layoutPath(sourcesDir, 'citations')
  const citations = readYamlList(citationsFile, rel(citationsFile), CitationInputSchema, 'record-yaml', 'citation')
  const acts = mergeLists(listRecordFiles(sourcesDir).map((file) => readYamlList(file, rel(file), ActInputSchema, 'record-yaml', 'act')))
  const seriesFile = layoutPath(sourcesDir, 'series')
  const series = readSeries(seriesFile, rel(seriesFile))
  const checks = mergeLists(listCheckFiles(sourcesDir).map((file) => readChecks(file, rel(file))))
  diagnostics.push(...citations.diagnostics, ...acts.diagnostics, ...series.diagnostics, ...checks.diagnostics)
  // Only the texts that acts anchor spans in are kept once their source has run.
  const anchoredSources = new Set(acts.items.flatMap((a) => a.evidence.flatMap((e) => (e.anchor ? [e.anchor.sourceId] : []))))

  // 2. Each source: run through the flow, its names and ids indexed, its reports summarized
  //    for the record layer, then handed on while nothing is wrong.
  const index = new CorpusIndex()
  const reports = new Map<string, ReportSummary>()
  const sourceSides = new Map<string, keyof typeof sides>()
  const texts = new Map<string, CodePointText>()
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
    sourceSides.set(source.id, source.side)
    if (anchoredSources.has(source.id)) texts.set(source.id, verbatim.text)
    for (const report of records.reports)
      reports.set(report.id, summarizeReport(report, places.get(report) ?? { file: run.file ?? name, start: fileStart, end: fileStart }))
    // Once anything is wrong the output is void: later sources are still checked, not passed on.
    if (!diagnostics.anyError()) sink.addSource(source, records, verbatim)
  }

  // 3. What spans sources: the record layer (citations, acts, checks, every report against its
  //    act), then every id and reference across the whole dataset.
  if (overlays.length === 0 && diagnostics.list.length === 0)
    diagnostics.push(diagnostic(rel(sourcesDir), fileStart, undefined, 'file-missing', 'no overlay (*.md) in the sources folder'))
  const empty = { citations: [], acts: [], checks: [] }
  if (diagnostics.anyError()) return { ok: false, diagnostics: sortDiagnostics(diagnostics.list), coverage, layer: empty, series: [] }
  const layer = buildRecordLayer({ citations, acts, checks, series, reports, sourceSides, texts, organizations })
  diagnostics.push(...layer.diagnostics)
  const reporter = recordReporter(diagnostics.list, layer.places, () => undefined, rel(layoutPath(sourcesDir, 'record')))
  index.addRecords({ citations: layer.citations, acts: layer.acts }, reporter)
  index.finish(layer.checks, reporter)
  const ok = !diagnostics.anyError()
  return { ok, diagnostics: sortDiagnostics(diagnostics.list), coverage, layer: ok ? layer : empty, series: ok ? series.items : [] }
}

/** The items of several files (the record's, the checks'), as one list with every item's place. */
function mergeLists<T extends object>(files: ReadonlyArray<YamlItems<T>>): YamlItems<T> {
  const merged: YamlItems<T> = { items: [], places: new WeakMap<object, Place>(), diagnostics: [] }
  for (const file of files) {
    for (const item of file.items) {
      merged.items.push(item)
      const place = file.places.get(item)
      if (place) merged.places.set(item, place)
    }
    for (const d of file.diagnostics) merged.diagnostics.push(d)
  }
  return merged
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
