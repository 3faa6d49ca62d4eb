/**
 * The rule catalogue: every case under test/fixtures/rules/<rule-id>/<case>/ gives, from
 * `check`, the diagnostics its expected.json names, at their places; rules that no input can
 * raise (internal faults, the `validate` command's) have named tests here. The last test asks
 * that every rule of the registry was actually produced by this file's runs.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, sep } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { validateFile } from '../../src/cli/validate-file.js'
import { build, check, type BuildResult, type CheckResult } from '../../src/pipeline/build.js'
import { acquireBuildLock } from '../../src/pipeline/emit/build-lock.js'
import { formatDiagnostics, type Diagnostic } from '../../src/pipeline/diagnostics/index.js'
import { rules, type RuleId } from '../../src/pipeline/diagnostics/rules.js'
import { CodePointText } from '../../src/pipeline/text/code-point-text.js'
import { validateSourceRecords } from '../../src/pipeline/validate/validate-records.js'
import { leftovers, outputsOf } from '../helpers/outputs.js'
import {
  copyBuildFixture,
  expectedOf,
  generators,
  removeTemporaryDirs,
  rootOf,
  ruleCase,
  ruleCases,
  temporaryDir,
  type ExpectedDiagnostic,
  type RuleCase
} from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

/** Every rule id this file's runs produced. */
const produced = new Set<string>()
const cases = ruleCases()
const posix = (file: string) => file.split(sep).join('/')
const describeExpected = (e: ExpectedDiagnostic) => `${e.file}:${e.line ?? '?'}:${e.column ?? '?'} ${e.ruleId}`

/** Same rule and severity, the same file and, where given, line and column. */
function matches(d: Diagnostic, e: ExpectedDiagnostic, severity: 'error' | 'warning'): boolean {
  if (d.ruleId !== e.ruleId || d.severity !== severity) return false
  return posix(d.file) === e.file && (e.line === undefined || d.start.line === e.line) && (e.column === undefined || d.start.column === e.column)
}

/** Every diagnostic names a file inside the root, a 1-based place, a known rule and a message. */
function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const label = JSON.stringify(d)
    expect(typeof d.file === 'string' && d.file.length > 0, `file of ${label}`).toBe(true)
    expect(isAbsolute(d.file) || posix(d.file).startsWith('../'), `file is relative to the root: ${label}`).toBe(false)
    for (const point of [d.start, d.end]) {
      expect(Number.isInteger(point.line) && point.line >= 1, `line of ${label}`).toBe(true)
      expect(Number.isInteger(point.column) && point.column >= 1, `column of ${label}`).toBe(true)
    }
    expect(d.end.line > d.start.line || (d.end.line === d.start.line && d.end.column >= d.start.column), `end after start: ${label}`).toBe(true)
    expect(Object.keys(rules), `rule of ${label}`).toContain(d.ruleId)
    expect(d.severity, `severity of ${label}`).toBe(rules[d.ruleId].severity)
    expect(typeof d.message === 'string' && d.message.trim().length > 0, `message of ${label}`).toBe(true)
  }
}

/** Runs `check` on a case and asserts what expected.json says. */
function runCase(c: RuleCase): CheckResult {
  const expected = expectedOf(c)
  let result: CheckResult | undefined
  expect(() => {
    result = check({ root: rootOf(c) })
  }).not.toThrow()
  const { ok, diagnostics } = result!
  for (const d of diagnostics) produced.add(d.ruleId)
  const report = formatDiagnostics(diagnostics)
  expect(ok, report).toBe(expected.diagnostics.length === 0)
  expectWellFormed(diagnostics)
  for (const [list, severity] of [
    [expected.diagnostics, 'error'],
    [expected.warnings ?? [], 'warning']
  ] as const) {
    for (const e of list)
      expect(
        diagnostics.some((d) => matches(d, e, severity)),
        `expected ${severity} ${describeExpected(e)} among:\n${report}`
      ).toBe(true)
  }
  return result!
}

