/**
 * Tidy tables: one long table per entity and list field (`act-characterizations`,
 * `act-evidence`, `report-provenance`, `check-citations`…), derived from the record JSON
 * Schemas, so that spreadsheets, SQL and R get one value per cell. A row holds the record's
 * id (`actId`), the item's 1-based `position`, and the item's fields (a list of plain values
 * has one column, `value`); a list inside the items of a list (an evidence entry's
 * `supports`) is a table of its own, keyed by the parent item's position too. The wide
 * `<entity>.csv` stays lossless on its own; these are a second view of the same lists.
 */
import { entities, type EntityName } from '../../schema/entities.js'
import { schemaFileName } from './json-schemas.js'
import { referencesOf, toField, type TableField, type TableSchema } from './table-schema.js'

type JsonSchema = Record<string, any>

/** One tidy table: which entity and list it unrolls, and its Table Schema. */
export interface TidyTable {
  /** Resource name and file stem: `act-evidence-supports`. */
  name: string
  entity: EntityName
  /** The list field, and for a nested list the field inside its items: ['evidence', 'supports']. */
  path: readonly string[]
  /** Column of the record's id: `actId`. */
  idColumn: string
  /** Whether the items are plain values (one `value` column) rather than objects. */
  scalar: boolean
  description: string
  table: TableSchema
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
/** Nouns that are already plural or have none. */
const uncountable = new Set(['people', 'evidence', 'provenance'])
const plural = (name: string) => (name.endsWith('s') || uncountable.has(name) ? name : `${name}s`)

/** The JSON Schema of a list field's items, or undefined when the field is not a list. */
function itemsOf(property: JsonSchema): JsonSchema | undefined {
  return property.type === 'array' && property.items ? (property.items as JsonSchema) : undefined
}

/** Every tidy table, in entity order, each list before the lists inside its items. */
export function tidyTables(jsonSchemas: Map<string, JsonSchema>): TidyTable[] {
  const tables: TidyTable[] = []
  for (const entity of entities) {
    const schema = jsonSchemas.get(schemaFileName(entity.recordName))!
    const idColumn = `${entity.recordName}Id`
    const idField: TableField = { name: idColumn, type: 'string', description: `Id of the ${entity.recordName}.`, constraints: { required: true } }
    for (const [field, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const items = itemsOf(property)
      if (!items) continue
      const name = `${entity.recordName}-${kebab(plural(field))}`
      const position: TableField = {
        name: 'position',
        type: 'integer',
        description: `Place of the item in the record's ${field} list, from 1.`,
        constraints: { required: true, minimum: 1 }
      }
      const scalar = items.type !== 'object'
      const columns = scalar
        ? [toField('value', { ...items, description: property.description }, true)]
        : Object.entries(items.properties as Record<string, JsonSchema>)
            .filter(([, sub]) => !itemsOf(sub))
            .map(([key, sub]) => toField(key, sub, (items.required ?? []).includes(key)))
      tables.push({
        name,
        entity: entity.name,
        path: [field],
        idColumn,
        scalar,
        description: `The ${field} of each ${entity.recordName}, one row per item (the ${field} column of ${entity.name}.csv, unrolled).`,
        table: {
          fields: [idField, position, ...columns],
          missingValues: [''],
          primaryKey: [idColumn, 'position'],
          foreignKeys: [{ fields: [idColumn], reference: { resource: entity.name, fields: ['id'] } }, ...(scalar ? [] : referencesOf(entity.name, field))]
        }
      })
      if (scalar) continue
      for (const [key, sub] of Object.entries(items.properties as Record<string, JsonSchema>)) {
        const nested = itemsOf(sub)
        if (!nested) continue
        const parentPosition = `${field}Position`
        tables.push({
          name: `${name}-${kebab(plural(key))}`,
          entity: entity.name,
          path: [field, key],
          idColumn,
          scalar: true,
          description: `The ${key} of each ${field} entry of each ${entity.recordName}, one row per item.`,
          table: {
            fields: [
              idField,
              { name: parentPosition, type: 'integer', description: `Position of the ${field} entry in ${name}.`, constraints: { required: true, minimum: 1 } },
              { ...position, description: `Place of the item in the entry's ${key} list, from 1.` },
              toField('value', { ...nested, description: sub.description }, true)
            ],
            missingValues: [''],
            primaryKey: [idColumn, parentPosition, 'position'],
            foreignKeys: [{ fields: [idColumn, parentPosition], reference: { resource: name, fields: [idColumn, 'position'] } }]
          }
        })
      }
    }
  }
  return tables
}

/** The rows of `tidy` for `records` of its entity. */
export function tidyRows(tidy: TidyTable, records: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = []
  const [field, inner] = tidy.path
  for (const record of records) {
    const list = record[field!]
    if (!Array.isArray(list)) continue
    list.forEach((item: unknown, i) => {
      if (inner === undefined) {
        const values = tidy.scalar ? { value: item } : pick(item as Record<string, unknown>, tidy.table.fields.slice(2))
        rows.push({ [tidy.idColumn]: record.id, position: i + 1, ...values })
        return
      }
      const nested = (item as Record<string, unknown>)[inner]
      if (!Array.isArray(nested)) return
      nested.forEach((value: unknown, j) => rows.push({ [tidy.idColumn]: record.id, [`${field}Position`]: i + 1, position: j + 1, value }))
    })
  }
  return rows
}

function pick(item: Record<string, unknown>, fields: readonly TableField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, item[f.name] ?? null]))
}
