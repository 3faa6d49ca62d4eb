/**
 * `validate` on a CSV: an entity's CSV (acts.csv…) or a tidy table (act-evidence.csv…), read
 * by csv-table.ts and checked row by row: an entity's rows against the record schema, a tidy
 * table's against the constraints of its Table Schema; the primary key unique in both. Every
 * error is at `row N, column C`, with the record's id when the row has one.
 */
import type { EntityName } from '../schema/entities.js'
import type { TableSchema } from '../pipeline/emit/table-schema.js'
import { echo } from '../pipeline/diagnostics/printable.js'
import { csvHeader, readCsvTable, type CsvProblem, type CsvTable } from './csv-table.js'
import { entityNames, idOf, keyFields, problemsOfRecord, tableSchemas } from './record-validator.js'
import { pointerSegments } from './schema-messages.js'
import { idLabel, maxValidateErrors, PrimaryKeys, type ValidationError, type ValidationResult } from './validation-result.js'

/** The place of a row's problem: `row N, column C` and what lies inside the cell's JSON, then the id. */
function placeOf(row: number, column: string | undefined, inside: string, id: string | undefined): string {
  return `row ${row}${column === undefined ? '' : `, column ${column}`}${inside ? ` at ${inside}` : ''}${idLabel(id)}`
}

/** A problem of reading the file as an error. */
function readError(problem: CsvProblem): ValidationError {
  return {
    place: placeOf(problem.row, problem.column, '', undefined),
    message: problem.message,
    ruleId: problem.kind === 'header' ? 'validate-shape' : 'validate-parse',
    row: problem.row,
    ...(problem.column === undefined ? {} : { column: problem.column })
  }
}

/** The table a CSV's header belongs to: the one with exactly its columns, else the one sharing most of them (at least half). */
function tableOfHeader(header: readonly string[], tables: ReadonlyMap<string, TableSchema>): string | undefined {
  let best: { name: string; shared: number } | undefined
  for (const [name, table] of tables) {
    const columns = table.fields.map((f) => f.name)
    const shared = header.filter((h) => columns.includes(h)).length
    if (shared === columns.length && shared === header.length) return name
    if (!best || shared > best.shared) best = { name, shared }
  }
  return best && best.shared * 2 >= header.length && best.shared > 0 ? best.name : undefined
}

/** Validates CSV `text`, of the entity `named` by its file name, or of the table named by `stem`, or of the table its header says. */
export function validateCsv(text: string, named: EntityName | undefined, stem: string): ValidationResult {
  const tables = tableSchemas()
  const header = csvHeader(text)
  const name = named ?? (tables.has(stem) ? stem : tableOfHeader(header, tables))
  if (name === undefined)
    return {
      valid: false,
      errors: [{ place: 'row 1', message: `the header matches no table's columns: ${echo(header.slice(0, 12).join(','))}`, ruleId: 'validate-shape', row: 1 }]
    }
  const table = tables.get(name)!
  const read = readCsvTable(text, table, name, maxValidateErrors)
  const errors = read.problems.map(readError)
  const isEntity = (entityNames as readonly string[]).includes(name)
  if (isEntity) checkEntityRows(read, name as EntityName, table, errors)
  else checkTableRows(read, table, errors)
  errors.splice(maxValidateErrors)
  return { valid: errors.length === 0, entity: name, records: read.rows.length, errors }
}

/** An entity's rows against its record schema (the cells that did not decode, and columns the header lacks, already reported), then its primary key. */
function checkEntityRows(read: CsvTable, entity: EntityName, table: TableSchema, errors: ValidationError[]): void {
  const keys = new PrimaryKeys(keyFields(table))
  for (const [index, { row, record, badColumns }] of read.rows.entries()) {
    if (errors.length >= maxValidateErrors) return
    const id = idOf(record)
    let rowValid = badColumns.size === 0
    for (const problem of problemsOfRecord(record, entity)) {
      const [column, ...inside] = pointerSegments(problem.field)
      // Already said: a cell that did not decode, or a column missing from the header.
      if (column !== undefined && (badColumns.has(column) || !read.header.includes(column))) continue
      rowValid = false
      errors.push({
        place: placeOf(row, column, inside.length > 0 ? `/${inside.join('/')}` : '', id),
        message: problem.message,
        ruleId: problem.ruleId,
        record: index,
        row,
        ...(column === undefined ? {} : { column, field: problem.field }),
        ...(id === undefined ? {} : { id })
      })
    }
    if (!rowValid) continue
    checkKey(keys, record, index, row, id, errors)
  }
}

/** A tidy table's rows against its Table Schema: required cells there, values in their enums, patterns and minimums, numbers of their type; its primary key unique. */
function checkTableRows(read: CsvTable, table: TableSchema, errors: ValidationError[]): void {
  const keys = new PrimaryKeys(table.primaryKey)
  for (const [index, { row, record, badColumns }] of read.rows.entries()) {
    if (errors.length >= maxValidateErrors) return
    const at = (column: string, message: string) =>
      errors.push({ place: placeOf(row, column, '', undefined), message, ruleId: 'validate-schema', record: index, row, column, field: `/${column}` })
    for (const field of table.fields) {
      if (badColumns.has(field.name) || !read.header.includes(field.name)) continue
      const value = record[field.name]
      const c = field.constraints ?? {}
      if (value === null) {
        if (c.required) at(field.name, 'must not be empty')
        continue
      }
      if (c.enum && !c.enum.includes(value)) at(field.name, `"${echo(String(value))}" is not one of: ${c.enum.join(', ')}`)
      if (c.pattern && typeof value === 'string' && !new RegExp(c.pattern, 'u').test(value)) at(field.name, `"${echo(value)}" does not match ${c.pattern}`)
      if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) at(field.name, `must be at least ${c.minimum}`)
      if (field.type === 'integer' && !Number.isInteger(value)) at(field.name, 'must be an integer')
    }
    checkKey(keys, record, index, row, undefined, errors)
  }
}

/** Remembers the row's primary key; an error when an earlier row had it. */
function checkKey(keys: PrimaryKeys, record: Record<string, unknown>, index: number, row: number, id: string | undefined, errors: ValidationError[]): void {
  const first = keys.add(record, row)
  if (first === undefined) return
  errors.push({
    place: placeOf(row, undefined, '', id),
    message: `the primary key (${keys.fields.join(', ')}) ${echo(keys.show(record))} is already that of row ${first}`,
    ruleId: 'validate-key-duplicate',
    record: index,
    row,
    ...(id === undefined ? {} : { id })
  })
}
