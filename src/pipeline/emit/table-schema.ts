/**
 * Frictionless Table Schemas derived from the generated JSON Schemas: one field per
 * property, in schema order, with its type, description and constraints. Nested values
 * (arrays, objects) are Frictionless `array`/`object` fields: JSON text in the CSV cell.
 */
import { entities, type EntityName } from '../../schema/entities.js'
import { schemaFileName } from './json-schemas.js'

/** A Table Schema field. */
export interface TableField {
  name: string
  type: 'string' | 'integer' | 'number' | 'date' | 'array' | 'object' | 'boolean'
  description?: string
  constraints?: { required?: boolean; enum?: unknown[]; pattern?: string; unique?: boolean; minimum?: number }
}

/** A Table Schema. */
export interface TableSchema {
  fields: TableField[]
  missingValues: string[]
  primaryKey: string[]
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>
}

type JsonSchema = Record<string, any>

/**
 * Every column that holds the id of a record of another entity: the entity, the path to the
 * column (a list field and the item's field, for a column of a tidy table), and the entity it
 * points at. A check's `recordId` is absent: it points at the entity its `recordType` names,
 * which a foreign key cannot say.
 */
export const references: ReadonlyArray<{ entity: EntityName; path: readonly [string] | readonly [string, string]; resource: EntityName }> = [
  { entity: 'acts', path: ['evidence', 'citation'], resource: 'citations' },
  { entity: 'acts', path: ['evidence', 'report'], resource: 'reports' },
  { entity: 'reports', path: ['act'], resource: 'acts' },
  { entity: 'reports', path: ['provenance', 'sourceId'], resource: 'sources' },
  { entity: 'instruments', path: ['provenance', 'sourceId'], resource: 'sources' },
  { entity: 'figures', path: ['statedBy'], resource: 'reports' },
  { entity: 'figures', path: ['provenance', 'sourceId'], resource: 'sources' },
  { entity: 'corrections', path: ['provenance', 'sourceId'], resource: 'sources' },
  { entity: 'checks', path: ['citations', 'citation'], resource: 'citations' }
]

/** The foreign keys of the columns of `entity` (or of the items of its list `list`). */
export function referencesOf(entity: EntityName, list?: string): NonNullable<TableSchema['foreignKeys']> {
  return references
    .filter((r) => r.entity === entity && (list === undefined ? r.path.length === 1 : r.path.length === 2 && r.path[0] === list))
    .map((r) => ({ fields: [r.path.at(-1)!], reference: { resource: r.resource, fields: ['id'] } }))
}

/** The Table Schema of each entity's CSV, from its record JSON Schema. */
export function tableSchemas(jsonSchemas: Map<string, JsonSchema>): Map<EntityName, TableSchema> {
  const result = new Map<EntityName, TableSchema>()
  for (const entity of entities) {
    const schema = jsonSchemas.get(schemaFileName(entity.recordName))!
    const required = new Set<string>(schema.required ?? [])
    const fields = Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, property]) => toField(name, property, required.has(name)))
    const table: TableSchema = { fields, missingValues: [''], primaryKey: ['id'] }
    const keys = referencesOf(entity.name)
    if (keys.length > 0) table.foreignKeys = keys
    result.set(entity.name, table)
  }
  return result
}

/** The Table Schema field of a JSON Schema property (`present`: the property is required). */
export function toField(name: string, property: JsonSchema, present: boolean): TableField {
  // zod writes a nullable field either as anyOf [X, null] or as type [X, "null"].
  const variants: JsonSchema[] = property.anyOf ?? (Array.isArray(property.type) ? property.type.map((type: string) => ({ ...property, type })) : [property])
  const nullable = variants.some((v) => v.type === 'null')
  const main = variants.find((v) => v.type !== 'null') ?? {}
  const field: TableField = { name, type: fieldType(main) }
  const description = property.description ?? main.description
  if (description) field.description = description
  const constraints: NonNullable<TableField['constraints']> = {}
  if (present && !nullable) constraints.required = true
  if (name === 'id') constraints.unique = true
  if (main.enum) constraints.enum = main.enum
  if (field.type === 'string' && main.pattern && !main.format) constraints.pattern = main.pattern
  if ((field.type === 'integer' || field.type === 'number') && typeof main.minimum === 'number') constraints.minimum = main.minimum
  if (Object.keys(constraints).length > 0) field.constraints = constraints
  return field
}

function fieldType(schema: JsonSchema): TableField['type'] {
  if (schema.type === 'string') return schema.format === 'date' ? 'date' : 'string'
  if (schema.type === 'integer' || schema.type === 'number' || schema.type === 'array' || schema.type === 'object' || schema.type === 'boolean')
    return schema.type
  throw new Error(`no Table Schema type for JSON Schema ${JSON.stringify(schema)}`)
}
