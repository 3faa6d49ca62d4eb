/**
 * The record's model on a fixture (test/fixtures/build/record): the characterization basis
 * is computed per term from the evidence, the two voices stay apart across the layers, and
 * a counter-act and a members' written declaration go from YAML through every published
 * form and back. Expected values are written here from RECORD.md, not read from the code.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import { build, check } from '../../src/pipeline/build.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { ActSchema, CheckSchema } from '../../src/schema/index.js'
import { copyBuildFixture, removeTemporaryDirs, temporaryDir } from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

function builtRecord(): string {
  const root = temporaryDir()
  copyBuildFixture('record', root)
  const result = build({ root })
  expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
  return root
}

describe('the characterization basis is computed per term, never typed', () => {
  const { acts } = checkRecord()
  const basis = (id: string) => acts.find((a) => a.id === id)!.characterizationBasis
  it('primary: the act’s own words in its own text', () => expect(basis('act-primary')).toBe('primary'))
  it('quoted: the act’s words as a report quotes them', () => expect(basis('act-quoted')).toBe('quoted'))
  it('reported: only a publisher’s words', () => expect(basis('act-reported')).toBe('reported'))
  it('none: no term', () => expect(basis('act-none')).toBe('none'))
  it('an act whose genocide rests only on a reporter while its own text says massacre is reported, never primary', () => {
    const act = acts.find((a) => a.id === 'act-genocide-reported-massacre-primary')!
    expect(act.characterization).toEqual(['genocide', 'massacre'])
    expect(act.characterizationBasis).toBe('reported')
  })
  it('a basis typed in the YAML is refused', () => {
    const root = temporaryDir()
    copyBuildFixture('record', root)
    const path = join(root, 'sources/record/tests.yaml')
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('  characterization: [genocide]\n', '  characterization: [genocide]\n  characterizationBasis: primary\n')
    )
    const result = check({ root })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.message}`).join('\n')).toMatch(/record-invalid .*characterizationBasis/)
  })
})

describe('the two voices stay apart across the layers', () => {
  it('a report saying genocide of an act whose own text says massacre: report genocide, act massacre, and a corrected check', () => {
    const { reports, acts, checks } = checkRecord()
    expect(reports.find((r) => r.id === 'report-two-voices')!.characterization).toEqual(['genocide'])
    expect(acts.find((a) => a.id === 'act-two-voices')!.characterization).toEqual(['massacre'])
    const onReport = checks.find((c) => c.recordType === 'report' && c.recordId === 'report-two-voices' && c.field === 'characterization')!
    expect(onReport).toMatchObject({ verdict: 'corrected', correctValue: 'massacre' })
  })

  it('without that check the build fails with report-disagrees at the report’s directive', () => {
    const root = temporaryDir()
    copyBuildFixture('record', root)
    const path = join(root, 'sources/checks.yaml')
    const yaml = readFileSync(path, 'utf8')
    writeFileSync(
      path,
      yaml.slice(0, yaml.indexOf('- id: check-report-two-voices-characterization')) + yaml.slice(yaml.indexOf('- id: check-counter-both-sides'))
    )
    const result = check({ root })
    const found = result.diagnostics.find((d) => d.ruleId === 'report-disagrees')
    expect(found, formatDiagnostics(result.diagnostics)).toBeDefined()
    expect(found).toMatchObject({ file: 'sources/doc.md', start: { line: 15, column: 1 } })
  })
})

describe('checks may be split into files of sources/checks/', () => {
  /** The record fixture with its check on the two-voice report moved from checks.yaml into sources/checks/moved.yaml. */
  function splitRoot(): string {
    const root = temporaryDir()
    copyBuildFixture('record', root)
    const path = join(root, 'sources/checks.yaml')
    const yaml = readFileSync(path, 'utf8')
    const start = yaml.indexOf('- id: check-report-two-voices-characterization')
    const end = yaml.indexOf('- id: check-counter-both-sides')
    mkdirSync(join(root, 'sources/checks'))
    writeFileSync(join(root, 'sources/checks/moved.yaml'), yaml.slice(start, end))
    writeFileSync(path, yaml.slice(0, start) + yaml.slice(end))
    return root
  }

  it('a check in sources/checks/ explains a difference as one in checks.yaml does', () => {
    const result = check({ root: splitRoot() })
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
    expect(result.dataset!.checks.map((c) => c.id)).toContain('check-report-two-voices-characterization')
  })

  it('a bad check there is reported at its own file and line', () => {
    const root = splitRoot()
    const moved = join(root, 'sources/checks/moved.yaml')
    writeFileSync(moved, readFileSync(moved, 'utf8').replace('verdict: corrected', 'verdict: corected'))
    const found = check({ root }).diagnostics.find((d) => d.ruleId === 'record-invalid')
    expect(found).toMatchObject({ file: 'sources/checks/moved.yaml' })
    expect(found!.start.line).toBeGreaterThan(1)
  })
})

