/**
 * Properties of the pipeline over generated input (fast-check).
 *
 * A. Any verbatim text, escaped by the documented rule (`escapeOverlayText`) and with
 *    well-formed `:nodata[…]` spans wrapped around words of it, always builds, and the
 *    provenance of the records of an act after it points at the exact code points.
 * B. Whatever bytes an overlay holds, `check` returns diagnostics with a place; it never
 *    throws and never hangs.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { check, type CheckResult } from '../../src/pipeline/build.js'
import { escapeOverlayText } from '../../src/pipeline/align/escape-overlay-text.js'
import { rules } from '../../src/pipeline/diagnostics/rules.js'
import { unlinkedReportChecks } from '../helpers/fixture.js'
import { lineColumn } from '../helpers/published.js'

/** Run counts, quoted in the test names (and so in the README). */
const runsA = Number(process.env.PROPERTY_RUNS ?? 200)
const runsB = { unicode: 60, binary: 60, bytes: 60, frontmatterSoup: 60, aligned: 60 }
const runsBTotal = Object.values(runsB).reduce((a, b) => a + b, 0)

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/**
 * Writes `doc.txt` (verbatim) and `doc.md` (frontmatter with the right sha256, then `body`)
 * to a fresh folder, like test/helpers/fixture.ts, but with the frontmatter's line ending
 * chosen (`\r\n` for a CRLF overlay). `overlay` replaces the whole .md when given.
 */
function writeFixture(verbatim: string | Uint8Array, body: string | Uint8Array, eol = '\n', rawOverlay = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-prop-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'doc.txt'), verbatim)
  const sha = createHash('sha256').update(verbatim).digest('hex')
  const frontmatter = [
    '---',
    'id: fixture',
    'title: Fixture',
    'language: en',
    'text: doc.txt',
    `sha256: ${sha}`,
    'origin: not stated',
    'side: independent',
    'rights: test text written for this test',
    '---',
    '',
    ''
  ].join(eol)
  writeFileSync(join(dir, 'doc.md'), rawOverlay ? body : typeof body === 'string' ? frontmatter + body : Buffer.concat([Buffer.from(frontmatter), body]))
  copyFileSync(new URL('../../sources/organizations.yaml', import.meta.url), join(dir, 'organizations.yaml'))
  writeFileSync(join(dir, 'checks.yaml'), unlinkedReportChecks(typeof body === 'string' ? body : body.toString('latin1')))
  return dir
}

const errorsOf = (result: CheckResult) => result.diagnostics.filter((d) => d.severity === 'error')

// ---------------------------------------------------------------- property A

/** Characters of the verbatim text: markdown and directive metacharacters, digits, letters, astral characters, no-break and plain spaces. */
const alphabet = [...': [ ] { } # * _ ` - = < > ! | ~ & \\'.split(' '), ...'0123456789', ...'abcxyzABC', '𝔸', '😀', '\u00a0', ' ', ' ', ' ']
/** What may open a line: nothing, list markers, a heading or quote marker, indentation. */
const lineStarts = ['', '', '', '1. ', '- ', '* ', '12. ', '# ', '> ', ' ', '  ', '   ', '    ']

const lineArb = fc.record({
  start: fc.constantFrom(...lineStarts),
  chars: fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }),
  eol: fc.constantFrom('\n', '\r\n')
})

/** A word of the original text: a run of non-whitespace on one line, as UTF-16 offsets. */
interface Word {
  line: number
  start: number
  end: number
}

function wordsOf(text: string): Word[] {
  const words: Word[] = []
  let line = 0
  for (const match of text.matchAll(/\S+|\n/gu)) {
    if (match[0] === '\n') line++
    else words.push({ line, start: match.index, end: match.index + match[0].length })
  }
  return words
}

/** Ranges [start, end) (UTF-16) of runs of whole words on one line, chosen by `picks`, in order, not overlapping. */
function chooseRanges(words: Word[], picks: Array<[number, number]>): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let t = 0
  for (const [skip, extra] of picks) {
    t += skip
    if (t >= words.length) break
    let u = t
    while (u < t + extra && u + 1 < words.length && words[u + 1]!.line === words[t]!.line) u++
    ranges.push([words[t]!.start, words[u]!.end])
    t = u + 1
  }
  return ranges
}

