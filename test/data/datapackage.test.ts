import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { parse } from 'csv-parse/sync'
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
    // Every entity has its wide table, with id as its key; the rest are the tidy tables of list fields.
    for (const name of entityNames) expect(tables.find((r: any) => r.name === name)?.schema.primaryKey, name).toEqual(['id'])
    const tidy = tables.filter((r: any) => !(entityNames as readonly string[]).includes(r.name))
    for (const name of [
      'act-characterizations',
      'act-stances',
      'act-people',
      'act-evidence',
      'act-evidence-supports',
      'report-characterizations',
      'report-stances',
      'report-people',
      'report-provenance',
      'instrument-provenance',
      'figure-provenance',
      'correction-provenance',
      'check-citations'
    ]) {
      expect(
        tidy.map((r: any) => r.name),
        name
      ).toContain(name)
    }
    for (const resource of tables) expect(validate(resource.schema), `${resource.name}: ${JSON.stringify(validate.errors)}`).toBe(true)
    for (const resource of tidy) {
      expect(resource.schema.primaryKey.slice(-1), resource.name).toEqual(['position'])
      expect(resource.schema.foreignKeys.length, resource.name).toBeGreaterThan(0)
    }
    const figures = tables.find((r: any) => r.name === 'figures')
    expect(figures.schema.foreignKeys).toEqual([{ fields: ['statedBy'], reference: { resource: 'reports', fields: ['id'] } }])
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

  it('declares a foreign key on every column that holds the id of another record', () => {
    const entityOf = new Map(dataPackage.resources.filter((r: any) => r.schema).map((r: any) => [r.name.replace(/s$/, ''), r.name]))
    let columns = 0
    for (const resource of dataPackage.resources.filter((r: any) => r.schema)) {
      const [ownKey] = resource.schema.primaryKey
      for (const field of resource.schema.fields) {
        const named = /^Id of the `?([a-z]+)/.exec(field.description ?? '')
        // The key of the resource itself, and a check's recordId (its entity is in recordType), point at no one resource.
        if (!named || field.name === ownKey || (resource.name === 'checks' && field.name === 'recordId')) continue
        columns++
        const target = entityOf.get(named[1]!.replace(/s$/, '')) ?? named[1]
        const key = (resource.schema.foreignKeys ?? []).find((k: any) => k.fields.length === 1 && k.fields[0] === field.name)
        expect(key?.reference, `${resource.name}.${field.name}`).toEqual({ resource: target, fields: ['id'] })
      }
    }
    expect(columns).toBeGreaterThanOrEqual(9)
  })

  it('every declared foreign key finds its row', () => {
    const rows = new Map<string, Array<Record<string, string>>>()
    const rowsOf = (name: string) => {
      if (!rows.has(name)) {
        const [header, ...body] = parse(readFileSync(new URL(`../../dist-data/${name}.csv`, import.meta.url), 'utf8')) as string[][]
        rows.set(
          name,
          body.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])))
        )
      }
      return rows.get(name)!
    }
    let checked = 0
    for (const resource of dataPackage.resources.filter((r: any) => r.schema?.foreignKeys)) {
      for (const key of resource.schema.foreignKeys) {
        const targets = new Set(rowsOf(key.reference.resource).map((row) => key.reference.fields.map((f: string) => row[f]).join('\u0000')))
        for (const row of rowsOf(resource.name)) {
          const values = key.fields.map((f: string) => row[f])
          if (values.some((v: string) => v === '')) continue
          checked++
          expect(targets.has(values.join('\u0000')), `${resource.name} ${key.fields.join(',')} = ${values.join(',')}`).toBe(true)
        }
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })
})