describe('a counter-act and a members’ written declaration go YAML → JSON → CSV → tidy tables and back', () => {
  const root = builtRecord()
  const json = (name: string) => (JSON.parse(readFileSync(join(root, 'dist-data', `${name}.json`), 'utf8')) as { records: any[] }).records
  const csv = (name: string) => parse(readFileSync(join(root, 'dist-data', `${name}.csv`), 'utf8'), { columns: true }) as Array<Record<string, string>>
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  ;((addFormatsModule as unknown as { default?: (a: Ajv2020) => void }).default ?? (addFormatsModule as unknown as (a: Ajv2020) => void))(ajv)
  for (const name of ['act', 'acts', 'check', 'checks']) ajv.addSchema(JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8')))
  const actSchema = ajv.getSchema(JSON.parse(readFileSync(join(root, 'schemas/act.schema.json'), 'utf8')).$id)!

  for (const [id, what] of [
    ['act-counter', { stance: ['rejects'], actor: 'executive' }],
    ['act-written-declaration', { actor: 'members', actType: 'written-declaration', stage: 'signed', votes: { for: null, against: null, abstentions: null } }]
  ] as const) {
    it(`${id}: the JSON record is valid by the JSON Schema and by zod, and has what the YAML says`, () => {
      const record = json('acts').find((a) => a.id === id)
      expect(record).toMatchObject(what)
      expect(actSchema(record), JSON.stringify(actSchema.errors)).toBe(true)
      expect(ActSchema.safeParse(record).success).toBe(true)
    })

    it(`${id}: the wide CSV row and the tidy tables give back every field and list of the JSON record`, () => {
      const record = json('acts').find((a) => a.id === id)
      const row = csv('acts').find((r) => r.id === id)!
      expect(JSON.parse(row.evidence!)).toEqual(record.evidence)
      expect(row.concernsKhojaly).toBe(String(record.concernsKhojaly))
      const list = (table: string, column = 'value') =>
        csv(table)
          .filter((r) => r.actId === id)
          .sort((a, b) => Number(a.position) - Number(b.position))
          .map((r) => r[column])
      expect(list('act-stances')).toEqual(record.stance)
      expect(list('act-characterizations')).toEqual(record.characterization)
      expect(list('act-people', 'name')).toEqual(record.people.map((p: any) => p.name))
      const evidence = csv('act-evidence').filter((r) => r.actId === id)
      expect(evidence.map((e) => e.quote)).toEqual(record.evidence.map((e: any) => e.quote))
      const supports = csv('act-evidence-supports').filter((r) => r.actId === id)
      record.evidence.forEach((entry: any, i: number) => {
        expect(
          supports
            .filter((s) => Number(s.evidencePosition) === i + 1)
            .sort((a, b) => Number(a.position) - Number(b.position))
            .map((s) => s.value)
        ).toEqual(entry.supports)
      })
    })
  }

  it('a check citing documents of both sides and none independent is aligned-both-sides, valid by schema and zod', () => {
    const record = json('checks').find((c) => c.id === 'check-counter-both-sides')
    expect(record).toMatchObject({ independence: 'aligned-both-sides', primaryEvidence: false })
    expect(CheckSchema.safeParse(record).success).toBe(true)
  })
})

function checkRecord() {
  const root = temporaryDir()
  copyBuildFixture('record', root)
  const result = check({ root })
  expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
  return result.dataset!
}
