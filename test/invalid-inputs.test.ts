/**
 * The catalogue of malformed inputs under test/fixtures/invalid/: each folder is a small
 * project root (`sources/doc.md`, `sources/doc.txt`, `sources/organizations.yaml`) with an
 * `expected.json` naming the errors `check` must report and where. Inputs whose bytes cannot
 * be committed (a file over 16 MiB, a symbolic link) are made in a temporary copy, as the
 * fixture's `generate` field says. Then: a build that fails leaves the previous output
 * byte for byte, and an interrupted swap is recovered by the next build.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  mkdirSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { build, check, type BuildResult, type CheckResult } from '../src/pipeline/build.js'
import { formatDiagnostics, type Diagnostic } from '../src/pipeline/diagnostics.js'
import { rules, type RuleId } from '../src/pipeline/rules.js'

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url))
const invalidDir = join(fixturesDir, 'invalid')
const validDir = join(fixturesDir, 'valid')

/** One diagnostic a case must produce; line and column are checked when given. */
interface ExpectedDiagnostic {
  ruleId: RuleId
  file: string
  line?: number
  column?: number
}

/** A fixture's expected.json. */
interface Expected {
  description: string
  /** How the test turns the committed files into the malformed input (see `generators`). */
  generate?: keyof typeof generators
  /** Errors the case must produce (others may come with them). */
  diagnostics: ExpectedDiagnostic[]
  /** Warnings the case must produce as well. */
  warnings?: ExpectedDiagnostic[]
  /** The case is about sources/organizations.yaml: keep the fixture's own. */
  keepOrganizations?: boolean
}

const sixteenMiB = 16 * 1024 * 1024

/** Inputs that are made in a temporary copy of the fixture, not committed. */
const generators = {
  /** sources/doc.txt becomes a symbolic link to ../outside.txt, outside sources/. */
  'symlink-outside': (root: string) => symlinkSync(join('..', 'outside.txt'), join(root, 'sources', 'doc.txt')),
  /** The overlay is padded with blank lines to one byte past 16 MiB: only its size is wrong. */
  'pad-overlay-past-16-mib': (root: string) => {
    const path = join(root, 'sources', 'doc.md')
    const original = readFileSync(path)
    writeFileSync(path, Buffer.concat([original, Buffer.alloc(sixteenMiB + 1 - original.length, 0x0a)]))
  }
} as const

const temporaryDirs: string[] = []
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true })
})

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-invalid-'))
  temporaryDirs.push(dir)
  return dir
}

const isDirectory = (path: string) => statSync(path).isDirectory()
const invalidCases = readdirSync(invalidDir)
  .filter((name) => isDirectory(join(invalidDir, name)))
  .sort()

function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(invalidDir, name, 'expected.json'), 'utf8')) as Expected
}

const registry = fileURLToPath(new URL('../sources/organizations.yaml', import.meta.url))

/**
 * Copies the fixture (its `sources/` and whatever lies beside it) into `root` and applies its
 * generator. The fixture's organizations.yaml is replaced by the project's current registry
 * unless the registry is the point of the case (`keepOrganizations`), so a change of the
 * registry's format does not break every case.
 */
function materializeInto(name: string, root: string): void {
  const expected = expectedOf(name)
  for (const entry of readdirSync(join(invalidDir, name))) {
    if (entry !== 'expected.json') cpSync(join(invalidDir, name, entry), join(root, entry), { recursive: true })
  }
  if (!expected.keepOrganizations) copyFileSync(registry, join(root, 'sources', 'organizations.yaml'))
  if (expected.generate) generators[expected.generate](root)
}

/** The root to check: a fresh temporary copy of the fixture, so `check` can never touch the committed files. */
function rootOf(name: string): string {
  const root = temporaryDir()
  materializeInto(name, root)
  return root
}

const posix = (file: string) => file.split(sep).join('/')

function describeExpected(e: ExpectedDiagnostic): string {
  return `${e.file}:${e.line ?? '?'}:${e.column ?? '?'} ${e.ruleId}`
}

/** Same rule and severity; with `withPlace`, also the same file and, where given, line and column. */
function matches(d: Diagnostic, e: ExpectedDiagnostic, severity: 'error' | 'warning', withPlace: boolean): boolean {
  if (d.ruleId !== e.ruleId || d.severity !== severity) return false
  if (!withPlace) return true
  return posix(d.file) === e.file && (e.line === undefined || d.start.line === e.line) && (e.column === undefined || d.start.column === e.column)
}

