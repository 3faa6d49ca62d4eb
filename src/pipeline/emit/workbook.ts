/**
 * The spreadsheet of dist-data/: an .xlsx workbook with one sheet per tabular resource of
 * datapackage.json, after a first sheet, "columns", that says what every column holds (from
 * the Table Schemas' descriptions), so that nothing depends on a list of entity names.
 *
 * - Every string, date, array and object value is a text cell with the number format `@`
 *   (Text), so no spreadsheet turns `2011-03` or `May 17` into a date, `2004` into a number
 *   or `=…` into a formula; arrays and objects are their JSON text, as in the CSVs.
 * - integer and number values are number cells, boolean values boolean cells; null is an
 *   empty cell.
 * - The header row of every sheet is bold and frozen.
 * - A value a workbook cannot hold exactly (over 32,767 characters, or a character XML 1.0
 *   forbids or the writer drops, such as a carriage return or a C1 control) fails the build
 *   with its place, rather than coming out changed.
 *
 * The workbook is written by write-excel-file; its ZIP container is then re-packed with
 * fflate in a fixed entry order with a fixed entry time (1980-01-01 00:00, as local time, so
 * the DOS time fields are the same in every time zone): the same rows give the same bytes.
 */
import type { TableField } from './table-schema.js'
import { enumOf, type RowSource, type TabularResource } from './tabular-resources.js'

/** Name of the first sheet, which explains the columns of the others. */
export const columnsSheetName = 'columns'

/** A cell as write-excel-file takes it (kept here so that no published type names the library). */
export type WorkbookCell =
  | null
  | { type: StringConstructor; value: string; format: '@'; fontWeight?: 'bold' }
  | { type: NumberConstructor; value: number }
  | { type: BooleanConstructor; value: boolean }

/** One sheet: its name, its rows (the first is the header), and its column widths. */
export interface WorkbookSheet {
  sheet: string
  data: WorkbookCell[][]
  columns: Array<{ width: number }>
  stickyRowsCount: 1
}

/** Longest text a cell holds (Excel's limit). */
export const maxCellCharacters = 32_767

/**
 * Characters a workbook cannot keep: those XML 1.0 forbids, the carriage return (XML reads
 * it as a line feed), and those write-excel-file removes (C1 controls but U+0085,
 * U+FDD0–U+FDEF, U+FFFD, U+FFFE, U+FFFF and the other noncharacters, lone surrogates).
 */
const astralNonCharacters = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}fffe}\\u{${(i + 1).toString(16)}ffff}`).join('')
const unkeepable = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\ufdd0-\\ufdef\\ufffd-\\uffff${astralNonCharacters}]|\\p{Cs}`, 'u')

const text = (value: string, bold = false): WorkbookCell => ({ type: String, value, format: '@', ...(bold ? { fontWeight: 'bold' as const } : {}) })

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique ignoring case (Excel's rules). */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>([columnsSheetName])
  return names.map((name) => {
    const clean = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'table'
    let candidate = clean
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`
    taken.add(candidate.toLowerCase())
    return candidate
  })
}

/** The text a cell of a string, date, array or object field shows: the value, or its JSON text. */
function cellOf(field: TableField, value: unknown, place: () => string): WorkbookCell {
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${place()}: ${JSON.stringify(value)} is not a number`)
      return { type: Number, value }
    case 'boolean':
      return { type: Boolean, value: Boolean(value) }
    default: {
      const shown = typeof value === 'string' ? value : JSON.stringify(value)
      if (shown.length > maxCellCharacters) throw new Error(`${place()}: ${shown.length} characters, over the ${maxCellCharacters} a spreadsheet cell holds`)
      const bad = unkeepable.exec(shown)
      if (bad)
        throw new Error(
          `${place()}: the character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index} cannot be kept in a spreadsheet cell`
        )
      return text(shown)
    }
  }
}

const widthOf = (field: TableField) =>
  field.name === 'id' || field.name.endsWith('Id')
    ? 28
    : field.type === 'array' || field.type === 'object'
      ? 60
      : field.type === 'string'
        ? 30
        : field.type === 'date'
          ? 12
          : 10

/** The sheets of the workbook: "columns" first, then one per table, rows in order. */
export function workbookSheets(resources: readonly TabularResource[], rows: RowSource): WorkbookSheet[] {
  const names = sheetNames(resources.map((r) => r.name))
  const about: WorkbookCell[][] = [['sheet', 'column', 'type', 'required', 'values', 'description'].map((h) => text(h, true))]
  resources.forEach((resource, i) => {
    about.push([text(names[i]!), null, text('table'), null, null, resource.description ? text(resource.description) : null])
    for (const field of resource.schema.fields) {
      const values = enumOf(field)
      about.push([
        text(names[i]!),
        text(field.name),
        text(field.type),
        text(field.constraints?.required ? 'yes' : 'no'),
        values ? text(values.map(String).join(', ')) : null,
        field.description ? text(field.description) : null
      ])
    }
  })
  const sheets: WorkbookSheet[] = [{ sheet: columnsSheetName, data: about, columns: [14, 22, 10, 9, 40, 100].map((width) => ({ width })), stickyRowsCount: 1 }]
  resources.forEach((resource, i) => {
    const fields = resource.schema.fields
    const data: WorkbookCell[][] = [fields.map((f) => text(f.name, true))]
    ;(rows.get(resource.name) ?? []).forEach((row, r) => {
      data.push(fields.map((field) => cellOf(field, row[field.name], () => `${resource.name}, row ${r + 1}, ${field.name}`)))
    })
    sheets.push({ sheet: names[i]!, data, columns: fields.map((f) => ({ width: widthOf(f) })), stickyRowsCount: 1 })
  })
  return sheets
}

/** The part of fflate the re-packing uses. */
export interface Zip {
  unzipSync(data: Uint8Array): Record<string, Uint8Array>
  zipSync(files: Record<string, [Uint8Array, { mtime: Date; level: 6 }]>, options?: object): Uint8Array
}

/** The ZIP entries' time: 1980-01-01 00:00 in local time, the same DOS date and time in every time zone. */
export const fixedEntryTime = () => new Date(1980, 0, 1, 0, 0, 0)

/**
 * The same ZIP container with its entries in a fixed order (`[Content_Types].xml` first, as
 * Office writes it, then by name) and each entry's time fixed.
 */
export function repackZip(zip: Zip, bytes: Uint8Array): Uint8Array {
  const entries = zip.unzipSync(bytes)
  const names = Object.keys(entries).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0))
  const files: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {}
  for (const name of names) files[name] = [entries[name]!, { mtime: fixedEntryTime(), level: 6 }]
  return zip.zipSync(files)
}