describe('the catalogue of rule fixtures', () => {
  it('is what the README says it is: so many inputs, so many rules, so many errors', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ')
    const errorCases = cases.filter((c) => expectedOf(c).diagnostics.length > 0).length
    expect(readme).toContain(`${cases.length} malformed inputs`)
    expect(readme).toContain(`for each of ${new Set(cases.map((c) => c.rule)).size} rules`)
    expect(readme).toContain(`The ${errorCases} that are errors`)
  })

  it('names each case folder after a rule of the registry, and each case expects that rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50)
    for (const c of cases) {
      expect(Object.keys(rules), c.label).toContain(c.rule)
      expect(c.name, 'kebab-case name').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      const expected = expectedOf(c)
      expect(expected.description.length, c.label).toBeGreaterThan(0)
      const named = [...expected.diagnostics, ...(expected.warnings ?? [])]
      expect(
        named.map((d) => d.ruleId),
        c.label
      ).toContain(c.rule)
      for (const e of expected.diagnostics) expect(rules[e.ruleId]?.severity, `${c.label}: ${e.ruleId}`).toBe('error')
      for (const e of expected.warnings ?? []) expect(rules[e.ruleId]?.severity, `${c.label}: ${e.ruleId}`).toBe('warning')
      if (expected.generate) expect(Object.keys(generators), c.label).toContain(expected.generate)
    }
  })

  it('records the real sha256 of doc.txt in every overlay, except where the mismatch is the case', () => {
    for (const c of cases) {
      const sources = join(c.dir, 'sources')
      const overlay = existsSync(join(sources, 'doc.md')) ? readFileSync(join(sources, 'doc.md'), 'latin1') : ''
      const recorded = /^sha256: ([0-9a-f]{64})\r?$/m.exec(overlay)?.[1]
      const verbatimPath = [join(sources, 'doc.txt'), join(c.dir, 'outside.txt')].find((p) => existsSync(p))
      if (!recorded || !verbatimPath) continue
      const actual = createHash('sha256').update(readFileSync(verbatimPath)).digest('hex')
      if (c.rule === 'sha256-mismatch') expect(recorded, c.label).not.toBe(actual)
      else expect(recorded, c.label).toBe(actual)
    }
  })

  for (const c of cases) {
    const expected = expectedOf(c)
    it(`${c.label}: ${[...expected.diagnostics, ...(expected.warnings ?? [])].map((d) => d.ruleId).join(', ')}`, () => {
      runCase(c)
    })
  }

  it('file-too-large/overlay-too-large: says clearly that the file is over the 16 MiB limit', () => {
    const { diagnostics } = runCase(ruleCase('file-too-large/overlay-too-large'))
    const tooLarge = diagnostics.find((d) => d.ruleId === 'file-too-large')!
    expect(tooLarge.message).toMatch(/16777217/)
    expect(tooLarge.message).toMatch(/limit/)
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1)
  })

  it('path-escapes/symlink-outside: refuses the link without reading the file it points to', () => {
    const { diagnostics } = runCase(ruleCase('path-escapes/symlink-outside'))
    expect(diagnostics.find((d) => d.ruleId === 'path-escapes')!.message).toMatch(/symbolic link|outside/)
  })

  it('path-escapes/path-dotdot and path-absolute: never read the file they name', () => {
    for (const label of ['path-escapes/path-dotdot', 'path-escapes/path-absolute']) {
      const { diagnostics } = runCase(ruleCase(label))
      expect(
        diagnostics.map((d) => posix(d.file)),
        label
      ).not.toContain('etc/passwd')
      expect(
        diagnostics.some((d) => d.ruleId === 'sha256-mismatch' || d.ruleId === 'file-missing'),
        label
      ).toBe(false)
    }
  })
})

/** An instrument of the text "Pakistan\\n" with the given date and bounds (and everything else valid). */
function instrumentWithBounds(date: string, dateStart: string, dateEnd: string) {
  return {
    id: 'pk-law',
    name: 'Pakistan',
    nameAsWritten: 'Pakistan',
    kind: 'statute',
    adoptedBy: null,
    date,
    dateStart,
    dateEnd,
    dateAsWritten: null,
    identifier: null,
    provision: null,
    provisionAsWritten: null,
    jurisdiction: null,
    jurisdictionType: null,
    notes: 'a test record',
    provenance: [{ sourceId: 'doc', start: 0, end: 8, quote: 'Pakistan', line: 1, column: 1, section: null }]
  }
}

