/**
 * The catalogue of rule fixtures (test/fixtures/rules/<rule-id>/<case>/): each case is a
 * small project root (`sources/…`) with an `expected.json` naming the diagnostics `check`
 * must report and where. Inputs whose bytes cannot be committed (a file over 16 MiB, a
 * symbolic link) are made in a temporary copy, as the case's `generate` field says. A case
 * without its own `sources/organizations.yaml` gets the project's registry.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RuleId } from '../../src/pipeline/diagnostics/rules.js'

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url))
export const rulesDir = join(fixturesDir, 'rules')
export const buildDir = join(fixturesDir, 'build')
export const projectRegistry = fileURLToPath(new URL('../../sources/organizations.yaml', import.meta.url))

/** One diagnostic a case must produce; line and column are checked when given. */
export interface ExpectedDiagnostic {
  ruleId: RuleId
  file: string
  line?: number
  column?: number
}

/** A case's expected.json. */
export interface Expected {
  description: string
  /** How the test turns the committed files into the input (see `generators`). */
  generate?: keyof typeof generators
  /** Errors the case must produce (others may come with them); empty for a case about a warning. */
  diagnostics: ExpectedDiagnostic[]
  /** Warnings the case must produce as well. */
  warnings?: ExpectedDiagnostic[]
}

/** One case of the catalogue: `rule/name`. */
export interface RuleCase {
  rule: string
  name: string
  dir: string
  /** `rule/name`, as test titles show it. */
  label: string
}

const sixteenMiB = 16 * 1024 * 1024
const oneMiB = 1024 * 1024

/** Replaces `path` by a FIFO (named pipe): reading it would block until something writes. */
const makeFifo = (path: string) => {
  rmSync(path, { force: true })
  execFileSync('mkfifo', [path])
}

/** Inputs that are made in a temporary copy of the case, not committed. */
export const generators = {
  /** sources/doc.txt becomes a symbolic link to ../outside.txt, outside sources/. */
  'symlink-outside': (root: string) => symlinkSync(join('..', 'outside.txt'), join(root, 'sources', 'doc.txt')),
  /** The overlay is padded with blank lines to one byte past 16 MiB: only its size is wrong. */
  'pad-overlay-past-16-mib': (root: string) => {
    const path = join(root, 'sources', 'doc.md')
    const original = readFileSync(path)
    writeFileSync(path, Buffer.concat([original, Buffer.alloc(sixteenMiB + 1 - original.length, 0x0a)]))
  },
  /** sources/organizations.yaml becomes a FIFO. */
  'fifo-registry': (root: string) => makeFifo(join(root, 'sources', 'organizations.yaml')),
  /** sources/checks.yaml becomes a FIFO. */
  'fifo-checks': (root: string) => makeFifo(join(root, 'sources', 'checks.yaml')),
  /** sources/organizations.yaml becomes a symbolic link to /dev/zero, which never ends. */
  'registry-links-to-dev-zero': (root: string) => {
    rmSync(join(root, 'sources', 'organizations.yaml'), { force: true })
    symlinkSync('/dev/zero', join(root, 'sources', 'organizations.yaml'))
  },
  /** sources/checks.yaml becomes a symbolic link to ../outside.yaml, outside sources/. */
  'checks-links-outside': (root: string) => symlinkSync(join('..', 'outside.yaml'), join(root, 'sources', 'checks.yaml')),
  /** The registry is padded with comment lines to one byte past 1 MiB: only its size is wrong. */
  'pad-registry-past-1-mib': (root: string) => {
    const path = join(root, 'sources', 'organizations.yaml')
    const original = readFileSync(path)
    const padding = Buffer.alloc(oneMiB + 1 - original.length, 0x20)
    padding[0] = 0x23 // "#": the padding is one comment line
    padding[padding.length - 1] = 0x0a
    writeFileSync(path, Buffer.concat([original, padding]))
  },
  /** sources/Doc.txt: a copy of sources/doc.txt under a name that differs only in case. */
  'verbatim-copy-in-other-case': (root: string) => copyFileSync(join(root, 'sources', 'doc.txt'), join(root, 'sources', 'Doc.txt')),
  /** A copy of sources/café.txt (é composed, NFC) under the same name decomposed (NFD). */
  'verbatim-copy-in-nfd': (root: string) => copyFileSync(join(root, 'sources', 'caf\u00e9.txt'), join(root, 'sources', 'cafe\u0301.txt'))
} as const

const isDirectory = (path: string) => statSync(path).isDirectory()

/** Every case of the catalogue, by rule then case name. */
export function ruleCases(): RuleCase[] {
  return readdirSync(rulesDir)
    .filter((rule) => isDirectory(join(rulesDir, rule)))
    .sort()
    .flatMap((rule) =>
      readdirSync(join(rulesDir, rule))
        .filter((name) => isDirectory(join(rulesDir, rule, name)))
        .sort()
        .map((name) => ({ rule, name, dir: join(rulesDir, rule, name), label: `${rule}/${name}` }))
    )
}

/** The case at `rule/name`. */
export function ruleCase(label: string): RuleCase {
  const found = ruleCases().find((c) => c.label === label)
  if (!found) throw new Error(`no rule fixture ${label}`)
  return found
}

/** The case's expected.json. */
export function expectedOf(c: RuleCase): Expected {
  return JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8')) as Expected
}

const temporaryDirs: string[] = []

/** A fresh temporary folder, removed by `removeTemporaryDirs`. */
export function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-fixture-'))
  temporaryDirs.push(dir)
  return dir
}

/** Removes every folder `temporaryDir` made (for afterAll). */
export function removeTemporaryDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Copies the case (its `sources/` and whatever lies beside it) into `root`, adds the registry where it has none, and applies its generator. */
export function materializeInto(c: RuleCase, root: string): void {
  const expected = expectedOf(c)
  for (const entry of readdirSync(c.dir)) {
    if (entry !== 'expected.json') cpSync(join(c.dir, entry), join(root, entry), { recursive: true })
  }
  if (existsSync(join(root, 'sources')) && !existsSync(join(root, 'sources', 'organizations.yaml')))
    copyFileSync(projectRegistry, join(root, 'sources', 'organizations.yaml'))
  if (expected.generate) generators[expected.generate](root)
}

/** Copies a valid build fixture's sources into `root`, with the project's registry where it has none. */
export function copyBuildFixture(name: string, root: string): void {
  cpSync(join(buildDir, name, 'sources'), join(root, 'sources'), { recursive: true })
  if (!existsSync(join(root, 'sources', 'organizations.yaml'))) copyFileSync(projectRegistry, join(root, 'sources', 'organizations.yaml'))
}

/** The root to check: a fresh temporary copy of the case, so `check` can never touch the committed files. */
export function rootOf(c: RuleCase): string {
  const root = temporaryDir()
  materializeInto(c, root)
  return root
}