/**
 * The escaped text, and for each UTF-16 offset of the original (and its end) the offset in
 * the escaped text. The rule only inserts backslashes, and it escapes every backslash, so a
 * backslash in the escaped text where the original has another character is inserted.
 */
function escapeWithMap(text: string): { escaped: string; at: number[] } {
  const escaped = escapeOverlayText(text)
  const at: number[] = []
  let p = 0
  let indent = 0 // position within a line's leading spaces and tabs, or -1 past them
  for (let k = 0; k < text.length; k++) {
    at.push(p)
    const char = text[k]!
    if (indent >= 0 && (char === ' ' || char === '\t')) {
      // Leading whitespace is kept as at most three spaces.
      if (indent < 3) {
        expect(escaped[p], `escape map at ${k}`).toBe(' ')
        p++
      }
      indent++
      continue
    }
    indent = char === '\n' || char === '\r' ? 0 : -1
    if (escaped[p] === '\\' && (char !== '\\' || escaped[p + 1] === '\\')) p++
    expect(escaped[p], `escape map at ${k}`).toBe(char)
    p++
  }
  at.push(p)
  expect(p).toBe(escaped.length)
  return { escaped, at }
}

const sentence = 'On March 4, 2011, the Senate of Pakistan adopted a resolution on 613 people.'
const sentenceOverlay = 'On :date[March 4, 2011], the :body[Senate of Pakistan] adopted a resolution on :figure[613 people]{#f measure=killed by=report}.'

/** Verbatim text and overlay body for one generated case. */
function buildCase(lines: Array<{ start: string; chars: string[]; eol: string }>, picks: Array<[number, number]>, separator: string, eol: string) {
  const random = lines.map((l) => l.start + l.chars.join('') + l.eol).join('')
  const verbatim = `${random}${separator}${sentence}${eol}`
  const { escaped, at } = escapeWithMap(random)
  const ranges = chooseRanges(wordsOf(random), picks)
  let body = ''
  let from = 0
  for (const [start, end] of ranges) {
    body += escaped.slice(at[from]!, at[start]!) + ':nodata[' + escaped.slice(at[start]!, at[end]!) + ']'
    from = end
  }
  body += escaped.slice(at[from]!)
  body += `${separator}:::report{#pk type=resolution jurisdiction=PK}${eol}${sentenceOverlay}${eol}:::${eol}`
  return { random, verbatim, body, ranges }
}

const caseArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 8 }),
  picks: fc.array(fc.tuple(fc.nat(3), fc.nat(2)), { maxLength: 12 }),
  separator: fc.constantFrom('\n\n', '\r\n\r\n', '\n\n\n'),
  eol: fc.constantFrom('\n', '\r\n')
})

type Case = { lines: Array<{ start: string; chars: string[]; eol: string }>; picks: Array<[number, number]>; separator: string; eol: string }

/** Checks one case: no error, and every provenance entry at the exact code points. */
function runCase(input: Case) {
  const { verbatim, body } = buildCase(input.lines, input.picks, input.separator, input.eol)
  const dir = writeFixture(verbatim, body, input.eol)
  const result = check({ root: dir, sourcesDir: dir })
  expect(errorsOf(result), JSON.stringify({ verbatim, body })).toEqual([])
  expect(result.ok).toBe(true)
  const { reports: acts, figures } = result.dataset!
  expect(acts).toHaveLength(1)
  expect(figures).toHaveLength(1)
  const chars = Array.from(verbatim)
  const sentenceStart = Array.from(verbatim.slice(0, verbatim.lastIndexOf(sentence))).length
  for (const record of [...acts, ...figures]) {
    expect(record.provenance.length).toBeGreaterThan(0)
    for (const p of record.provenance) {
      expect(chars.slice(p.start, p.end).join('')).toBe(p.quote)
      expect({ line: p.line, column: p.column }).toEqual(lineColumn(verbatim, p.start))
    }
  }
  expect(acts[0]!.provenance[0]).toMatchObject({ quote: sentence, start: sentenceStart, end: sentenceStart + sentence.length })
  const figureStart = sentenceStart + sentence.indexOf('613')
  expect(figures[0]!.provenance[0]).toMatchObject({ quote: '613 people', start: figureStart, end: figureStart + '613 people'.length })
  expect(figures[0]).toMatchObject({ value: 613, statedBy: 'pk' })
  expect(acts[0]).toMatchObject({ dateAsWritten: 'March 4, 2011', date: '2011-03-04', bodyAsWritten: 'Senate of Pakistan' })
  rmSync(dir, { recursive: true, force: true })
}

