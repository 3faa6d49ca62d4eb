/**
 * The CSV rule, both ways. One row per record, one column per field, in schema order.
 * - null is an empty cell; no string field may be empty, so an empty cell is always null;
 * - arrays and objects are their JSON text (Frictionless `array` and `object` fields);
 * - numbers are written as JSON writes them; strings as they are;
 * - RFC 4180: comma, double quotes where needed, CRLF after every row, UTF-8 without BOM.
 */
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { TableSchema } from './table-schema.js'

/** The text of one cell for a JSON value. */
export function encodeCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The JSON value of one cell, by the type of its field. */
export function decodeCell(cell: string, type: TableSchema['fields'][number]['type']): unknown {
  if (cell === '') return null
  switch (type) {
    case 'integer':
    case 'number':
      return Number(cell)
    case 'boolean':
      return cell === 'true'
    case 'array':
    case 'object':
      return JSON.parse(cell)
    default:
      return cell
  }
}

/** CSV text of `records` under `table`. */
export function encodeCsv(records: ReadonlyArray<Record<string, unknown>>, table: TableSchema): string {
  const header = table.fields.map((f) => f.name)
  const rows = records.map((record) => header.map((name) => encodeCell(record[name])))
  return stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /^\s|\s$/ })
}

/** Records rebuilt from CSV text under `table`; throws when the header differs from the schema. */
export function decodeCsv(text: string, table: TableSchema): Array<Record<string, unknown>> {
  const rows: string[][] = parse(text, { record_delimiter: ['\r\n'], relax_column_count: false, bom: false })
  const [header, ...body] = rows
  const expected = table.fields.map((f) => f.name)
  if (!header || header.join(',') !== expected.join(',')) throw new Error(`CSV header is "${header?.join(',') ?? ''}", expected "${expected.join(',')}"`)
  return body.map((row) => Object.fromEntries(table.fields.map((field, i) => [field.name, decodeCell(row[i] ?? '', field.type)])))
}
