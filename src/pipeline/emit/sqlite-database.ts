/**
 * The SQLite database of dist-data/: one typed table per tabular resource of
 * datapackage.json, derived from its Table Schema alone, so that new tables arrive with no
 * code.
 *
 * - Column types from the field types: integer → INTEGER, number → REAL, boolean → INTEGER
 *   0/1, string and date → TEXT, array and object → TEXT holding the JSON text; null is NULL.
 *   Tables are STRICT, so a value of another type is refused when the database is built.
 * - NOT NULL for required fields; CHECK (… IN (…)) for fields with an enum.
 * - The primary key and the foreign keys of the Table Schema, each foreign key column indexed.
 * - A reference that may point into several entities (a `<x>Type` field whose values are
 *   record names, beside a `<x>Id` field, as in checks' recordType and recordId) gets one
 *   nullable key column per record type (`actId`, `figureId`, …), exactly one of them set,
 *   each a foreign key with an index.
 * - Views for common questions, each made only when the columns it needs exist. Lists are
 *   read from the tidy tables (one row per item), so no view needs a JSON function.
 * - Each column's description is an SQL comment in its CREATE TABLE, so `.schema` shows it.
 *
 * The schema uses only what SQLite 3.37 has (STRICT tables, window functions; no JSON
 * function, no jsonb). Building checks every foreign key (PRAGMA
 * foreign_key_check), the file's integrity and every view, and fails on any problem. The bytes
 * depend only on the rows and on the SQLite of sql.js (its version is in the file's header).
 */
import { entities } from '../../schema/entities.js'
import type { TableField } from './table-schema.js'
import { enumOf, foreignKeysOf, primaryKeyOf, type RowSource, type TabularResource } from './tabular-resources.js'

/** A value SQLite stores. */
export type SqlValue = number | string | null

/** The part of sql.js the writer uses (kept here so that no published type names sql.js). */
export interface SqlJs {
  Database: new () => {
    run(sql: string): unknown
    exec(sql: string): Array<{ columns: string[]; values: unknown[][] }>
    prepare(sql: string): { run(values: SqlValue[]): void; free(): unknown }
    export(): Uint8Array
    close(): void
  }
}

/** A column of a table: a field of the Table Schema, or a key column derived from a reference into several entities. */
export interface SqliteColumn {
  name: string
  type: 'INTEGER' | 'REAL' | 'TEXT'
  description: string
  /** The field it holds, or the reference it is derived from. */
  source: { field: TableField } | { typeField: string; idField: string; recordType: string }
}

/** A table: its columns, its CREATE TABLE statement and indexes, and how a row becomes values. */
export interface SqliteTable {
  name: string
  resource: TabularResource
  columns: SqliteColumn[]
  create: string
  indexes: string[]
}

/** A view: its name, what it answers, and its CREATE VIEW statement. */
export interface SqliteView {
  name: string
  description: string
  create: string
}

/** The whole schema of the database. */
export interface SqliteSchema {
  tables: SqliteTable[]
  views: SqliteView[]
}

