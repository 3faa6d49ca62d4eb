import { describe, expect, it } from 'vitest'
import { check } from '../src/pipeline/build.js'

describe('check on the shipped sources', () => {
  const result = check({ root: new URL('..', import.meta.url).pathname })

  it('reports no error and no warning', () => {
    expect(result.diagnostics).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('finds candidates with every recognizer, and every one is annotated or marked not data', () => {
    const recognizers = result.coverage.flatMap((c) => c.recognizers)
    expect(recognizers.map((r) => r.recognizer).sort()).toEqual(['characterization-terms', 'date-phrases', 'names', 'numerals', 'spelled-numbers'])
    for (const r of recognizers) {
      expect(r.found, r.recognizer).toBeGreaterThan(5)
      expect(r.covered, r.recognizer).toBe(r.found)
    }
  })

  it('yields the source’s 7 instruments and about 15–20 acts', () => {
    expect(result.dataset!.instruments).toHaveLength(7)
    expect(result.dataset!.acts.length).toBeGreaterThanOrEqual(15)
    expect(result.dataset!.acts.length).toBeLessThanOrEqual(22)
  })
})
