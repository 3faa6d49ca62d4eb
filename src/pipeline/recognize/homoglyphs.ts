/**
 * Mixed-script words: a Latin word with a Cyrillic or Greek letter inside, as in `Кhojaly`.
 * They are found by the Unicode script of each letter, never from a list of words; the
 * table below only says which Latin letter each foreign letter is drawn like.
 */

/** Cyrillic and Greek letters that are drawn like a Latin letter, with that letter. */
const latinLookAlike: Readonly<Record<string, string>> = {
  // Cyrillic capitals and small letters
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ѕ: 'S', І: 'I', Ј: 'J',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  // Greek capitals and small letters
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', κ: 'k'
}

const latin = /\p{Script=Latin}/u
const foreign = /[\p{Script=Cyrillic}\p{Script=Greek}]/u
/** A word (letters and marks) with at least one Cyrillic or Greek letter: only these can mix scripts. */
const wordWithForeignLetter = /[\p{L}\p{M}]*[\p{Script=Cyrillic}\p{Script=Greek}][\p{L}\p{M}]*/gu

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
  for (const match of text.matchAll(wordWithForeignLetter)) {
    const letters = Array.from(match[0])
    const foreignLetters = letters.filter((letter) => foreign.test(letter))
    if (foreignLetters.length === 0 || !letters.some((letter) => latin.test(letter))) continue
    const mapped = letters.map((letter) => (foreign.test(letter) ? latinLookAlike[letter] : letter))
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      asWritten: match[0],
      normalized: mapped.every((letter) => letter !== undefined) ? mapped.join('') : undefined,
      foreignLetters: [...new Set(foreignLetters)]
    })
  }
  return found
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
