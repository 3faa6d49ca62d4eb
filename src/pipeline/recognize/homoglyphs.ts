/**
 * Mixed-script words: a Latin word with a Cyrillic or Greek letter inside, as in `Кhojaly`.
 * They are found by the Unicode script of each letter, never from a list of words; the
 * table below only says which Latin letter each foreign letter is drawn like.
 */
import { codePointAt, codePointBefore } from '../text/code-points.js'

/** Cyrillic and Greek letters that are drawn like a Latin letter, with that letter. */
const latinLookAlike: Readonly<Record<string, string>> = {
  // Cyrillic capitals and small letters
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  // Greek capitals and small letters
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k'
}

const latin = /\p{Script=Latin}/u
const foreign = /[\p{Script=Cyrillic}\p{Script=Greek}]/u
/** The next Cyrillic or Greek character at or after `lastIndex`. */
const nextForeign = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu
/** One letter or mark, the characters a word is made of. */
const letterOrMark = /^[\p{L}\p{M}]$/u

/** One mixed-script word of a text. */
export interface MixedScriptWord {
  /** UTF-16 offsets of the word in the text it was found in. */
  start: number
  end: number
  asWritten: string
  /** The word with every foreign letter replaced by its Latin look-alike; undefined if one has none. */
  normalized: string | undefined
  /** The foreign letters, for the reason of the correction. */
  foreignLetters: string[]
}

/** Finds words that mix Latin letters with Cyrillic or Greek ones. */
export function findMixedScriptWords(text: string): MixedScriptWord[] {
  const found: MixedScriptWord[] = []
  for (let word = wordWithForeignLetter(text, 0); word; word = wordWithForeignLetter(text, word.end)) {
    const asWritten = text.slice(word.start, word.end)
    const letters = Array.from(asWritten)
    const foreignLetters = letters.filter((letter) => foreign.test(letter))
    if (foreignLetters.length === 0 || !letters.some((letter) => latin.test(letter))) continue
    const mapped = letters.map((letter) => (foreign.test(letter) ? latinLookAlike[letter] : letter))
    found.push({
      start: word.start,
      end: word.end,
      asWritten,
      normalized: mapped.every((letter) => letter !== undefined) ? mapped.join('') : undefined,
      foreignLetters: [...new Set(foreignLetters)]
    })
  }
  return found
}

/**
 * The first word (letters and marks) from `from` on with a Cyrillic or Greek character, as the
 * global regex `[\p{L}\p{M}]*[\p{Script=Cyrillic}\p{Script=Greek}][\p{L}\p{M}]*` would match it
 * from lastIndex `from`. That regex retries at every letter of every word, and almost no word
 * has a foreign character; finding one first and widening to the letters and marks around it
 * reads each character about once. The foreign character need not be a letter (Greek `϶`,
 * Cyrillic `҂`, `𐅀`): one right after the letters joins the word, with the letters after it.
 */
function wordWithForeignLetter(text: string, from: number): { start: number; end: number } | undefined {
  nextForeign.lastIndex = from
  const hit = nextForeign.exec(text)
  if (!hit) return undefined
  // The regex starts at the first letter of the run that reaches the foreign character, but never before `from`.
  let start = hit.index
  while (start > from) {
    const before = codePointBefore(text, start)
    if (!letterOrMark.test(before)) break
    start -= before.length
  }
  // Its first `[\p{L}\p{M}]*` is greedy: the foreign character it keeps is the last one it can reach.
  let end = afterLettersAndMarks(text, hit.index)
  const next = codePointAt(text, end)
  if (next !== undefined && foreign.test(next)) end = afterLettersAndMarks(text, end + next.length)
  return { start, end }
}

/** The offset just after the letters and marks that start at `offset`. */
function afterLettersAndMarks(text: string, offset: number): number {
  for (let next = codePointAt(text, offset); next !== undefined && letterOrMark.test(next); next = codePointAt(text, offset)) offset += next.length
  return offset
}

/** Describes a foreign letter for a correction's reason: `Cyrillic К (U+041A)`. */
export function describeLetter(letter: string): string {
  const script = /\p{Script=Cyrillic}/u.test(letter) ? 'Cyrillic' : 'Greek'
  return `${script} ${letter} (U+${letter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`
}

/** Replaces every foreign letter inside a mixed-script word by its Latin look-alike. */
export function foldHomoglyphs(text: string): string {
  let result = ''
  let last = 0
  for (const mixed of findMixedScriptWords(text)) {
    if (mixed.normalized === undefined) continue
    result += text.slice(last, mixed.start) + mixed.normalized
    last = mixed.end
  }
  return result + text.slice(last)
}
