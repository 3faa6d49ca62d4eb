/** Characterization terms: the words by which an act may be reported to name the events. */
import type { characterizations } from '../../schema/vocabularies.js'
import { cleanText } from './clean-text.js'

/** A characterization term of the vocabulary. */
export type Term = keyof typeof characterizations

/** Each characterization with the pattern of the words that name it. */
const termPatterns: ReadonlyArray<[Term, RegExp]> = [
  ['genocide', /genocides?/],
  ['massacre', /massacres?/],
  ['tragedy', /trag(?:edy|edies)/],
  ['grave-crime', /grave crimes?/],
  ['crime-against-humanity', /crimes? (?:committed )?against humanity/]
]

/** A pattern finding any characterization term in running text, for `check`. */
export const anyTermPattern = new RegExp(`\\b(?:${termPatterns.map(([, p]) => p.source).join('|')})\\b`, 'gi')

/** The characterization that a term span's words name, if they name one ("a crime against humanity" too). */
export function termOf(words: string): Term | undefined {
  const w = cleanText(words)
    .toLowerCase()
    .replace(/^(?:an?|the) /, '')
  return termPatterns.find(([, pattern]) => new RegExp(`^${pattern.source}$`).test(w))?.[0]
}