describe('property A: escaped text with :nodata spans always builds, and provenance is exact', () => {
  it('the escape map helper agrees with the rule on a fixed example', () => {
    const text = '1. a\\b [x]{y} :z\r\n- q\n    r'
    const { escaped, at } = escapeWithMap(text)
    expect(escaped).toBe('1\\. a\\\\b \\[x\\]\\{y\\} \\:z\r\n\\- q\n   r')
    expect(escaped.slice(at[4]!, at[5]!)).toBe('\\\\')
    expect(escaped.slice(at[7]!, at[10]!)).toBe('\\[x\\]')
  })

  it(`always builds and points provenance at the exact code points (${runsA} runs)`, () => {
    let runs = 0
    let spans = 0
    const started = performance.now()
    fc.assert(
      fc.property(caseArb, (input) => {
        runs++
        spans += buildCase(input.lines, input.picks, input.separator, input.eol).ranges.length
        runCase(input)
      }),
      { numRuns: runsA }
    )
    console.log(`property A: ${runs} runs, ${spans} :nodata spans, ${Math.round(performance.now() - started)} ms`)
    expect(runs).toBe(runsA)
  })

  // A counterexample property A once found, kept as a regression test.
  it('a verbatim line indented four spaces ("    :") builds once escaped', () => {
    const verbatim = `    :\n\n${sentence}\n`
    const dir = writeFixture(verbatim, `${escapeOverlayText('    :\n')}\n:::report{#pk type=resolution jurisdiction=PK}\n${sentenceOverlay}\n:::\n`)
    expect(errorsOf(check({ root: dir, sourcesDir: dir }))).toEqual([])
  })
})

/** Columns of leading spaces and tabs (a tab advances to the next multiple of four). */
function indentation(text: string): number {
  let column = 0
  for (const char of text) {
    if (char === ' ') column++
    else if (char === '\t') column += 4 - (column % 4)
    else break
  }
  return column
}

// ---------------------------------------------------------------- property B

const verbatimB = 'On March 4, 2011, the Senate of Pakistan adopted a resolution on 613 people.\n'

/** Runs check on `dir` and asserts the shape of its result whatever the input; returns the result and how long check took. */
function expectWellFormed(dir: string): { result: CheckResult; elapsed: number } {
  const started = performance.now()
  let result: CheckResult | undefined
  expect(() => {
    result = check({ root: dir, sourcesDir: dir })
  }).not.toThrow()
  const elapsed = performance.now() - started
  expect(typeof result!.ok).toBe('boolean')
  expect(Array.isArray(result!.diagnostics)).toBe(true)
  expect(result!.ok).toBe(errorsOf(result!).length === 0)
  const overlayLines = readFileSync(join(dir, 'doc.md'), 'utf8').split('\n').length
  for (const d of result!.diagnostics) {
    expect(typeof d.file).toBe('string')
    expect(d.file.length).toBeGreaterThan(0)
    expect(Number.isInteger(d.start.line) && d.start.line >= 1, JSON.stringify(d)).toBe(true)
    expect(Number.isInteger(d.start.column) && d.start.column >= 1, JSON.stringify(d)).toBe(true)
    expect(Number.isInteger(d.end.line) && d.end.line >= 1, JSON.stringify(d)).toBe(true)
    expect(Number.isInteger(d.end.column) && d.end.column >= 1, JSON.stringify(d)).toBe(true)
    expect(Object.keys(rules), JSON.stringify(d)).toContain(d.ruleId)
    expect(typeof d.message).toBe('string')
    expect(d.message.trim().length, JSON.stringify(d)).toBeGreaterThan(0)
    expect(['error', 'warning']).toContain(d.severity)
    if (d.file.endsWith('doc.md')) expect(d.start.line, JSON.stringify(d)).toBeLessThanOrEqual(overlayLines)
  }
  // Any single call taking this long is a hang in the making (the vitest timeout cannot
  // interrupt synchronous code, so this bound is what catches a slow path early).
  return { result: result!, elapsed }
}

