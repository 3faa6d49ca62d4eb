/**
 * `validate FILE`: a user's JSON or CSV file checked against the published JSON Schemas
 * (schemas/) with Ajv, and a Data Package descriptor against the Frictionless profiles. Every
 * error names its place: the record (a JSON pointer holding its index, and its id), the field,
 * and in a CSV the row and the column; every error of the file is reported in one run, up to
 * 100. Files that hold no records (the database, the workbook, the explorer, the timeline) are
 * refused with a message saying what they are. Hostile input (not JSON, not CSV, huge, deeply
 * nested) ends in an error message, never in a crash.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import type { EntityName } from '../schema/entities.js'
import { dataPackageFileName, explorerFileName, sqliteFileName, timelineFileName, workbookFileName } from '../pipeline/emit/output-names.js'
import { readText } from '../pipeline/parse/read-text-file.js'
import { echo } from '../pipeline/diagnostics/printable.js'
import { ajv, entityNames, idOf, keyFields, problemsOfRecord, schemaId, tableSchemas } from './record-validator.js'
import { validateCsv } from './validate-csv.js'
import { idLabel, maxValidateErrors, PrimaryKeys, type ValidationError, type ValidationResult } from './validation-result.js'

/** Largest file `validate` reads. */
export const maxValidateBytes = 64 * 1024 * 1024
export { maxValidateErrors, type ValidationError, type ValidationResult } from './validation-result.js'

/** The Frictionless profiles shipped beside the package (vendor/frictionless), draft-07. */
const profilesDir = new URL('../../vendor/frictionless/', import.meta.url)

/** Files of dist-data/ that are not data records, and what each is, for the refusal message. */
const notDataFiles: Readonly<Record<string, string>> = {
  [timelineFileName]: 'the timeline figure (SVG), which holds no records to validate',
  [explorerFileName]: 'the explorer page (HTML); the records it embeds are those of the JSON files, validate those',
  [sqliteFileName]: 'the SQLite database, built from the CSVs; validate the CSV or JSON files, or open it with sqlite3',
  [workbookFileName]: 'the spreadsheet workbook (xlsx), built from the CSVs; validate the CSV or JSON files'
}

/** What a file of another kind is, by its first bytes, so a renamed database or workbook is named too. */
function kindByContent(path: string): string | undefined {
  const head = Buffer.alloc(16)
  let length = 0
  try {
    const fd = openSync(path, 'r')
    try {
      length = readSync(fd, head, 0, head.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
  const start = head.subarray(0, length)
  if (start.toString('latin1').startsWith('SQLite format 3\0')) return 'a SQLite database, which validate does not read; validate the CSV or JSON files'
  if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04)
    return 'a ZIP archive (an xlsx workbook is one), which validate does not read; validate the CSV or JSON files'
  return undefined
}

/** The entity a file name names: `acts.json`, `acts.csv`, `acts-2024.csv`; undefined when none does. */
function entityNamed(path: string): EntityName | undefined {
  const stem = basename(path)
    .toLowerCase()
    .replace(/\.[^.]*$/, '')
  // Longest first, so that a longer entity name is never read as a shorter one it starts with.
  return [...entityNames]
    .sort((a, b) => b.length - a.length)
    .find((name) => stem === name || (stem.startsWith(name) && !/[a-z]/.test(stem.charAt(name.length))))
}

/** Validates the file at `path`. */
export function validateFile(path: string): ValidationResult {
  const fail = (ruleId: ValidationError['ruleId'], message: string, place = '(file)'): ValidationResult => ({
    valid: false,
    errors: [{ place, message, ruleId }]
  })
  const name = basename(path).toLowerCase()
  if (Object.hasOwn(notDataFiles, name)) return fail('validate-shape', `${basename(path)} is ${notDataFiles[name]}`)
  // The one guarded reader: a regular file (a link is followed, but not to a device or a FIFO), at most 64 MiB read, strict UTF-8.
  const read = readText(path, { maxBytes: maxValidateBytes, symlinks: 'follow', bom: 'strip' })
  if (!read.ok) {
    const { kind, message } = read.problem
    if (kind === 'not-utf8') {
      const other = kindByContent(path)
      return other ? fail('validate-shape', `the file is ${other}`) : fail('validate-read', 'the file is not valid UTF-8')
    }
    if (kind === 'empty') return fail('validate-read', 'the file is empty')
    if (kind === 'too-large') return fail('validate-read', `the file ${message}`)
    return fail('validate-read', `cannot read the file: it ${message}${kind === 'missing' ? ' (ENOENT)' : ''}`)
  }
  const { text } = read
  if (text.trim() === '') return fail('validate-read', 'the file is empty')
  const extension = extname(path).toLowerCase()
  const named = entityNamed(path)
  try {
    if (name === dataPackageFileName) return validateDataPackage(text)
    if (extension === '.csv') return validateCsv(text, named, name.replace(/\.csv$/, ''))
    if (extension === '.json') return validateJson(text, named)
    if (/^\s*<(?:!doctype html|html)/i.test(text))
      return fail('validate-shape', 'the file is an HTML page (as the explorer is), which holds no records to validate; validate the JSON or CSV files')
    const what = extension === '.txt' ? ' is a text file (as the verbatim sources are), which holds no records;' : ':'
    return fail('validate-read', `cannot tell the format from "${extension || 'no extension'}"${what} give an entity file (.json or .csv) or datapackage.json`)
  } catch (error) {
    if (error instanceof RangeError) return fail('validate-parse', 'the file is too deeply nested to validate')
    throw error
  }
}

/**
 * A Data Package descriptor, checked against the Frictionless Data Package profile and each
 * table resource's schema against the Table Schema profile.
 */
function validateDataPackage(text: string): ValidationResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { valid: false, errors: [{ place: '(file)', message: `not JSON: ${(error as Error).message}`, ruleId: 'validate-parse' }] }
  }
  // The profiles are draft-07 and use keywords of their own (propertyOrder, format textarea).
  const draft07 = new Ajv({ strict: false, validateFormats: false, allErrors: true })
  const profile = (name: string) => draft07.compile(JSON.parse(readFileSync(new URL(name, profilesDir), 'utf8')) as object)
  const errors: ValidationError[] = []
  const packageProfile = profile('datapackage.json')
  if (!packageProfile(data)) errors.push(...profileErrors(packageProfile.errors))
  const resources = (data as { resources?: unknown }).resources
  const tableProfile = profile('tableschema.json')
  if (Array.isArray(resources)) {
    resources.forEach((resource: unknown, i) => {
      const schema = (resource as { schema?: unknown } | null)?.schema
      if (schema !== undefined && typeof schema !== 'string' && !tableProfile(schema))
        errors.push(...profileErrors(tableProfile.errors, `/resources/${i}/schema`))
    })
  }
  errors.splice(maxValidateErrors)
  return { valid: errors.length === 0, entity: 'datapackage', records: Array.isArray(resources) ? resources.length : 0, errors }
}

