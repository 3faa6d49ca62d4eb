/**
 * `validate FILE`: a user's JSON or CSV file checked against the published JSON Schemas
 * (schemas/) with Ajv (draft 2020-12, strict, formats asserted). A CSV is first decoded by
 * the CSV rule under the Table Schema of dist-data/datapackage.json. Hostile input (not
 * JSON, not CSV, huge, deeply nested) ends in an error message, never in a crash.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { entities, type EntityName } from '../schema/entities.js'
import { decodeCsv } from '../pipeline/emit/csv-codec.js'
import type { TableSchema } from '../pipeline/emit/table-schema.js'
import { dataPackageFileName, explorerFileName, timelineFileName } from '../pipeline/emit/output-names.js'
import { readText } from '../pipeline/parse/read-text-file.js'
import { echo } from '../pipeline/diagnostics/printable.js'

/** Largest file `validate` reads. */
export const maxValidateBytes = 64 * 1024 * 1024
/** Most errors reported for one file: validation stops there, so time and memory stay bounded. */
export const maxValidateErrors = 100

/** One problem of a validated file. */
export interface ValidationError {
  /** Where: a JSON pointer, or `row N` of a CSV. */
  place: string
  message: string
  ruleId: 'validate-read' | 'validate-parse' | 'validate-shape' | 'validate-schema' | 'validate-key-duplicate'
}

/** The verdict on a file. */
export interface ValidationResult {
  valid: boolean
  entity?: string
  records?: number
  errors: ValidationError[]
}

/** Every published entity: the one list, so no published file can be missing from what validate knows. */
const entityNames: readonly EntityName[] = entities.map((e) => e.name)
const recordNameOf = Object.fromEntries(entities.map((e) => [e.name, e.recordName])) as Record<EntityName, string>
const schemasDir = new URL('../../schemas/', import.meta.url)
const dataPackageUrl = new URL('../../dist-data/datapackage.json', import.meta.url)
// ajv-formats is CommonJS; its default export arrives under `default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void

let ajvInstance: Ajv2020 | undefined
function ajv(): Ajv2020 {
  if (ajvInstance) return ajvInstance
  const instance = new Ajv2020({ strict: true, allErrors: true })
  addFormats(instance)
  for (const name of readdirSync(schemasDir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()) {
    instance.addSchema(JSON.parse(readFileSync(new URL(name, schemasDir), 'utf8')) as object)
  }
  ajvInstance = instance
  return instance
}

const schemaId = (name: string) => {
  const first = JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as { $id: string }
  return first.$id
}

/** The Frictionless profiles shipped beside the package (vendor/frictionless), draft-07. */
const profilesDir = new URL('../../vendor/frictionless/', import.meta.url)

/** Files of dist-data/ that are not data records, and what each is, for the refusal message. */
const notDataFiles: Readonly<Record<string, string>> = {
  [timelineFileName]: 'the timeline figure (SVG), which holds no records to validate',
  [explorerFileName]: 'the explorer page (HTML); the records it embeds are those of the JSON files, validate those'
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
  // The one guarded reader: a regular file (a link is followed, but not to a device or a FIFO), at most 64 MiB read, strict UTF-8.
  const read = readText(path, { maxBytes: maxValidateBytes, symlinks: 'follow', bom: 'strip' })
  if (!read.ok) {
    const { kind, message } = read.problem
    if (kind === 'not-utf8') return fail('validate-read', 'the file is not valid UTF-8')
    if (kind === 'empty') return fail('validate-read', 'the file is empty')
    if (kind === 'too-large') return fail('validate-read', `the file ${message}`)
    return fail('validate-read', `cannot read the file: it ${message}${kind === 'missing' ? ' (ENOENT)' : ''}`)
  }
  const { text } = read
  if (text.trim() === '') return fail('validate-read', 'the file is empty')
  const extension = extname(path).toLowerCase()
  const name = basename(path).toLowerCase()
  const named = entityNamed(path)
  try {
    if (Object.hasOwn(notDataFiles, name)) return fail('validate-shape', `${basename(path)} is ${notDataFiles[name]}`)
    if (name === dataPackageFileName) return validateDataPackage(text)
    if (extension === '.csv') return validateCsv(text, named, name.replace(/\.csv$/, ''))
    if (extension === '.json') return validateJson(text, named)
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
  if (!packageProfile(data)) errors.push(...toErrors(packageProfile.errors))
  const resources = (data as { resources?: unknown }).resources
  const tableProfile = profile('tableschema.json')
  if (Array.isArray(resources)) {
    resources.forEach((resource: unknown, i) => {
      const schema = (resource as { schema?: unknown } | null)?.schema
      if (schema !== undefined && typeof schema !== 'string' && !tableProfile(schema)) errors.push(...toErrors(tableProfile.errors, `/resources/${i}/schema`))
    })
  }
  errors.splice(maxValidateErrors)
  return { valid: errors.length === 0, entity: 'datapackage', records: Array.isArray(resources) ? resources.length : 0, errors }
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
      if (!envelope({ ...(data as object), records: [] })) errors.push(...toErrors(envelope.errors))
    }
    validateRecords(records, entity, tables.get(entity)?.primaryKey, errors, (i) => (isEnvelope ? `/records/${i}` : `/${i}`))
    const result = { valid: errors.length === 0, entity, records: records.length, errors }
    if (result.valid) return result
    if (!best || errors.length < best.errors.length) best = result
  }
  return best!
}

