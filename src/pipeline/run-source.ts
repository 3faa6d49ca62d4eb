/**
 * One source through the flow, as numbered steps: each step is one call into its stage
 * folder, and a step that fails ends the source with every problem found so far.
 */
import type { Source } from '../schema/index.js'
import { alignSource } from './align/index.js'
import { capDiagnostics, hasErrors, type Diagnostic, type Place, type Point } from './diagnostics/index.js'
import { annotateSource, extractSource, type OverlayRecords } from './extract/index.js'
import { parseSource, type Organization, type VerbatimText } from './parse/index.js'
import type { CandidateFinder } from './recognize/candidates.js'
import { checkCoverage, validateExtracted, type RecognizerCoverage } from './validate/index.js'

/** What every source of a build shares: the registry and the candidate finder made from it. */
export interface SourceContext {
  organizations: readonly Organization[]
  findCandidates: CandidateFinder
}

/** What one source yields: its record, its records (when nothing is wrong), its coverage, and every problem found. */
export interface SourceRun {
  source?: Source
  /** The verbatim text, for the corpus checks and to be copied into dist-data/. */
  verbatim?: VerbatimText
  /** Where the overlay names its verbatim file. */
  textPlace?: Point
  /** The overlay's path, relative to the working directory. */
  file?: string
  records?: OverlayRecords
  /** Where each record's directive stands, for diagnostics of later steps. */
  places?: WeakMap<object, Place>
  coverage: RecognizerCoverage[]
  diagnostics: Diagnostic[]
}

/** Runs the overlay at `overlayPath` through parse, align, extract and validate; diagnostics name files relative to `cwd`. */
export function runSource(overlayPath: string, { organizations, findCandidates }: SourceContext, cwd: string): SourceRun {
  // 1. Parse: the overlay, its frontmatter and its verbatim text, read and verified.
  const parsed = parseSource(overlayPath, cwd)
  if (!parsed.ok) return { coverage: [], diagnostics: capDiagnostics(parsed.diagnostics) }
  const { file, verbatim, textPlace } = parsed

  // 2. Align: the overlay's text, markup removed, equals the verbatim text.
  const aligned = alignSource(parsed)
  if (!aligned.ok) return { file, verbatim, textPlace, coverage: [], diagnostics: capDiagnostics([...parsed.diagnostics, ...aligned.diagnostics]) }

  // 3. Extract: directives anchored in the verbatim text (the syntax tree is released), then
  //    records, the recognizers reading each value from its words.
  const annotated = annotateSource(parsed, aligned)
  const extracted = extractSource(parsed, annotated, organizations)

  // 4. Validate: every candidate covered; then, while nothing is wrong, the records against
  //    their schemas and the verbatim text.
  const covered = checkCoverage(parsed, annotated.annotations, aligned.listMarkers, findCandidates)
  const diagnostics = [...parsed.diagnostics, ...annotated.diagnostics, ...extracted.diagnostics, ...covered.diagnostics]
  // One by one: a spread of a long list into push overflows the call stack.
  if (!hasErrors(diagnostics)) for (const d of validateExtracted(parsed, extracted)) diagnostics.push(d)

  const { places, diagnostics: _, ...records } = extracted.records
  const ok = !hasErrors(diagnostics)
  return {
    source: extracted.source,
    file,
    verbatim,
    textPlace,
    records: ok ? records : undefined,
    places,
    coverage: covered.coverage,
    // At most 100 of a rule in a file, and a line counting the rest: what the corpus holds of a source stays bounded.
    diagnostics: capDiagnostics(diagnostics)
  }
}
