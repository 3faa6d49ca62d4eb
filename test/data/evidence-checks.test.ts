import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/pipeline/build.js'
import { entityFile } from '../helpers/published.js'

const checks = entityFile('checks').records
const checksOf = (id: string) => checks.filter((c) => c.recordId === id)

/** A copy of the shipped sources whose checks.yaml is replaced by `yaml` (or removed when undefined). */
function sourcesWithChecks(yaml: string | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'khojaly-checks-'))
  cpSync(new URL('../../sources', import.meta.url), join(root, 'sources'), { recursive: true })
  if (yaml === undefined) rmSync(join(root, 'sources/checks.yaml'), { force: true })
  else writeFileSync(join(root, 'sources/checks.yaml'), yaml)
  return root
}

describe('every claim that can be checked has a check', () => {
  it('every act and every instrument has at least one check', () => {
    for (const entity of ['acts', 'instruments'] as const) {
      for (const record of entityFile(entity).records) expect(checksOf(record.id).length, record.id).toBeGreaterThan(0)
    }
  })

  it('every act with a characterization has a check on characterization', () => {
    const characterized = entityFile('reports').records.filter((a) => a.characterization.length > 0)
    expect(characterized.length).toBeGreaterThan(5)
    for (const act of characterized)
      expect(
        checksOf(act.id).some((c) => c.field === 'characterization'),
        act.id
      ).toBe(true)
  })

  it('every figure the evidence speaks to has a check (the fact-check covers the 613/487/1275 figures and the 57 states)', () => {
    const figures = entityFile('figures').records
    for (const [measure, value] of [
      ['killed', 613],
      ['wounded', 487],
      ['taken-hostage', 1275],
      ['supporting-states', 57]
    ] as const) {
      const figure = figures.find((f) => f.measure === measure && f.value === value)!
      expect(figure, `${measure} ${value}`).toBeDefined()
      expect(checksOf(figure.id).length, figure.id).toBeGreaterThan(0)
    }
  })

  it('Massachusetts: the record keeps the source’s "genocide", the check says the evidence reads "massacre"', () => {
    const act = entityFile('reports').records.find((a) => a.jurisdiction === 'US-MA')!
    expect(act.characterization).toEqual(['genocide'])
    const onCharacterization = checksOf(act.id).find((c) => c.field === 'characterization')!
    expect(onCharacterization.verdict).toBe('corrected')
    expect(onCharacterization.correctValue).toMatch(/massacre/i)
  })

  it('cites evidence unless unverified, with absolute http(s) addresses', () => {
    for (const c of checks) {
      if (c.verdict !== 'unverified') expect(c.citations.length, c.id).toBeGreaterThan(0)
      for (const citation of c.citations) expect(citation.url, c.id).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+/)
    }
  })
})

describe('checks sit beside the records and never change them', () => {
  it('the records are the same with or without the checks', () => {
    const root = sourcesWithChecks(undefined)
    const result = check({ root })
    expect(result.ok).toBe(true)
    for (const entity of ['instruments', 'acts', 'figures', 'corrections', 'sources'] as const) {
      expect(JSON.parse(JSON.stringify(result.dataset![entity])), entity).toEqual(entityFile(entity).records)
    }
    expect(result.dataset!.checks).toEqual([])
  })

  it('the data entry point gives a record together with its checks', async () => {
    const { withChecks, checksOf: apiChecksOf } = await import('khojaly-recognition')
    const withMa = withChecks('us-ma-house-2010')!
    expect(withMa.recordType).toBe('act')
    expect(withMa.record.id).toBe('us-ma-house-2010')
    expect(withMa.checks.map((c) => c.id).sort()).toEqual(
      checksOf('us-ma-house-2010')
        .map((c) => c.id)
        .sort()
    )
    expect(apiChecksOf('no-such-record')).toEqual([])
    expect(withChecks('no-such-record')).toBeUndefined()
  })

  it('the timeline marks acts whose key claims a check corrects', () => {
    const svg = readFileSync(new URL('../../dist-data/timeline.svg', import.meta.url), 'utf8')
    const corrected = entityFile('reports').records.filter((a) =>
      checksOf(a.id).some((c) => c.verdict === 'corrected' && ['characterization', 'body', 'date', 'actType'].includes(c.field))
    )
    expect(corrected.length).toBeGreaterThan(0)
    for (const act of corrected) {
      if (act.date === null) expect(svg, act.id).toMatch(new RegExp(`!\\) — ${act.id}<`))
      else expect(svg, act.id).toMatch(new RegExp(`<title>${act.id}: [^<]*a check corrects a key claim</title>`))
    }
  })
})

describe('a bad check fails the build with a diagnostic in checks.yaml', () => {
  const base = (fields: string) => `- id: check-test\n  recordType: act\n  recordId: us-ma-house-2010\n${fields}`
  // [name, checks.yaml, rule, line of the diagnostic]
  const cases: Array<[string, string, string, number?]> = [
    [
      'a missing record',
      base('  field: null\n  verdict: unverified\n  finding: Nothing found.\n  correctValue: null\n  independence: independent\n  citations: []\n').replace(
        'us-ma-house-2010',
        'no-such-act'
      ),
      'check-reference'
    ],
    [
      'a field the entity lacks',
      base('  field: colour\n  verdict: unverified\n  finding: Nothing found.\n  correctValue: null\n  independence: independent\n  citations: []\n'),
      'check-reference'
    ],
    [
      'no citations for a confirmed verdict',
      base('  field: date\n  verdict: confirmed\n  finding: It matches.\n  correctValue: null\n  independence: independent\n  citations: []\n'),
      'check-citations'
    ],
    [
      'an unknown verdict',
      base('  field: date\n  verdict: plausible\n  finding: Maybe.\n  correctValue: null\n  independence: independent\n  citations: []\n'),
      'record-invalid'
    ],
    ['YAML that does not parse', '- id: [unclosed\n', 'checks-yaml', 2],
    [
      'a relative URL',
      base(
        '  field: date\n  verdict: confirmed\n  finding: It matches.\n  correctValue: null\n  independence: independent\n  citations:\n    - title: A page\n      url: /relative/page\n      publisher: Someone\n      note: null\n'
      ),
      'record-invalid'
    ]
  ]
  for (const [name, yaml, ruleId, line = 1] of cases) {
    it(name, () => {
      const result = check({ root: sourcesWithChecks(yaml) })
      expect(result.ok).toBe(false)
      const found = result.diagnostics.find((d) => d.ruleId === ruleId)
      expect(found, JSON.stringify(result.diagnostics)).toBeDefined()
      expect(found!.file).toBe('sources/checks.yaml')
      expect(found!.start.line).toBe(line)
    })
  }

  it('an unverified check without citations is fine', () => {
    const result = check({
      root: sourcesWithChecks(
        base(
          '  field: date\n  verdict: unverified\n  finding: Nothing independent found.\n  correctValue: null\n  independence: party-aligned\n  citations: []\n'
        )
      )
    })
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })
})
