/**
 * Positions in text counted in Unicode code points, the unit of every offset, line and
 * column this project publishes. JavaScript strings and mdast count UTF-16 code units;
 * everything crosses over here.
 */
import type { Point } from './diagnostics.js'

/** A text split into code points, with the start offset of each line. */
export class CodePointText {
  /** The code points, as strings of one or two UTF-16 units. */
  readonly chars: string[]
  /** Code-point offset of the first character of each line (lines end at LF). */
  readonly lineStarts: number[]
  /** Code-point offset of each UTF-16 offset, built on demand. */
  #utf16ToCodePoint: Int32Array | undefined

  constructor(readonly text: string) {
    this.chars = Array.from(text)
    this.lineStarts = [0]
    for (let i = 0; i < this.chars.length; i++) if (this.chars[i] === '\n') this.lineStarts.push(i + 1)
  }

  /** Number of code points. */
  get length(): number {
    return this.chars.length
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.chars.slice(start, end).join('')
  }

  /** 1-based line and code-point column of a code-point offset. */
  pointAt(offset: number): Point {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 }
  }

  /** Code-point offset of a UTF-16 offset (as mdast positions give). */
  codePointOffset(utf16Offset: number): number {
    if (!this.#utf16ToCodePoint) {
      const table = new Int32Array(this.text.length + 1)
      let cp = 0
      for (let i = 0; i < this.text.length; i++) {
        table[i] = cp
        const unit = this.text.charCodeAt(i)
        // A high surrogate and the low one after it are one code point.
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < this.text.length) {
          const next = this.text.charCodeAt(i + 1)
          if (next >= 0xdc00 && next <= 0xdfff) {
            table[++i] = cp
          }
        }
        cp++
      }
      table[this.text.length] = cp
      this.#utf16ToCodePoint = table
    }
    return this.#utf16ToCodePoint[Math.max(0, Math.min(utf16Offset, this.text.length))]!
  }

  /** Point (code-point column) of a UTF-16 offset. */
  pointAtUtf16(utf16Offset: number): Point {
    return this.pointAt(this.codePointOffset(utf16Offset))
  }
}