/** Markdown and directive fragments, to build overlays that get deep into the parser. */
const soupUnit = fc.oneof(
  fc.constantFrom(
    ':::report{#a type=resolution jurisdiction=PK}\n',
    ':::nodata{why=x}\n',
    ':::\n',
    '::::\n',
    ':date[',
    ':figure[',
    ':nodata[',
    ':term[',
    ':instrument[',
    ':fix[',
    ']',
    '[',
    '{#f measure=killed by=report}',
    '{',
    '}',
    '\\',
    ':',
    '#',
    '## ',
    '\n',
    '\r\n',
    '\n\n',
    ' ',
    '    ',
    '1. ',
    '- ',
    '> ',
    '`',
    '```\n',
    '---\n',
    '<div>',
    '&amp;',
    '*',
    '_',
    '613',
    'March 4, 2011',
    'Pakistan',
    'genocide',
    'Кhojaly',
    '😀',
    '\u00a0',
    '\u0000',
    '\ufeff',
    '\u2028'
  ),
  fc.string({ unit: 'binary', maxLength: 3 })
)

/** Words the recognizers care about (numbers, dates, names, terms, homoglyphs) and plain ones. */
const wordArb = fc.constantFrom(
  'March 4, 2011',
  '4 March 2011',
  '32 May 2011',
  'May 32, 2011',
  'February 30, 2011',
  'November 15-17, 2012',
  'end of 2011',
  'On',
  'March',
  '4,',
  '32',
  '0',
  '31',
  '2011',
  '2011,',
  'the',
  'Senate',
  'of',
  'Pakistan',
  '613',
  'people',
  'killed',
  'genocide',
  'massacre',
  'Khojaly',
  'Кhojaly',
  'Resolution',
  '535',
  'twenty',
  'hundreds',
  '39th',
  'session',
  'more',
  'than',
  'OIC',
  'Azerbaijan',
  'Massachusetts',
  'May',
  '17',
  'end',
  '20%',
  '1',
  'million',
  'autumn',
  'November',
  '15-17,',
  '2012',
  'adopted',
  '😀',
  '𝔸'
)
const spanNames = [
  'instrument',
  'name',
  'date',
  'body',
  'id',
  'provision',
  'session',
  'place',
  'person',
  'term',
  'stance',
  'figure',
  'fix',
  'voice',
  'nodata',
  'bogus'
]
const attributeArb = fc.constantFrom(
  '#a',
  '#b',
  '#f',
  'type=resolution',
  'type=nope',
  'jurisdiction=PK',
  'jurisdiction=US-MA',
  'jurisdiction=OIC',
  'jurisdiction=XX',
  'measure=killed',
  'measure=nope',
  'by=report',
  'by=a',
  'by=nope',
  'kind=resolution',
  'kind=spelling',
  'edtf=2011-03',
  'edtf=2011-13',
  'edtf=2011',
  'note="from the title"',
  'value=genocide',
  'value=x',
  'to=Khojaly',
  'confidence=certain',
  'reason=x',
  'name="A B"',
  'role=sponsor',
  'why=x',
  'unit=people',
  '.cls',
  'x=y',
  'id=a'
)
const attributesArb = fc.array(attributeArb, { maxLength: 4 }).map((list) => (list.length === 0 ? '' : `{${list.join(' ')}}`))
type Inline = { word: string } | { span: string; attributes: string; children: Inline[] }
const inlineArb: fc.Arbitrary<Inline> = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    wordArb.map((word) => ({ word })),
    fc.record({ span: fc.constantFrom(...spanNames), attributes: attributesArb, children: fc.array(tie('inline'), { maxLength: 4 }) })
  )
})).inline
const renderOverlay = (inline: Inline): string =>
  'word' in inline ? escapeOverlayText(inline.word) : `:${inline.span}[${inline.children.map(renderOverlay).join(' ')}]${inline.attributes}`
