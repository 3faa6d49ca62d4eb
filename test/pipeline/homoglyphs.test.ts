import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../../src/pipeline/recognize/clean-text.js'
import { findMixedScriptWords } from '../../src/pipeline/recognize/homoglyphs.js'
import { entityFile, verbatimText } from '../helpers/published.js'

describe('mixed-script words are found by Unicode script', () => {
  it('finds Cyrillic letters inside Latin words, and nothing in pure Latin or pure Cyrillic text', () => {
    expect(findMixedScriptWords('\u041Ahojaly \u041En the bу Khojaly').map((w) => [w.asWritten, w.normalized])).toEqual([
      ['\u041Ahojaly', 'Khojaly'],
      ['\u041En', 'On'],
      ['b\u0443', 'by']
    ])
    expect(findMixedScriptWords('Khojaly massacre, Москва')).toEqual([])
  })

  it('makes normalized text clean: homoglyphs folded, no-break spaces and runs of spaces one space, NFC', () => {
    expect(cleanText('  \u041Ahojaly\u00a0\u00a0town\n of e\u0301 ')).toBe('Khojaly town of \u00e9')
  })

  it('records every mixed-script word of every source as a homoglyph correction, without markup', () => {
    const corrections = entityFile('corrections').records.filter((c) => c.kind === 'homoglyph')
    for (const source of entityFile('sources').records) {
      const expected =
        verbatimText(source.id).match(
          /[\p{L}]*\p{Script=Latin}[\p{L}]*[\p{Script=Cyrillic}][\p{L}]*|[\p{L}]*[\p{Script=Cyrillic}][\p{L}]*\p{Script=Latin}[\p{L}]*/gu
        ) ?? []
      expect(
        corrections.filter((c) => c.provenance[0].sourceId === source.id).map((c) => c.asWritten),
        source.id
      ).toEqual(expected)
    }
    for (const name of readdirSync(new URL('../../sources/', import.meta.url)).filter((n) => n.endsWith('.md'))) {
      expect(readFileSync(new URL(`../../sources/${name}`, import.meta.url), 'utf8'), name).not.toMatch(/:fix\[[^\]]*[\u0400-\u04ff]/)
    }
  })
})

describe('mixed-script words are the matches of one regex', () => {
  /**
   * The definition: every match of "letters and marks around a Cyrillic or Greek character",
   * kept when it also holds a Latin letter. The scan may work another way; its words may not.
   */
  const reference = (text: string) =>
    Array.from(text.matchAll(/[\p{L}\p{M}]*[\p{Script=Cyrillic}\p{Script=Greek}][\p{L}\p{M}]*/gu), (match) => ({
      start: match.index,
      end: match.index + match[0].length
    })).filter(({ start, end }) => /\p{Script=Latin}/u.test(text.slice(start, end)))

  // Word characters of each script, foreign characters that are no letter (϶ ҂ 𐅀), marks,
  // astral letters, lone surrogates and separators: where a word starts and ends is the question.
  const unit = fc.constantFrom(
    'a',
    'K',
    'é',
    'ſ',
    'К',
    'о',
    'Ж',
    'Ο',
    'ν',
    'Ω',
    '϶',
    '΄',
    '҂',
    '\u0483',
    '\u0301',
    '\u{10140}',
    '\u{1E030}',
    '𝔸',
    '😀',
    '\uD800',
    '\uDC00',
    ' ',
    '\n',
    '1',
    '-',
    ':',
    ']'
  )

  it('finds the same words at the same offsets as the regex, over generated text', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(findMixedScriptWords(text).map(({ start, end }) => ({ start, end }))).toEqual(reference(text))
      }),
      { numRuns: 3000 }
    )
  })

  it('takes a foreign character that is no letter, right after the letters, into the word', () => {
    expect(findMixedScriptWords('OKΟ\u{10140}ſ x').map((w) => w.asWritten)).toEqual(['OKΟ\u{10140}ſ'])
  })
})
