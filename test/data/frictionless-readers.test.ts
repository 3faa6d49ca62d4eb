/**
 * datapackage.json for every Frictionless reader: each table resource also passes v1's
 * Tabular Data Resource profile (draft-04, vendored in test/reference/, validated with
 * ajv-draft-04), which is what v1 readers such as the frictionless package for R demand;
 * vocabulary fields carry v2 `categories`; the package names its contributors.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import AjvDraft04 from 'ajv-draft-04'
import { describe, expect, it } from 'vitest'
import { supportKeys } from '../../src/schema/act.js'
import { vocabularies } from '../../src/schema/vocabularies.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url))
const profileBytes = read('test/reference/tabular-data-resource.json')
const profile = JSON.parse(profileBytes.toString('utf8'))
const dataPackage = JSON.parse(read('dist-data/datapackage.json').toString('utf8'))
const tables: any[] = dataPackage.resources.filter((r: any) => String(r.path).endsWith('.csv'))

// The profile uses keywords of its own (propertyOrder, context): not strict.
const validate = new AjvDraft04({ strict: false, validateFormats: false }).compile(profile)

describe('the vendored v1 Tabular Data Resource profile', () => {
  it('is the file SOURCES.md names, by its sha256, and a draft-04 schema', () => {
    const sha256 = createHash('sha256').update(profileBytes).digest('hex')
    expect(read('test/reference/SOURCES.md').toString('utf8')).toContain(sha256)
    expect(profile.$schema).toBe('http://json-schema.org/draft-04/schema#')
    expect(profile.title).toBe('Tabular Data Resource')
  })
})

describe('every table resource is a v1 Tabular Data Resource', () => {
  it('there are table resources to check', () => {
    expect(tables.length).toBeGreaterThan(0)
  })

  for (const resource of tables) {
    it(`${resource.name} passes the v1 profile and says profile: "tabular-data-resource"`, () => {
      expect(resource.profile).toBe('tabular-data-resource')
      expect(validate(resource), JSON.stringify(validate.errors)).toBe(true)
    })
  }

  it('a table resource without its profile fails the v1 profile (so the checks above can fail)', () => {
    const { profile: _, ...without } = tables[0]
    expect(validate(without)).toBe(false)
    expect(JSON.stringify(validate.errors)).toMatch(/profile/)
  })

  it('a table resource with a v2-only shape the v1 profile refuses also fails (a wrong hash form)', () => {
    expect(validate({ ...tables[0], hash: 'not a hash' })).toBe(false)
  })

  it('only table resources carry the table profile', () => {
    for (const resource of dataPackage.resources) {
      if (!String(resource.path).endsWith('.csv')) expect(resource.profile, resource.name).toBeUndefined()
    }
  })
})

describe('v2 categories and contributors', () => {
  it('every field with an enum carries the same values as categories, and no other field does', () => {
    let withEnum = 0
    for (const resource of tables) {
      for (const field of resource.schema.fields) {
        if (field.constraints?.enum) {
          withEnum++
          expect(field.categories, `${resource.name}.${field.name}`).toEqual(field.constraints.enum)
        } else expect(field.categories, `${resource.name}.${field.name}`).toBeUndefined()
      }
    }
    expect(withEnum).toBeGreaterThan(0)
  })

  it('the categories are the values of a vocabulary (or the fields an evidence entry can support)', () => {
    const known = [...Object.values(vocabularies).map((v) => JSON.stringify(Object.keys(v))), JSON.stringify(supportKeys)]
    for (const resource of tables) {
      for (const field of resource.schema.fields)
        if (field.categories) expect(known, `${resource.name}.${field.name}`).toContain(JSON.stringify(field.categories))
    }
  })

  it('the codebook says why the profile is there', () => {
    expect(read('docs/codebook.md').toString('utf8')).toMatch(
      /"profile": "tabular-data-resource"`, a Data Package v1 property: readers built on v1, such as the frictionless package for R, refuse a table resource without it/
    )
  })

  it('the package names its contributors as CITATION.cff does', () => {
    expect(dataPackage.contributors).toEqual([{ title: 'khojaly-recognition contributors', roles: ['creator'] }])
    expect(read('CITATION.cff').toString('utf8')).toContain('- name: khojaly-recognition contributors')
  })
})