const renderVerbatim = (inline: Inline): string => ('word' in inline ? inline.word : inline.children.map(renderVerbatim).join(' '))

/**
 * Blocks: a paragraph, or the same inside an act / nodata container, a heading, a list item,
 * an unclosed container; or a well-formed act (valid attributes, spans made :voice) so that
 * some cases build and their provenance can be checked.
 */
const blockArb = fc.record({
  kind: fc.constantFrom('paragraph', 'act', 'nodata', 'heading', 'list', 'unclosed', 'well-formed act', 'well-formed act'),
  attributes: attributesArb,
  inlines: fc.array(inlineArb, { minLength: 1, maxLength: 6 })
})

describe(`property B: check never throws or hangs, whatever the overlay holds (${runsBTotal} runs)`, () => {
  const stats = { calls: 0, slowest: 0 }
  afterAll(() => console.log(`property B: ${stats.calls} check() calls, slowest ${Math.round(stats.slowest)} ms`))
  const record = (ms: number) => {
    stats.calls++
    stats.slowest = Math.max(stats.slowest, ms)
  }

  it(`unicode strings (grapheme and full code point range), alone and after valid frontmatter (${runsB.unicode} runs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        fc.boolean(),
        (text, withFrontmatter) => {
          const dir = writeFixture(verbatimB, text, '\n', !withFrontmatter)
          record(expectWellFormed(dir).elapsed)
          rmSync(dir, { recursive: true, force: true })
        }
      ),
      { numRuns: runsB.unicode }
    )
  })

  it(`full-range code points including lone surrogates, as the whole file (${runsB.binary} runs)`, { timeout: 120_000 }, () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n))
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), surrogate), maxLength: 200 }),
        fc.boolean(),
        (text, withFrontmatter) => {
          const dir = writeFixture(verbatimB, text, '\n', !withFrontmatter)
          record(expectWellFormed(dir).elapsed)
          rmSync(dir, { recursive: true, force: true })
        }
      ),
      { numRuns: runsB.binary }
    )
  })

  it(`arbitrary bytes, alone and after valid frontmatter (${runsB.bytes} runs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, withFrontmatter) => {
        const dir = writeFixture(verbatimB, bytes, '\n', !withFrontmatter)
        record(expectWellFormed(dir).elapsed)
        rmSync(dir, { recursive: true, force: true })
      }),
      { numRuns: runsB.bytes }
    )
  })

  it(`directive and markdown soup after valid frontmatter, over a verbatim text of the same soup (${runsB.frontmatterSoup} runs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(soupUnit, { maxLength: 80 }), fc.array(soupUnit, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (units, verbatimUnits, eol) => {
        const body = units.join('')
        const verbatim = verbatimUnits.join('') || verbatimB
        const dir = writeFixture(verbatim, body, eol)
        record(expectWellFormed(dir).elapsed)
        rmSync(dir, { recursive: true, force: true })
      }),
      { numRuns: runsB.frontmatterSoup }
    )
  })

  /** Overlay and verbatim text of generated blocks: the overlay, markup removed, is the verbatim text. */
  const renderBlocks = (blocks: Array<{ kind: string; attributes: string; inlines: Inline[] }>) => {
    const overlay: string[] = []
    const verbatim: string[] = []
    const asVoice = (inline: Inline): string => {
      if ('word' in inline) return escapeOverlayText(inline.word)
      const words = renderVerbatim(inline).trim()
      return words === '' ? '' : `:voice[${escapeOverlayText(words)}]`
    }
    for (const [index, { kind, attributes, inlines }] of blocks.entries()) {
      if (kind === 'well-formed act') {
        verbatim.push(inlines.map(renderVerbatim).join(' '))
        overlay.push(`:::report{#act-${index} type=resolution jurisdiction=PK}\n${inlines.map(asVoice).join(' ')}\n:::`)
        continue
      }
      const text = inlines.map(renderOverlay).join(' ')
      const words = inlines.map(renderVerbatim).join(' ')
      verbatim.push(kind === 'list' ? `1. ${words}` : words)
      if (kind === 'paragraph') overlay.push(text)
      else if (kind === 'heading') overlay.push(`## ${text}`)
      else if (kind === 'list') overlay.push(`1. ${text}`)
      else if (kind === 'unclosed') overlay.push(`:::act${attributes}\n${text}`)
      else overlay.push(`:::${kind}${attributes}\n${text}\n:::`)
    }
    return { overlay: `${overlay.join('\n\n')}\n`, verbatim: `${verbatim.join('\n\n')}\n` }
  }
  const alignedDirectives = (blocks: fc.Arbitrary<Array<{ kind: string; attributes: string; inlines: Inline[] }>>, numRuns: number) => {
    let aligned = 0
    let built = 0
    fc.assert(
      fc.property(blocks, (generated) => {
        const { overlay, verbatim } = renderBlocks(generated)
        const dir = writeFixture(verbatim, overlay)
        const { result, elapsed } = expectWellFormed(dir)
        record(elapsed)
        if (!result.diagnostics.some((d) => d.ruleId.startsWith('align-'))) aligned++
        if (result.ok) {
          built++
          const chars = Array.from(verbatim)
          const { instruments, reports, figures, corrections } = result.dataset!
          for (const r of [...instruments, ...reports, ...figures, ...corrections]) {
            for (const p of r.provenance) {
              expect(chars.slice(p.start, p.end).join('')).toBe(p.quote)
              expect({ line: p.line, column: p.column }).toEqual(lineColumn(verbatim, p.start))
            }
          }
        }
        rmSync(dir, { recursive: true, force: true })
      }),
      { numRuns }
    )
    // Most cases must get past alignment, or this property tests nothing beyond the parser.
    console.log(`property B (aligned directives): ${aligned} of ${numRuns} cases aligned, ${built} built without error`)
    expect(aligned).toBeGreaterThan(numRuns / 2)
  }
  const blocksArb = fc.array(blockArb, { minLength: 1, maxLength: 6 })

  it(
    `random directives (valid and invalid names, attributes, nesting) over words that align with the verbatim text (${runsB.aligned} runs)`,
    { timeout: 120_000 },
    () => {
      alignedDirectives(blocksArb, runsB.aligned)
    }
  )
})

