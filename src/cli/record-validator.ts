/**
 * One record of an entity against the published JSON Schemas (Ajv, draft 2020-12, strict,
 * formats asserted, every error), with the rule JSON Schema cannot state (a date's bounds,
 * date-bounds.ts), and the Table Schemas of the published Data Package: what `validate`
 * asks of every record, whatever file it came in.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { entities, type EntityName } from '../schema/entities.js'
import type { TableSchema } from '../pipeline/emit/table-schema.js'
import { dateBoundProblems, hasDateBounds } from '../pipeline/validate/date-bounds.js'
import { recordProblems } from './schema-messages.js'

/** A problem of one record: the field (a JSON pointer inside it), what is wrong, and the rule. */
export interface RecordProblem {
  field: string
  message: string
  ruleId: 'validate-schema' | 'validate-date-bounds'
}

/** Every published entity: the one list, so no published file can be missing from what validate knows. */
export const entityNames: readonly EntityName[] = entities.map((e) => e.name)
const recordNameOf = Object.fromEntries(entities.map((e) => [e.name, e.recordName])) as Record<EntityName, string>
const schemasDir = new URL('../../schemas/', import.meta.url)
const dataPackageUrl = new URL('../../dist-data/datapackage.json', import.meta.url)
// ajv-formats is CommonJS; its default export arrives under `default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void

type PublishedSchema = Record<string, unknown> & { $id: string }
const readSchemas = new Map<string, PublishedSchema>()
/** A published schema, read and parsed once: every record of a file asks for its schema. */
function readSchema(name: string): PublishedSchema {
  let schema = readSchemas.get(name)
  if (!schema) readSchemas.set(name, (schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as PublishedSchema))
  return schema
}

let ajvInstance: Ajv2020 | undefined
/** One Ajv holding every published schema, compiled once. */
export function ajv(): Ajv2020 {
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

/** The `$id` of a published schema (`acts` for the entity file, `act` for one record). */
export const schemaId = (name: string): string => readSchema(name).$id

/** Fields whose own problems make a check of the date's bounds meaningless. */
const datePointers = /^\/(?:date|dateStart|dateEnd)$/

/** Every problem of `record` as a record of `entity`: its schema's, then its date's bounds'. */
export function problemsOfRecord(record: unknown, entity: EntityName): RecordProblem[] {
  const validate = ajv().getSchema(schemaId(recordNameOf[entity]))!
  const problems: RecordProblem[] = validate(record)
    ? []
    : recordProblems(validate.errors ?? [], record, readSchema(recordNameOf[entity]), recordNameOf[entity]).map((p) => ({
        ...p,
        ruleId: 'validate-schema' as const
      }))
  if (record !== null && typeof record === 'object' && !Array.isArray(record) && hasDateBounds(record) && !problems.some((p) => datePointers.test(p.field)))
    for (const { field, message } of dateBoundProblems(record)) problems.push({ field: `/${field}`, message, ruleId: 'validate-date-bounds' })
  return problems
}

/** The id of a record, when it has a string one. */
export function idOf(record: unknown): string | undefined {
  const id = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : undefined
}

/** The Table Schema of each table (entity and tidy table), from the published Data Package descriptor. */
export function tableSchemas(): Map<string, TableSchema> {
  const dataPackage = JSON.parse(readFileSync(dataPackageUrl, 'utf8')) as { resources: Array<{ name: string; schema?: TableSchema }> }
  return new Map(dataPackage.resources.filter((r) => r.schema).map((r) => [r.name, r.schema!]))
}

/** The primary key's fields of a table (`id` when it declares none). */
export function keyFields(table: TableSchema | undefined): string[] {
  const key = table?.primaryKey as readonly string[] | string | undefined
  return typeof key === 'string' ? [key] : [...(key ?? ['id'])]
}
