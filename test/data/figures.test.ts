import { describe, expect, it } from 'vitest'
import { check } from '../../src/pipeline/build.js'
import { findNumbers } from '../../src/pipeline/recognize/numbers.js'
import { entityFile, verbatimText } from '../helpers/published.js'
import { writeSource } from '../helpers/fixture.js'

const identifiersAndOrdinals = [
  'Resolution 535',
  '366 infantry regiment',
  '366th Infantry Regiment',
  '260 (III)',
  'par. 103',
  '39th session',
  '13-th session',
  '36the ministerial'
]

describe('identifiers and ordinals are never figures', () => {
  it('no figure’s words overlap an identifier or ordinal of the source', () => {
    const figures = entityFile('figures').records
    for (const phrase of identifiersAndOrdinals) {
      const text = verbatimText(figures[0]!.provenance[0].sourceId)
      const chars = Array.from(text)
      const at = text.indexOf(phrase)
      expect(at, phrase).toBeGreaterThanOrEqual(0)
      const start = Array.from(text.slice(0, at)).length
      const end = start + Array.from(phrase).length
      for (const figure of figures) {
        const p = figure.provenance[0]
        expect(p.end <= start || p.start >= end, `${figure.id} overlaps "${phrase}" (${chars.slice(start, end).join('')})`).toBe(true)
      }
    }
  })

  it('the number reader finds no number in them', () => {
    for (const phrase of identifiersAndOrdinals) expect(findNumbers(phrase), phrase).toEqual([])
  })

  it('a figure span on an identifier is an error', () => {
    const root = writeSource(
      'The House adopted Resolution 535.\n',
      ':::report{#tx type=resolution jurisdiction=US-TX}\nThe House adopted :figure[Resolution 535]{#f measure=killed}.\n:::\n'
    )
    const result = check({ root, sourcesDir: root })
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('figure-no-number')
  })

  it('reads values, qualifiers and vague amounts from the words', () => {
    const byWords = new Map(entityFile('figures').records.map((f) => [f.provenance[0].quote, f]))
    const displaced = [...byWords.values()].find((f) => f.measure === 'displaced')!
    expect(displaced.provenance[0].quote).toMatch(/^more than 1 million/)
    expect([displaced.value, displaced.qualifier, displaced.valueAsWritten]).toEqual([1_000_000, 'more-than', '1 million'])
    for (const f of byWords.values()) {
      if (f.valueAsWritten === 'hundreds') expect([f.value, f.qualifier]).toEqual([null, 'vague'])
      else expect(f.provenance[0].quote).toContain(f.valueAsWritten)
    }
  })

  it('attributes the 613/487/1275 figures to the act whose words the source reports, and the 102 senators to the source itself', () => {
    const figures = entityFile('figures').records
    const acts = entityFile('reports').records
    for (const value of [613, 487, 1275]) {
      const figure = figures.find((f) => f.value === value)!
      expect(acts.find((a) => a.id === figure.statedBy)?.jurisdiction).toBe('US-ME')
    }
    expect(figures.find((f) => f.value === 102)!.statedBy).toBeNull()
  })
})
