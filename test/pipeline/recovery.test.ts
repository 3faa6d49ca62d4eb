/** An interrupted swap (a build killed between its two renames) is put right by the next build. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { builtRoot, leftovers, outputsOf } from '../helpers/outputs.js'
import { copyBuildFixture, materializeInto, removeTemporaryDirs, ruleCase } from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

/** The state a build dies in between its two renames: output moved aside, staging not yet moved in. */
function interrupt(root: string): void {
  renameSync(join(root, 'dist-data'), join(root, 'dist-data.previous'))
  mkdirSync(join(root, 'dist-data.staging'))
  writeFileSync(join(root, 'dist-data.staging', 'acts.json'), '{"half": ')
}

describe('an interrupted swap is recovered', () => {
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
    rmSync(join(root, 'sources'), { recursive: true })
    copyBuildFixture('astral', root)
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
    rmSync(join(root, 'sources'), { recursive: true })
    materializeInto(ruleCase('directive-unknown/unknown-directive'), root)
    expect(build({ root }).ok).toBe(false)
    expect(outputsOf(root)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })
})
