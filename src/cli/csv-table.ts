/**
 * A user's CSV read for `validate` under a Table Schema, every problem placed at its row and
 * column and none hiding the others: the rows by csv-parse (a broken row is skipped with an
 * error, the rest still read), the header against the table's columns (an unknown column
 * named with the nearest known one), each cell decoded by its field's type under the CSV rule
 * (csv-codec.ts). Rows count as a spreadsheet counts them: the header is row 1, and a cell
 * holding line breaks keeps its row one row.
 */
import { parse } from 'csv-parse/sync'
import { decodeCell } from '../pipeline/emit/csv-codec.js'
import type { TableField, TableSchema } from '../pipeline/emit/table-schema.js'
import { echo } from '../pipeline/diagnostics/printable.js'
import { nearestName } from './schema-messages.js'

/** A problem of the file at a row (and a column), before the validator gives it a rule id. */
export interface CsvProblem {
  row: number
  column?: string
  message: string
  kind: 'parse' | 'header'
}

/** One data row: its number, the values of the known columns, and the columns whose cells did not decode. */
export interface CsvRow {
  row: number
  record: Record<string, unknown>
  badColumns: ReadonlySet<string>
}

/** A CSV file under a table: its header, its rows, and what was wrong. */
export interface CsvTable {
  header: string[]
  rows: CsvRow[]
  problems: CsvProblem[]
}

/** The header row alone, as csv-parse reads it (quotes and all); empty when there is none. */
export function csvHeader(text: string): string[] {
  try {
    const [first] = parse(text, { bom: false, to_line: 1, relax_column_count: true }) as string[][]
    return first ?? []
  } catch {
    return []
  }
}

/** A number as JSON writes it: the only form the CSV rule writes. */
const jsonNumber = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/

/** The value of one cell, or why it has none. */
function decodeTyped(cell: string, field: TableField): { ok: true; value: unknown } | { ok: false; message: string } {
  if (cell === '') return { ok: true, value: null }
  const shown = `"${echo(cell)}"`
  switch (field.type) {
    case 'integer':
    case 'number':
      if (!jsonNumber.test(cell)) return { ok: false, message: `${shown} is not a number` }
      break
    case 'boolean':
      if (cell !== 'true' && cell !== 'false') return { ok: false, message: `${shown} is not true or false` }
      break
    case 'array':
    case 'object': {
      let value: unknown
      try {
        value = JSON.parse(cell)
      } catch (error) {
        return {
          ok: false,
          message: `is not JSON text (${(error as Error).message.replace(/\s+/g, ' ')}); an ${field.type} field holds the JSON text of its value`
        }
      }
      const isArray = Array.isArray(value)
      if (field.type === 'array' ? !isArray : isArray || value === null || typeof value !== 'object')
        return { ok: false, message: `holds JSON text that is not an ${field.type}` }
      return { ok: true, value }
    }
    default:
      break
  }
  return { ok: true, value: decodeCell(cell, field.type) }
}

/** Problems of the header against the table's columns; an empty list when it is exactly the table's. */
function headerProblems(header: readonly string[], table: TableSchema, tableName: string): CsvProblem[] {
  const expected = table.fields.map((f) => f.name)
  const problems: CsvProblem[] = []
  const seen = new Set<string>()
  header.forEach((name, i) => {
    const column = `${i + 1}`
    if (seen.has(name)) problems.push({ row: 1, column, message: `the column "${echo(name)}" is there twice`, kind: 'header' })
    seen.add(name)
    if (expected.includes(name)) return
    const nearest = nearestName(
      name,
      expected.filter((e) => !header.includes(e))
    )
    problems.push({
      row: 1,
      column,
      message: `"${echo(name)}" is not a column of ${tableName}${nearest ? `; did you mean "${nearest}"?` : ''}`,
      kind: 'header'
    })
  })
  const missing = expected.filter((name) => !header.includes(name))
  if (missing.length > 0)
    problems.push({
      row: 1,
      message: `the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
      kind: 'header'
    })
  const known = header.filter((name) => expected.includes(name))
  if (problems.length === 0 && known.join(',') !== expected.join(','))
    problems.push({ row: 1, message: `the columns are not in the table's order, which is: ${expected.join(', ')}`, kind: 'header' })
  return problems
}

/** Reads `text` as a CSV of `table` (named `tableName` in messages), up to `maxProblems` problems. */
export function readCsvTable(text: string, table: TableSchema, tableName: string, maxProblems: number): CsvTable {
  const problems: CsvProblem[] = []
  const rows: string[][] = []
  const rowNumbers: number[] = []
  let skipped = 0
  parse(text, {
    bom: false,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error: (Error & { records?: number; lines?: number }) | undefined) => {
      skipped++
      const row = (error?.records ?? rows.length) + skipped
      if (problems.length < maxProblems)
        problems.push({ row, message: `cannot be read as CSV: ${(error?.message ?? 'a malformed row').replace(/\s+/g, ' ')}`, kind: 'parse' })
    },
    on_record: (record: string[], context: { records: number }) => {
      rows.push(record)
      rowNumbers.push(context.records + skipped)
      return record
    }
  })
  // A header row that could not be read leaves nothing to read the rows by.
  if (rowNumbers[0] !== 1) {
    const broken = problems.find((p) => p.row === 1)
    return { header: [], rows: [], problems: [broken ?? { row: 1, message: 'has no header row', kind: 'parse' }] }
  }
  const header = rows.shift()!
  rowNumbers.shift()
  problems.push(...headerProblems(header, table, tableName))
  const byName = new Map(table.fields.map((f) => [f.name, f]))
  const decoded: CsvRow[] = []
  rows.forEach((cells, i) => {
    const row = rowNumbers[i]!
    if (problems.length >= maxProblems) return
    if (cells.length !== header.length) {
      problems.push({ row, message: `has ${cells.length} cells, the header ${header.length}`, kind: 'parse' })
      return
    }
    const record: Record<string, unknown> = {}
    const badColumns = new Set<string>()
    header.forEach((name, c) => {
      const field = byName.get(name)
      if (!field || Object.hasOwn(record, name)) return
      const cell = decodeTyped(cells[c]!, field)
      if (cell.ok) record[name] = cell.value
      else {
        badColumns.add(name)
        problems.push({ row, column: name, message: cell.message, kind: 'parse' })
      }
    })
    decoded.push({ row, record, badColumns })
  })
  return { header, rows: decoded, problems: problems.slice(0, maxProblems) }
}