/** Every diagnostic names a file inside the root, a 1-based place, a known rule and a message. */
function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const label = JSON.stringify(d)
    expect(typeof d.file === 'string' && d.file.length > 0, `file of ${label}`).toBe(true)
    expect(isAbsolute(d.file) || posix(d.file).startsWith('../'), `file is relative to the root: ${label}`).toBe(false)
    for (const point of [d.start, d.end]) {
      expect(point, `place of ${label}`).toBeDefined()
      expect(Number.isInteger(point.line) && point.line >= 1, `line of ${label}`).toBe(true)
      expect(Number.isInteger(point.column) && point.column >= 1, `column of ${label}`).toBe(true)
    }
    expect(d.end.line > d.start.line || (d.end.line === d.start.line && d.end.column >= d.start.column), `end after start: ${label}`).toBe(true)
    expect(Object.keys(rules), `rule of ${label}`).toContain(d.ruleId)
    expect(d.severity, `severity of ${label}`).toBe(rules[d.ruleId].severity)
    expect(typeof d.message === 'string' && d.message.trim().length > 0, `message of ${label}`).toBe(true)
  }
}

/** Runs `check` on a case and asserts what expected.json says; `withPlace: false` asserts the rules only. */
function runCase(name: string, withPlace = true): CheckResult {
  const expected = expectedOf(name)
  const root = rootOf(name)
  let result: CheckResult | undefined
  const started = performance.now()
  expect(() => {
    result = check({ root })
  }).not.toThrow()
  const elapsed = performance.now() - started
  const { ok, diagnostics } = result!
  const report = formatDiagnostics(diagnostics)
  expect(ok, report).toBe(false)
  expectWellFormed(diagnostics)
  for (const [list, severity] of [
    [expected.diagnostics, 'error'],
    [expected.warnings ?? [], 'warning']
  ] as const) {
    for (const e of list) {
      expect(
        diagnostics.some((d) => matches(d, e, severity, withPlace)),
        `expected ${severity} ${describeExpected(e)} among:\n${report}`
      ).toBe(true)
    }
  }
  if (fastCases.has(name)) expect(elapsed, 'check returns fast').toBeLessThan(2000)
  return result!
}

/** Cases that must be refused without reading or expanding their input. */
const fastCases = new Set(['overlay-too-large', 'yaml-alias-bomb'])

describe('the catalogue of invalid inputs', () => {
  it('holds at least 32 cases, each with a described, non-empty list of known error rules', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(32)
    for (const name of invalidCases) {
      expect(name, 'kebab-case name').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      const expected = expectedOf(name)
      expect(expected.description.length, name).toBeGreaterThan(0)
      expect(expected.diagnostics.length, name).toBeGreaterThan(0)
      for (const e of expected.diagnostics) expect(rules[e.ruleId]?.severity, `${name}: ${e.ruleId}`).toBe('error')
      for (const e of expected.warnings ?? []) expect(rules[e.ruleId]?.severity, `${name}: ${e.ruleId}`).toBe('warning')
      if (expected.generate) expect(Object.keys(generators), name).toContain(expected.generate)
    }
  })

  it('records the real sha256 of doc.txt in every overlay, except where the mismatch is the case', () => {
    for (const name of invalidCases) {
      const sources = join(invalidDir, name, 'sources')
      const overlay = existsSync(join(sources, 'doc.md')) ? readFileSync(join(sources, 'doc.md'), 'latin1') : ''
      const recorded = /^sha256: ([0-9a-f]{64})\r?$/m.exec(overlay)?.[1]
      const verbatimPath = [join(sources, 'doc.txt'), join(invalidDir, name, 'outside.txt')].find((p) => existsSync(p))
      if (!recorded || !verbatimPath) continue
      const actual = createHash('sha256').update(readFileSync(verbatimPath)).digest('hex')
      if (name === 'sha256-mismatch') expect(recorded, name).not.toBe(actual)
      else expect(recorded, name).toBe(actual)
    }
  })

  for (const name of invalidCases) {
    const expected = expectedOf(name)
    it(`${name}: ${expected.diagnostics.map((d) => d.ruleId).join(', ')}`, () => {
      runCase(name)
    })
  }

  it('overlay-too-large: says clearly that the file is over the 16 MiB limit', () => {
    const { diagnostics } = runCase('overlay-too-large')
    const tooLarge = diagnostics.find((d) => d.ruleId === 'file-too-large')!
    expect(tooLarge.message).toMatch(/16777217/)
    expect(tooLarge.message).toMatch(/limit/)
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1)
  })

  it('symlink-outside: refuses the link without reading the file it points to', () => {
    const { diagnostics } = runCase('symlink-outside')
    expect(diagnostics.find((d) => d.ruleId === 'path-escapes')!.message).toMatch(/symbolic link|outside/)
  })

  it('path-dotdot and path-absolute: never read the file they name', () => {
    for (const name of ['path-dotdot', 'path-absolute']) {
      const { diagnostics } = runCase(name)
      expect(
        diagnostics.map((d) => posix(d.file)),
        name
      ).not.toContain('etc/passwd')
      expect(
        diagnostics.some((d) => d.ruleId === 'sha256-mismatch' || d.ruleId === 'file-missing'),
        name
      ).toBe(false)
    }
  })
})

