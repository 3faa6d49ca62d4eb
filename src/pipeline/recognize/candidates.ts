/**
 * Candidates: words in the verbatim text that may carry data (numbers, date words, names of
 * jurisdictions and organizations, characterization terms). `check` reports, for each
 * recognizer, how many it finds and how many an annotation covers, so nothing that may be
 * data goes unexamined.
 */
import type { CodePointText } from '../text-positions.js'
import { vagueAmounts } from './numbers.js'
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

const cardinalWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion'
const ordinalWords =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|hundredth'

/** The regular expressions of the recognizers that need no data. */
const fixedRecognizers: ReadonlyArray<[RecognizerName, RegExp]> = [
  ['numerals', /\d+/g],
  ['spelled-numbers', new RegExp(`\\b(?:${cardinalWords}|${ordinalWords}|${vagueAmounts.join('|')}|dozen)\\b`, 'gi')],
  ['date-phrases', /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter|anniversary)\b/g],
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
