/**
 * Makes a normalized value from verbatim words: Unicode NFC, homoglyphs folded to Latin,
 * every whitespace run (no-break spaces included) one space, no space at either end.
 */
import { foldHomoglyphs } from './homoglyphs.js'

/** The clean form of verbatim text. */
export function cleanText(text: string): string {
  return foldHomoglyphs(text.normalize('NFC')).replace(/\s+/gu, ' ').trim()
}
