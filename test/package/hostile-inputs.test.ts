/**
 * Hostile and careless inputs, each in a child process with a memory cap and a timeout, run
 * through the CLI as a person would: every one ends in diagnostics (exit 0 or 1), in bounded
 * time and memory, never in a crash, a hang or a stack trace, and nothing of the input that
 * could drive the terminal reaches it raw.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { escapeOverlayText } from '../../src/pipeline/align/escape-overlay-text.js'

const project = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(project, 'dist/cli/main.js')
/** A stack trace, a V8 fatal error or an uncaught-exception banner: anything that is not a message for people. */
const crashOutput = /^\s+at .+:\d+:\d+\)?$|FATAL ERROR|node:internal|Uncaught|^\w*Error: |Maximum call stack/m
/** Bytes that would drive a terminal: ESC, the C1 controls, BEL, backspace, carriage return. */
const terminalControl = /[\u0007\u0008\u000D\u001B\u0080-\u009F]/

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A project root whose one source is `verbatim`, with `body` after the frontmatter as its overlay. */
function project1(verbatim: string, body: string): string {
  const root = mkdtempSync(join(tmpdir(), 'khojaly-hostile-'))
  dirs.push(root)
  mkdirSync(join(root, 'sources'))
  writeFileSync(join(root, 'sources', 'doc.txt'), verbatim)
  const sha = createHash('sha256').update(verbatim).digest('hex')
  writeFileSync(
    join(root, 'sources', 'doc.md'),
    `---\nid: doc\ntitle: Test\nlanguage: en\ntext: doc.txt\nsha256: ${sha}\norigin: a test\nside: independent\nrights: written for this test\n---\n\n${body}`
  )
  copyFileSync(join(project, 'sources', 'organizations.yaml'), join(root, 'sources', 'organizations.yaml'))
  return root
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
  ms: number
}

/** The CLI in a child with `--max-old-space-size=<heapMb>`, killed after `timeoutMs`. */
function run(args: string[], { heapMb = 256, timeoutMs = 30_000 } = {}): Run {
  const started = performance.now()
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, cli, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 })
  const ms = performance.now() - started
  expect(child.error, `did not end within ${timeoutMs} ms`).toBeUndefined()
  expect(child.signal, 'killed').toBeNull()
  expect([0, 1], child.stderr.slice(0, 2000)).toContain(child.status)
  expect(child.stderr, 'no crash output').not.toMatch(crashOutput)
  expect(child.stderr + child.stdout, 'no raw terminal control').not.toMatch(terminalControl)
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, ms }
}

const errorLines = (r: Run) => r.stderr.split('\n').filter((line) => line.includes(': error: '))
const ruleOf = (line: string) => /\(([a-z0-9-]+)\)$/.exec(line)?.[1]

