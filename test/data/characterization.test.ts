import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/pipeline/build.js'
import { entityFile } from '../helpers/published.js'
import { writeSource } from '../helpers/fixture.js'

const sourcesDir = new URL('../../sources/', import.meta.url)
/** Every overlay of sources/, one after the other: an act's container is in one of them. */
const overlay = readdirSync(sourcesDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(new URL(name, sourcesDir), 'utf8'))
  .join('\n')

/** The raw overlay text of an act container, read without the pipeline. */
function actBlock(id: string): string {
  const start = overlay.search(new RegExp(`^:::report\\{#${id}[ }]`, 'm'))
  expect(start, id).toBeGreaterThanOrEqual(0)
  const end = overlay.indexOf('\n:::\n', start)
  return overlay.slice(start, end)
}

const termWords: Record<string, RegExp> = {
  genocide: /genocide/i,
  massacre: /massacre/i,
  tragedy: /trag(edy|edies)/i,
  'grave-crime': /grave crimes?/i,
  'crime-against-humanity': /crimes? (committed )?against humanity/i
}

describe('characterization and stance come only from what the act is reported to say', () => {
  it('an act named "genocide" in the source’s own voice but whose words say "massacre" is characterized massacre only', () => {
    const verbatim =
      'Recognition of the Khojaly genocide in New Jersey\n\nAt the anniversary of Khojaly genocide in 2012 the Governor of New Jersey disseminated a statement. The statement reads: "we remember the Khojaly massacre".\n'
    const root = writeSource(
      verbatim,
      '## Recognition of the :voice[Khojaly genocide] in :nodata[New Jersey]\n\n:::report{#nj type=statement jurisdiction=US-NJ}\nAt the :nodata[anniversary] of :voice[Khojaly genocide] in :date[2012] the :body[Governor of New Jersey] disseminated a statement. The statement reads: "we :stance[remember]{value=commemorates} the Khojaly :term[massacre]".\n:::\n'
    )
    const result = check({ root, sourcesDir: root })
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(result.dataset!.reports[0]!.characterization).toEqual(['massacre'])
    expect(result.dataset!.reports[0]!.stance).toEqual(['commemorates'])
  })

  it('a term outside any act is an error, not a characterization', () => {
    const root = writeSource('The Khojaly genocide.\n', 'The Khojaly :term[genocide].\n')
    const result = check({ root, sourcesDir: root })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('directive-misplaced')
  })

  it('in the shipped data, New Jersey’s statement says "massacre" and is characterized so, never "genocide"', () => {
    const nj = entityFile('reports').records.find((a) => a.jurisdiction === 'US-NJ')!
    expect(nj.provenance[0].quote).toMatch(/Khojaly genocide/) // the source's own voice is there
    expect(nj.characterization).toEqual(['massacre'])
  })

  it('the 39th OIC session is not said to recognize anything: "had recognized" is the source’s conclusion', () => {
    const oic39 = entityFile('reports').records.find((a) => a.session === '39th session')!
    expect(oic39.stance).not.toContain('recognizes')
  })

  it('every characterization term and stance of every act has a marked span inside that act', () => {
    let checked = 0
    for (const act of entityFile('reports').records) {
      const block = actBlock(act.id)
      const quote = act.provenance.map((p: any) => p.quote).join(' ')
      for (const term of act.characterization) {
        expect(quote, `${act.id}: ${term}`).toMatch(termWords[term]!)
        const spans = [...block.matchAll(/:term\[([^\]]*)\](\{[^}]*\})?/g)]
        expect(
          spans.some(([, label, attrs]) => (attrs ?? '').includes(`value=${term}`) || termWords[term]!.test(label!)),
          `${act.id}: ${term}`
        ).toBe(true)
        checked++
      }
      for (const stance of act.stance) {
        expect(block, `${act.id}: ${stance}`).toMatch(new RegExp(`:stance\\[[^\\]]+\\]\\{[^}]*value=${stance}[ }]`))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20)
  })
})
