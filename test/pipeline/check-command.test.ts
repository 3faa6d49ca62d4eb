import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/pipeline/build.js'
import { entities } from '../../src/schema/entities.js'

describe('check on the shipped sources', () => {
  const result = check({ root: new URL('../..', import.meta.url).pathname })

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

  it('reports coverage for every overlay of sources/', () => {
    const overlays = readdirSync(new URL('../../sources/', import.meta.url)).filter((name) => name.endsWith('.md'))
    expect(result.coverage.map((c) => c.file.split('/').pop()).sort()).toEqual(overlays.sort())
  })

  it('returns the records of every entity that the committed files hold', () => {
    for (const { name } of entities) {
      const committed = JSON.parse(readFileSync(new URL(`../../dist-data/${name}.json`, import.meta.url), 'utf8')) as { records: unknown[] }
      expect(result.dataset![name].length, name).toBe(committed.records.length)
      expect(result.dataset![name].length, name).toBeGreaterThan(0)
    }
  })
})
