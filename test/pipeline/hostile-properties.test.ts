/**
 * Properties over the shapes of input that once cost data or hung the pipeline (fast-check):
 *
 * C1. Nesting depth: spans, block quotes and containers nested d deep are refused with
 *     nesting-too-deep exactly when d passes the documented limit of 32, and build otherwise.
 * C2. Duplicate attributes: a directive refuses an attribute (or id) given twice, and only then.
 * C3. Control, bidirectional and zero-width characters, and text not in NFC, in a value=
 *     attribute (also written as character references): refused exactly when present.
 * C4. File names that differ only in case: two sources' verbatim files, or one and a file the
 *     build writes, collide exactly when their names are equal but for case.
 *
 * Each expectation is computed here from what was generated, not from the code under test.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { check, type CheckResult } from '../../src/pipeline/build.js'
import { writeSource } from '../helpers/fixture.js'

/** Run counts, quoted in the test names (and so in the README). */
const runs = { depth: 40, duplicates: 60, characters: 80, names: 40 }

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function checkSource(verbatim: string, body: string): CheckResult {
  const dir = writeSource(verbatim, body)
  dirs.push(dir)
  return check({ root: dir, sourcesDir: dir })
}

const errorRules = (result: CheckResult) => result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)
/** The limit docs/annotating.md gives for each kind of nesting. */
const documentedDepthLimit = 32

describe('property C1: nesting deeper than the limit is refused, and only then', () => {
  it(`spans, block quotes, list items and containers nested 1 to 64 deep (${runs.depth} runs)`, () => {
    const words = 'The Parliament adopted it.'
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.constantFrom('spans', 'quotes', 'lists', 'containers'), (depth, kind) => {
        const body =
          kind === 'spans'
            ? `${':nodata['.repeat(depth)}${words}${']'.repeat(depth)}\n`
            : kind === 'quotes'
              ? `${'> '.repeat(depth)}${words}\n`
              : kind === 'lists'
                ? `${'- '.repeat(depth)}${words}\n`
                : `${Array.from({ length: depth }, (_, k) => `${':'.repeat(3 + depth - k)}nodata\n`).join('')}${words}\n${Array.from({ length: depth }, (_, k) => `${':'.repeat(4 + k)}\n`).join('')}`
        // A list item's marker is text of the source: the verbatim text has the markers too.
        const verbatim = kind === 'lists' ? `${'- '.repeat(depth)}${words}\n` : `${words}\n`
        // A hang would fail the test by its timeout; how fast a refusal is belongs to bench/.
        const result = checkSource(verbatim, body)
        const refused = errorRules(result).includes('nesting-too-deep')
        expect(refused, `${kind} ${depth} deep: ${JSON.stringify(errorRules(result))}`).toBe(depth > documentedDepthLimit)
        if (depth <= documentedDepthLimit && kind !== 'lists') expect(errorRules(result), `${kind} ${depth} deep`).toEqual([])
      }),
      { numRuns: runs.depth }
    )
  })
})

describe('property C2: an attribute or id given twice is refused, and only then', () => {
  /** Attributes of a figure, each with the name the directive reads it under. */
  const attribute = fc.constantFrom(
    { name: 'id', text: '#killed' },
    { name: 'id', text: '#killed-b' },
    { name: 'id', text: 'id=killed-c' },
    { name: 'measure', text: 'measure=killed' },
    { name: 'measure', text: 'measure="killed"' },
    { name: 'unit', text: 'unit=people' },
    { name: 'unit', text: "unit='people'" },
    { name: 'note', text: 'note="a note, with spaces and = signs"' },
    { name: 'note', text: "note='another note'" }
  )
  it(`a figure's attributes drawn with repeats (${runs.duplicates} runs)`, () => {
    fc.assert(
      fc.property(fc.array(attribute, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '  ', '\t'), (attributes, gap) => {
        const names = attributes.map((a) => a.name)
        const twice = names.some((name, i) => names.indexOf(name) !== i)
        const result = checkSource(
          'It said 613 people were killed.\n',
          `It said :figure[613 people]{${attributes.map((a) => a.text).join(gap)}} were killed.\n`
        )
        expect(errorRules(result).includes('attribute-duplicate'), JSON.stringify(attributes)).toBe(twice)
      }),
      { numRuns: runs.duplicates }
    )
  })
})

