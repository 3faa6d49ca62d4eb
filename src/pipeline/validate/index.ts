/**
 * The validate stage. For one source, while its verbatim text is at hand: every candidate of
 * the recognizers covered by an annotation, and every record against its schema and the
 * text. Across sources: the corpus index (ids, references, names).
 */
import { CappedDiagnostics, diagnostic, echo, type Diagnostic } from '../diagnostics/index.js'
import type { Annotation, ExtractedSource } from '../extract/index.js'
import type { ParsedSource } from '../parse/index.js'
import type { CandidateFinder } from '../recognize/candidates.js'
import { measureCoverage, type RecognizerCoverage } from './coverage.js'
import { validateSourceRecords } from './validate-records.js'

export { CorpusIndex } from './corpus-index.js'
export { buildRecordLayer, comparedFields, reportDifferences, summarizeReport, type RecordLayer, type ReportSummary } from './record-layer.js'
export type { RecognizerCoverage } from './coverage.js'
export { recordReporter, validateSourceRecords, type AnyRecord, type RecordReport } from './validate-records.js'

/** The coverage of one source's candidates, and a warning for each one left uncovered (the first 100, and a line counting the rest). */
export function checkCoverage(
  parsed: ParsedSource,
  annotations: readonly Annotation[],
  listMarkers: ReadonlyArray<[number, number]>,
  findCandidates: CandidateFinder
): { coverage: RecognizerCoverage[]; diagnostics: Diagnostic[] } {
  const { file, verbatim } = parsed
  const coverage = measureCoverage(findCandidates(verbatim.text), annotations, listMarkers)
  // In the order of the report (by place), so that the 100 listed are the first 100.
  const uncovered = coverage.flatMap(({ uncovered }) => uncovered).sort((a, b) => a.start - b.start || (a.recognizer < b.recognizer ? -1 : 1))
  const found = new CappedDiagnostics()
  for (const candidate of uncovered) {
    found.add(verbatim.file, 'candidate-uncovered', () =>
      diagnostic(
        verbatim.file,
        verbatim.text.pointAt(candidate.start),
        verbatim.text.pointAt(candidate.end),
        'candidate-uncovered',
        `${candidate.recognizer} candidate "${echo(candidate.text)}" is not annotated; mark it in ${file} with a span or :nodata`
      )
    )
  }
  const diagnostics = found.done()
  return { coverage, diagnostics }
}

/** The records `extracted` from `parsed`, against their schemas and its verbatim text. */
export function validateExtracted(parsed: ParsedSource, extracted: ExtractedSource): Diagnostic[] {
  const { places, diagnostics: _, ...records } = extracted.records
  return validateSourceRecords(
    { sources: [extracted.source], ...records },
    { sourceId: extracted.source.id, file: parsed.verbatim.file, text: parsed.verbatim.text },
    places
  )
}