// ---------------------------------------------------------------- counterexamples

/** Counterexamples the properties once found, shrunk, kept as regression tests. */
describe('counterexamples the properties found', () => {
  const actWith = (verbatimWords: string, overlayWords: string) =>
    writeFixture(
      `On ${verbatimWords} the Senate of Pakistan adopted a resolution.\n`,
      `:::report{#pk type=resolution jurisdiction=PK}\nOn ${overlayWords} the :body[Senate of Pakistan] adopted a resolution.\n:::\n`
    )

  it('a :date naming a day that does not exist ("32 May 2011") is a diagnostic, not a TypeError thrown from check()', () => {
    for (const phrase of ['32 May 2011', 'February 30, 2011', 'May 0, 2011', '31 June 2011', 'November 17-15, 2012']) {
      const dir = actWith(phrase, `:date[${phrase}]`)
      let result: CheckResult | undefined
      expect(() => {
        result = check({ root: dir, sourcesDir: dir })
      }, phrase).not.toThrow()
      expect(
        errorsOf(result!).map((d) => d.ruleId),
        phrase
      ).toEqual([expect.stringMatching(/^date-/)])
    }
  })

  it('":date[February 29, 2011]" (not a leap year) is refused, not published as 2011-02-29 with dateStart/dateEnd 2011-03-01', () => {
    const dir = actWith('February 29, 2011,', ':date[February 29, 2011],')
    const result = check({ root: dir, sourcesDir: dir })
    expect(result.ok).toBe(false)
    expect(errorsOf(result).map((d) => d.ruleId)).toEqual([expect.stringMatching(/^date-/)])
  })

  it('a homoglyph in a word with a non-ASCII Latin letter ("Хocalı", Cyrillic Х) gets a valid correction id, and the source builds', () => {
    for (const word of ['Хocalı', 'Кafé', '𝔸еz']) {
      const dir = writeFixture(`The town ${word} is named.\n`, `The town ${word} is named.\n`)
      const result = check({ root: dir, sourcesDir: dir })
      expect(errorsOf(result), word).toEqual([])
      for (const c of result.dataset!.corrections) expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })
})
