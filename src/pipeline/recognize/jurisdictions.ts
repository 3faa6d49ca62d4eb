/**
 * Jurisdiction codes: ISO 3166-1 alpha-2 and ISO 3166-2 (from the `iso-3166` package) or
 * an organization code of the registry. The code decides the type and the level.
 */
import { iso31661, iso31662 } from 'iso-3166'
import type { Organization } from '../parse/registry.js'

/** What a jurisdiction code stands for. */
export interface Jurisdiction {
  code: string
  type: 'iso-3166-1' | 'iso-3166-2' | 'organization'
  name: string
  level: 'international' | 'national' | 'subnational'
}

const countries = new Map(iso31661.map((entry) => [entry.alpha2, entry.name]))
const subdivisions = new Map(iso31662.map((entry) => [entry.code, entry.name]))

/** Resolves a code; intergovernmental organizations are looked up first, so `UN` is the United Nations. */
export function resolveJurisdiction(code: string, organizations: readonly Organization[]): Jurisdiction | undefined {
  const organization = organizations.find((o) => o.code === code && o.intergovernmental)
  if (organization) return { code, type: 'organization', name: organization.name, level: 'international' }
  const country = countries.get(code)
  if (country) return { code, type: 'iso-3166-1', name: country, level: 'national' }
  const subdivision = subdivisions.get(code)
  if (subdivision) return { code, type: 'iso-3166-2', name: subdivision, level: 'subnational' }
  return undefined
}

/** Names of countries and subdivisions in plain English, as candidates for `check`. */
export function placeNames(): string[] {
  placeNameList ??= listPlaceNames()
  return [...placeNameList]
}

/** The names, computed once: they depend only on the iso-3166 tables. */
let placeNameList: readonly string[] | undefined

function listPlaceNames(): string[] {
  const names = new Set<string>()
  for (const entry of iso31661) {
    names.add(entry.name)
    // "Bolivia (Plurinational State of)", "Korea, Republic of": the short form is what prose uses.
    names.add(entry.name.replace(/\s*\(.*\)$/, '').replace(/,.*$/, ''))
  }
  // Subdivisions of the United States only: the world's five thousand subdivision names
  // include common English words that would flood the report.
  for (const entry of iso31662) if (entry.parent === 'US') names.add(entry.name)
  return [...names].filter((name) => name.length > 2)
}
