/**
 * Characters a text the curators write (an attribute value) must not hold, and the one rule
 * that says so: every string well-formed Unicode in NFC, no control character (line breaks
 * and tabs only in prose), no bidirectional control (a right-to-left override makes text read
 * otherwise than it is) and no zero-width character (which makes two equal-looking values
 * differ). Normalized values made from the verbatim text drop them instead (clean-text.ts).
 */

/** C0 and C1 controls and DEL. */
export const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/
/** Bidirectional marks, embeddings, overrides and isolates. */
export const bidiControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
/** Zero-width characters and the byte-order mark (also a zero-width no-break space). */
export const zeroWidth = /[\u200B-\u200D\u2060\uFEFF]/
/** A surrogate that is not half of a pair: the string is not well-formed Unicode. */
export const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** `U+202E`, the name of a code point as the messages give it. */
export const codePointName = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * What is wrong with `value` as text a curator writes, in words, or undefined. `prose` allows
 * line breaks and tabs (a note, a reason).
 */
export function textProblem(value: string, prose = false): string | undefined {
  // Printable ASCII, the usual case, is all of these at once.
  if (/^[\x20-\x7E]*$/.test(value)) return undefined
  const lone = loneSurrogate.exec(value)
  if (lone) return `holds a lone surrogate ${codePointName(lone[0])}: it is not well-formed Unicode`
  const control = (prose ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/ : controlCharacter).exec(value)
  if (control) return `holds the control character ${codePointName(control[0])}`
  const bidi = bidiControl.exec(value)
  if (bidi) return `holds the bidirectional control ${codePointName(bidi[0])}, which makes the text read otherwise than it is`
  const invisible = zeroWidth.exec(value)
  if (invisible) return `holds the invisible character ${codePointName(invisible[0])}`
  if (value.normalize('NFC') !== value) return 'is not in Unicode normalization form C: write each accented letter as one character (NFC)'
  return undefined
}
