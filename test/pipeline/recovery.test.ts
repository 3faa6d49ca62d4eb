/**
 * A build killed at any moment is put right by the next one, all or nothing: builds run in
 * processes of their own and die by SIGKILL, at each point of the commit (before the first
 * swap, after each swap, after the journal says committed) and at random moments; recovery
 * then leaves either the whole previous output or the whole new one, never a mix, and the
 * next build writes the new output and leaves no debris.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { recoverOutputs } from '../../src/pipeline/emit/write-output.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { leftovers, outputsOf } from '../helpers/outputs.js'
import { copyBuildFixture, removeTemporaryDirs, temporaryDir } from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

const project = fileURLToPath(new URL('../..', import.meta.url))
const child = join(project, 'test/helpers/build-child.mjs')
/** Random kills, quoted in the test name (and so in the README). */
const randomKills = 20

/** A project root with the project's documents (so README.md, CITATION.cff and docs/ are outputs too) and the sources of `fixture`. */
function projectRoot(fixture: string): string {
  const root = temporaryDir()
  for (const file of ['README.md', 'CHANGELOG.md', 'CITATION.cff']) copyFileSync(join(project, file), join(root, file))
  mkdirSync(join(root, 'docs'))
  for (const file of ['annotating.md', 'datasheet.md', 'pipeline.md', 'codebook.md', 'rules.md'])
    copyFileSync(join(project, 'docs', file), join(root, 'docs', file))
  copyBuildFixture(fixture, root)
  return root
}

/** The outputs of a clean build of `fixture`. */
function cleanBuild(fixture: string) {
  const root = projectRoot(fixture)
  const result = build({ root })
  expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
  return outputsOf(root)
}

// Built with the minimal fixture, then given the astral one: every output changes (data, schemas stay, docs, README, CITATION).
const before = cleanBuild('minimal')
const after = cleanBuild('astral')

/** A root built from the minimal fixture whose sources are now the astral fixture's. */
function rootAboutToChange(): string {
  const root = projectRoot('minimal')
  expect(build({ root }).ok).toBe(true)
  rmSync(join(root, 'sources'), { recursive: true })
  copyBuildFixture('astral', root)
  return root
}

/** After a build died on `root`: recovery alone leaves the previous output or the new one, whole; the next build the new one, and no debris. */
function expectPutRight(root: string, label: string): 'previous' | 'new' {
  recoverOutputs(root)
  const recovered = outputsOf(root)
  const which = JSON.stringify(recovered) === JSON.stringify(before) ? 'previous' : JSON.stringify(recovered) === JSON.stringify(after) ? 'new' : 'mixed'
  expect(which, `${label}: the output after recovery is one whole output`).not.toBe('mixed')
  const result = build({ root })
  expect(result.ok, `${label}: ${formatDiagnostics(result.diagnostics)}`).toBe(true)
  expect(outputsOf(root), label).toEqual(after)
  expect(leftovers(root), label).toEqual([])
  return which as 'previous' | 'new'
}

describe('a build killed part-way is put right by the next one', () => {
  it('the two fixtures give different data and docs, so a half-done swap would show', () => {
    for (const key of ['data', 'docs'] as const) expect(after[key], key).not.toEqual(before[key])
  })

  it('killed at each point of the commit: before the first swap, after each swap, after the journal says committed', () => {
    const outcomes: string[] = []
    for (const point of ['staged', ...Array.from({ length: 12 }, (_, k) => `commit-${k + 1}`), 'committed']) {
      const root = rootAboutToChange()
      const run = spawnSync(process.execPath, [child, root, point], { encoding: 'utf8', timeout: 60_000 })
      expect(run.stderr).not.toMatch(/^\s+at /m)
      if (run.signal !== 'SIGKILL') {
        // A point past the last swap is never reached: the build ends normally.
        expect(run.status, `${point}: ${run.stdout}`).toBe(0)
        expect(point).toMatch(/^commit-/)
        continue
      }
      expect(leftovers(root).length, `${point}: a killed build leaves debris`).toBeGreaterThan(0)
      outcomes.push(`${point}: ${expectPutRight(root, point)}`)
    }
    console.log(`crash points: ${outcomes.length} (${outcomes.join('; ')})`)
    // Rolled back until the journal says committed, finished after.
    expect(outcomes[0]).toBe('staged: previous')
    expect(outcomes.at(-1)).toBe('committed: new')
    for (const outcome of outcomes.slice(1, -1)) expect(outcome).toMatch(/^commit-\d+: previous$/)
    // At least dist-data/, schemas/ and two files of docs/ change: four swaps, each killed after, besides staged and committed.
    expect(outcomes.length).toBeGreaterThanOrEqual(6)
  })

  it('killed mid-commit, then the project folder moved: the journal, relative to the root, still puts it right', () => {
    const root = rootAboutToChange()
    const run = spawnSync(process.execPath, [child, root, 'commit-2'], { encoding: 'utf8', timeout: 60_000 })
    expect(run.signal).toBe('SIGKILL')
    const moved = `${root}-moved`
    renameSync(root, moved)
    try {
      expect(expectPutRight(moved, 'moved')).toBe('previous')
    } finally {
      rmSync(moved, { recursive: true, force: true })
    }
  })

  it(`${randomKills} builds killed at random moments (or ending first): never a mix of old and new output`, async () => {
    // How long a build takes here, so that the kills fall anywhere from its start to its end.
    const durations = [0, 1, 2].map(() => {
      const timed = rootAboutToChange()
      const started = performance.now()
      expect(spawnSync(process.execPath, [child, timed], { encoding: 'utf8' }).status).toBe(0)
      return performance.now() - started
    })
    const duration = durations.sort((a, b) => a - b)[1]!
    const seen = { previous: 0, new: 0, killed: 0 }
    for (let k = 0; k < randomKills; k++) {
      const root = rootAboutToChange()
      // Spread from the start to past the end of a build timed here (under the load of the other tests, a build may take longer).
      const delay = duration * ((k + Math.random()) / randomKills) * 1.6
      const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
        const proc = spawn(process.execPath, [child, root], { stdio: 'ignore' })
        const timer = setTimeout(() => proc.kill('SIGKILL'), delay)
        proc.on('exit', (code, signal) => {
          clearTimeout(timer)
          done({ code, signal })
        })
      })
      if (status.signal === 'SIGKILL') seen.killed++
      seen[expectPutRight(root, `kill after ${Math.round(delay)} ms`)]++
    }
    console.log(`random kills: ${randomKills} builds (a build ${Math.round(duration)} ms): ${JSON.stringify(seen)}`)
    expect(seen.previous + seen.new).toBe(randomKills)
    expect(seen.killed, 'some builds were killed part-way').toBeGreaterThan(0)
  })
})