describe('hostile overlays, in a child with a memory cap', () => {
  it('200,000 nested "[" (400 KB): nesting-too-deep, fast, without parsing', () => {
    const root = project1('a\n', `${'['.repeat(200_000)}a${']'.repeat(200_000)}\n`)
    const r = run(['check', '--root', root], { timeoutMs: 20_000 })
    expect(r.status).toBe(1)
    expect(errorLines(r).map(ruleOf)).toEqual(['nesting-too-deep'])
    expect(r.ms).toBeLessThan(10_000)
  })

  it('20,000 nested ">": nesting-too-deep, no stack overflow', () => {
    const root = project1('a\n', `${'>'.repeat(20_000)} a\n`)
    const r = run(['check', '--root', root])
    expect(errorLines(r).map(ruleOf)).toEqual(['nesting-too-deep'])
  })

  it('a 300 KB line of "]": markup-too-dense, fast, without parsing', () => {
    const root = project1('a\n', `${']'.repeat(300_000)}\n`)
    const r = run(['check', '--root', root])
    expect(errorLines(r).map(ruleOf)).toEqual(['markup-too-dense'])
    expect(r.ms).toBeLessThan(10_000)
  })

  it('a 300 KB line of "10:30" (50,000 colons that start directives): 100 unescaped-colon warnings and one line counting the rest', () => {
    const line = '10:30 '.repeat(50_000)
    const root = project1(`${line}\n`, `${line}\n`)
    const r = run(['check', '--root', root])
    const warnings = r.stderr.split('\n').filter((l) => l.endsWith('(unescaped-colon)'))
    expect(warnings).toHaveLength(101)
    expect(warnings.at(-1)).toMatch(/and 49900 more unescaped-colon diagnostics in this file/)
  })

  it('a valid 6 MB source with nothing annotated: over 160,000 uncovered candidates, 100 listed and one line counting the rest, exit 0', () => {
    const sentence = 'On 26 February 1992 the town was attacked.\n\n'
    const verbatim = sentence.repeat(Math.ceil(6e6 / sentence.length))
    const root = project1(verbatim, escapeOverlayText(verbatim))
    const r = run(['check', '--root', root], { heapMb: 1536, timeoutMs: 120_000 })
    expect(r.status, r.stderr.slice(0, 2000)).toBe(0)
    const warnings = r.stderr.split('\n').filter((line) => line.endsWith('(candidate-uncovered)'))
    expect(warnings).toHaveLength(101)
    const more = Number(/and (\d+) more candidate-uncovered/.exec(warnings.at(-1)!)?.[1])
    // Three candidates a sentence ("26", "February", "1992").
    const sentences = verbatim.length / sentence.length
    expect(more + 100).toBe(3 * sentences)
    expect(3 * sentences).toBeGreaterThan(160_000)
  })

  it('terminal escape sequences in an overlay word and in a file name reach the terminal escaped', () => {
    // Retitle the window, clear the screen, move the cursor (with the C1 form of the escape): no digit, so the figure states no number.
    const evil = 'x\u001b] owned\u0007\u001b[J\u009bH'
    // The same word in both files, escaped in the overlay as the rule says: it aligns, and the figure's message echoes it.
    const root = project1(`Some ${evil} words.\n`, `Some :figure[${escapeOverlayText(evil)}]{#f measure=killed} words.\n`)
    const r = run(['check', '--root', root])
    expect(r.status).toBe(1)
    expect(errorLines(r).map(ruleOf)).toEqual(['figure-no-number'])
    expect(r.stderr).toContain('x\\x1B] owned\\x07\\x1B[J\\x9BH')
    const json = run(['check', '--root', root, '--format', 'json'])
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\\\x1B[J')
    // A file name with an escape in it.
    const named = project1('Some words.\n', 'Some words.\n')
    copyFileSync(join(named, 'sources', 'doc.md'), join(named, 'sources', `evil\u001b[2J.md`))
    const byName = run(['check', '--root', named])
    expect(byName.stderr).toContain('evil\\x1B[2J.md')
  })
})

describe('hostile shared inputs and validate, in a child with a memory cap', () => {
  it('a 17 MB registry, a registry linked to /dev/zero, a registry that is a FIFO: one registry-invalid error each, fast', () => {
    const big = project1('a\n', 'a\n')
    writeFileSync(
      join(big, 'sources', 'organizations.yaml'),
      `- code: UN\n  name: United Nations\n  intergovernmental: true\n  aliases:\n    - "${'a'.repeat(17e6)}"\n`
    )
    const zero = project1('a\n', 'a\n')
    rmSync(join(zero, 'sources', 'organizations.yaml'))
    symlinkSync('/dev/zero', join(zero, 'sources', 'organizations.yaml'))
    const fifo = project1('a\n', 'a\n')
    rmSync(join(fifo, 'sources', 'organizations.yaml'))
    spawnSync('mkfifo', [join(fifo, 'sources', 'organizations.yaml')])
    for (const [root, message] of [
      [big, /over the limit of 1048576/],
      [zero, /symbolic link to a file outside/],
      [fifo, /FIFO/]
    ] as const) {
      const r = run(['check', '--root', root], { timeoutMs: 15_000 })
      expect(r.status).toBe(1)
      const errors = errorLines(r)
      expect(errors.map(ruleOf)).toContain('registry-invalid')
      expect(errors.join('\n')).toMatch(message)
      expect(r.ms).toBeLessThan(10_000)
    }
  })

  it('validate on a link to /dev/zero and on a FIFO: refused before reading, fast', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-hostile-'))
    dirs.push(dir)
    symlinkSync('/dev/zero', join(dir, 'acts.json'))
    spawnSync('mkfifo', [join(dir, 'figures.json')])
    for (const [name, what] of [
      ['acts.json', /character device/],
      ['figures.json', /FIFO/]
    ] as const) {
      const r = run(['validate', join(dir, name)], { timeoutMs: 10_000 })
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(what)
      expect(r.stderr).toMatch(/\(validate-read\)$/m)
    }
  })

  it('validate on an entity file of 1,000,000 empty records: the first 100 errors, in bounded memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-hostile-'))
    dirs.push(dir)
    const path = join(dir, 'figures.json')
    writeFileSync(path, `{"version":"1.0.0","records":[${Array(1_000_000).fill('{}').join(',')}]}`)
    const r = run(['validate', path], { heapMb: 512, timeoutMs: 60_000 })
    expect(r.status).toBe(1)
    expect(errorLines(r).length).toBe(100)
  })

  it('a --root that does not exist: root-missing, exit 1, and the folder is not created', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'khojaly-hostile-')), 'missing')
    dirs.push(root)
    for (const command of ['build', 'check']) {
      const r = run([command, '--root', root])
      expect(r.status).toBe(1)
      expect(errorLines(r).map(ruleOf)).toEqual(['root-missing'])
    }
    expect(spawnSync('test', ['-e', root]).status).toBe(1)
  })
})
