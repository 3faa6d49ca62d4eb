/**
 * The checks and the comparison of reports with acts, on the shipped data: every difference
 * between a report and its act of record is explained by a check; the derived fields of a
 * check say what its citations are; checks never change a record; a bad check fails the
 * build at its place in checks.yaml. The differences and the derived fields are recomputed
 * here from RECORD.md's definitions, not taken from the pipeline.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/pipeline/build.js'
import { entityFile, type Json } from '../helpers/published.js'

const checks = entityFile('checks').records
const citations = new Map(entityFile('citations').records.map((c) => [c.id, c]))
const acts = new Map(entityFile('acts').records.map((a) => [a.id, a]))
const reports = entityFile('reports').records
const checksOf = (id: string) => checks.filter((c) => c.recordId === id)

/** A copy of the shipped sources whose checks.yaml is replaced by `yaml`. */
function sourcesWithChecks(yaml: string): string {
  const root = mkdtempSync(join(tmpdir(), 'khojaly-checks-'))
  cpSync(new URL('../../sources', import.meta.url), join(root, 'sources'), { recursive: true })
  writeFileSync(join(root, 'sources/checks.yaml'), yaml)
  return root
}

/** RECORD.md's difference of a report's field from its act's. */
function differs(field: string, report: Json, act: Json): boolean {
  const value = report[field]
  if (value === null || (Array.isArray(value) && value.length === 0)) return false
  if (field === 'date') return act.dateStart === null || report.dateEnd < act.dateStart || act.dateEnd < report.dateStart
  if (field === 'body') return act.body !== value && !act.bodyAliases.includes(value)
  if (Array.isArray(value)) return [...new Set(value)].sort().join() !== [...new Set(act[field] as string[])].sort().join()
  return value !== act[field]
}

describe('every difference between a report and its act of record is explained', () => {
  const fields = ['jurisdiction', 'date', 'body', 'actor', 'actType', 'stage', 'characterization', 'stance']
  it('by a corrected check whose correctValue is the act’s value, or a disputed one', () => {
    let differences = 0
    for (const report of reports.filter((r) => r.act !== null)) {
      const act = acts.get(report.act)!
      expect(act, report.act).toBeDefined()
      for (const field of fields.filter((f) => differs(f, report, act))) {
        differences++
        const actValue = Array.isArray(act[field]) ? [...act[field]].sort().join(', ') : act[field]
        const explaining = checksOf(report.id).filter(
          (c) =>
            c.field === field &&
            (c.verdict === 'disputed' ||
              (c.verdict === 'corrected' && (Array.isArray(act[field]) ? c.correctValue.split(/,\s*/).sort().join(', ') : c.correctValue) === actValue))
        )
        expect(explaining.length, `${report.id}.${field}`).toBeGreaterThan(0)
        expect(
          checksOf(report.id).some((c) => c.field === field && c.verdict === 'confirmed'),
          `${report.id}.${field} confirmed`
        ).toBe(false)
      }
    }
    // The seed's reports differ from the acts in many places: the comparison has something to explain.
    expect(differences).toBeGreaterThan(10)
  })

  it('a report with no act of record has a check on its act', () => {
    const unlinked = reports.filter((r) => r.act === null)
    expect(unlinked.length).toBeGreaterThan(0)
    for (const report of unlinked)
      expect(
        checksOf(report.id).some((c) => c.field === 'act'),
        report.id
      ).toBe(true)
  })

  it('Massachusetts: the report keeps the source’s "genocide", its act says "massacre", and a check says so', () => {
    const report = reports.find((r) => r.id === 'us-ma-house-2010')!
    expect(report.characterization).toEqual(['genocide'])
    expect(acts.get(report.act)!.characterization).toEqual(['massacre'])
    const onCharacterization = checksOf(report.id).find((c) => c.field === 'characterization')!
    expect(onCharacterization.verdict).toBe('corrected')
    expect(onCharacterization.correctValue).toBe('massacre')
  })
})

describe('a check’s derived fields say what its citations are', () => {
  it('independence and primaryEvidence follow from the sides and kinds of the documents cited', () => {
    for (const c of checks) {
      const cited = c.citations.map((use: Json) => citations.get(use.citation)!)
      for (const doc of cited) expect(doc, c.id).toBeDefined()
      const sides = new Set(cited.map((d: Json) => d.side))
      const expected = cited.length === 0 ? null : sides.has('independent') ? 'independent' : sides.size > 1 ? 'aligned-both-sides' : 'aligned-one-side'
      expect(c.independence, c.id).toBe(expected)
      expect(c.primaryEvidence, c.id).toBe(cited.some((d: Json) => d.kind === 'primary' || d.kind === 'copy'))
    }
  })

  it('cites evidence unless unverified; every cited document has an http(s) address', () => {
    for (const c of checks) {
      if (c.verdict !== 'unverified') expect(c.citations.length, c.id).toBeGreaterThan(0)
      for (const use of c.citations) expect(citations.get(use.citation)?.url, c.id).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+/)
    }
  })
})

