/**
 * The CSV rule, both ways. One row per record, one column per field, in schema order.
 * - null is an empty cell; no string field may be empty, so an empty cell is always null;
 * - arrays and objects are their JSON text (Frictionless `array` and `object` fields);
 * - numbers are written as JSON writes them; strings as they are;
 * - RFC 4180: comma, double quotes where needed, CRLF after every row, UTF-8 without BOM;
 * - formula guard (OWASP, CSV injection): a string whose first character after any leading
 *   single quotes is `=`, `+`, `-`, `@`, a tab or a carriage return gets one more single
 *   quote in front, so a spreadsheet shows it as text and never runs it. A reader that
 *   knows the rule removes one single quote from a cell that begins with single quotes
 *   followed by one of those characters; every other cell is the value itself.
 */
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { TableSchema } from './table-schema.js'

/** The CSV rule in words, for the codebook and the README: one sentence a line. */
export const csvRule = [
  'One row per record, one column per field, in the order of the fields below; the first row holds the field names.',
  'RFC 4180: comma-separated, double quotes around a cell where needed (a quote inside is doubled), CRLF after every row, UTF-8 without a byte-order mark.',
  'An empty cell is null. No string field is ever empty, so an empty cell never means an empty string.',
  'Arrays and objects (`provenance`, `people`, `characterization`, `stance`) are their JSON text in one cell (Frictionless `array`/`object` fields).',
  'Numbers are written as JSON writes them; dates as ISO 8601 (`YYYY-MM-DD`).',
  "Formula guard (OWASP, CSV injection): a string whose first character, after any single quotes it starts with, is `=`, `+`, `-`, `@`, a tab or a carriage return is written with one more single quote (`'`) in front, so a spreadsheet shows it as text and never runs it. To read the exact value, remove one single quote from a cell that matches `^'+[=+\\-@\\t\\r]`; every other cell is the value itself. No value of this version needs the guard."
] as const

/** A value a spreadsheet would run as a formula, possibly behind single quotes already. */
const needsGuard = /^'*[=+\-@\t\r]/
/** A cell written with the guard. */
const guarded = /^'+[=+\-@\t\r]/

/** The text of one cell for a JSON value. */
export function encodeCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  if (typeof value === 'string' && needsGuard.test(value)) return `'${value}`
  return String(value)
}

/** The JSON value of one cell, by the type of its field. */
export function decodeCell(cell: string, type: TableSchema['fields'][number]['type']): unknown {
  // Only string and date fields can carry the formula guard; dates never need it.
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
      return guarded.test(cell) ? cell.slice(1) : cell
  }
}

/** CSV text of `records` under `table`: the header row, then one row per record. */
export function encodeCsv(records: ReadonlyArray<Record<string, unknown>>, table: TableSchema): string {
  return encodeCsvHeader(table) + encodeCsvRows(records, table)
}

/** The header row of a CSV file under `table`. */
export function encodeCsvHeader(table: TableSchema): string {
  return stringifyRows([table.fields.map((f) => f.name)])
}

/** The rows of `records` under `table`, without the header: a file may be written a batch of rows at a time. */
export function encodeCsvRows(records: ReadonlyArray<Record<string, unknown>>, table: TableSchema): string {
  return records.length === 0 ? '' : stringifyRows(records.map((record) => table.fields.map((f) => encodeCell(record[f.name]))))
}

function stringifyRows(rows: string[][]): string {
  // csv-stringify quotes a cell holding the record delimiter (CRLF) but not a lone CR or LF:
  // quote those too, and cells with leading or trailing whitespace, which readers may trim.
  return stringify(rows, { record_delimiter: 'windows', quoted_match: [/^\s|\s$/, /[\r\n]/] })
}

/** Records rebuilt from CSV text under `table`; throws when the header differs from the schema. */
export function decodeCsv(text: string, table: TableSchema): Array<Record<string, unknown>> {
  // Rows end with CRLF as published; LF alone (after a line-ending conversion) is read too.
  const rows: string[][] = parse(text, { relax_column_count: false, bom: false })
  const [header, ...body] = rows
  const expected = table.fields.map((f) => f.name)
  if (!header || header.join(',') !== expected.join(',')) throw new Error(`CSV header is "${header?.join(',') ?? ''}", expected "${expected.join(',')}"`)
  return body.map((row) => Object.fromEntries(table.fields.map((field, i) => [field.name, decodeCell(row[i] ?? '', field.type)])))
}
