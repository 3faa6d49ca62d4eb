/**
 * The tables of a Data Package descriptor: every resource with a CSV path and a Table
 * Schema, in descriptor order. The database and the workbook are built from these, never
 * from a list of entity names, so a table added to datapackage.json reaches both.
 */
import type { TableField, TableSchema } from './table-schema.js'

/** A tabular resource of datapackage.json: its name, CSV path and Table Schema. */
export interface TabularResource {
  name: string
  path: string
  description?: string
  schema: TableSchema
}

/** A table's rows, decoded from its CSV by its Table Schema (field name → JSON value). */
export type TableRows = ReadonlyArray<Record<string, unknown>>

/** Each table's rows by table name, asked for one table at a time (so a reader may decode them only then). */
export type RowSource = Pick<ReadonlyMap<string, TableRows>, 'get'>

/** The tabular resources of a descriptor, in its order. */
export function tabularResources(descriptor: { resources?: unknown }): TabularResource[] {
  const resources = Array.isArray(descriptor.resources) ? (descriptor.resources as Array<Record<string, unknown>>) : []
  return resources
    .filter((r) => typeof r.path === 'string' && r.path.endsWith('.csv') && isTableSchema(r.schema))
    .map((r) => ({
      name: String(r.name),
      path: r.path as string,
      ...(typeof r.description === 'string' ? { description: r.description } : {}),
      schema: r.schema as TableSchema
    }))
}

function isTableSchema(value: unknown): value is TableSchema {
  return typeof value === 'object' && value !== null && Array.isArray((value as TableSchema).fields)
}

/** A Table Schema's primary key as a list of field names (a string key is one field). */
export function primaryKeyOf(schema: TableSchema): string[] {
  const key = schema.primaryKey as string[] | string | undefined
  return key === undefined ? [] : typeof key === 'string' ? [key] : key
}

/** A foreign key's fields and referenced fields as lists, and its referenced resource ('' is the table itself). */
export function foreignKeysOf(resource: TabularResource): Array<{ fields: string[]; resource: string; reference: string[] }> {
  const list = (value: string | string[]) => (typeof value === 'string' ? [value] : value)
  return (resource.schema.foreignKeys ?? []).map((key) => ({
    fields: list(key.fields),
    resource: key.reference.resource || resource.name,
    reference: list(key.reference.fields)
  }))
}

/** The allowed values of a field, where its Table Schema constrains them to a list. */
export function enumOf(field: TableField): readonly unknown[] | undefined {
  return field.constraints?.enum
}
