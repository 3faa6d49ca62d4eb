/**
 * Aligns the overlay's plain text with the verbatim text. The two must be equal character
 * for character, except that a run of whitespace on one side may stand for any run of
 * whitespace on the other. The result maps every overlay character to its code-point
 * offset in the verbatim text; the first difference is an error with a place.
 */
import type { FlatOverlay } from './flatten-overlay.js'
import type { CodePointText } from '../text-positions.js'

/** Where the two texts stop agreeing. */
export interface AlignmentFailure {
  ruleId: 'align-differs' | 'align-dropped' | 'align-added'
  /** Index into the overlay's characters (may equal their length: at the end). */
  overlayIndex: number
  /** Code-point offset into the verbatim text. */
  verbatimOffset: number
  message: string
}

/** The verbatim offset of each overlay character (-1 for whitespace), or the failure. */
export type Alignment = { ok: true; verbatimOffsets: Int32Array } | { ok: false; failure: AlignmentFailure }

const isSpace = (char: string | undefined): boolean => char !== undefined && /^\s$/u.test(char)

/** Aligns `overlay` with `verbatim`. */
export function alignToVerbatim(overlay: FlatOverlay, verbatim: CodePointText): Alignment {
  const o = overlay.chars
  const v = verbatim.chars
  const verbatimOffsets = new Int32Array(o.length).fill(-1)
  let i = 0
  let j = 0
  while (i < o.length && isSpace(o[i])) i++
  while (j < v.length && isSpace(v[j])) j++
  while (i < o.length && j < v.length) {
    const overlaySpace = isSpace(o[i])
    const verbatimSpace = isSpace(v[j])
    if (overlaySpace && verbatimSpace) {
      while (i < o.length && isSpace(o[i])) i++
      while (j < v.length && isSpace(v[j])) j++
    } else if (!overlaySpace && !verbatimSpace && o[i] === v[j]) {
      verbatimOffsets[i] = j
      i++
      j++
    } else {
      return { ok: false, failure: describeDifference(o, i, v, j) }
    }
  }
  while (i < o.length && isSpace(o[i])) i++
  while (j < v.length && isSpace(v[j])) j++
  if (j < v.length) return { ok: false, failure: { ruleId: 'align-dropped', overlayIndex: i, verbatimOffset: j, message: `the overlay ends here but the verbatim text goes on: "${excerpt(v, j)}"` } }
  if (i < o.length) return { ok: false, failure: { ruleId: 'align-added', overlayIndex: i, verbatimOffset: j, message: `the verbatim text ends but the overlay goes on: "${excerpt(o, i)}"` } }
  return { ok: true, verbatimOffsets }
}

/** Whitespace-collapsed text of `chars` from `from`, at most `length` characters. */
function collapsed(chars: string[], from: number, length: number): string {
  return chars
    .slice(from, from + length * 2)
    .join('')
    .replace(/\s+/gu, ' ')
    .slice(0, length)
}

function excerpt(chars: string[], from: number): string {
  return collapsed(chars, from, 40).trim()
}

/** Says whether text was dropped, added or changed at the first difference. */
function describeDifference(o: string[], i: number, v: string[], j: number): AlignmentFailure {
  const probe = 24
  const overlayNext = collapsed(o, i, probe).trim()
  const verbatimNext = collapsed(v, j, probe).trim()
  const lookahead = 20000
  if (overlayNext.length > 0 && collapsed(v, j, lookahead).indexOf(overlayNext) > 0) {
    return { ruleId: 'align-dropped', overlayIndex: i, verbatimOffset: j, message: `verbatim text is missing from the overlay here: expected "${excerpt(v, j)}"` }
  }
  if (verbatimNext.length > 0 && collapsed(o, i, lookahead).indexOf(verbatimNext) > 0) {
    return { ruleId: 'align-added', overlayIndex: i, verbatimOffset: j, message: `the overlay has text the verbatim file does not: "${excerpt(o, i)}"` }
  }
  return { ruleId: 'align-differs', overlayIndex: i, verbatimOffset: j, message: `the overlay reads "${excerpt(o, i)}" where the verbatim text reads "${excerpt(v, j)}"` }
}
