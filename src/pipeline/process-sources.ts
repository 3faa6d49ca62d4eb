/**
 * Every source of a build through the flow, one at a time: process it (parse, align,
 * extract, recognize), validate its records against its own verbatim text, index their ids,
 * and hand it to the sink while nothing is wrong. Then read the checks and validate what
 * spans sources. Memory holds one source's records and texts at a time, plus the index.
 */
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Check } from '../schema/index.js'
import type { DatasetSink } from './dataset.js'
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js'
import type { RecognizerCoverage } from './coverage.js'
import { readChecks } from './parse/read-checks.js'
import { organizationsPath, processSource } from './process-source.js'
import { candidateFinder } from './recognize/candidates.js'
import { placeNames } from './recognize/jurisdictions.js'
import { readOrganizations, type Organization } from './recognize/organizations.js'
import { RecordIndex } from './validate/record-index.js'
import { recordReporter, validateSourceRecords } from './validate/validate-records.js'

/** Coverage of one source's candidates. */
export interface SourceCoverage {
  file: string
  recognizers: RecognizerCoverage[]
}

/** What running every source finds; `checks` are valid only when `ok`. */
export interface ProcessedSources {
  ok: boolean
  diagnostics: Diagnostic[]
  coverage: SourceCoverage[]
  checks: Check[]
}

/** Runs the sources under `sourcesDir` into `sink`; diagnostics name files relative to `root`. */
export function processSources({ root, sourcesDir }: { root: string; sourcesDir: string }, sink: DatasetSink): ProcessedSources {
  const diagnostics: Diagnostic[] = []
  let organizations: Organization[] = []
  const registry = organizationsPath(sourcesDir)
  try {
    organizations = readOrganizations(registry)
  } catch (error) {
    diagnostics.push(
      diagnostic(
        relative(root, registry),
        fileStart,
        undefined,
        'registry-invalid',
        (error as Error).message.split('\n')[0]!.replaceAll(registry, relative(root, registry))
      )
    )
  }
  let overlays: string[] = []
  try {
    overlays = readdirSync(sourcesDir)
      .filter((name) => name.endsWith('.md'))
      .sort()
  } catch {
    diagnostics.push(diagnostic(relative(root, sourcesDir) || '.', fileStart, undefined, 'file-missing', `no sources folder at ${sourcesDir}`))
  }
  const coverage: SourceCoverage[] = []
  const context = { organizations, findCandidates: candidateFinder([...placeNames(), ...organizations.flatMap((o) => o.aliases)]) }
  const index = new RecordIndex()
  /** Overlay of each verbatim file name: dist-data/ holds one file per name. */
  const verbatimNames = new Map<string, string>()
  // Whether an error has been found, read on from where it was last asked: scanning every
  // diagnostic again for each source would grow with the square of the corpus.
  let errorFound = false
  let scanned = 0
  const anyError = () => {
    for (; scanned < diagnostics.length; scanned++) if (diagnostics[scanned]!.severity === 'error') errorFound = true
    return errorFound
  }
  for (const name of overlays) {
    const processed = processSource(join(sourcesDir, name), context, root)
    diagnostics.push(...processed.diagnostics)
    const overlayFile = relative(root, join(sourcesDir, name))
    coverage.push({ file: overlayFile, recognizers: processed.coverage })
    const { source, verbatim } = processed
    if (verbatim) {
      const other = verbatimNames.get(verbatim.name)
      if (other)
        diagnostics.push(
          diagnostic(
            overlayFile,
            verbatim.textField,
            undefined,
            'verbatim-name-taken',
            `text: "${verbatim.name}" is already the verbatim file of ${other}; give each source its own file`
          )
        )
      else verbatimNames.set(verbatim.name, overlayFile)
    }
    if (!source || !verbatim || !processed.records) continue
    const { places, ...records } = processed.records
    const verbatimFile = relative(root, join(sourcesDir, verbatim.name))
    const withSource = { sources: [source], ...records }
    diagnostics.push(...validateSourceRecords(withSource, { sourceId: source.id, file: verbatimFile, text: verbatim.text }, places))
    index.addRecords(
      withSource,
      recordReporter(diagnostics, places, (id) => (id === source.id ? verbatimFile : undefined))
    )
    // Once anything is wrong the output is void: later sources are still checked, not passed on.
    if (!anyError()) sink.addSource(source, records, verbatim)
  }
  const checksFile = join(sourcesDir, 'checks.yaml')
  const checks = readChecks(checksFile, relative(root, checksFile))
  diagnostics.push(...checks.diagnostics)
  if (overlays.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic(relative(root, sourcesDir) || '.', fileStart, undefined, 'file-missing', 'no overlay (*.md) in the sources folder'))
  }
  if (!hasErrors(diagnostics))
    index.finish(
      checks.checks,
      recordReporter(diagnostics, checks.places, () => undefined, relative(root, checksFile))
    )
  return { ok: !hasErrors(diagnostics), diagnostics: sortDiagnostics(diagnostics), coverage, checks: checks.checks }
}
