/**
 * Corrections for the mixed-script words of a verbatim text (`Кhojaly`), found by Unicode
 * script without any markup: one `corrections` record per word, with a stable ASCII id.
 */
import type { Correction, Provenance } from '../../schema/index.js'
import { describeLetter, type MixedScriptWord } from '../recognize/homoglyphs.js'
import type { CodePointText } from '../text/code-point-text.js'

/** One correction per mixed-script word whose foreign letters all have a Latin look-alike. */
export function homoglyphCorrections(
  sourceId: string,
  words: readonly MixedScriptWord[],
  verbatim: CodePointText,
  provenance: (start: number, end: number) => Provenance
): Correction[] {
  const seen = new Map<string, number>()
  const corrections: Correction[] = []
  for (const word of words) {
    if (word.normalized === undefined) continue
    // Ids are ASCII: letters with marks lose them, other letters become hyphens ("Xocalı" → "xocal").
    const key =
      word.normalized
        .normalize('NFD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'word'
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    corrections.push({
      id: `${sourceId}-homoglyph-${key}-${n}`,
      asWritten: word.asWritten,
      normalized: word.normalized,
      kind: 'homoglyph',
      confidence: 'certain',
      reason: `${word.foreignLetters.map(describeLetter).join(', ')} inside the Latin word "${word.normalized}"`,
      provenance: [provenance(verbatim.codePointOffset(word.start), verbatim.codePointOffset(word.end))]
    })
  }
  return corrections
}
