/**
 * Candidates: words in the verbatim text that may carry data (numbers, date words, names of
 * jurisdictions and organizations, characterization terms). `check` reports, for each
 * recognizer, how many it finds and how many an annotation covers, so nothing that may be
 * data goes unexamined.
 */
import type { CodePointText } from '../text/code-point-text.js'
import { cardinals, dateWords, monthNames, ordinals, scales, seasons, vagueAmounts } from './lexicon.js'
import { anyTermPattern } from './terms.js'

/** Name of a recognizer of candidates. */
export type RecognizerName = 'numerals' | 'spelled-numbers' | 'date-phrases' | 'names' | 'characterization-terms'

/** One candidate, in code points of the verbatim text. */
export interface Candidate {
  recognizer: RecognizerName
  start: number
  end: number
  text: string
}

const spelledNumberWords = [...Object.keys(cardinals), ...Object.keys(scales), ...ordinals, ...vagueAmounts]
const seasonNames = Object.entries(seasons)
/** Month names as written (capitalized, so the verb "may" is not one), seasons, and the date words. */
const datePhrase = [
  ...monthNames,
  ...seasonNames.filter(([, s]) => !s.alsoAVerb).map(([name]) => name),
  ...seasonNames.filter(([, s]) => s.alsoAVerb).map(([name]) => `${name}(?=\\s+(?:of\\s+)?\\d{4})`),
  ...dateWords
]

/** The regular expressions of the recognizers that need no data. */
const fixedRecognizers: ReadonlyArray<[RecognizerName, RegExp]> = [
  ['numerals', /\d+/g],
  ['spelled-numbers', new RegExp(`\\b(?:${spelledNumberWords.join('|')})\\b`, 'gi')],
  ['date-phrases', new RegExp(`\\b(?:${datePhrase.join('|')})\\b`, 'g')],
  ['characterization-terms', anyTermPattern]
]

/** Finds every candidate in one verbatim text. */
export type CandidateFinder = (verbatim: CodePointText) => Candidate[]

/**
 * A finder for `names`, the jurisdiction and organization names to look for, made once per
 * build: the names make one regular expression, longest first, each a whole word.
 */
export function candidateFinder(names: readonly string[]): CandidateFinder {
  const namePattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...new Set(names)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu'
  )
  const recognizers = [...fixedRecognizers, ['names', namePattern] as const]
  return (verbatim) => {
    const candidates: Candidate[] = []
    for (const [recognizer, pattern] of recognizers) {
      for (const match of verbatim.text.matchAll(pattern)) {
        const start = verbatim.codePointOffset(match.index)
        candidates.push({ recognizer, start, end: verbatim.codePointOffset(match.index + match[0].length), text: match[0] })
      }
    }
    return candidates
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
