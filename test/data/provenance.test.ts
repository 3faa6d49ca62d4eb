import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/pipeline/build.js'
import { unlinkedReportChecks } from '../helpers/fixture.js'
import { allRecords, lineColumn, verbatimText } from '../helpers/published.js'

describe('every provenance entry points at the exact words', () => {
  const entries = allRecords().flatMap(({ entity, record }) => (record.provenance ?? []).map((p: any) => ({ entity, id: record.id, p })))

  it('has provenance on every record an overlay makes (reports, instruments, figures, corrections)', () => {
    for (const { entity, record } of allRecords())
      if (['reports', 'instruments', 'figures', 'corrections'].includes(entity)) expect(record.provenance?.length, record.id).toBeGreaterThan(0)
    expect(entries.length).toBeGreaterThan(40)
  })

  it('slices the verbatim text by code points to the quote, and line/column point at start', () => {
    for (const { id, p } of entries) {
      const text = verbatimText(p.sourceId)
      expect(Array.from(text).slice(p.start, p.end).join(''), id).toBe(p.quote)
      expect({ line: p.line, column: p.column }, id).toEqual(lineColumn(text, p.start))
    }
  })

  it('keeps offsets in code points when astral characters stand before an annotation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-astral-'))
    const verbatim = '𝔸𝔹 Heading 𝕮\n\nOn March 4, 2011, the 😀 Senate of Pakistan adopted a resolution on 613 people.\n'
    writeFileSync(join(dir, 'doc.txt'), verbatim)
    const sha = createHash('sha256').update(verbatim).digest('hex')
    const overlay = `---\nid: astral\ntitle: Astral test\nlanguage: en\ntext: doc.txt\nsha256: ${sha}\norigin: not stated\nside: independent\nrights: test text\n---\n\n## 𝔸𝔹 Heading 𝕮\n\n:::report{#pk-astral type=resolution jurisdiction=PK}\nOn :date[March 4, 2011], the 😀 :body[Senate of Pakistan] adopted a resolution on :figure[613 people]{#astral-613 measure=killed by=report}.\n:::\n`
    writeFileSync(join(dir, 'doc.md'), overlay)
    cpSync(new URL('../../sources/organizations.yaml', import.meta.url), join(dir, 'organizations.yaml'))
    writeFileSync(join(dir, 'checks.yaml'), unlinkedReportChecks(overlay))
    const result = check({ root: dir, sourcesDir: dir })
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const act = result.dataset!.reports[0]!
    const figure = result.dataset!.figures[0]!
    const chars = Array.from(verbatim)
    for (const p of [...act.provenance, ...figure.provenance]) {
      expect(chars.slice(p.start, p.end).join('')).toBe(p.quote)
      expect({ line: p.line, column: p.column }).toEqual(lineColumn(verbatim, p.start))
    }
    expect(figure.provenance[0]!.quote).toBe('613 people')
    // 𝔸𝔹 and 𝕮 are one code point each but two UTF-16 units: a UTF-16 offset would be 3 more.
    expect(figure.provenance[0]!.start).toBe(verbatim.indexOf('613') - 4)
    expect(act.provenance[0]!.section).toBe('𝔸𝔹 Heading 𝕮')
  })
})

describe('the verbatim text is the one recorded', () => {
  it('has the sha256, size and length its sources record gives', () => {
    for (const source of JSON.parse(readFileSync(new URL('../../dist-data/sources.json', import.meta.url), 'utf8')).records) {
      const bytes = readFileSync(new URL(`../../dist-data/${source.path}`, import.meta.url))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(source.sha256)
      expect(bytes.length).toBe(source.bytes)
      expect(Array.from(bytes.toString('utf8')).length).toBe(source.characters)
      expect(readFileSync(new URL(`../../sources/${source.path}`, import.meta.url)).equals(bytes)).toBe(true)
    }
  })
})
