/**
 * Positions in text counted in Unicode code points, the unit of every offset, line and
 * column this project publishes. JavaScript strings and mdast count UTF-16 code units;
 * everything crosses over here.
 */
import { isHighSurrogate, isLowSurrogate, surrogatePair } from './code-points.js'

/** A 1-based place in a text: its line, and its column counted in Unicode code points. */
export interface Point {
  line: number
  column: number
}

/**
 * A text with the start offset of each line, addressed in code points. A text without
 * surrogate pairs (the usual case) has one UTF-16 unit per code point, so offsets in both
 * units agree and no table is built; otherwise two offset tables map between the units.
 */
export class CodePointText {
  /** Code-point offset of the first character of each line (lines end at LF). */
  readonly lineStarts: number[]
  /** Number of code points. */
  readonly length: number
  /** Code-point offset of each UTF-16 offset (and of the end); undefined when they agree. */
  readonly #utf16ToCodePoint: Int32Array | undefined
  /** UTF-16 offset of each code-point offset (and of the end); undefined when they agree. */
  readonly #codePointToUtf16: Int32Array | undefined

  constructor(readonly text: string) {
    if (surrogatePair.test(text)) {
      const toCodePoint = new Int32Array(text.length + 1)
      const toUtf16: number[] = []
      let cp = 0
      for (let i = 0; i < text.length; i++) {
        toCodePoint[i] = cp
        toUtf16.push(i)
        // A high surrogate and the low one after it are one code point.
        if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) toCodePoint[++i] = cp
        cp++
      }
      toCodePoint[text.length] = cp
      toUtf16.push(text.length)
      this.#utf16ToCodePoint = toCodePoint
      this.#codePointToUtf16 = Int32Array.from(toUtf16)
      this.length = cp
    } else {
      this.length = text.length
    }
    this.lineStarts = [0]
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(this.codePointOffset(i) + 1)
  }

  /** The code points, as strings of one or two UTF-16 units (a new array on each call). */
  get chars(): string[] {
    return Array.from(this.text)
  }

  /** The text between two code-point offsets (negative offsets count from the end, as Array#slice). */
  slice(start: number, end: number): string {
    const table = this.#codePointToUtf16
    if (!table) return this.text.slice(start, end)
    const clamp = (offset: number) => (offset < 0 ? Math.max(this.length + offset, 0) : Math.min(offset, this.length))
    return this.text.slice(table[clamp(start)], table[clamp(end)])
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
    const clamped = Math.max(0, Math.min(utf16Offset, this.text.length))
    return this.#utf16ToCodePoint ? this.#utf16ToCodePoint[clamped]! : clamped
  }

  /** Point (code-point column) of a UTF-16 offset. */
  pointAtUtf16(utf16Offset: number): Point {
    return this.pointAt(this.codePointOffset(utf16Offset))
  }
}
