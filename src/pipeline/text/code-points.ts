/**
 * Code points inside JavaScript strings, which count UTF-16 units: a code point above U+FFFF
 * is a surrogate pair, two units that must always be taken together.
 */

/** A surrogate pair: the only place where a code point takes two UTF-16 units. */
export const surrogatePair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/

/** Whether a UTF-16 unit opens a surrogate pair. */
export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}

/** Whether a UTF-16 unit closes a surrogate pair. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}

/** The code point that starts at UTF-16 offset `offset` (a surrogate pair taken whole); undefined at the end. */
export function codePointAt(text: string, offset: number): string | undefined {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : undefined
}

/** The code point that ends at UTF-16 offset `offset` (a surrogate pair taken whole). */
export function codePointBefore(text: string, offset: number): string {
  const pair = isLowSurrogate(text.charCodeAt(offset - 1)) && isHighSurrogate(text.charCodeAt(offset - 2))
  return text.slice(pair ? offset - 2 : offset - 1, offset)
}
