/**
 * The build writes each source's records as soon as they are validated, and checks what spans
 * sources from ids alone. These tests hold that to the whole-file forms and to `check`.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeCorpus, readSeed, removeCorpus } from '../../bench/corpus.mjs'
import { entities } from '../../src/schema/entities.js'
import { unlinkedReportChecks } from '../helpers/fixture.js'
import { build, check } from '../../src/pipeline/build.js'
import { decodeCsv, encodeCsvHeader, encodeCsvRows } from '../../src/pipeline/emit/csv-codec.js'
import { jsonEnvelopeHead, jsonEnvelopeTail, jsonRecordsText } from '../../src/pipeline/emit/entity-files.js'
import { StagedFile } from '../../src/pipeline/emit/write-output.js'
import { CodePointText } from '../../src/pipeline/text/code-point-text.js'
import { validateSourceRecords } from '../../src/pipeline/validate/validate-records.js'

/** Splits `list` into consecutive batches at the given cut points. */
function batches<T>(list: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b)
  const out: T[][] = []
  let from = 0
  for (const point of [...points, list.length]) {
    out.push(list.slice(from, point))
    from = point
  }
  return out
}

const record = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })

describe('entity files written a batch at a time', () => {
  it('the JSON equals JSON.stringify of the whole envelope, however the records are batched', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), fc.string(), (records, cuts, version) => {
        let text = jsonEnvelopeHead(version)
        let written = 0
        for (const batch of batches(records, cuts)) {
          text += jsonRecordsText(batch, written === 0)
          written += batch.length
        }
        text += jsonEnvelopeTail(written)
        expect(text).toBe(`${JSON.stringify({ version, records }, null, 2)}\n`)
      }),
      { numRuns: 300 }
    )
  })

  it('the CSV rows written in batches equal the rows written at once, and read back to the records', () => {
    const table = {
      fields: [
        { name: 'id', type: 'string' as const },
        { name: 'text', type: 'string' as const },
        { name: 'n', type: 'integer' as const }
      ]
    }
    const row = fc.record({
      id: fc.string({ minLength: 1 }),
      text: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      n: fc.option(fc.integer(), { nil: null })
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
        const whole = encodeCsvRows(rows, table as never)
        const batched = batches(rows, cuts)
          .map((batch) => encodeCsvRows(batch, table as never))
          .join('')
        expect(batched).toBe(whole)
        expect(decodeCsv(encodeCsvHeader(table as never) + batched, table as never)).toEqual(rows)
      }),
      { numRuns: 300 }
    )
    expect(encodeCsvHeader(table as never)).toBe('id,text,n\r\n')
  })

  it('a staged file that changes on disk before it is closed fails its read-back check', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'khojaly-staged-')), 'acts.json')
    const file = new StagedFile(path)
    file.append('{"version": "1.0.0", ')
    file.append(Buffer.from('"records": []}\n'))
    writeFileSync(path, 'something else')
    expect(() => file.close()).toThrow(/does not read back as written/)
  })

  it('a staged file reports the size and SHA-256 of what was appended', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'khojaly-staged-')), 'x.txt')
    const file = new StagedFile(path)
    file.append('Xocalı ')
    file.append('𝔸\n')
    const expected = Buffer.from('Xocalı 𝔸\n', 'utf8')
    expect(file.close()).toEqual({ bytes: expected.length, sha256: createHash('sha256').update(expected).digest('hex') })
    expect(readFileSync(path).equals(expected)).toBe(true)
  })
})

describe('a build of several sources', () => {
  it('writes, source by source, the same records that check returns for the whole corpus', () => {
    const corpus = makeCorpus(readSeed(new URL('../../sources', import.meta.url).pathname), 3)
    try {
      const checked = check({ root: corpus.root })
      expect(checked.ok).toBe(true)
      const built = build({ root: corpus.root })
      expect(built.ok).toBe(true)
      for (const { name: entity } of entities) {
        const file = JSON.parse(readFileSync(join(corpus.root, 'dist-data', `${entity}.json`), 'utf8')) as { records: unknown[] }
        expect(file.records, entity).toEqual(JSON.parse(JSON.stringify(checked.dataset![entity])))
        expect(built.counts![entity], entity).toBe(checked.dataset![entity].length)
      }
      // Three copies: three times the seed's reports, each under its own id.
      expect(built.counts!.reports).toBe(3 * JSON.parse(readFileSync(new URL('../../dist-data/reports.json', import.meta.url), 'utf8')).records.length)
    } finally {
      removeCorpus(corpus.root)
    }
  })
})

