/**
 * docs/coverage.md says what the record holds: its figures are recomputed here from the
 * published JSON files, by the rules of RECORD.md read afresh (not by the pipeline's code),
 * and the record meets the floors its curation set out to reach.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entityFile } from '../helpers/published.js'

const coverage = readFileSync(new URL('../../docs/coverage.md', import.meta.url), 'utf8')
type Row = Record<string, any>
const acts: Row[] = entityFile('acts').records
const citations = new Map<string, Row>(entityFile('citations').records.map((c: Row) => [c.id, c]))
const sourceSides = new Map<string, string>(entityFile('sources').records.map((s: Row) => [s.id, s.side]))
const khojaly = acts.filter((a) => a.concernsKhojaly)
const notAzerbaijan = (a: Row) => a.jurisdiction !== 'AZ'

/** The line of coverage.md that starts with `start`. */
const line = (start: string) => coverage.split('\n').find((l) => l.startsWith(start)) ?? ''
/** The cells of the table row of coverage.md whose first cell is `first`. */
const row = (first: string) =>
  coverage
    .split('\n')
    .find((l) => l.startsWith(`| ${first} |`))
    ?.split('|')
    .slice(2, -1)
    .map((c) => c.trim()) ?? []

describe('docs/coverage.md', () => {
  const ofRecord = khojaly.filter((a) => ['body', 'committee'].includes(a.actor) && ['adopted', 'signed', 'published'].includes(a.stage))
  const countries = new Set(khojaly.filter((a) => a.jurisdictionType === 'iso-3166-1' && !['US', 'AZ'].includes(a.jurisdiction)).map((a) => a.jurisdiction))
  const states = new Set(khojaly.filter((a) => /^US-[A-Z]{2}$/.test(a.jurisdiction)).map((a) => a.jurisdiction))

  it('gives the headline figures of the record', () => {
    expect(line('- Acts concerning Khojaly:')).toBe(
      `- Acts concerning Khojaly: ${khojaly.length}; other than Azerbaijan's own: ${khojaly.filter(notAzerbaijan).length}.`
    )
    expect(line('- Acts of a body or a committee')).toContain(`: ${ofRecord.length}; other than Azerbaijan's: ${ofRecord.filter(notAzerbaijan).length}.`)
    expect(line('- Countries')).toContain(`: ${countries.size}; US states: ${states.size};`)
    expect(line('- Counter-acts')).toContain(`: ${acts.filter((a) => a.stance.includes('rejects')).length}.`)
  })

  it('meets the floors the curation set: 150 acts beyond Azerbaijan, 80 of bodies or committees at a final stage, 15 countries, 15 US states', () => {
    expect(khojaly.filter(notAzerbaijan).length).toBeGreaterThanOrEqual(150)
    expect(ofRecord.length).toBeGreaterThanOrEqual(80)
    expect(countries.size).toBeGreaterThanOrEqual(15)
    expect(states.size).toBeGreaterThanOrEqual(15)
  })

  it('counts each term by the strongest evidence that shows that term', () => {
    // RECORD.md: the act's own words in its text or a copy are primary; quoted in a report or a shipped text, quoted; else reported.
    const rank = { reported: 1, quoted: 2, primary: 3 } as const
    const basisOf = (entry: Row): keyof typeof rank => {
      if (entry.voice !== 'act') return 'reported'
      if (entry.citation === null) return 'quoted'
      const kind = citations.get(entry.citation)!.kind
      return kind === 'primary' || kind === 'copy' ? 'primary' : kind === 'report' ? 'quoted' : 'reported'
    }
    let terms = 0
    for (const term of new Set(khojaly.flatMap((a) => a.characterization as string[]))) {
      const counts = { primary: 0, quoted: 0, reported: 0 }
      for (const act of khojaly.filter((a) => a.characterization.includes(term))) {
        const entries = act.evidence.filter((e: Row) => e.supports.includes(`characterization:${term}`))
        expect(entries.length, `${act.id} ${term}`).toBeGreaterThan(0)
        const best = entries.map(basisOf).sort((a: keyof typeof rank, b: keyof typeof rank) => rank[b] - rank[a])[0] as keyof typeof rank
        counts[best]++
      }
      expect(row(term), term).toEqual([counts.primary, counts.quoted, counts.reported].map(String))
      terms++
    }
    expect(terms).toBeGreaterThan(5)
  })

  it('says from which sides of the conflict each act is known', () => {
    const sidesOf = (a: Row) =>
      new Set(a.evidence.map((e: Row) => (e.citation === null ? sourceSides.get(e.anchor.sourceId) : citations.get(e.citation)!.side)))
    const independent = khojaly.filter((a) => sidesOf(a).has('independent'))
    const azOnly = khojaly.filter((a) => {
      const s = sidesOf(a)
      return s.size === 1 && s.has('az')
    })
    expect(row('at least one independent document')).toEqual([independent.length, independent.filter(notAzerbaijan).length].map(String))
    expect(row('only documents aligned with Azerbaijan')).toEqual([azOnly.length, azOnly.filter(notAzerbaijan).length].map(String))
  })
})