/** A profile's errors, at their JSON pointers in the descriptor. */
function profileErrors(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationError[] {
  return (errors ?? []).slice(0, maxValidateErrors).map((e) => ({
    place: `${prefix}${e.instancePath}` || '(file)',
    message: `${e.message ?? 'invalid'}${e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : ''}`,
    ruleId: 'validate-schema'
  }))
}

function validateJson(text: string, named: EntityName | undefined): ValidationResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { valid: false, errors: [{ place: '(file)', message: `not JSON: ${(error as Error).message}`, ruleId: 'validate-parse' }] }
  }
  const isEnvelope = data !== null && typeof data === 'object' && !Array.isArray(data) && 'records' in data
  const records = isEnvelope ? (data as { records: unknown }).records : data
  if (!Array.isArray(records)) {
    return {
      valid: false,
      errors: [{ place: '(file)', message: 'expected an entity file { "version", "records": [...] } or an array of records', ruleId: 'validate-shape' }]
    }
  }
  const candidates = named ? [named] : entityNames
  const tables = tableSchemas()
  let best: ValidationResult | undefined
  for (const entity of candidates) {
    const errors: ValidationError[] = []
    if (isEnvelope) {
      // The envelope's own fields first, with its records left out: each record is then validated on its own,
      // so a file of a million bad records yields its first 100 errors, not a million.
      const envelope = ajv().getSchema(schemaId(entity))!
      if (!envelope({ ...(data as object), records: [] })) errors.push(...profileErrors(envelope.errors))
    }
    const pointer = (i: number) => (isEnvelope ? `/records/${i}` : `/${i}`)
    const keys = new PrimaryKeys(keyFields(tables.get(entity)))
    for (let i = 0; i < records.length && errors.length < maxValidateErrors; i++) {
      const record: unknown = records[i]
      const id = idOf(record)
      const problems = problemsOfRecord(record, entity)
      for (const p of problems)
        errors.push({
          place: `${pointer(i)}${p.field}${idLabel(id)}`,
          message: p.message,
          ruleId: p.ruleId,
          record: i,
          ...(id === undefined ? {} : { id }),
          field: p.field
        })
      if (problems.length > 0) continue
      const first = keys.add(record as Record<string, unknown>, i)
      if (first !== undefined)
        errors.push({
          place: `${pointer(i)}${idLabel(id)}`,
          message: `the primary key (${keys.fields.join(', ')}) ${echo(keys.show(record as Record<string, unknown>))} is already that of ${pointer(first)}`,
          ruleId: 'validate-key-duplicate',
          record: i,
          ...(id === undefined ? {} : { id })
        })
    }
    errors.splice(maxValidateErrors)
    const result = { valid: errors.length === 0, entity, records: records.length, errors }
    if (result.valid) return result
    if (!best || errors.length < best.errors.length) best = result
  }
  return best!
}