/** An SQL identifier, always quoted. */
export const sqlName = (name: string) => `"${name.replace(/"/g, '""')}"`
/** An SQL string literal. */
export const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`
const sqlLiteral = (value: unknown) => (typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? '1' : '0') : sqlText(String(value)))
/** A description made safe for an SQL line comment. */
const comment = (text: string) => text.replace(/[\r\n]+/g, ' ')

const columnTypes: Record<TableField['type'], SqliteColumn['type']> = {
  integer: 'INTEGER',
  number: 'REAL',
  boolean: 'INTEGER',
  string: 'TEXT',
  date: 'TEXT',
  array: 'TEXT',
  object: 'TEXT'
}

/** `legal-instrument` → `legalInstrument`: a record type as the stem of a column name. */
const camel = (text: string) => text.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())

/** A reference into several entities: the type field, the id field, and for each record type the table it names. */
interface SharedReference {
  typeField: string
  idField: string
  targets: Array<{ recordType: string; column: string; table: string; key: string }>
}

/**
 * The references of a table that may point into several entities: a `<x>Type` field whose
 * every allowed value is the record name of an entity with a table, beside a `<x>Id` field.
 */
function sharedReferences(resource: TabularResource, tableNames: ReadonlySet<string>, keys: ReadonlyMap<string, string[]>): SharedReference[] {
  const names = new Set(resource.schema.fields.map((f) => f.name))
  const found: SharedReference[] = []
  for (const field of resource.schema.fields) {
    const stem = /^(.+)Type$/.exec(field.name)?.[1]
    const values = enumOf(field)
    if (!stem || !values || !names.has(`${stem}Id`)) continue
    const targets = values.map((value) => {
      const entity = entities.find((e) => e.recordName === value)
      return { value: String(value), table: entity && tableNames.has(entity.name) ? entity.name : undefined }
    })
    if (targets.every((t) => t.table === undefined)) continue
    const missing = targets.filter((t) => t.table === undefined).map((t) => t.value)
    if (missing.length > 0)
      throw new Error(
        `${resource.name}.${field.name}: the values ${missing.join(', ')} name no table, but the others do (${resource.name}.${stem}Id points into them)`
      )
    found.push({
      typeField: field.name,
      idField: `${stem}Id`,
      targets: targets.map(({ value, table }) => {
        const key = keys.get(table!) ?? []
        if (key.length !== 1) throw new Error(`${resource.name}.${stem}Id points into ${table}, which has no one-column primary key`)
        return { recordType: value, column: `${camel(value)}Id`, table: table!, key: key[0]! }
      })
    })
  }
  return found
}

/** The schema of the database for these tabular resources. */
export function sqliteSchema(resources: readonly TabularResource[]): SqliteSchema {
  const tableNames = new Set(resources.map((r) => r.name))
  const keys = new Map(resources.map((r) => [r.name, primaryKeyOf(r.schema)]))
  // A referenced column that is not the primary key must be unique for SQLite to follow it.
  const referenced = new Map<string, Set<string>>()
  for (const resource of resources) {
    for (const key of foreignKeysOf(resource)) {
      if (!tableNames.has(key.resource))
        throw new Error(`${resource.name}: foreign key (${key.fields.join(', ')}) references "${key.resource}", not a table of the package`)
      const target = keys.get(key.resource)!
      if (key.reference.join('\u0000') !== target.join('\u0000'))
        referenced.set(key.resource, (referenced.get(key.resource) ?? new Set()).add(key.reference.join('\u0000')))
    }
  }
  const tables = resources.map((resource) => tableOf(resource, sharedReferences(resource, tableNames, keys), [...(referenced.get(resource.name) ?? [])]))
  return { tables, views: viewsOf(tables) }
}

function tableOf(resource: TabularResource, shared: SharedReference[], uniques: string[]): SqliteTable {
  const columns: SqliteColumn[] = resource.schema.fields.map((field) => ({
    name: field.name,
    type: columnTypes[field.type],
    description: field.description ?? '',
    source: { field }
  }))
  const taken = new Set(columns.map((c) => c.name))
  for (const reference of shared) {
    for (const target of reference.targets) {
      if (taken.has(target.column))
        throw new Error(`${resource.name}: the key column ${target.column} for ${reference.typeField} "${target.recordType}" is already a field`)
      taken.add(target.column)
      columns.push({
        name: target.column,
        type: 'TEXT',
        description: `${reference.idField} when ${reference.typeField} is "${target.recordType}", else null: a foreign key into ${target.table}.`,
        source: { typeField: reference.typeField, idField: reference.idField, recordType: target.recordType }
      })
    }
  }
  const lines = columns.map((column) => {
    const parts = [sqlName(column.name), column.type]
    if ('field' in column.source) {
      const field = column.source.field
      if (field.constraints?.required) parts.push('NOT NULL')
      const values = enumOf(field)
      if (values) parts.push(`CHECK (${sqlName(column.name)} IN (${values.map(sqlLiteral).join(', ')}))`)
      else if (field.type === 'boolean') parts.push(`CHECK (${sqlName(column.name)} IN (0, 1))`)
    }
    return { text: parts.join(' '), description: column.description }
  })
  const constraints: string[] = []
  const key = primaryKeyOf(resource.schema)
  if (key.length > 0) constraints.push(`PRIMARY KEY (${key.map(sqlName).join(', ')})`)
  for (const unique of uniques) constraints.push(`UNIQUE (${unique.split('\u0000').map(sqlName).join(', ')})`)
  const indexed: string[][] = []
  for (const foreign of foreignKeysOf(resource)) {
    constraints.push(
      `FOREIGN KEY (${foreign.fields.map(sqlName).join(', ')}) REFERENCES ${sqlName(foreign.resource)} (${foreign.reference.map(sqlName).join(', ')})`
    )
    indexed.push(foreign.fields)
  }
  for (const reference of shared) {
    const one = reference.targets.map((t) => `(${sqlName(t.column)} IS NOT NULL)`).join(' + ')
    constraints.push(`CHECK (${one} = 1)`)
    for (const target of reference.targets) {
      constraints.push(
        `CHECK ((${sqlName(reference.typeField)} = ${sqlText(target.recordType)}) = (${sqlName(target.column)} IS NOT NULL) AND coalesce(${sqlName(target.column)} = ${sqlName(reference.idField)}, 1))`
      )
      constraints.push(`FOREIGN KEY (${sqlName(target.column)}) REFERENCES ${sqlName(target.table)} (${sqlName(target.key)})`)
      indexed.push([target.column])
    }
    indexed.push([reference.typeField, reference.idField])
  }
  const body = [
    ...lines.map(
      (line, i) => `  ${line.text}${i < lines.length - 1 || constraints.length > 0 ? ',' : ''}${line.description ? ` -- ${comment(line.description)}` : ''}`
    ),
    ...constraints.map((text, i) => `  ${text}${i < constraints.length - 1 ? ',' : ''}`)
  ]
  const create = `CREATE TABLE ${sqlName(resource.name)} ( -- ${comment(resource.description ?? resource.name)}\n${body.join('\n')}\n) STRICT`
  const indexes = indexed.map(
    (fields) => `CREATE INDEX ${sqlName(`${resource.name}_${fields.join('_')}`)} ON ${sqlName(resource.name)} (${fields.map(sqlName).join(', ')})`
  )
  return { name: resource.name, resource, columns, create, indexes }
}

/** The values of one row, in column order. */
export function rowValues(table: SqliteTable, row: Record<string, unknown>): SqlValue[] {
  return table.columns.map((column) => {
    if (!('field' in column.source)) {
      const { typeField, idField, recordType } = column.source
      return row[typeField] === recordType ? (row[idField] as string) : null
    }
    const value = row[column.name]
    if (value === null || value === undefined) return null
    switch (column.source.field.type) {
      case 'integer':
        if (!Number.isSafeInteger(value)) throw new Error(`${table.name}.${column.name}: ${JSON.stringify(value)} is not an integer SQLite keeps exactly`)
        return value as number
      case 'number':
        return value as number
      case 'boolean':
        return value ? 1 : 0
      case 'array':
      case 'object':
        return JSON.stringify(value)
      default:
        return String(value)
    }
  })
}

/** A view for a common question, made only when every column it names exists. */
interface ViewSpec {
  name: string
  description: string
  /** Table → columns it reads (with the Table Schema type where it matters). */
  needs: Record<string, Record<string, TableField['type'] | 'any'>>
  sql(tables: ReadonlyMap<string, SqliteTable>): string
}

/** The field of a column, where the column holds one. */
const fieldOf = (table: SqliteTable | undefined, name: string) => {
  const source = table?.columns.find((c) => c.name === name)?.source
  return source && 'field' in source ? source.field : undefined
}

// The views read the tidy tables for lists, so they need no JSON function of SQLite.
const questionViews: ViewSpec[] = [
  {
    name: 'characterization_by_year',
    description: 'How many acts characterize the events with each term, by the year an act can first be dated to (null: undated).',
    needs: { acts: { id: 'any', dateStart: 'date' }, 'act-characterizations': { actId: 'any', value: 'string' } },
    sql: () =>
      'SELECT substr(a."dateStart", 1, 4) AS "year", c."value" AS "characterization", count(*) AS "acts"\n' +
      'FROM "acts" a JOIN "act-characterizations" c ON c."actId" = a."id"\nGROUP BY 1, 2\nORDER BY 1, 2'
  },
  {
    name: 'acts_strongest_evidence',
    description:
      'Each act with its strongest evidence entry: the act’s own words in its text or a copy first, then its words quoted in a report or a shipped text, then a reporter’s words; the earliest entry of the strongest kind.',
    needs: {
      acts: { id: 'any', date: 'any', jurisdictionName: 'any', body: 'any', actor: 'any', stage: 'any', characterizationBasis: 'any' },
      'act-evidence': { actId: 'any', position: 'any', citation: 'any', voice: 'any', quote: 'any' },
      citations: { id: 'any', url: 'any', publisher: 'any', kind: 'any', side: 'any' }
    },
    sql: () =>
      'SELECT a."id" AS "actId", a."date", a."jurisdictionName", a."body", a."actor", a."stage", a."characterizationBasis",\n' +
      '  e."position" AS "evidencePosition", e."voice", c."kind", c."side", c."publisher", c."url", e."quote"\n' +
      'FROM "acts" a JOIN (\n' +
      '  SELECT e.*, row_number() OVER (PARTITION BY e."actId" ORDER BY\n' +
      '    CASE WHEN e."voice" = \'act\' AND c."kind" IN (\'primary\', \'copy\') THEN 0 WHEN e."voice" = \'act\' AND (c."kind" = \'report\' OR e."citation" IS NULL) THEN 1 ELSE 2 END,\n' +
      '    e."position") AS "rank"\n' +
      '  FROM "act-evidence" e LEFT JOIN "citations" c ON c."id" = e."citation"\n' +
      ') e ON e."actId" = a."id" AND e."rank" = 1\n' +
      'LEFT JOIN "citations" c ON c."id" = e."citation"\nORDER BY a.rowid'
  },
  {
    name: 'reports_beside_acts',
    description: 'Each report of a source text beside the act of record it tells of, field by field (null act: no act of record).',
    needs: {
      reports: { id: 'any', act: 'any', date: 'any', body: 'any', actor: 'any', actType: 'any', stage: 'any', characterization: 'any' },
      acts: { id: 'any', date: 'any', body: 'any', actor: 'any', actType: 'any', stage: 'any', characterization: 'any' }
    },
    sql: () =>
      'SELECT r."id" AS "reportId", r."act" AS "actId",\n' +
      '  r."date" AS "reportDate", a."date" AS "actDate", r."body" AS "reportBody", a."body" AS "actBody",\n' +
      '  r."actor" AS "reportActor", a."actor" AS "actActor", r."actType" AS "reportActType", a."actType" AS "actActType",\n' +
      '  r."stage" AS "reportStage", a."stage" AS "actStage", r."characterization" AS "reportCharacterization", a."characterization" AS "actCharacterization"\n' +
      'FROM "reports" r LEFT JOIN "acts" a ON a."id" = r."act"\nORDER BY r.rowid'
  },
  {
    name: 'checks_by_independence',
    description: 'Checks counted by the kind of record, whether their evidence comes only from one side, and verdict.',
    needs: { checks: { recordType: 'string', independence: 'string', verdict: 'string' } },
    sql: () => 'SELECT "recordType", "independence", "verdict", count(*) AS "checks"\nFROM "checks"\nGROUP BY 1, 2, 3\nORDER BY 1, 2, 3'
  },
  {
    name: 'act_verdicts',
    description: 'Each act with how many of its checks give each verdict.',
    needs: { acts: { id: 'any', date: 'any', jurisdictionName: 'any', body: 'any' }, checks: { actId: 'any', verdict: 'string' } },
    sql: (tables) => {
      const verdicts = enumOf(fieldOf(tables.get('checks'), 'verdict')!) ?? []
      const counts = verdicts.map((v) => `sum(c."verdict" IS ${sqlText(String(v))}) AS ${sqlName(String(v))}`)
      return (
        `SELECT a."id" AS "actId", a."date", a."jurisdictionName", a."body", count(c."actId") AS "checks"${counts.map((c) => `,\n  ${c}`).join('')}\n` +
        'FROM "acts" a LEFT JOIN "checks" c ON c."actId" = a."id"\nGROUP BY a."id"\nORDER BY a.rowid'
      )
    }
  }
]

function viewsOf(tables: readonly SqliteTable[]): SqliteView[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const views: SqliteView[] = []
  const taken = new Set(tables.map((t) => t.name))
  const add = (view: SqliteView) => {
    if (taken.has(view.name)) return
    taken.add(view.name)
    views.push(view)
  }
  for (const spec of questionViews) {
    const ready = Object.entries(spec.needs).every(([tableName, columns]) =>
      Object.entries(columns).every(([name, type]) => {
        const table = byName.get(tableName)
        if (!table?.columns.some((c) => c.name === name)) return false
        return type === 'any' || fieldOf(table, name)?.type === type
      })
    )
    if (ready) add({ name: spec.name, description: spec.description, create: spec.sql(byName) })
  }
  return views.map((view) => ({ ...view, create: `CREATE VIEW ${sqlName(view.name)} AS -- ${comment(view.description)}\n${view.create}` }))
}

/** `1.2.3` → 1002003: the dataset version as SQLite's `PRAGMA user_version`. */
export function userVersionOf(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0)
  return major * 1_000_000 + minor * 1_000 + patch
}

/**
 * The database file for `rows` (each table's rows by name, in order), with sql.js. Throws
 * when a row does not fit its table, a foreign key finds no row, or a view does not compile.
 */
export function writeSqliteDatabase(sql: SqlJs, schema: SqliteSchema, rows: RowSource, version: string): Uint8Array {
  const db = new sql.Database()
  try {
    db.run('PRAGMA foreign_keys = OFF')
    db.run('PRAGMA page_size = 4096')
    // No rollback journal (a failed build throws the database away), and VACUUM's copy in
    // memory: in sql.js's in-memory file system both were files grown by copying them whole.
    db.run('PRAGMA journal_mode = OFF')
    db.run('PRAGMA temp_store = MEMORY')
    db.run(`PRAGMA user_version = ${userVersionOf(version)}`)
    db.run('BEGIN')
    for (const table of schema.tables) db.run(table.create)
    for (const table of schema.tables) {
      const insert = db.prepare(`INSERT INTO ${sqlName(table.name)} VALUES (${table.columns.map(() => '?').join(', ')})`)
      try {
        ;(rows.get(table.name) ?? []).forEach((row, i) => {
          try {
            insert.run(rowValues(table, row))
          } catch (error) {
            throw new Error(`${table.name}, row ${i + 1}: ${(error as Error).message}`)
          }
        })
      } finally {
        insert.free()
      }
      for (const index of table.indexes) db.run(index)
    }
    for (const view of schema.views) db.run(view.create)
    db.run('COMMIT')
    const problems = db.exec('PRAGMA foreign_key_check')[0]?.values ?? []
    if (problems.length > 0) {
      const shown = problems.slice(0, 5).map(([table, rowid, parent]) => `${table} row ${rowid} → ${parent}`)
      throw new Error(`${problems.length} foreign key(s) find no row: ${shown.join('; ')}`)
    }
    for (const view of schema.views) db.exec(`SELECT * FROM ${sqlName(view.name)} LIMIT 0`)
    db.run('VACUUM')
    const integrity = db.exec('PRAGMA integrity_check')[0]?.values.map(([line]) => line) ?? []
    if (integrity.join() !== 'ok') throw new Error(`PRAGMA integrity_check: ${integrity.join('; ')}`)
    return db.export()
  } finally {
    db.close()
  }
}
