import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { entityFile, entityNames } from '../helpers/published.js'

const dataPackage = JSON.parse(readFileSync(new URL('../../dist-data/datapackage.json', import.meta.url), 'utf8'))

/** Decodes a cell the way the README tells users to: by the Table Schema's field type. */
function decode(cell: string, type: string): unknown {
  if (cell === '') return null
  if (type === 'integer' || type === 'number') return Number(cell)
  if (type === 'boolean') return cell === 'true'
  if (type === 'array' || type === 'object') return JSON.parse(cell)
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell // the formula guard
}

describe('the CSVs rebuild the JSON records exactly', () => {
  for (const name of entityNames) {
    it(`${name}.csv`, () => {
      const bytes = readFileSync(new URL(`../../dist-data/${name}.csv`, import.meta.url))
      const text = bytes.toString('utf8')
      expect(bytes[0]).not.toBe(0xef) // no byte-order mark
      expect(text.endsWith('\r\n')).toBe(true)
      expect(text.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull() // every row ends with CRLF
      const fields = dataPackage.resources.find((r: any) => r.name === name).schema.fields as Array<{ name: string; type: string }>
      const [header, ...rows] = parse(text) as string[][]
      expect(header).toEqual(fields.map((f) => f.name))
      const rebuilt = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.name, decode(row[i]!, f.type)])))
      expect(rebuilt).toEqual(entityFile(name).records)
    })
  }

  it('never writes an empty string, so an empty cell always means null', () => {
    const visit = (value: unknown): void => {
      if (typeof value === 'string') expect(value).not.toBe('')
      else if (value && typeof value === 'object') Object.values(value).forEach(visit)
    }
    for (const name of entityNames) entityFile(name).records.forEach(visit)
  })
})

describe('cells a spreadsheet would run as a formula are neutralized, losslessly', () => {
  const table = {
    fields: [
      { name: 'id', type: 'string' as const },
      { name: 'n', type: 'number' as const },
      { name: 'list', type: 'array' as const }
    ],
    missingValues: [''],
    primaryKey: ['id']
  }
  it.each([
    '=SUM(A1:A2)',
    '+1',
    '-2+3',
    '@cmd',
    '\tx',
    '\rx',
    "'=quoted formula",
    "''+twice",
    "'Sui' for 'Sue'",
    'plain',
    'a lone\nline feed',
    'a lone\rreturn'
  ])('%j', async (value) => {
    const { encodeCsv, decodeCsv } = await import('../../src/pipeline/emit/csv-codec.js')
    const text = encodeCsv([{ id: value, n: -5, list: ['=x'] }], table)
    const [, row] = parse(text) as string[][]
    expect(row![0]).toBe(/^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value)
    expect(row![0]).not.toMatch(/^[=+\-@\t\r]/)
    expect(row![1]).toBe('-5') // numbers stay numbers
    expect(decodeCsv(text, table)).toEqual([{ id: value, n: -5, list: ['=x'] }])
  })
})

describe('a cell with a line break inside is quoted', () => {
  it.each(['a lone\nline feed', 'a lone\rreturn', 'a\r\nwindows break'])('%j', async (value) => {
    const { encodeCsv } = await import('../../src/pipeline/emit/csv-codec.js')
    const text = encodeCsv([{ id: value }], { fields: [{ name: 'id', type: 'string' }], missingValues: [''], primaryKey: ['id'] })
    // A reader that splits rows at any line break must not see a row end inside the cell.
    expect(text).toBe(`id\r\n"${value}"\r\n`)
  })
})
