import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { entityNames } from '../helpers/published.js'

const reference = (name: string) => JSON.parse(readFileSync(new URL(`../../vendor/frictionless/${name}`, import.meta.url), 'utf8'))
const dataPackage = JSON.parse(readFileSync(new URL('../../dist-data/datapackage.json', import.meta.url), 'utf8'))

describe('datapackage.json is a valid Frictionless Data Package v2', () => {
  // The profiles are draft-07 and use non-standard keywords (propertyOrder, format textarea).
  const ajv = new Ajv({ strict: false, validateFormats: false })

  it('validates against the Data Package profile', () => {
    const validate = ajv.compile(reference('datapackage.json'))
    expect(validate(dataPackage), JSON.stringify(validate.errors)).toBe(true)
  })

  it('gives every CSV a Table Schema that validates against the Table Schema profile', () => {
    const validate = ajv.compile(reference('tableschema.json'))
    const tables = dataPackage.resources.filter((r: any) => r.path.endsWith('.csv'))
    expect(tables.map((r: any) => r.name).sort()).toEqual([...entityNames].sort())
    for (const resource of tables) {
      expect(validate(resource.schema), `${resource.name}: ${JSON.stringify(validate.errors)}`).toBe(true)
      expect(resource.schema.primaryKey).toEqual(['id'])
    }
    const figures = tables.find((r: any) => r.name === 'figures')
    expect(figures.schema.foreignKeys).toEqual([{ fields: ['statedBy'], reference: { resource: 'acts', fields: ['id'] } }])
  })

  it('describes every file of dist-data/ with a plain relative path, its bytes and its sha256', () => {
    const files = readdirSync(new URL('../../dist-data/', import.meta.url)).filter((n: string) => n !== 'datapackage.json')
    expect(dataPackage.resources.map((r: any) => r.path).sort()).toEqual(files.sort())
    for (const resource of dataPackage.resources) {
      expect(resource.path).toMatch(/^[A-Za-z0-9._-]+$/)
      const bytes = readFileSync(new URL(`../../dist-data/${resource.path}`, import.meta.url))
      expect(resource.bytes).toBe(bytes.length)
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
    }
  })

  it('every declared foreign key finds its row', () => {
    const acts = new Set(JSON.parse(readFileSync(new URL('../../dist-data/acts.json', import.meta.url), 'utf8')).records.map((a: any) => a.id))
    for (const figure of JSON.parse(readFileSync(new URL('../../dist-data/figures.json', import.meta.url), 'utf8')).records) {
      if (figure.statedBy !== null) expect(acts.has(figure.statedBy), figure.id).toBe(true)
    }
  })
})
