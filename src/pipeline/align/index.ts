/**
 * The align stage of one source: the overlay flattened to the plain text it stands for,
 * then aligned with the verbatim text character for character (whitespace runs aside). The
 * first difference is an error placed in the overlay, with its place in the verbatim text.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js'
import { treeOf, type ParsedSource } from '../parse/index.js'
import { alignToVerbatim } from './align-to-verbatim.js'
import { flattenOverlay, type FlatOverlay } from './flatten-overlay.js'

export { escapeOverlayText } from './escape-overlay-text.js'
export type { FlatOverlay } from './flatten-overlay.js'

/** An overlay aligned with its verbatim text. */
export interface AlignedSource {
  ok: true
  flat: FlatOverlay
  /** The verbatim code-point offset of each character of `flat` (-1 for whitespace). */
  verbatimOffsets: Int32Array
  /** Verbatim spans of list markers ("1."): structure of the text, which no recognizer counts as data. */
  listMarkers: Array<[number, number]>
}

/** Why the overlay and its verbatim text do not align. */
export interface AlignFailure {
  ok: false
  diagnostics: Diagnostic[]
}

/** Aligns the parsed overlay of `source` with its verbatim text. */
export function alignSource(source: ParsedSource): AlignedSource | AlignFailure {
  const { file, overlay, verbatim } = source
  const flat = flattenOverlay(treeOf(source), overlay.text)
  const alignment = alignToVerbatim(flat, verbatim.text)
  if (!alignment.ok) {
    const { failure } = alignment
    // Characters that stand for no overlay text (block separators, -1) are skipped back to the last real one.
    let offset = -1
    for (let i = Math.min(failure.overlayIndex, flat.overlayOffsets.length - 1); i >= 0 && offset < 0; i--) offset = flat.overlayOffsets[i]!
    const at = overlay.pointAtUtf16(Math.max(offset, 0))
    const inVerbatim = verbatim.text.pointAt(failure.verbatimOffset)
    const message = `${failure.message} (verbatim ${verbatim.file}:${inVerbatim.line}:${inVerbatim.column})`
    return { ok: false, diagnostics: [diagnostic(file, at, undefined, failure.ruleId, message)] }
  }
  const { verbatimOffsets } = alignment
  const listMarkers = flat.listMarkers.map(([first, end]): [number, number] => [verbatimOffsets[first]!, verbatimOffsets[end - 1]! + 1])
  return { ok: true, flat, verbatimOffsets, listMarkers }
}
