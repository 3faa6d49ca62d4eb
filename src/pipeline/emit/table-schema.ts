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

/** Foreign keys that one resource's column can declare (a key may point at one resource only). */
const foreignKeys: Partial<Record<EntityName, TableSchema['foreignKeys']>> = {
  reports: [{ fields: ['act'], reference: { resource: 'acts', fields: ['id'] } }],
  figures: [{ fields: ['statedBy'], reference: { resource: 'reports', fields: ['id'] } }]
}

/** The Table Schema of each entity's CSV, from its record JSON Schema. */
export function tableSchemas(jsonSchemas: Map<string, JsonSchema>): Map<EntityName, TableSchema> {
  const result = new Map<EntityName, TableSchema>()
  for (const entity of entities) {
    const schema = jsonSchemas.get(schemaFileName(entity.recordName))!
    const required = new Set<string>(schema.required ?? [])
    const fields = Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, property]) => toField(name, property, required.has(name)))
    const table: TableSchema = { fields, missingValues: [''], primaryKey: ['id'] }
    const keys = foreignKeys[entity.name]
    if (keys) table.foreignKeys = keys
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
