/** A build that fails, for bad input or part-way through its writes, leaves the previous output byte for byte. */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build, buildWithFault, check, type BuildResult } from '../../src/pipeline/build.js'
import { builtRoot, leftovers, outputsOf } from '../helpers/outputs.js'
import { copyBuildFixture, expectedOf, materializeInto, removeTemporaryDirs, ruleCases, type RuleCase } from '../helpers/rule-fixtures.js'

afterAll(removeTemporaryDirs)

/** Replaces the sources of `root` with those of a rule case or a build fixture. */
function replaceSources(root: string, from: RuleCase | string): void {
  rmSync(join(root, 'sources'), { recursive: true, force: true })
  rmSync(join(root, 'outside.txt'), { force: true })
  if (typeof from === 'string') copyBuildFixture(from, root)
  else materializeInto(from, root)
}

describe('a build that fails leaves the previous output byte for byte', () => {
  // Every error case of the catalogue, each built over a previous good output.
  for (const c of ruleCases().filter((c) => expectedOf(c).diagnostics.length > 0)) {
    it(`build on ${c.label} writes nothing`, () => {
      const root = builtRoot()
      const before = outputsOf(root)
      replaceSources(root, c)
      let result: BuildResult | undefined
      expect(() => {
        result = build({ root })
      }).not.toThrow()
      expect(result!.ok).toBe(false)
      expect(result!.diagnostics.some((d) => d.ruleId === expectedOf(c).diagnostics[0]!.ruleId)).toBe(true)
      expect(outputsOf(root)).toEqual(before)
      expect(leftovers(root)).toEqual([])
    })
  }

  it('a write that fails part-way throws and leaves the previous output whole', () => {
    // Fail inside dist-data/, at its start, and inside schemas/ (after every data file).
    const dataFiles = Object.keys(outputsOf(builtRoot()).data).filter((p) => !p.endsWith('/')).length
    for (const failAfterWrites of [0, 3, dataFiles + 2]) {
      const root = builtRoot()
      const before = outputsOf(root)
      // New, valid input whose output differs, so a half-done write would show.
      replaceSources(root, 'astral')
      expect(check({ root }).ok).toBe(true)
      expect(() => buildWithFault({ root }, { failAfterWrites }), `failAfterWrites ${failAfterWrites}`).toThrow()
      expect(outputsOf(root), `failAfterWrites ${failAfterWrites}`).toEqual(before)
      expect(leftovers(root), `failAfterWrites ${failAfterWrites}`).toEqual([])
      // And the next build without a fault writes the new output.
      expect(build({ root }).ok).toBe(true)
      expect(outputsOf(root)).not.toEqual(before)
      expect(leftovers(root)).toEqual([])
    }
  })

  it('a fault after three writes on unchanged input throws and changes nothing', () => {
    const root = builtRoot()
    const before = outputsOf(root)
    expect(() => buildWithFault({ root }, { failAfterWrites: 3 })).toThrow(/injected failure/)
    expect(outputsOf(root)).toEqual(before)
    expect(existsSync(join(root, 'dist-data.staging'))).toBe(false)
    expect(existsSync(join(root, 'schemas.staging'))).toBe(false)
    expect(leftovers(root)).toEqual([])
  })
})