/** sha256 of every file under `dir`, by relative path; folders listed too, so an added empty one shows. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        out[`${path}/`] = 'dir'
        walk(path)
      } else {
        out[path] = createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex')
      }
    }
  }
  walk('')
  return out
}

/** Everything a build writes: dist-data/, schemas/ and the generated files in docs/. */
function outputsOf(root: string) {
  return { data: snapshot(join(root, 'dist-data')), schemas: snapshot(join(root, 'schemas')), docs: snapshot(join(root, 'docs')) }
}

/** Folders a write in progress or an interrupted swap leaves beside the outputs. */
function leftovers(root: string): string[] {
  const beside = readdirSync(root).filter((entry) => entry.endsWith('.staging') || entry.endsWith('.previous'))
  const partial = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((entry) => entry.endsWith('.partial')) : []
  return [...beside, ...partial.map((entry) => `docs/${entry}`)]
}

/** A temporary root holding `valid/<fixture>/sources`, built once, so dist-data/ and schemas/ exist. */
function builtRoot(fixture = 'minimal'): string {
  const root = temporaryDir()
  cpSync(join(validDir, fixture, 'sources'), join(root, 'sources'), { recursive: true })
  copyFileSync(registry, join(root, 'sources', 'organizations.yaml'))
  const result = build({ root })
  expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
  expect(Object.keys(outputsOf(root).data).length).toBeGreaterThan(0)
  expect(Object.keys(outputsOf(root).schemas).length).toBeGreaterThan(0)
  return root
}

/** Replaces the sources of `root` with those of another fixture. */
function replaceSources(root: string, from: { invalid: string } | { valid: string }): void {
  rmSync(join(root, 'sources'), { recursive: true, force: true })
  rmSync(join(root, 'outside.txt'), { force: true })
  if ('invalid' in from) materializeInto(from.invalid, root)
  else {
    cpSync(join(validDir, from.valid, 'sources'), join(root, 'sources'), { recursive: true })
    copyFileSync(registry, join(root, 'sources', 'organizations.yaml'))
  }
}

describe('a build that fails leaves the previous output byte for byte', () => {
  // Every case of the catalogue, each built over a previous good output.
  for (const name of invalidCases) {
    it(`build on ${name} writes nothing`, () => {
      const root = builtRoot()
      const before = outputsOf(root)
      replaceSources(root, { invalid: name })
      let result: BuildResult | undefined
      expect(() => {
        result = build({ root })
      }).not.toThrow()
      expect(result!.ok).toBe(false)
      expect(result!.diagnostics.some((d) => d.ruleId === expectedOf(name).diagnostics[0]!.ruleId)).toBe(true)
      expect(outputsOf(root)).toEqual(before)
      expect(leftovers(root)).toEqual([])
    })
  }

  it('a write that fails part-way (failAfterWrites) throws and leaves the previous output whole', () => {
    // Fail inside dist-data/, at its start, and inside schemas/ (after every data file).
    const dataFiles = Object.keys(outputsOf(builtRoot()).data).filter((p) => !p.endsWith('/')).length
    for (const failAfterWrites of [0, 3, dataFiles + 2]) {
      const root = builtRoot()
      const before = outputsOf(root)
      // New, valid input whose output differs, so a half-done write would show.
      replaceSources(root, { valid: 'astral' })
      expect(check({ root }).ok).toBe(true)
      expect(() => build({ root, fault: { failAfterWrites } }), `failAfterWrites ${failAfterWrites}`).toThrow()
      expect(outputsOf(root), `failAfterWrites ${failAfterWrites}`).toEqual(before)
      expect(leftovers(root), `failAfterWrites ${failAfterWrites}`).toEqual([])
      // And the next build without a fault writes the new output.
      expect(build({ root }).ok).toBe(true)
      expect(outputsOf(root)).not.toEqual(before)
      expect(leftovers(root)).toEqual([])
    }
  })

  it('fault: { failAfterWrites: 3 } on a valid fixture throws and changes nothing', () => {
    const root = builtRoot()
    const before = outputsOf(root)
    expect(() => build({ root, fault: { failAfterWrites: 3 } })).toThrow(/injected failure/)
    expect(outputsOf(root)).toEqual(before)
    expect(existsSync(join(root, 'dist-data.staging'))).toBe(false)
    expect(existsSync(join(root, 'schemas.staging'))).toBe(false)
    expect(leftovers(root)).toEqual([])
  })
})

