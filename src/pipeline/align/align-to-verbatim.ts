/**
 * Aligns the overlay's plain text with the verbatim text. The two must be equal character
 * for character, except that a run of whitespace on one side may stand for any run of
 * whitespace on the other. The result maps every overlay character to its code-point
 * offset in the verbatim text; the first difference is an error with a place.
 */
import type { FlatOverlay } from './flatten-overlay.js'
import type { CodePointText } from '../text/code-point-text.js'

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

/** Whether a code point is whitespace (`\s`): ASCII answered directly, anything else by the regular expression. */
const isSpaceCode = (code: number): boolean => (code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : isSpace(String.fromCodePoint(code)))

/**
 * A cursor over the code points of a text: `index` counts code points, `unit` UTF-16 units,
 * `code` is the code point under the cursor (-1 past the end).
 */
class Cursor {
  index = 0
  unit = 0
  code: number

  constructor(
    readonly text: string,
    readonly length: number
  ) {
    this.code = length > 0 ? text.codePointAt(0)! : -1
  }

  next(): void {
    this.unit += this.code > 0xffff ? 2 : 1
    this.index++
    this.code = this.index < this.length ? this.text.codePointAt(this.unit)! : -1
  }

  skipSpaces(): void {
    while (this.index < this.length && isSpaceCode(this.code)) this.next()
  }
}

/** Aligns `overlay` with `verbatim`. */
export function alignToVerbatim(overlay: FlatOverlay, verbatim: CodePointText): Alignment {
  const o = new Cursor(overlay.text, overlay.length)
  const v = new Cursor(verbatim.text, verbatim.length)
  const verbatimOffsets = new Int32Array(overlay.length).fill(-1)
  o.skipSpaces()
  v.skipSpaces()
  while (o.index < o.length && v.index < v.length) {
    const overlaySpace = isSpaceCode(o.code)
    const verbatimSpace = isSpaceCode(v.code)
    if (overlaySpace && verbatimSpace) {
      o.skipSpaces()
      v.skipSpaces()
    } else if (!overlaySpace && !verbatimSpace && o.code === v.code) {
      verbatimOffsets[o.index] = v.index
      o.next()
      v.next()
    } else {
      return { ok: false, failure: describeDifference(overlay.chars, o.index, verbatim.chars, v.index) }
    }
  }
  o.skipSpaces()
  v.skipSpaces()
  if (v.index < v.length)
    return {
      ok: false,
      failure: {
        ruleId: 'align-dropped',
        overlayIndex: o.index,
        verbatimOffset: v.index,
        message: `the overlay ends here but the verbatim text goes on: "${excerpt(verbatim.chars, v.index)}"`
      }
    }
  if (o.index < o.length)
    return {
      ok: false,
      failure: {
        ruleId: 'align-added',
        overlayIndex: o.index,
        verbatimOffset: v.index,
        message: `the verbatim text ends but the overlay goes on: "${excerpt(overlay.chars, o.index)}"`
      }
    }
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

/** Text from the start of the word that holds `from`, so a message shows whole words. */
function excerpt(chars: string[], from: number): string {
  let start = from
  while (start > 0 && from - start < 30 && !isSpace(chars[start - 1])) start--
  return collapsed(chars, start, 40 + from - start).trim()
}

/** Says whether text was dropped, added or changed at the first difference, and what. */
function describeDifference(o: string[], i: number, v: string[], j: number): AlignmentFailure {
  const probe = 24
  const lookahead = 20000
  const overlayNext = collapsed(o, i, probe).trim()
  const verbatimNext = collapsed(v, j, probe).trim()
  const verbatimAhead = collapsed(v, j, lookahead)
  const overlayAhead = collapsed(o, i, lookahead)
  const dropped = overlayNext.length > 0 ? verbatimAhead.indexOf(overlayNext) : -1
  const added = verbatimNext.length > 0 ? overlayAhead.indexOf(verbatimNext) : -1
  if (dropped > 0 && (added <= 0 || dropped <= added)) {
    return {
      ruleId: 'align-dropped',
      overlayIndex: i,
      verbatimOffset: j,
      message: `the overlay lacks "${clip(verbatimAhead.slice(0, dropped))}" here (the verbatim text reads "${excerpt(v, j)}")`
    }
  }
  if (added > 0) {
    return {
      ruleId: 'align-added',
      overlayIndex: i,
      verbatimOffset: j,
      message: `the overlay adds "${clip(overlayAhead.slice(0, added))}", which the verbatim text does not have (it reads "${excerpt(v, j)}")`
    }
  }
  return {
    ruleId: 'align-differs',
    overlayIndex: i,
    verbatimOffset: j,
    message: `the overlay reads "${excerpt(o, i)}" where the verbatim text reads "${excerpt(v, j)}"`
  }
}

function clip(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > 80 ? `${trimmed.slice(0, 38)} … ${trimmed.slice(-38)}` : trimmed
}
