/**
 * The tidy tables rebuild every list of every record: read here with csv-parse and the Table
 * Schemas of datapackage.json (not with the pipeline's decoder), grouped by the record's id,
 * ordered by position, and compared with the lists of the JSON records.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { entityFile, entityNames, type EntityName, type Json } from '../helpers/published.js'

const dataPackage = JSON.parse(readFileSync(new URL('../../dist-data/datapackage.json', import.meta.url), 'utf8'))
const resources: Json[] = dataPackage.resources.filter((r: Json) => r.format === 'csv' && !(entityNames as readonly string[]).includes(r.name))

function decode(cell: string, type: string): unknown {
  if (cell === '') return null
  if (type === 'integer' || type === 'number') return Number(cell)
  if (type === 'boolean') return cell === 'true'
  if (type === 'array' || type === 'object') return JSON.parse(cell)
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

function rowsOf(resource: Json): Json[] {
  const [header, ...body] = parse(readFileSync(new URL(`../../dist-data/${resource.path}`, import.meta.url), 'utf8')) as string[][]
  const types = new Map<string, string>(resource.schema.fields.map((f: Json) => [f.name, f.type]))
  return body.map((row) => Object.fromEntries(header!.map((name, i) => [name, decode(row[i]!, types.get(name)!)])))
}

describe('the tidy tables rebuild every list', () => {
  it('has a tidy table for every list field of every entity', () => {
    let lists = 0
    for (const name of entityNames) {
      const record = entityFile(name).records[0]
      if (!record) continue
      for (const [field, value] of Object.entries(record)) {
        if (!Array.isArray(value)) continue
        lists++
        expect(
          resources.some((r) => r.schema.foreignKeys[0].reference.resource === name && r.description.includes(`The ${field} of each`)),
          `${name}.${field}`
        ).toBe(true)
      }
    }
    expect(lists).toBeGreaterThan(10)
  })

  for (const resource of resources) {
    it(`${resource.name}`, () => {
      const key = resource.schema.foreignKeys[0]
      const entity = key.reference.resource as string
      const rows = rowsOf(resource)
      const idColumn = resource.schema.fields[0].name as string
      const field = /^The (\w+) of each/.exec(resource.description)![1]!
      const nested = key.reference.fields.length > 1
      const parentField = nested ? /each (\w+) entry/.exec(resource.description)![1]! : undefined
      // A nested list's key points at its parent tidy table, whose key points at the entity.
      const owner = nested ? resources.find((r) => r.name === entity)!.schema.foreignKeys[0].reference.resource : entity
      const records = entityFile(owner as EntityName).records
      let items = 0
      for (const record of records) {
        const mine = rows.filter((r) => r[idColumn] === record.id)
        if (!nested) {
          const list = mine
            .sort((a, b) => a.position - b.position)
            .map((r) => (Object.keys(r).length === 3 && 'value' in r ? r.value : Object.fromEntries(Object.entries(r).slice(2))))
          const expected = (record[field] as unknown[]).map((item) =>
            typeof item === 'object' && item !== null ? Object.fromEntries(Object.entries(item).filter(([, v]) => !Array.isArray(v))) : item
          )
          expect(list, `${record.id}.${field}`).toEqual(expected)
          expect(mine.map((r) => r.position)).toEqual(expected.map((_, i) => i + 1))
          items += list.length
        } else {
          ;(record[parentField!] as Json[]).forEach((entry, i) => {
            const list = mine
              .filter((r) => r[`${parentField}Position`] === i + 1)
              .sort((a, b) => a.position - b.position)
              .map((r) => r.value)
            expect(list, `${record.id}.${parentField}[${i}].${field}`).toEqual(entry[field])
            items += list.length
          })
        }
      }
      expect(rows.length).toBe(items)
    })
  }
})