describe('checks sit beside the records and never change them', () => {
  it('the records are the same whatever the checks’ findings say', () => {
    const yaml = YAML.parse(readFileSync(new URL('../../sources/checks.yaml', import.meta.url), 'utf8')) as Json[]
    for (const c of yaml) c.finding = 'Rewritten for the test.'
    const result = check({ root: sourcesWithChecks(YAML.stringify(yaml, { aliasDuplicateObjects: false })) })
    expect(result.ok, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(true)
    for (const entity of ['sources', 'citations', 'acts', 'reports', 'instruments', 'figures', 'corrections'] as const) {
      expect(JSON.parse(JSON.stringify(result.dataset![entity])), entity).toEqual(entityFile(entity).records)
    }
    expect(result.dataset!.checks.every((c) => c.finding === 'Rewritten for the test.')).toBe(true)
  })

  it('the data entry point gives a report, and an act, together with their checks', async () => {
    const { withChecks, checksOf: apiChecksOf } = await import('khojaly-recognition')
    const withMa = withChecks('us-ma-house-2010')!
    expect(withMa.recordType).toBe('report')
    expect(withMa.record.id).toBe('us-ma-house-2010')
    expect(withMa.checks.map((c) => c.id).sort()).toEqual(
      checksOf('us-ma-house-2010')
        .map((c) => c.id)
        .sort()
    )
    const checkedAct = checks.find((c) => c.recordType === 'act')!
    expect(withChecks(checkedAct.recordId)!.recordType).toBe('act')
    expect(apiChecksOf('no-such-record')).toEqual([])
    expect(withChecks('no-such-record')).toBeUndefined()
  })

  it('the timeline marks acts of record whose key claims a check corrects or disputes', () => {
    const svg = readFileSync(new URL('../../dist-data/timeline.svg', import.meta.url), 'utf8')
    const flagged = [...acts.values()].filter((a) =>
      checksOf(a.id).some(
        (c) =>
          c.recordType === 'act' &&
          ['corrected', 'disputed'].includes(c.verdict) &&
          ['characterization', 'body', 'date', 'actType', 'stage', 'actor'].includes(c.field)
      )
    )
    expect(flagged.length).toBeGreaterThan(0)
    for (const act of flagged.filter((a) => a.date !== null))
      expect(svg, act.id).toMatch(new RegExp(`<title>${act.id}: [^<]*a check (corrects|disputes) a key claim`))
  })
})

describe('a bad check fails the build with a diagnostic in checks.yaml', () => {
  const base = (fields: string) => `- id: check-test\n  recordType: report\n  recordId: us-ma-house-2010\n${fields}`
  // [name, checks.yaml, rule, line of the diagnostic]
  const cases: Array<[string, string, string, number?]> = [
    [
      'a missing record',
      base('  field: null\n  verdict: unverified\n  finding: Nothing found.\n  correctValue: null\n  citations: []\n').replace(
        'us-ma-house-2010',
        'no-such-report'
      ),
      'check-reference'
    ],
    [
      'a field the entity lacks',
      base('  field: colour\n  verdict: unverified\n  finding: Nothing found.\n  correctValue: null\n  citations: []\n'),
      'check-reference'
    ],
    [
      'no citations for a confirmed verdict',
      base('  field: date\n  verdict: confirmed\n  finding: It matches.\n  correctValue: null\n  citations: []\n'),
      'check-citations'
    ],
    ['an unknown verdict', base('  field: date\n  verdict: plausible\n  finding: Maybe.\n  correctValue: null\n  citations: []\n'), 'record-invalid', 5],
    [
      'a derived field typed by hand',
      base('  field: date\n  verdict: unverified\n  finding: Nothing.\n  correctValue: null\n  independence: independent\n  citations: []\n'),
      'record-invalid'
    ],
    ['YAML that does not parse', '- id: [unclosed\n', 'checks-yaml', 2],
    [
      'a citation that is not in citations.yaml',
      base(
        '  field: date\n  verdict: confirmed\n  finding: It matches.\n  correctValue: null\n  citations:\n    - citation: cite-no-such-page\n      notes: null\n'
      ),
      'reference-missing'
    ]
  ]
  for (const [name, yaml, ruleId, line = 1] of cases) {
    it(name, () => {
      const original = readFileSync(new URL('../../sources/checks.yaml', import.meta.url), 'utf8')
      // The test check comes first, so its place is known; the shipped checks follow it.
      const result = check({ root: sourcesWithChecks(`${yaml}${original.slice(original.indexOf('- id:'))}`) })
      expect(result.ok).toBe(false)
      const found = result.diagnostics.find((d) => d.ruleId === ruleId)
      expect(found, JSON.stringify(result.diagnostics.slice(0, 3))).toBeDefined()
      expect(found!.file).toBe('sources/checks.yaml')
      expect(found!.start.line).toBe(line)
    })
  }
})
