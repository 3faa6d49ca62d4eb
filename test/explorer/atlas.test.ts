/**
 * The map's boundaries: one table from the atlases' ids to ISO 3166 (explorer/atlas-codes.ts),
 * held to the standard's own names, and the shapes the committed shell ships, which must
 * include every jurisdiction of the record.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { iso31661, iso31662 } from 'iso-3166'
import { describe, expect, it } from 'vitest'
import { atlasCode, usStateCodes } from '../../explorer/atlas-codes.js'
import { entityFile } from '../helpers/published.js'

const require = createRequire(import.meta.url)
const world = require('world-atlas/countries-50m.json')
const states = require('us-atlas/states-10m.json')
const shell = readFileSync(new URL('../../explorer/shell.html', import.meta.url), 'utf8')
const atlas = JSON.parse(/<script type="application\/json" data-explorer="atlas">(.*?)<\/script>/s.exec(shell)![1]!)
const acts = entityFile('acts').records

describe('atlas ids to ISO 3166', () => {
  it('reads world-atlas ids as ISO 3166-1 numeric codes', () => {
    // Values from ISO 3166-1 itself, not from the table.
    expect(atlasCode('countries', '031')).toBe('AZ')
    expect(atlasCode('countries', '051')).toBe('AM')
    expect(atlasCode('countries', '840')).toBe('US')
    expect(atlasCode('countries', '792')).toBe('TR')
    expect(atlasCode('countries', '262')).toBe('DJ')
    expect(atlasCode('countries', undefined)).toBeUndefined()
    const assigned = new Set(iso31661.map((c) => c.alpha2))
    const unmapped: string[] = []
    for (const g of world.objects.countries.geometries) {
      const code = atlasCode('countries', g.id)
      if (code === undefined) unmapped.push(g.properties.name)
      else expect(assigned.has(code), `${g.id} ${g.properties.name}`).toBe(true)
    }
    // The features Natural Earth gives no ISO code; none is a jurisdiction of the record.
    expect(unmapped.sort()).toEqual(['Indian Ocean Ter.', 'Kosovo', 'N. Cyprus', 'Siachen Glacier', 'Somaliland'])
  })

  it('maps every us-atlas state (FIPS 5-2) to the ISO 3166-2 code of the same name', () => {
    expect(usStateCodes['25']).toBe('US-MA')
    expect(usStateCodes['48']).toBe('US-TX')
    expect(usStateCodes['11']).toBe('US-DC')
    expect(usStateCodes['15']).toBe('US-HI')
    const names = new Map(iso31662.filter((s) => s.parent === 'US').map((s) => [s.code, s.name]))
    const aliases: Record<string, string> = { 'Commonwealth of the Northern Mariana Islands': 'Northern Mariana Islands' }
    for (const g of states.objects.states.geometries) {
      const code = atlasCode('states', g.id)
      expect(code, g.properties.name).toBeDefined()
      expect(names.get(code!), g.id).toBe(aliases[g.properties.name] ?? g.properties.name)
    }
    expect(Object.keys(usStateCodes).length).toBe(states.objects.states.geometries.length)
    expect(new Set(Object.values(usStateCodes)).size).toBe(Object.keys(usStateCodes).length)
  })
})

describe('the shapes the shell ships', () => {
  it('has a drawn shape for every country and US state of the record', () => {
    const drawn = new Map<string, string>()
    for (const map of [atlas.countries, atlas.states]) {
      const codes = map.shapes.map((s: { code: string | null }) => s.code).filter(Boolean)
      expect(new Set(codes).size, 'one shape a code').toBe(codes.length)
      for (const s of map.shapes) if (s.code) drawn.set(s.code, s.d)
    }
    const wanted = [...new Set(acts.filter((a) => a.jurisdictionType === 'iso-3166-1' || /^US-/.test(a.jurisdiction)).map((a) => a.jurisdiction as string))]
    expect(wanted.length).toBeGreaterThan(30)
    for (const code of wanted) expect(drawn.get(code) ?? '', code).toMatch(/^M-?[0-9.]+,-?[0-9.]+/)
    // Small states too: the 110m file lacks several members of the OIC, the 50m file has them.
    for (const code of ['BH', 'MV', 'KM', 'SG', 'DJ', 'MT', 'LU']) expect(drawn.get(code) ?? '', code).not.toBe('')
    expect(drawn.size).toBeGreaterThan(230)
  })

  it('says whose boundaries they are', () => {
    expect(atlas.credits.countries).toMatch(/Natural Earth.*world-atlas/)
    expect(atlas.credits.states).toMatch(/US Census Bureau.*us-atlas/)
  })
})