describe('rules that no input of a build can raise', () => {
  it('provenance-mismatch and as-written-outside-quote: the validate stage catches a tampered record', () => {
    const verbatim = new CodePointText('On March 4, 2011, the Senate of Pakistan adopted it.\n')
    const act = {
      id: 'pk',
      date: '2011-03-04',
      dateStart: '2011-03-04',
      dateEnd: '2011-03-04',
      dateAsWritten: 'March 5, 2011',
      jurisdiction: 'PK',
      jurisdictionType: 'iso-3166-1',
      jurisdictionName: 'Pakistan',
      level: 'national',
      body: 'Senate of Pakistan',
      bodyAsWritten: 'Senate of Pakistan',
      actType: 'resolution',
      identifier: null,
      session: null,
      place: null,
      characterization: [],
      stance: [],
      people: [],
      notes: null,
      provenance: [{ sourceId: 'doc', start: 0, end: 52, quote: 'On March 4, 2011, the Senate of Pakistan adopted it!', line: 1, column: 1, section: null }]
    }
    const ids = validateSourceRecords({ acts: [act] }, { sourceId: 'doc', file: 'doc.txt', text: verbatim }).map((d) => d.ruleId)
    for (const id of ids) produced.add(id)
    expect(ids).toContain('provenance-mismatch')
    expect(ids).toContain('as-written-outside-quote')
  })

  it('record-invalid: bounds that are not the first and last day of the date, each named with the day it should be', () => {
    const verbatim = new CodePointText('Pakistan\n')
    const found = validateSourceRecords(
      { instruments: [instrumentWithBounds('2011-03', '2011-03-04', '2011-03-31')] },
      { sourceId: 'doc', file: 'doc.txt', text: verbatim }
    )
    expect(found.map((d) => [d.ruleId, d.message])).toEqual([
      ['record-invalid', '"pk-law": dateStart must be 2011-03-01, the first day date "2011-03" can mean (it is "2011-03-04")']
    ])
    const agreeing = validateSourceRecords(
      { instruments: [instrumentWithBounds('2011-03', '2011-03-01', '2011-03-31')] },
      { sourceId: 'doc', file: 'doc.txt', text: verbatim }
    )
    expect(agreeing).toEqual([])
  })

  it('record-invalid: a string that is not well-formed Unicode (a lone surrogate, which no UTF-8 file can hold) is refused in any field', () => {
    const verbatim = new CodePointText('Pakistan\n')
    const instrument = { ...instrumentWithBounds('2011-03', '2011-03-01', '2011-03-31'), notes: 'half of a pair: \ud83d' }
    const found = validateSourceRecords({ instruments: [instrument] }, { sourceId: 'doc', file: 'doc.txt', text: verbatim })
    expect(found.map((d) => d.message)).toContainEqual(expect.stringMatching(/notes is not well-formed Unicode/))
    const clean = validateSourceRecords(
      { instruments: [{ ...instrument, notes: 'whole: \ud83d\ude00' }] },
      { sourceId: 'doc', file: 'doc.txt', text: verbatim }
    )
    expect(clean.map((d) => d.message).join('\n')).not.toMatch(/well-formed/)
  })

  it('validate-read, validate-parse, validate-shape, validate-schema and validate-key-duplicate: the validate command on a user’s bad files', () => {
    const published = JSON.parse(readFileSync(new URL('../../dist-data/figures.json', import.meta.url), 'utf8')) as { version: string; records: unknown[] }
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-validate-rules-'))
    const write = (name: string, content: string) => {
      writeFileSync(join(dir, name), content)
      return join(dir, name)
    }
    const ruleOf = (path: string) => validateFile(path).errors.map((e) => e.ruleId)
    const cases: Array<[string, RuleId]> = [
      [join(dir, 'missing.json'), 'validate-read'],
      [write('acts.json', '{ not json'), 'validate-parse'],
      [write('rows.json', '{"rows": []}'), 'validate-shape'],
      [write('figures.json', JSON.stringify({ version: '1.0.0', records: [{ id: 'x' }] })), 'validate-schema'],
      [
        write('figures-twice.json', JSON.stringify({ version: published.version, records: [published.records[0], published.records[0]] })),
        'validate-key-duplicate'
      ],
      [
        write('instruments.json', JSON.stringify({ version: published.version, records: [instrumentWithBounds('2011-03', '2011-03-04', '2011-03-31')] })),
        'validate-date-bounds'
      ]
    ]
    for (const [path, rule] of cases) {
      const found = ruleOf(path)
      for (const id of found) produced.add(id)
      expect(found, path).toContain(rule)
    }
  })
})

