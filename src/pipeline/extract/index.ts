/**
 * The extract stage of one source: the overlay's directives anchored in the verbatim text
 * (structural rules checked on the way), then records assembled from them, the recognizers
 * reading each value from the words its span marks.
 */
import type { Source } from '../../schema/index.js'
import type { AlignedSource } from '../align/index.js'
import { diagnostic, type Diagnostic } from '../diagnostics/index.js'
import { treeOf, type ParsedSource } from '../parse/index.js'
import type { Organization } from '../parse/registry.js'
import { describeLetter, findMixedScriptWords } from '../recognize/homoglyphs.js'
import { collectAnnotations, type Annotation, type SectionHeading } from './annotations.js'
import { extractRecords, type ExtractedRecords } from './records.js'
import { sourceRecordOf } from './source-record.js'

export type { Annotation, SectionHeading } from './annotations.js'
export { directiveEntries, directiveSpecs, recordDirectives, type DirectiveSpec } from './directives.js'
export type { ExtractedRecords, OverlayRecords } from './records.js'

/** The annotations of one source, and what their walk found. */
export interface AnnotatedSource {
  annotations: Annotation[]
  headings: SectionHeading[]
  diagnostics: Diagnostic[]
}

/**
 * Collects the annotations of `parsed` (aligned as `aligned`), then lets its syntax tree go:
 * the tree is the largest object of a source, and releasing it before the records are made
 * keeps young-generation collections from copying it (see BENCHMARKS.md).
 */
export function annotateSource(parsed: ParsedSource, aligned: AlignedSource): AnnotatedSource {
  const tree = treeOf(parsed)
  parsed.tree = undefined
  return collectAnnotations(tree, parsed.overlay, parsed.file, aligned.flat, aligned.verbatimOffsets)
}

/** What extraction of one source yields. */
export interface ExtractedSource {
  source: Source
  annotations: Annotation[]
  records: ExtractedRecords
  diagnostics: Diagnostic[]
}

/** Extracts the records of `parsed` from its annotations. */
export function extractSource(parsed: ParsedSource, annotated: AnnotatedSource, organizations: readonly Organization[]): ExtractedSource {
  const { file, verbatim } = parsed
  const mixedScriptWords = findMixedScriptWords(verbatim.text.text)
  const records = extractRecords(annotated.annotations, {
    sourceId: parsed.frontmatter.id,
    file,
    verbatim: verbatim.text,
    headings: annotated.headings,
    organizations,
    mixedScriptWords
  })
  const diagnostics = [...records.diagnostics]
  for (const word of mixedScriptWords) {
    if (word.normalized !== undefined) continue
    const start = verbatim.text.pointAt(verbatim.text.codePointOffset(word.start))
    const end = verbatim.text.pointAt(verbatim.text.codePointOffset(word.end))
    const letters = word.foreignLetters.map(describeLetter).join(', ')
    diagnostics.push(
      diagnostic(
        verbatim.file,
        start,
        end,
        'homoglyph-unmapped',
        `"${word.asWritten}" mixes scripts, but ${letters} has no Latin look-alike: no correction is made; check the word by hand`
      )
    )
  }
  return { source: sourceRecordOf(parsed), annotations: annotated.annotations, records, diagnostics }
}