describe('property C3: control, bidirectional and zero-width characters, and text not in NFC, are refused in value=', () => {
  /** Pieces of a value: what they decode to, and how the overlay writes them. */
  const piece = fc.oneof(
    fc.constantFrom('Senate', ' ', 'of', 'Pakistan', 'é', 'ü', 'Ж', '𝔸', '-').map((c) => ({ decoded: c, written: c })),
    fc.constantFrom('\u0301', '\u0308').map((c) => ({ decoded: c, written: c })),
    fc.constantFrom('\u0008', '\u001b', '\u007f', '\u0085', '\u009b', '\t').map((c) => ({ decoded: c, written: c })),
    // The parser replaces a raw NUL by U+FFFD (a visible character, allowed), but decodes a reference to a backspace into one.
    fc.constant({ decoded: '\ufffd', written: '\u0000' }),
    fc.constant({ decoded: '\u0008', written: '&#x8;' }),
    fc.constantFrom('\u202e', '\u202a', '\u2066', '\u200e', '\u061c').map((c) => ({ decoded: c, written: c })),
    fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff').map((c) => ({ decoded: c, written: c })),
    fc.constantFrom(0x202e, 0x200b, 0xe9, 0x1d538).map((n) => ({ decoded: String.fromCodePoint(n), written: `&#x${n.toString(16)};` }))
  )
  /** What no value may hold, written out here as the rule states it. */
  const forbidden = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/
  it(`values made of letters, combining marks, controls, bidirectional controls, zero-width characters and character references (${runs.characters} runs)`, () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const decoded = pieces.map((p) => p.decoded).join('')
        const written = pieces.map((p) => p.written).join('')
        const bad = forbidden.test(decoded) || decoded.normalize('NFC') !== decoded
        const result = checkSource(
          'The Senate of Pakistan adopted it.\n',
          `:::report{#a type=resolution jurisdiction=PK}\nThe :body[Senate of Pakistan]{value="${written}"} adopted it.\n:::\n`
        )
        expect(errorRules(result).includes('attribute-invalid'), JSON.stringify(decoded)).toBe(bad)
        if (result.ok) {
          const body = result.dataset!.reports[0]!.body!
          expect(forbidden.test(body), JSON.stringify(body)).toBe(false)
        }
      }),
      { numRuns: runs.characters }
    )
  })
})

describe('property C4: file names equal but for case collide', () => {
  /** Files every build writes into dist-data/, written out here. */
  const generated = ['acts.json', 'acts.csv', 'figures.json', 'sources.csv', 'checks.json', 'datapackage.json', 'timeline.svg']
  const randomCase = (name: string) =>
    fc
      .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
      .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''))
  const nameArb = fc.constantFrom('doc.txt', 'text.txt', ...generated).chain(randomCase)
  it(`two sources' verbatim file names, each drawn in random case from a few names and the generated ones (${runs.names} runs)`, () => {
    fc.assert(
      fc.property(nameArb, nameArb, (first, second) => {
        const dir = writeSource('Some words.\n', 'Some words.\n')
        dirs.push(dir)
        // writeSource names its files doc.md and doc.txt: two sources are made of them, naming `first` and `second`.
        const overlay = readFileSync(join(dir, 'doc.md'), 'utf8')
        const verbatim = readFileSync(join(dir, 'doc.txt'))
        rmSync(join(dir, 'doc.md'))
        rmSync(join(dir, 'doc.txt'))
        const texts = [first, second]
        for (const [k, name] of texts.entries()) {
          writeFileSync(join(dir, name), verbatim)
          writeFileSync(join(dir, `source-${k}.md`), overlay.replace('text: doc.txt', `text: ${name}`).replace('id: fixture', `id: source-${k}`))
        }
        const result = check({ root: dir, sourcesDir: dir })
        const lower = texts.map((t) => t.toLowerCase())
        const collides = lower[0] === lower[1] || lower.some((name) => generated.includes(name))
        expect(errorRules(result).includes('verbatim-name-taken'), JSON.stringify(texts)).toBe(collides)
      }),
      { numRuns: runs.names }
    )
  })
})
