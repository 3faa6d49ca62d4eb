/**
 * Valid inputs build, and give exactly the records of their golden files: every folder of
 * test/fixtures/build/<case>/ holds `sources/` and `expected/<entity>.json` (the records
 * `check` must return). `UPDATE=1 npx vitest run test/pipeline/valid-inputs.test.ts`
 * rewrites the golden files from the current pipeline; review the diff before committing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build, check, type CheckResult } from '../../src/pipeline/build.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { entities } from '../../src/schema/entities.js'
import { buildDir, copyBuildFixture, removeTemporaryDirs, temporaryDir } from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

const update = 'UPDATE' in process.env
const fixtures = readdirSync(buildDir).sort()

function checkFixture(name: string): CheckResult {
  const root = temporaryDir()
  copyBuildFixture(name, root)
  const result = check({ root })
  expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
  expect(result.diagnostics).toEqual([])
  return result
}

describe('valid inputs build and give the records of their golden files', () => {
  for (const name of fixtures) {
    it(`${name}: check gives expected/<entity>.json, and build writes the same records`, () => {
      const dataset = checkFixture(name).dataset!
      const expectedDir = join(buildDir, name, 'expected')
      if (update) mkdirSync(expectedDir, { recursive: true })
      for (const entity of entities) {
        const path = join(expectedDir, `${entity.name}.json`)
        if (update) writeFileSync(path, `${JSON.stringify(dataset[entity.name], null, 2)}\n`)
        expect(existsSync(path), `${path} (run with UPDATE=1 to write it)`).toBe(true)
        expect(dataset[entity.name], `${name}: ${entity.name}`).toEqual(JSON.parse(readFileSync(path, 'utf8')))
      }
      const root = temporaryDir()
      copyBuildFixture(name, root)
      const built = build({ root })
      expect(built.ok, formatDiagnostics(built.diagnostics)).toBe(true)
      for (const entity of entities) {
        const written = JSON.parse(readFileSync(join(root, 'dist-data', `${entity.name}.json`), 'utf8')) as { records: unknown[] }
        expect(written.records, `${name}: dist-data/${entity.name}.json`).toEqual(dataset[entity.name])
      }
    })
  }
})

/** Asserts every provenance of `result` equals its code-point slice of the verbatim text, with line and column counted at LF. */
function expectProvenanceExact(result: CheckResult, verbatim: string): number {
  const chars = Array.from(verbatim)
  const dataset = result.dataset!
  let count = 0
  for (const record of [...dataset.instruments, ...dataset.reports, ...dataset.figures, ...dataset.corrections]) {
    for (const p of record.provenance) {
      expect(chars.slice(p.start, p.end).join(''), record.id).toBe(p.quote)
      const before = chars.slice(0, p.start)
      const lastBreak = before.lastIndexOf('\n')
      expect({ line: p.line, column: p.column }, record.id).toEqual({ line: before.filter((c) => c === '\n').length + 1, column: p.start - lastBreak })
      count++
    }
  }
  return count
}

describe('what the valid inputs show', () => {
  const verbatimOf = (fixture: string, file = 'doc.txt') => readFileSync(join(buildDir, fixture, 'sources', file), 'utf8')

  it('minimal: one act with a date, a body, a term and a figure stated by it', () => {
    const result = checkFixture('minimal')
    const [act] = result.dataset!.reports
    expect(act).toMatchObject({
      id: 'pk-resolution-2010',
      date: '2010-02-25',
      jurisdiction: 'PK',
      body: 'Parliament of Pakistan',
      characterization: ['genocide']
    })
    expect(result.dataset!.figures).toMatchObject([{ id: 'pk-killed', value: 613, measure: 'killed', statedBy: 'pk-resolution-2010' }])
    expect(expectProvenanceExact(result, verbatimOf('minimal'))).toBe(2)
  })

  it('crlf: CRLF line endings in both files build, with exact quotes and LF-counted places', () => {
    const verbatim = verbatimOf('crlf')
    expect(verbatim).toContain('\r\n')
    expect(readFileSync(join(buildDir, 'crlf', 'sources', 'doc.md'), 'utf8')).toContain('\r\n')
    const result = checkFixture('crlf')
    expect(expectProvenanceExact(result, verbatim)).toBe(2)
    const [act] = result.dataset!.reports
    const [figure] = result.dataset!.figures
    expect(act!.provenance[0]).toMatchObject({ start: 15, line: 3, column: 1 })
    expect(act!.provenance[0]!.quote).not.toContain('\r')
    expect(figure!.provenance[0]).toMatchObject({ quote: '613 people', line: 3, column: 111 })
    expect(act!.date).toBe('2010-02-25')
    expect(result.dataset!.sources[0]!.title).toBe('Test document with CRLF line endings')
    expect(result.dataset!.sources[0]!.bytes).toBe(readFileSync(join(buildDir, 'crlf', 'sources', 'doc.txt')).length)
  })

  it('astral: offsets and columns count code points after 𝔸𝔹', () => {
    const verbatim = verbatimOf('astral')
    const result = checkFixture('astral')
    expect(expectProvenanceExact(result, verbatim)).toBe(2)
    const [act] = result.dataset!.reports
    const [figure] = result.dataset!.figures
    const figureStart = Array.from(verbatim.slice(0, verbatim.indexOf('613 people'))).length
    expect(figure!.provenance[0]).toMatchObject({ start: figureStart, end: figureStart + 10, quote: '613 people', line: 3, column: 114 })
    expect(act!.provenance[0]!.quote.startsWith('𝔸𝔹 On February 25, 2010')).toBe(true)
    expect(result.dataset!.sources[0]!.characters).toBe(Array.from(verbatim).length)
  })

  it('two-sources: both sources build, in file order, each report pointing into its own text', () => {
    const result = checkFixture('two-sources')
    const { sources, reports } = result.dataset!
    expect(sources.map((s) => s.id)).toEqual(['fixture-a', 'fixture-b'])
    expect(reports.map((r) => r.provenance[0]!.sourceId)).toEqual(['fixture-a', 'fixture-b', 'fixture-b'])
    for (const report of reports) {
      const source = sources.find((s) => s.id === report.provenance[0]!.sourceId)!
      expect(Array.from(verbatimOf('two-sources', source.path)).slice(report.provenance[0]!.start, report.provenance[0]!.end).join('')).toBe(
        report.provenance[0]!.quote
      )
    }
  })

  it('two-sources: the act both sources report is one act of record, and each report links to it', () => {
    const { acts, reports } = checkFixture('two-sources').dataset!
    expect(acts.map((a) => a.id)).toEqual(['pk-senate-frc-2012-02-01'])
    expect(reports.filter((r) => r.act === 'pk-senate-frc-2012-02-01').map((r) => r.provenance[0]!.sourceId)).toEqual(['fixture-a', 'fixture-b'])
    // The second source says massacre, the committee's own text genocide: the report keeps its
    // words, the act keeps the act's, and the build demanded the check that says so.
    expect(reports.find((r) => r.id === 'b-pk-committee-2012')!.characterization).toEqual(['massacre'])
    expect(acts[0]!.characterization).toEqual(['genocide'])
    expect(acts[0]!.characterizationBasis).toBe('primary')
  })
})