/** A folder of overlays and verbatim texts, one pair per document, with the registry. */
function writeSources(documents: Array<{ name: string; verbatim: string; body: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-sources-'))
  for (const { name, verbatim, body } of documents) {
    writeFileSync(join(dir, `${name}.txt`), verbatim)
    const sha = createHash('sha256').update(verbatim).digest('hex')
    writeFileSync(
      join(dir, `${name}.md`),
      `---\nid: ${name}\ntitle: ${name}\nlanguage: en\ntext: ${name}.txt\nsha256: ${sha}\norigin: not stated\nside: independent\nrights: test text written for this test\n---\n\n${body}`
    )
  }
  copyFileSync(new URL('../../sources/organizations.yaml', import.meta.url), join(dir, 'organizations.yaml'))
  writeFileSync(join(dir, 'checks.yaml'), unlinkedReportChecks(documents.map((d) => d.body).join('\n')))
  return dir
}

const actText = 'On March 4, 2011, the Senate of Pakistan adopted a resolution.\n'
const actBody = (id: string) =>
  `:::report{#${id} type=resolution jurisdiction=PK}\nOn :date[March 4, 2011], the :body[Senate of Pakistan] adopted a resolution.\n:::\n`
const figureText = 'It named 613 people killed.\n'
const figureBody = (by: string) => `It named :figure[613 people]{#b-613 measure=killed by=${by}} killed.\n`

describe('what spans sources is checked from ids alone', () => {
  const run = (documents: Parameters<typeof writeSources>[0]) => {
    const dir = writeSources(documents)
    return check({ root: dir, sourcesDir: dir })
  }

  it('a figure may name an act of a source read later', () => {
    const result = run([
      { name: 'a', verbatim: figureText, body: figureBody('z-act') },
      { name: 'z', verbatim: actText, body: actBody('z-act') }
    ])
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(result.dataset!.figures[0]!.statedBy).toBe('z-act')
  })

  it('a figure that names no act of any source is reported at its directive', () => {
    const result = run([
      { name: 'a', verbatim: figureText, body: figureBody('nowhere') },
      { name: 'z', verbatim: actText, body: actBody('z-act') }
    ])
    expect(result.ok).toBe(false)
    expect(result.diagnostics).toMatchObject([{ ruleId: 'reference-missing', file: expect.stringMatching(/a\.md$/), start: { line: 12 } }])
  })

  it('an id used in two sources is reported in the second', () => {
    const result = run([
      { name: 'a', verbatim: actText, body: actBody('same') },
      { name: 'b', verbatim: actText, body: actBody('same') }
    ])
    expect(result.ok).toBe(false)
    expect(result.diagnostics).toMatchObject([{ ruleId: 'id-duplicate', file: expect.stringMatching(/b\.md$/) }])
  })

  it('a build with an error in a later source writes nothing, though earlier sources were already passed on', () => {
    const dir = writeSources([{ name: 'a', verbatim: actText, body: actBody('a-act') }])
    expect(build({ root: dir, sourcesDir: dir }).ok).toBe(true)
    const before = readFileSync(join(dir, 'dist-data', 'acts.json'))
    const bad = writeSources([
      { name: 'a', verbatim: actText, body: actBody('a-act') },
      { name: 'b', verbatim: actText, body: actBody('a-act') }
    ])
    for (const name of ['a.md', 'a.txt', 'b.md', 'b.txt']) copyFileSync(join(bad, name), join(dir, name))
    const result = build({ root: dir, sourcesDir: dir })
    expect(result.ok).toBe(false)
    expect(result.counts).toBeUndefined()
    expect(readFileSync(join(dir, 'dist-data', 'acts.json')).equals(before)).toBe(true)
  })

  it('a record whose provenance points into another source is refused', () => {
    const act = { id: 'x', provenance: [{ sourceId: 'other', start: 0, end: 2, quote: 'On', line: 1, column: 1, section: null }] }
    const ids = validateSourceRecords({ acts: [act] }, { sourceId: 'doc', file: 'doc.txt', text: new CodePointText(actText) }).map((d) => d.ruleId)
    expect(ids).toContain('reference-missing')
  })
})