/** The Table Schema of each entity, from the published Data Package descriptor. */
function tableSchemas(): Map<string, TableSchema> {
  const dataPackage = JSON.parse(readFileSync(dataPackageUrl, 'utf8')) as { resources: Array<{ name: string; schema?: TableSchema }> }
  return new Map(dataPackage.resources.filter((r) => r.schema).map((r) => [r.name, r.schema!]))
}

/**
 * Validates `records` one at a time against the record schema of `entity`, and their primary
 * key (the Table Schema's, `id` by default) for duplicates; stops at `maxValidateErrors`.
 * `placeOf(i)` is where record `i` stands, as a JSON pointer or a CSV row.
 */
function validateRecords(
  records: readonly unknown[],
  entity: EntityName,
  primaryKey: readonly string[] | string | undefined,
  errors: ValidationError[],
  placeOf: (i: number) => string,
  join = (place: string, pointer: string) => `${place}${pointer}`
): void {
  const validate = ajv().getSchema(schemaId(recordNameOf[entity]))!
  const keyFields = typeof primaryKey === 'string' ? [primaryKey] : (primaryKey ?? ['id'])
  const firstWithKey = new Map<string, number>()
  for (let i = 0; i < records.length && errors.length < maxValidateErrors; i++) {
    const record = records[i]
    if (!validate(record)) {
      for (const e of toErrors(validate.errors)) errors.push({ ...e, place: join(placeOf(i), e.place === '(record)' ? '' : e.place) })
      continue
    }
    const key = JSON.stringify(keyFields.map((field) => (record as Record<string, unknown>)[field]))
    const first = firstWithKey.get(key)
    if (first === undefined) firstWithKey.set(key, i)
    else
      errors.push({
        place: placeOf(i),
        message: `the primary key (${keyFields.join(', ')}) ${echo(key.slice(1, -1))} is already that of ${placeOf(first)}`,
        ruleId: 'validate-key-duplicate'
      })
  }
  errors.splice(maxValidateErrors)
}

