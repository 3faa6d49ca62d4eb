/**
 * One build at a time: pairs of builds started together on one project root, through the CLI
 * in processes of their own. Each build either succeeds or is refused with the lock's one-line
 * diagnostic (never a stack trace), and after every pair the output is byte for byte that of
 * a clean build, with no debris beside it.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { leftovers, outputsOf } from '../helpers/outputs.js'
import { copyBuildFixture, removeTemporaryDirs, temporaryDir } from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

const project = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(project, 'dist/cli/main.js')
/** Pairs of simultaneous builds, quoted in the test name (and so in the README). */
const pairs = 20

/** A root with the project's documents and the two-source fixture. */
function projectRoot(): string {
  const root = temporaryDir()
  for (const file of ['README.md', 'CHANGELOG.md', 'CITATION.cff']) copyFileSync(join(project, file), join(root, file))
  mkdirSync(join(root, 'docs'))
  for (const file of ['annotating.md', 'datasheet.md', 'pipeline.md']) copyFileSync(join(project, 'docs', file), join(root, 'docs', file))
  copyBuildFixture('two-sources', root)
  return root
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function buildInChild(root: string): Promise<Run> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, [cli, 'build', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (chunk) => (stdout += chunk))
    proc.stderr.on('data', (chunk) => (stderr += chunk))
    proc.on('close', (code) => done({ code, stdout, stderr }))
  })
}

describe('builds started together on one root', () => {
  it(`${pairs} pairs: each build succeeds or is refused by the lock, and the output is a clean build's, with no debris`, async () => {
    const clean = projectRoot()
    const result = build({ root: clean })
    expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
    const expected = outputsOf(clean)
    const root = projectRoot()
    const tally = { built: 0, refused: 0 }
    for (let pair = 0; pair < pairs; pair++) {
      const runs = await Promise.all([buildInChild(root), buildInChild(root)])
      for (const run of runs) {
        expect(run.stderr, 'no stack trace').not.toMatch(/^\s+at |Error:/m)
        if (run.code === 0) {
          expect(run.stdout).toMatch(/^ok$/m)
          tally.built++
        } else {
          expect(run.code, run.stderr).toBe(1)
          const errors = run.stderr.split('\n').filter((line) => line.includes(': error: '))
          expect(errors, run.stderr).toHaveLength(1)
          expect(errors[0]).toMatch(
            /^\.khojaly-build\.lock:1:1-1:1: error: the build of process \d+ on .+ holds \.khojaly-build\.lock: one build at a time; .+ \(output-locked\)$/
          )
          tally.refused++
        }
      }
      expect(tally.built, 'at least one build of each pair succeeds').toBeGreaterThanOrEqual(pair + 1)
      expect(outputsOf(root), `after pair ${pair + 1}`).toEqual(expected)
      expect(leftovers(root), `after pair ${pair + 1}`).toEqual([])
    }
    console.log(`concurrent builds: ${pairs} pairs, ${tally.built} built, ${tally.refused} refused by the lock`)
    expect(tally.built + tally.refused).toBe(2 * pairs)
  })
})
