/**
 * Makes a normalized value from verbatim words: Unicode NFC, homoglyphs folded to Latin,
 * control characters, bidirectional controls and zero-width characters dropped (the words as
 * written keep them), every whitespace run (no-break spaces included) one space, no space at
 * either end.
 */
import { foldHomoglyphs } from './homoglyphs.js'

/** What a normalized value never holds: controls other than whitespace, bidirectional controls, zero-width characters. */
const invisible = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g

/** The clean form of verbatim text. */
export function cleanText(text: string): string {
  return foldHomoglyphs(text.normalize('NFC').replace(invisible, '')).replace(/\s+/gu, ' ').trim()
}