function validateCsv(text: string, named: EntityName | undefined, stem: string): ValidationResult {
  const header = text.slice(0, text.search(/\r?\n|$/)).split(',')
  const tables = tableSchemas()
  // A tidy table (act-evidence.csv…) has a Table Schema of its own and no record JSON Schema.
  const tidy = named === undefined ? tables.get(stem) : undefined
  if (tidy && !(entityNames as readonly string[]).includes(stem)) return validateTableCsv(text, stem, tidy)
  const entity =
    named ??
    entityNames.find(
      (name) =>
        tables
          .get(name)
          ?.fields.map((f) => f.name)
          .join(',') === header.join(',')
    )
  if (!entity)
    return {
      valid: false,
      errors: [{ place: 'row 1', message: `the header matches no entity's columns: ${echo(header.slice(0, 12).join(','))}`, ruleId: 'validate-shape' }]
    }
  let records: Array<Record<string, unknown>>
  try {
    records = decodeCsv(text, tables.get(entity)!)
  } catch (error) {
    return {
      valid: false,
      entity,
      errors: [{ place: '(file)', message: `not a CSV of ${entity}: ${(error as Error).message.replace(/\s+/g, ' ')}`, ruleId: 'validate-parse' }]
    }
  }
  const errors: ValidationError[] = []
  validateRecords(
    records,
    entity,
    tables.get(entity)!.primaryKey,
    errors,
    (i) => `row ${i + 2}`,
    (place, pointer) => (pointer ? `${place}, ${pointer}` : place)
  )
  return { valid: errors.length === 0, entity, records: records.length, errors }
}

/**
 * A tidy table checked against its Table Schema: every row decodes, required cells are there,
 * values are in their enums, patterns and minimums, and the primary key is unique.
 */
function validateTableCsv(text: string, name: string, table: TableSchema): ValidationResult {
  let rows: Array<Record<string, unknown>>
  try {
    rows = decodeCsv(text, table)
  } catch (error) {
    return {
      valid: false,
      entity: name,
      errors: [{ place: '(file)', message: `not a CSV of ${name}: ${(error as Error).message.replace(/\s+/g, ' ')}`, ruleId: 'validate-parse' }]
    }
  }
  const errors: ValidationError[] = []
  const keys = new Set<string>()
  rows.forEach((row, i) => {
    if (errors.length >= maxValidateErrors) return
    const place = (column: string) => `row ${i + 2}, column ${column}`
    for (const field of table.fields) {
      const value = row[field.name]
      const c = field.constraints ?? {}
      if (value === null) {
        if (c.required) errors.push({ place: place(field.name), message: 'must not be empty', ruleId: 'validate-schema' })
        continue
      }
      if (c.enum && !c.enum.includes(value))
        errors.push({ place: place(field.name), message: `must be one of: ${c.enum.join(', ')}`, ruleId: 'validate-schema' })
      if (c.pattern && typeof value === 'string' && !new RegExp(c.pattern, 'u').test(value))
        errors.push({ place: place(field.name), message: `must match ${c.pattern}`, ruleId: 'validate-schema' })
      if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum)
        errors.push({ place: place(field.name), message: `must be at least ${c.minimum}`, ruleId: 'validate-schema' })
      if ((field.type === 'integer' && !Number.isInteger(value)) || (field.type === 'number' && typeof value !== 'number'))
        errors.push({ place: place(field.name), message: `must be a ${field.type}`, ruleId: 'validate-schema' })
    }
    const key = JSON.stringify(table.primaryKey.map((k) => row[k]))
    if (keys.has(key))
      errors.push({ place: `row ${i + 2}`, message: `primary key ${table.primaryKey.join(', ')} ${key} is not unique`, ruleId: 'validate-schema' })
    keys.add(key)
  })
  errors.splice(maxValidateErrors)
  return { valid: errors.length === 0, entity: name, records: rows.length, errors }
}

function toErrors(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationError[] {
  return (errors ?? []).slice(0, 100).map((e) => ({
    place: `${prefix}${e.instancePath}` || '(record)',
    message: `${e.message ?? 'invalid'}${e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : ''}`,
    ruleId: 'validate-schema'
  }))
}
