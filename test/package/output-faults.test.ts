/**
 * The file system refuses a write: a read-only output (a read-only bind mount, since
 * permission bits do not stop root) and a full disk (a small tmpfs). The CLI ends in one
 * diagnostic with the path, the reason and the rule, exit 1, no stack trace, and the previous
 * output is whole, with no debris. Skipped, with a message, where mounting is refused.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { leftovers, outputsOf } from '../helpers/outputs.js'
import { copyBuildFixture } from '../helpers/rule-fixtures.js'

const project = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(project, 'dist/cli/main.js')
const crashOutput = /^\s+at .+:\d+:\d+\)?$|FATAL ERROR|node:internal|Uncaught|^\w*Error: /m
const mounted: string[] = []
const dirs: string[] = []
afterAll(() => {
  for (const point of mounted.reverse()) spawnSync('umount', [point])
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const sh = (command: string, ...args: string[]) => spawnSync(command, args, { encoding: 'utf8' })

/** Whether this process may mount (root with CAP_SYS_ADMIN, outside a locked-down container). */
const canMount = (() => {
  const probe = mkdtempSync(join(tmpdir(), 'khojaly-mount-probe-'))
  const ok = sh('mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe).status === 0
  if (ok) sh('umount', probe)
  rmSync(probe, { recursive: true, force: true })
  if (!ok) console.log('output-faults: mount is refused here (not root, or no CAP_SYS_ADMIN): the read-only and disk-full tests are skipped')
  return ok
})()

/** A project root with the project's documents and the seed's sources, built once. */
function builtProject(at: string): string {
  for (const file of ['README.md', 'CHANGELOG.md', 'CITATION.cff']) copyFileSync(join(project, file), join(at, file))
  mkdirSync(join(at, 'docs'))
  for (const file of ['annotating.md', 'datasheet.md', 'pipeline.md']) copyFileSync(join(project, 'docs', file), join(at, 'docs', file))
  cpSync(join(project, 'sources'), join(at, 'sources'), { recursive: true })
  const built = cliRun('build', at)
  expect(built.status, built.stderr).toBe(0)
  return at
}

function cliRun(command: string, root: string) {
  const run = spawnSync(process.execPath, [cli, command, '--root', root], { encoding: 'utf8', timeout: 60_000 })
  expect(run.stderr).not.toMatch(crashOutput)
  return run
}

/** Asserts a refused build: exit 1, one error line of `ruleId` matching `reason`. */
function expectOneError(run: ReturnType<typeof cliRun>, ruleId: string, reason: RegExp) {
  expect(run.status, run.stderr).toBe(1)
  const errors = run.stderr.split('\n').filter((line) => line.includes(': error: '))
  expect(errors, run.stderr).toHaveLength(1)
  expect(errors[0]).toMatch(new RegExp(`\\(${ruleId}\\)$`))
  expect(errors[0]).toMatch(reason)
}

/** Changes the input so that a build would change the output: one more check is dropped from checks.yaml. */
function changeInput(root: string) {
  const checks = join(root, 'sources', 'checks.yaml')
  const text = spawnSync('cat', [checks], { encoding: 'utf8' }).stdout
  const items = text.split(/\n(?=- id: )/)
  writeFileSync(checks, items.slice(0, -1).join('\n') + '\n')
}

describe('a folder or file in the wrong place, through the CLI', () => {
  const fresh = () => {
    const root = mkdtempSync(join(tmpdir(), 'khojaly-faults-'))
    dirs.push(root)
    copyBuildFixture('minimal', root)
    return root
  }

  it('docs is a plain file: output-wrong-kind, and dist-data/ is not written', () => {
    const root = fresh()
    writeFileSync(join(root, 'docs'), 'a file\n')
    expectOneError(cliRun('build', root), 'output-wrong-kind', /^docs:1:1-1:1: error: docs is a file where the build writes a folder/)
    expect(outputsOf(root).data).toEqual({})
    expect(leftovers(root)).toEqual([])
  })

  it('docs is a link to a folder outside the project: output-symlink, and nothing is written there', () => {
    const root = fresh()
    const elsewhere = mkdtempSync(join(tmpdir(), 'khojaly-elsewhere-'))
    dirs.push(elsewhere)
    symlinkSync(elsewhere, join(root, 'docs'))
    expectOneError(cliRun('build', root), 'output-symlink', /^docs:1:1-1:1: error: docs is a symbolic link/)
    expect(outputsOf(elsewhere).docs).toEqual({})
    expect(spawnSync('ls', ['-A', elsewhere], { encoding: 'utf8' }).stdout).toBe('')
  })
})

describe.runIf(canMount)('the file system refuses the write', () => {
  it('a read-only project (read-only bind mount): output-unwritable with EROFS, nothing changes', () => {
    const root = builtProject(mkdtempSync(join(tmpdir(), 'khojaly-ro-')))
    dirs.push(root)
    changeInput(root)
    const before = outputsOf(root)
    expect(sh('mount', '--bind', root, root).status).toBe(0)
    mounted.push(root)
    expect(sh('mount', '-o', 'remount,bind,ro', root).status).toBe(0)
    expectOneError(cliRun('build', root), 'output-unwritable', /read-only \(EROFS\); nothing was written/)
    expect(outputsOf(root)).toEqual(before)
    expect(sh('umount', root).status).toBe(0)
    mounted.pop()
    expect(leftovers(root)).toEqual([])
  })

  it('only docs/ read-only: the failure comes after dist-data/ and schemas/ are staged, and none of them is replaced', () => {
    const root = builtProject(mkdtempSync(join(tmpdir(), 'khojaly-ro-docs-')))
    dirs.push(root)
    changeInput(root)
    const before = outputsOf(root)
    const docs = join(root, 'docs')
    expect(sh('mount', '--bind', docs, docs).status).toBe(0)
    mounted.push(docs)
    expect(sh('mount', '-o', 'remount,bind,ro', docs).status).toBe(0)
    expectOneError(cliRun('build', root), 'output-unwritable', /^docs\/.*read-only \(EROFS\)/)
    expect(outputsOf(root)).toEqual(before)
    expect(leftovers(root)).toEqual([])
    expect(sh('umount', docs).status).toBe(0)
    mounted.pop()
    // Writable again: the build goes through.
    expect(cliRun('build', root).status).toBe(0)
    expect(outputsOf(root)).not.toEqual(before)
    expect(leftovers(root)).toEqual([])
  })

  it('a full disk (a tmpfs with room for the project but not for a second copy of the output): output-unwritable with ENOSPC, nothing changes', () => {
    const built = builtProject(mkdtempSync(join(tmpdir(), 'khojaly-full-src-')))
    dirs.push(built)
    changeInput(built)
    const used = Number(sh('du', '-sk', built).stdout.split('\t')[0])
    const point = mkdtempSync(join(tmpdir(), 'khojaly-full-'))
    dirs.push(point)
    // Room for what is there, and a little: not for the staged dist-data/ (hundreds of KB).
    expect(sh('mount', '-t', 'tmpfs', '-o', `size=${used + 96}k`, 'tmpfs', point).status).toBe(0)
    mounted.push(point)
    cpSync(built, point, { recursive: true })
    const before = outputsOf(point)
    expectOneError(cliRun('build', point), 'output-unwritable', /no space left on the device \(ENOSPC\); nothing was written/)
    expect(outputsOf(point)).toEqual(before)
    expect(leftovers(point)).toEqual([])
  })
})
