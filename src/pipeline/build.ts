/**
 * The pipeline's two commands. `check` runs every source through parse, align, extract,
 * recognize and validate and reports; `build` does the same and, when nothing is wrong,
 * emits dist-data/ and schemas/ atomically. On any error nothing is written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Dataset } from './dataset.js'
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js'
import { renderDataset } from './emit/render.js'
import { recoverOutput, StagedOutputs, writeFilesBeside, type FaultInjection } from './emit/write-output.js'
import type { RecognizerCoverage } from './coverage.js'
import { readChecks } from './parse/read-checks.js'
import { candidateFinder } from './recognize/candidates.js'
import { placeNames } from './recognize/jurisdictions.js'
import { organizationsPath, processSource } from './process-source.js'
import { readOrganizations, type Organization } from './recognize/organizations.js'
import type { RecordPlace } from './extract/records.js'
import type { CodePointText } from './text-positions.js'
import { validateDataset } from './validate/validate-dataset.js'

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

/** Coverage of one source's candidates. */
export interface SourceCoverage {
  file: string
  recognizers: RecognizerCoverage[]
}

/** What `check` finds. */
export interface CheckResult {
  ok: boolean
  diagnostics: Diagnostic[]
  coverage: SourceCoverage[]
  dataset?: Dataset
  /** The verbatim texts' bytes by file name, copied into dist-data/ by `build`. */
  verbatims?: ReadonlyMap<string, Buffer>
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

/** Checks every source and renders the output in memory; writes nothing. */
export function check(options: PipelineOptions = {}): CheckResult {
  const { root, sourcesDir } = paths(options)
  const diagnostics: Diagnostic[] = []
  let organizations: Organization[] = []
  const registry = organizationsPath(sourcesDir)
  try {
    organizations = readOrganizations(registry)
  } catch (error) {
    diagnostics.push(diagnostic(relative(root, registry), fileStart, undefined, 'registry-invalid', (error as Error).message.split('\n')[0]!.replaceAll(registry, relative(root, registry))))
  }
  let overlays: string[] = []
  try {
    overlays = readdirSync(sourcesDir).filter((name) => name.endsWith('.md')).sort()
  } catch {
    diagnostics.push(diagnostic(relative(root, sourcesDir) || '.', fileStart, undefined, 'file-missing', `no sources folder at ${sourcesDir}`))
  }
  const dataset: Dataset = { version: packageVersion(), sources: [], instruments: [], acts: [], figures: [], corrections: [], checks: [] }
  const verbatimTexts = new Map<string, { file: string; text: CodePointText }>()
  const verbatimBytes = new Map<string, Buffer>()
  const coverage: SourceCoverage[] = []
  const context = { organizations, findCandidates: candidateFinder([...placeNames(), ...organizations.flatMap((o) => o.aliases)]) }
  const places = new WeakMap<object, RecordPlace>()
  for (const name of overlays) {
    const processed = processSource(join(sourcesDir, name), context, root)
    diagnostics.push(...processed.diagnostics)
    coverage.push({ file: relative(root, join(sourcesDir, name)), recognizers: processed.coverage })
    if (processed.source && processed.verbatim) {
      dataset.sources.push(processed.source)
      verbatimTexts.set(processed.source.id, { file: relative(root, join(sourcesDir, processed.verbatim.name)), text: processed.verbatim.text })
      verbatimBytes.set(processed.verbatim.name, processed.verbatim.bytes)
    }
    if (processed.records) {
      for (const record of [...processed.records.instruments, ...processed.records.acts, ...processed.records.figures, ...processed.records.corrections]) {
        const place = processed.records.places.get(record)
        if (place) places.set(record, place)
      }
      dataset.instruments.push(...processed.records.instruments)
      dataset.acts.push(...processed.records.acts)
      dataset.figures.push(...processed.records.figures)
      dataset.corrections.push(...processed.records.corrections)
    }
  }
  const checksFile = join(sourcesDir, 'checks.yaml')
  const checks = readChecks(checksFile, relative(root, checksFile))
  diagnostics.push(...checks.diagnostics)
  for (const check of checks.checks) places.set(check, checks.places.get(check)!)
  dataset.checks.push(...checks.checks)
  if (overlays.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic(relative(root, sourcesDir) || '.', fileStart, undefined, 'file-missing', 'no overlay (*.md) in the sources folder'))
  }
  if (!hasErrors(diagnostics)) diagnostics.push(...validateDataset(dataset, verbatimTexts, places))
  const ok = !hasErrors(diagnostics)
  return { ok, diagnostics: sortDiagnostics(diagnostics), coverage, ...(ok ? { dataset, verbatims: verbatimBytes } : {}) }
}

/** Checks, then writes dist-data/ and schemas/ (and the generated docs) when there is no error. */
export function build(options: PipelineOptions = {}): CheckResult {
  const { dataDir, schemasDir, docsDir } = paths(options)
  // An earlier run that died mid-swap is put right first, whatever this run finds.
  recoverOutput(dataDir)
  recoverOutput(schemasDir)
  const result = check(options)
  if (!result.ok || !result.dataset || !result.verbatims) return result
  const staged = new StagedOutputs({ data: dataDir, schemas: schemasDir }, options.fault)
  const docs = new Map<string, Buffer>()
  try {
    for (const file of renderDataset(result.dataset, result.verbatims)) {
      if (file.folder === 'docs') docs.set(file.name, file.content)
      else staged.write(file.folder, file.name, file.content)
    }
  } catch (error) {
    staged.abort()
    throw error
  }
  staged.commit()
  writeFilesBeside(docsDir, docs)
  return result
}
