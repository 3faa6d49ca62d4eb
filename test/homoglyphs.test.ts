import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../src/pipeline/recognize/clean-text.js'
import { findMixedScriptWords } from '../src/pipeline/recognize/homoglyphs.js'
import { entityFile } from './helpers/published.js'

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

  it('records every mixed-script word of the source as a homoglyph correction, without markup', () => {
    const verbatim = readFileSync(new URL('../sources/000_fbe07255233e0e6a.txt', import.meta.url), 'utf8')
    const expected = verbatim.match(/[\p{L}]*\p{Script=Latin}[\p{L}]*[\p{Script=Cyrillic}][\p{L}]*|[\p{L}]*[\p{Script=Cyrillic}][\p{L}]*\p{Script=Latin}[\p{L}]*/gu)!
    const corrections = entityFile('corrections').records.filter((c) => c.kind === 'homoglyph')
    expect(corrections.map((c) => c.asWritten)).toEqual(expected)
    const overlay = readFileSync(new URL('../sources/000_fbe07255233e0e6a.md', import.meta.url), 'utf8')
    expect(overlay).not.toMatch(/:fix\[[^\]]*[\u0400-\u04ff]/)
  })
})