describe('rules of the outputs: every failure of a build is one diagnostic, and nothing is written', () => {
  /** A root holding the minimal build fixture, not yet built. */
  const freshRoot = () => {
    const root = temporaryDir()
    copyBuildFixture('minimal', root)
    return root
  }
  /** Builds `root`; asserts it fails with exactly one error of `ruleId` (file `file` when given), well formed, and writes nothing. */
  const expectRefused = (root: string, ruleId: RuleId, file?: string, options: Parameters<typeof build>[0] = {}, held: string[] = []): BuildResult => {
    const before = outputsOf(root)
    let result: BuildResult | undefined
    expect(() => {
      result = build({ root, ...options })
    }).not.toThrow()
    const errors = result!.diagnostics.filter((d) => d.severity === 'error')
    for (const d of result!.diagnostics) produced.add(d.ruleId)
    expect(errors.map((d) => d.ruleId)).toEqual([ruleId])
    expectWellFormed(result!.diagnostics)
    if (file) expect(posix(errors[0]!.file)).toBe(file)
    expect(errors[0]!.message).not.toMatch(/\n/)
    expect(result!.ok).toBe(false)
    expect(outputsOf(root)).toEqual(before)
    expect(leftovers(root)).toEqual(held)
    return result!
  }

  it('root-missing: a --root that does not exist is an error, and is not created', () => {
    const root = join(temporaryDir(), 'no-such-project')
    const result = build({ root })
    for (const d of result.diagnostics) produced.add(d.ruleId)
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['root-missing'])
    expect(existsSync(root)).toBe(false)
    expect(check({ root }).diagnostics.map((d) => d.ruleId)).toEqual(['root-missing'])
    expect(existsSync(root)).toBe(false)
  })

  it('output-locked: a build while another holds the lock is refused, naming the holder', () => {
    const root = freshRoot()
    const held = acquireBuildLock(root)
    expect(held.ok).toBe(true)
    try {
      const result = expectRefused(root, 'output-locked', '.khojaly-build.lock', {}, ['.khojaly-build.lock'])
      expect(result.diagnostics[0]!.message).toContain(`process ${process.pid}`)
    } finally {
      if (held.ok) held.lock.release()
    }
    expect(build({ root }).ok).toBe(true)
  })

  it('output-wrong-kind: docs is a plain file; the build fails before it replaces dist-data/', () => {
    const root = freshRoot()
    writeFileSync(join(root, 'docs'), 'not a folder\n')
    expectRefused(root, 'output-wrong-kind', 'docs')
    expect(existsSync(join(root, 'dist-data'))).toBe(false)
    expect(readFileSync(join(root, 'docs'), 'utf8')).toBe('not a folder\n')
  })

  it('output-symlink: docs is a link to a folder elsewhere, which the build never writes into', () => {
    const root = freshRoot()
    const elsewhere = temporaryDir()
    writeFileSync(join(elsewhere, 'rules.md'), 'someone else’s file\n')
    symlinkSync(elsewhere, join(root, 'docs'))
    expectRefused(root, 'output-symlink', 'docs')
    expect(readdirSync(elsewhere)).toEqual(['rules.md'])
    expect(readFileSync(join(elsewhere, 'rules.md'), 'utf8')).toBe('someone else’s file\n')
  })

  it('output-name-collision: docs/ holds Codebook.md, one file with codebook.md on macOS and Windows', () => {
    const root = freshRoot()
    mkdirSync(join(root, 'docs'))
    writeFileSync(join(root, 'docs', 'Codebook.md'), 'hand-written\n')
    expectRefused(root, 'output-name-collision', 'docs/codebook.md')
  })

  it('generated-block-missing: README.md lacks the markers of its generated block', () => {
    const root = freshRoot()
    writeFileSync(join(root, 'README.md'), '# A project\n\nNo generated block here.\n')
    expectRefused(root, 'generated-block-missing', 'README.md')
  })

  it('output-unwritable: a part of an output path is a file (ENOTDIR), named with its reason', () => {
    const root = freshRoot()
    writeFileSync(join(root, 'plain-file'), '')
    const result = expectRefused(root, 'output-unwritable', undefined, { dataDir: 'plain-file/dist-data' })
    expect(result.diagnostics[0]!.message).toMatch(/plain-file\/dist-data.*ENOTDIR/)
  })
})

describe('every rule is documented and raised', () => {
  const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')
  it('docs/rules.md has a row for every rule, with the stages that raise it', () => {
    for (const [id, rule] of Object.entries(rules)) expect(docs).toContain(`| \`${id}\` | ${rule.stages.join(', ')} | ${rule.severity} |`)
  })

  // Runs last in this file: the catalogue and the named tests above fill `produced`.
  it('every rule of the registry has a fixture folder of its name or a named test above, and was produced by this run', () => {
    const withFixture = new Set(cases.map((c) => c.rule))
    const missing = Object.keys(rules).filter((id) => !produced.has(id))
    expect(missing, 'rules no test produced').toEqual([])
    const runTimeOnly = Object.keys(rules).filter((id) => !withFixture.has(id))
    expect(runTimeOnly.sort()).toEqual([
      'as-written-outside-quote',
      'generated-block-missing',
      'output-locked',
      'output-name-collision',
      'output-symlink',
      'output-unwritable',
      'output-wrong-kind',
      'provenance-mismatch',
      'root-missing',
      'validate-date-bounds',
      'validate-key-duplicate',
      'validate-parse',
      'validate-read',
      'validate-schema',
      'validate-shape'
    ])
  })
})