describe('an interrupted swap is recovered', () => {
  /** The state a build dies in between its two renames: output moved aside, staging not yet moved in. */
  function interrupt(root: string): void {
    renameSync(join(root, 'dist-data'), join(root, 'dist-data.previous'))
    mkdirSync(join(root, 'dist-data.staging'))
    writeFileSync(join(root, 'dist-data.staging', 'acts.json'), '{"half": ')
  }

  it('the next build brings the output back and leaves no .previous or .staging', () => {
    const root = builtRoot()
    const before = outputsOf(root)
    interrupt(root)
    expect(existsSync(join(root, 'dist-data'))).toBe(false)
    const result = build({ root })
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
    expect(outputsOf(root)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })

  it('the next build with new input writes the new output and removes the .previous folder', () => {
    const root = builtRoot()
    const before = outputsOf(root)
    interrupt(root)
    replaceSources(root, { valid: 'astral' })
    expect(build({ root }).ok).toBe(true)
    const after = outputsOf(root)
    expect(after).not.toEqual(before)
    expect(Object.keys(after.data).sort()).toEqual(Object.keys(before.data).sort())
    expect(leftovers(root)).toEqual([])
  })

  it('the next build brings the previous output back even when it finds errors', () => {
    const root = builtRoot()
    const before = outputsOf(root)
    interrupt(root)
    replaceSources(root, { invalid: 'unknown-directive' })
    expect(build({ root }).ok).toBe(false)
    expect(outputsOf(root)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })
})

/** Asserts every provenance of `result` equals its code-point slice of the verbatim text, with line and column counted at LF. */
function expectProvenanceExact(result: CheckResult, verbatim: string): number {
  const chars = Array.from(verbatim)
  const dataset = result.dataset!
  let count = 0
  for (const record of [...dataset.instruments, ...dataset.acts, ...dataset.figures, ...dataset.corrections]) {
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

describe('valid inputs that must build', () => {
  const verbatimOf = (fixture: string) => readFileSync(join(validDir, fixture, 'sources', 'doc.txt'), 'utf8')
  const checkValid = (fixture: string) => {
    const root = temporaryDir()
    cpSync(join(validDir, fixture, 'sources'), join(root, 'sources'), { recursive: true })
    copyFileSync(registry, join(root, 'sources', 'organizations.yaml'))
    const result = check({ root })
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
    expect(result.diagnostics).toEqual([])
    return result
  }

  it('minimal: one act with a date, a body, a term and a figure stated by it', () => {
    const result = checkValid('minimal')
    const [act] = result.dataset!.acts
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
    expect(readFileSync(join(validDir, 'crlf', 'sources', 'doc.md'), 'utf8')).toContain('\r\n')
    const result = checkValid('crlf')
    expect(expectProvenanceExact(result, verbatim)).toBe(2)
    const [act] = result.dataset!.acts
    const [figure] = result.dataset!.figures
    expect(act!.provenance[0]).toMatchObject({ start: 15, line: 3, column: 1 })
    expect(act!.provenance[0]!.quote).not.toContain('\r')
    expect(figure!.provenance[0]).toMatchObject({ quote: '613 people', line: 3, column: 111 })
    expect(act!.date).toBe('2010-02-25')
    expect(result.dataset!.sources[0]!.title).toBe('Test document with CRLF line endings')
    expect(result.dataset!.sources[0]!.bytes).toBe(readFileSync(join(validDir, 'crlf', 'sources', 'doc.txt')).length)
  })

  it('astral: offsets and columns count code points after 𝔸𝔹', () => {
    const verbatim = verbatimOf('astral')
    const result = checkValid('astral')
    expect(expectProvenanceExact(result, verbatim)).toBe(2)
    const [act] = result.dataset!.acts
    const [figure] = result.dataset!.figures
    const figureStart = Array.from(verbatim.slice(0, verbatim.indexOf('613 people'))).length
    expect(figure!.provenance[0]).toMatchObject({ start: figureStart, end: figureStart + 10, quote: '613 people', line: 3, column: 114 })
    expect(Array.from(verbatim).slice(figure!.provenance[0]!.start, figure!.provenance[0]!.end).join('')).toBe('613 people')
    expect(act!.provenance[0]!.quote.startsWith('𝔸𝔹 On February 25, 2010')).toBe(true)
    expect(result.dataset!.sources[0]!.characters).toBe(Array.from(verbatim).length)
  })
})
