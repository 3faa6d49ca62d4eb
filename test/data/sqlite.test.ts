/**
 * The SQLite database as its readers open it: Debian's sqlite3 command-line tool and
 * /usr/bin/python3's sqlite3 module (each skipped, saying so, where it is not installed).
 * Integrity, foreign keys, row counts and typed values against the JSON files; the declared
 * keys and indexes against datapackage.json; the views' answers against the JSON records. The
 * build's own checks (foreign keys, types) are tried on broken rows with sql.js in-process.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import initSqlJs from 'sql.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { sqliteSchema, writeSqliteDatabase, type SqlJs } from '../../src/pipeline/emit/sqlite-database.js'
import { tabularResources } from '../../src/pipeline/emit/tabular-resources.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const database = join(root, 'dist-data/khojaly-recognition.sqlite')
const python = process.env.KHOJALY_VALIDATORS_PYTHON ?? '/usr/bin/python3'
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))
const dataPackage = readJson('dist-data/datapackage.json')
const tables: any[] = dataPackage.resources.filter((r: any) => String(r.path).endsWith('.csv'))
/** The JSON records of a table, where it has a JSON file beside its CSV. */
const recordsOf = (name: string): any[] | undefined =>
  existsSync(join(root, `dist-data/${name}.json`)) ? readJson(`dist-data/${name}.json`).records : undefined

function run(command: string, args: string[]) {
  const done = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { status: done.error ? null : done.status, stdout: done.stdout ?? '', stderr: done.stderr ?? '' }
}

const hasCli = run('sqlite3', ['-version']).status === 0
const hasPython = existsSync(python) && run(python, ['-c', 'import sqlite3']).status === 0

/** Rows of one query, by Debian's sqlite3 (read-only). */
function cli(sql: string): Array<Record<string, unknown>> {
  const done = run('sqlite3', ['-readonly', '-bail', '-json', database, sql])
  if (done.status !== 0 || done.stderr) throw new Error(`sqlite3 exited ${done.status}: ${done.stderr}`)
  return done.stdout.trim() ? JSON.parse(done.stdout) : []
}

/** The sqlite3 type SQL gives for a JSON value of a field of this Table Schema type (the rule the README states). */
function sqliteTypeOf(type: string, value: unknown): string {
  if (value === null) return 'null'
  if (type === 'integer' || type === 'boolean') return 'integer'
  if (type === 'number') return 'real'
  return 'text'
}

/** The value SQL holds for a JSON value (arrays and objects as their JSON text, booleans as 0/1). */
function sqlValueOf(type: string, value: unknown): unknown {
  if (value === null) return null
  if (type === 'array' || type === 'object') return JSON.stringify(value)
  if (type === 'boolean') return value ? 1 : 0
  return value
}

/** How many acts characterize the events as genocide, by the year their dateStart gives (null when undated): from the JSON. */
function genocideByYear(): Array<[string | null, number]> {
  const counts = new Map<string | null, number>()
  for (const act of recordsOf('acts')!) {
    if (!act.characterization.includes('genocide')) continue
    const year = act.dateStart === null ? null : act.dateStart.slice(0, 4)
    counts.set(year, (counts.get(year) ?? 0) + 1)
  }
  return [...counts].sort(([a], [b]) => String(a).localeCompare(String(b)))
}

/** Checks counted by independence and verdict: from the JSON. */
function evidenceBySide(): Array<[string, string, number]> {
  const counts = new Map<string, number>()
  for (const check of recordsOf('checks')!) {
    const key = `${check.independence}\u0000${check.verdict}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  // SQLite orders NULL (a check that cites nothing has no independence) before every text.
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, n]) => [...(key.split('\u0000') as [string, string]), n] as [string | null, string, number])
    .map(([independence, verdict, n]) => [independence === 'null' ? null : independence, verdict, n] as [string, string, number])
    .sort((x, y) => (x[0] === null ? 0 : 1) - (y[0] === null ? 0 : 1))
}

const genocideQuery = `SELECT substr(a.dateStart, 1, 4) AS year, count(*) AS acts FROM acts a WHERE EXISTS (SELECT 1 FROM json_each(a.characterization) WHERE value = 'genocide') GROUP BY year ORDER BY year`
const sideQuery = 'SELECT independence, verdict, count(*) AS checks FROM checks GROUP BY 1, 2 ORDER BY 1, 2'

describe('the SQLite database in Debian’s sqlite3', () => {
  if (!hasCli) {
    it('is skipped: sqlite3 is not installed', (ctx) => {
      console.log('skipped: sqlite3 not installed (the database was not opened with Debian’s sqlite3)')
      ctx.skip('sqlite3 not installed')
    })
    return
  }

  it('passes PRAGMA integrity_check and PRAGMA foreign_key_check', () => {
    expect(cli('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    expect(cli('PRAGMA foreign_key_check')).toEqual([])
  })

  it('has one table per CSV resource, with as many rows as the JSON file has records, in the same order', () => {
    const names = cli("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name)
    expect(names).toEqual(tables.map((t) => t.name).sort())
    for (const table of tables) {
      const records = recordsOf(table.name)
      if (!records) continue
      const key = table.schema.primaryKey[0]
      expect(
        cli(`SELECT "${key}" AS k FROM "${table.name}" ORDER BY rowid`).map((r) => r.k),
        table.name
      ).toEqual(records.map((r) => r[key]))
    }
  })

  it('holds every value with the type of its field, NULL for null, JSON text for arrays and objects', () => {
    let compared = 0
    for (const table of tables) {
      const records = recordsOf(table.name)
      if (!records) continue
      for (const field of table.schema.fields) {
        const rows = cli(`SELECT typeof("${field.name}") AS t, "${field.name}" AS v FROM "${table.name}" ORDER BY rowid`)
        records.forEach((record, i) => {
          const where = `${table.name} row ${i + 1} ${field.name}`
          expect(rows[i]!.t, where).toBe(sqliteTypeOf(field.type, record[field.name]))
          expect(rows[i]!.v, where).toEqual(sqlValueOf(field.type, record[field.name]))
          compared++
        })
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })

  it('declares the columns with the types of the Table Schema in STRICT tables', () => {
    const types: Record<string, string> = {
      integer: 'INTEGER',
      number: 'REAL',
      boolean: 'INTEGER',
      string: 'TEXT',
      date: 'TEXT',
      array: 'TEXT',
      object: 'TEXT'
    }
    for (const table of tables) {
      const columns = cli(`SELECT name, type, "notnull" FROM pragma_table_info('${table.name}')`)
      for (const field of table.schema.fields) {
        const column = columns.find((c) => c.name === field.name)
        expect(column, `${table.name}.${field.name}`).toMatchObject({ type: types[field.type], notnull: field.constraints?.required ? 1 : 0 })
      }
      expect(cli(`SELECT sql FROM sqlite_master WHERE name = '${table.name}'`)[0]!.sql).toMatch(/\) STRICT$/)
    }
  })

  it('declares the primary key and every foreign key of the Table Schemas, each foreign key column indexed', () => {
    let keys = 0
    for (const table of tables) {
      const pk = cli(`SELECT name FROM pragma_table_info('${table.name}') WHERE pk > 0 ORDER BY pk`).map((r) => r.name)
      expect(pk, table.name).toEqual(table.schema.primaryKey)
      const declared = cli(`SELECT "from", "table", "to" FROM pragma_foreign_key_list('${table.name}')`)
      for (const fk of table.schema.foreignKeys ?? []) {
        keys++
        expect(declared, table.name).toContainEqual({ from: fk.fields[0], table: fk.reference.resource, to: fk.reference.fields[0] })
        const indexed = cli(`SELECT ii.name FROM pragma_index_list('${table.name}') il, pragma_index_info(il.name) ii WHERE ii.seqno = 0`).map((r) => r.name)
        expect(indexed, `${table.name}.${fk.fields[0]}`).toContain(fk.fields[0])
      }
    }
    expect(keys).toBeGreaterThan(0)
  })

  it('gives checks one key column per record type, exactly one set (to recordId), each a foreign key with an index', () => {
    const recordTypes: string[] = tables.find((t) => t.name === 'checks').schema.fields.find((f: any) => f.name === 'recordType').constraints.enum
    const columns = recordTypes.map((type) => `${type}Id`)
    const declared = cli(`SELECT "from", "table", "to" FROM pragma_foreign_key_list('checks')`)
    const indexed = cli(`SELECT ii.name FROM pragma_index_list('checks') il, pragma_index_info(il.name) ii`).map((r) => r.name)
    for (const type of recordTypes) {
      expect(declared).toContainEqual({ from: `${type}Id`, table: `${type}s`, to: 'id' })
      expect(indexed).toContain(`${type}Id`)
    }
    const rows = cli(`SELECT id, ${columns.map((c) => `"${c}"`).join(', ')} FROM checks ORDER BY rowid`)
    const checks = recordsOf('checks')!
    expect(rows.length).toBe(checks.length)
    checks.forEach((check, i) => {
      for (const column of columns) expect(rows[i]![column], `${check.id} ${column}`).toBe(column === `${check.recordType}Id` ? check.recordId : null)
    })
    // Each act's checks, joined through actId, are the JSON's.
    const joined = cli('SELECT a.id AS act, count(c.id) AS n FROM acts a LEFT JOIN checks c ON c.actId = a.id GROUP BY a.id')
    for (const { act, n } of joined) expect(n, String(act)).toBe(checks.filter((c) => c.recordType === 'act' && c.recordId === act).length)
  })

  it('answers "acts characterizing the events as genocide, by year" as the JSON records do', () => {
    const expected = genocideByYear()
    expect(expected.length).toBeGreaterThan(0)
    expect(cli(genocideQuery).map((r) => [r.year, r.acts])).toEqual(expected)
    const view = cli(`SELECT year, acts FROM characterization_by_year WHERE characterization = 'genocide' ORDER BY year`)
    expect(view.map((r) => [r.year, r.acts])).toEqual(expected)
  })

  it('answers "evidence by side" (checks by independence and verdict) as the JSON records do', () => {
    const expected = evidenceBySide()
    expect(cli(sideQuery).map((r) => [r.independence, r.verdict, r.checks])).toEqual(expected)
    const view = cli('SELECT independence, verdict, sum(checks) AS checks FROM checks_by_independence GROUP BY 1, 2 ORDER BY 1, 2')
    expect(view.map((r) => [r.independence, r.verdict, r.checks])).toEqual(expected)
  })

  it('has the views for common questions, each of which runs', () => {
    const views = cli("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").map((r) => String(r.name))
    expect(views).toEqual(['act_verdicts', 'acts_strongest_evidence', 'characterization_by_year', 'checks_by_independence', 'reports_beside_acts'])
    for (const view of views) expect(() => cli(`SELECT * FROM "${view}" LIMIT 1`), view).not.toThrow()
  })

  it('gives each act its strongest evidence entry, by the order RECORD.md gives the bases', () => {
    const citations = new Map(recordsOf('citations')!.map((c) => [c.id, c]))
    // The act's own words in its text or a copy, then quoted (in a report or a shipped text), then a reporter's: the first entry of the best.
    const rank = (e: any) =>
      e.voice === 'act' && ['primary', 'copy'].includes(citations.get(e.citation)?.kind)
        ? 0
        : e.voice === 'act' && (e.citation === null || citations.get(e.citation)?.kind === 'report')
          ? 1
          : 2
    const expected = recordsOf('acts')!.map((act) => {
      const best = act.evidence.map((e: any, i: number) => [rank(e), i + 1] as const).sort((x: any, y: any) => x[0] - y[0] || x[1] - y[1])[0]
      return [act.id, best[1]]
    })
    expect(cli('SELECT actId, evidencePosition FROM acts_strongest_evidence').map((r) => [r.actId, r.evidencePosition])).toEqual(expected)
  })

  it('answers "reports that disagree with their act" as the JSON records do', () => {
    const compared = ['jurisdiction', 'date', 'body', 'actor', 'actType', 'stage', 'characterization', 'stance']
    const reports = new Map(recordsOf('reports')!.map((r) => [r.id, r]))
    const expected = [
      ...new Set(
        recordsOf('checks')!
          .filter(
            (c) => c.recordType === 'report' && reports.get(c.recordId)?.act && ['corrected', 'disputed'].includes(c.verdict) && compared.includes(c.field)
          )
          .map((c) => c.recordId)
      )
    ].sort()
    expect(expected.length).toBeGreaterThan(3)
    const rows = cli(
      `SELECT DISTINCT b.reportId FROM reports_beside_acts b JOIN checks c ON c.reportId = b.reportId WHERE b.actId IS NOT NULL AND c.verdict IN ('corrected', 'disputed') AND c.field IN (${compared.map((f) => `'${f}'`).join(', ')}) ORDER BY 1`
    )
    expect(rows.map((r) => r.reportId)).toEqual(expected)
    expect(cli('SELECT count(*) AS n FROM reports_beside_acts')).toEqual([{ n: reports.size }])
  })

  it('answers "evidence by side" (evidence entries by the side of the document they cite) as the JSON records do', () => {
    const sides = new Map(recordsOf('citations')!.map((c) => [c.id, c.side]))
    const counts = new Map<string, number>()
    for (const act of recordsOf('acts')!)
      for (const e of act.evidence) if (e.citation) counts.set(sides.get(e.citation), (counts.get(sides.get(e.citation)) ?? 0) + 1)
    const rows = cli('SELECT c.side, count(*) AS entries FROM "act-evidence" e JOIN citations c ON c.id = e.citation GROUP BY 1 ORDER BY 1')
    expect(rows.map((r) => [r.side, r.entries])).toEqual([...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
  })

  it('uses no SQLite feature after 3.37 in its schema (no jsonb, no two-argument json_valid)', () => {
    const schema = cli("SELECT group_concat(sql, ';\n') AS s FROM sqlite_master WHERE sql IS NOT NULL")[0]!.s as string
    expect(schema).not.toMatch(/jsonb/i)
    expect(schema).not.toMatch(/json_valid\s*\([^()]*,/i)
    expect(schema).not.toMatch(/->>?/)
    expect(cli('PRAGMA user_version')).toEqual([
      {
        user_version:
          Number(dataPackage.version.split('.')[0]) * 1_000_000 + Number(dataPackage.version.split('.')[1]) * 1_000 + Number(dataPackage.version.split('.')[2])
      }
    ])
  })
})

describe('the SQLite database in /usr/bin/python3’s sqlite3 module', () => {
  if (!hasPython) {
    it('is skipped: /usr/bin/python3 is not installed', (ctx) => {
      console.log('skipped: /usr/bin/python3 not installed (the database was not opened with Python’s sqlite3)')
      ctx.skip('python3 not installed')
    })
    return
  }

  it('passes the integrity and foreign key checks, with the JSON files’ row counts and the same answers', () => {
    const done = run(python, [join(root, 'test/validators/sqlite_database.py'), database, '--query', genocideQuery, '--query', sideQuery])
    expect(done.status, done.stderr).toBe(0)
    const report = JSON.parse(done.stdout)
    console.log(`python3 sqlite3 ${report.sqliteVersion}: ${Object.keys(report.counts).length} tables`)
    expect(report.integrityCheck).toEqual(['ok'])
    expect(report.foreignKeyCheck).toEqual([])
    for (const table of tables) {
      const records = recordsOf(table.name)
      if (records) expect(report.counts[table.name], table.name).toBe(records.length)
    }
    expect(report.queries[0]).toEqual(genocideByYear())
    expect(report.queries[1]).toEqual(evidenceBySide())
  })
})

describe('the SQLite floor: the committed file in older SQLites (sql.js 1.7.0 and 1.6.2)', () => {
  type Old = { Database: new (data: Uint8Array) => { exec(q: string): Array<{ values: unknown[][] }>; close(): void } }
  const load = async (name: string): Promise<Old> => {
    const require = createRequire(import.meta.url)
    const init = require(name) as (config: object) => Promise<Old>
    // These versions fetch their WebAssembly when fetch exists: hand them the bytes.
    return init({ wasmBinary: readFileSync(require.resolve(`${name}/dist/sql-wasm.wasm`)) })
  }
  const bytes = () => new Uint8Array(readFileSync(database))

  it('SQLite 3.38.5 (the oldest at hand from 3.37 on) opens it: integrity, foreign keys, row counts, the views and the README’s answers', async () => {
    const old = await load('sql.js-3.38')
    const db = new old.Database(bytes())
    try {
      expect(db.exec('SELECT sqlite_version()')[0]!.values).toEqual([['3.38.5']])
      expect(db.exec('PRAGMA integrity_check')[0]!.values).toEqual([['ok']])
      expect(db.exec('PRAGMA foreign_key_check')).toEqual([])
      for (const table of tables) {
        const records = recordsOf(table.name)
        if (records) expect(db.exec(`SELECT count(*) FROM "${table.name}"`)[0]!.values, table.name).toEqual([[records.length]])
      }
      const views = db.exec("SELECT name FROM sqlite_master WHERE type = 'view'")[0]!.values.map(([name]) => String(name))
      for (const view of views) expect(() => db.exec(`SELECT * FROM "${view}"`), view).not.toThrow()
      expect(db.exec(genocideQuery)[0]!.values).toEqual(genocideByYear())
      expect(db.exec(sideQuery)[0]!.values).toEqual(evidenceBySide())
    } finally {
      db.close()
    }
  })

  it('SQLite 3.36.0, before STRICT tables, refuses it (so the floor is 3.37, and the test above can fail)', async () => {
    const old = await load('sql.js-3.36')
    const db = new old.Database(bytes())
    try {
      expect(db.exec('SELECT sqlite_version()')[0]!.values).toEqual([['3.36.0']])
      expect(() => db.exec('SELECT count(*) FROM acts')).toThrow(/malformed database schema/)
    } finally {
      db.close()
    }
  })
})

describe('the build’s checks of the database (sql.js, in-process)', () => {
  const resources = tabularResources(dataPackage)
  const rows = () => new Map(resources.map((r) => [r.name, (recordsOf(r.name) ?? []).map((record) => ({ ...record }))]))
  let sql: SqlJs
  beforeAll(async () => {
    sql = (await initSqlJs()) as unknown as SqlJs
  })

  it('builds the tables from the JSON records', () => {
    const bytes = writeSqliteDatabase(sql, sqliteSchema(resources), rows(), dataPackage.version)
    expect(bytes.length).toBeGreaterThan(0)
    expect(Buffer.from(bytes.subarray(0, 16)).toString('latin1')).toBe('SQLite format 3\u0000')
  })

  it('takes a new table from its Table Schema alone: composite key, foreign key, index, boolean and object columns', () => {
    const tidy = {
      name: 'act_terms',
      path: 'act_terms.csv',
      description: 'One row per term of an act.',
      schema: {
        fields: [
          { name: 'actId', type: 'string' as const, constraints: { required: true } },
          { name: 'position', type: 'integer' as const, constraints: { required: true } },
          { name: 'term', type: 'string' as const, constraints: { required: true, enum: ['genocide', 'massacre'] } },
          { name: 'quoted', type: 'boolean' as const },
          { name: 'extra', type: 'object' as const }
        ],
        missingValues: [''],
        primaryKey: ['actId', 'position'],
        foreignKeys: [{ fields: ['actId'], reference: { resource: 'acts', fields: ['id'] } }]
      }
    }
    const schema = sqliteSchema([...resources, tidy])
    const table = schema.tables.find((t) => t.name === 'act_terms')!
    expect(table.create).toMatch(/PRIMARY KEY \("actId", "position"\)/)
    expect(table.create).toMatch(/FOREIGN KEY \("actId"\) REFERENCES "acts" \("id"\)/)
    expect(table.create).toMatch(/"quoted" INTEGER CHECK \("quoted" IN \(0, 1\)\)/)
    expect(table.indexes).toEqual(['CREATE INDEX "act_terms_actId" ON "act_terms" ("actId")'])
    const acts = recordsOf('acts')!
    const all = rows()
    all.set('act_terms', [
      { actId: acts[0].id, position: 0, term: 'genocide', quoted: true, extra: { a: 1 } },
      { actId: acts[1].id, position: 0, term: 'massacre', quoted: false, extra: null }
    ])
    const bytes = writeSqliteDatabase(sql, schema, all, dataPackage.version)
    const db = new (sql.Database as unknown as new (data: Uint8Array) => { exec(q: string): Array<{ values: unknown[][] }>; close(): void })(bytes)
    expect(db.exec('SELECT actId, position, term, quoted, typeof(quoted), extra FROM act_terms ORDER BY rowid')[0]!.values).toEqual([
      [acts[0].id, 0, 'genocide', 1, 'integer', '{"a":1}'],
      [acts[1].id, 0, 'massacre', 0, 'integer', null]
    ])
    db.close()
    all.get('act_terms')![1]!.actId = 'no-such-act'
    expect(() => writeSqliteDatabase(sql, schema, all, dataPackage.version)).toThrow(/find no row: act_terms row 2 → acts/)
  })

  it('refuses a reference into several entities where one of its types names no table', () => {
    const fields = [
      { name: 'id', type: 'string' as const },
      { name: 'subjectType', type: 'string' as const, constraints: { enum: ['act', 'planet'] } },
      { name: 'subjectId', type: 'string' as const }
    ]
    const notes = { name: 'notes', path: 'notes.csv', schema: { fields, missingValues: [''], primaryKey: ['id'] } }
    expect(() => sqliteSchema([...resources, notes])).toThrow(/^notes\.subjectType: the values planet name no table, but the others do/)
    // A type field whose values name no entity at all is an ordinary column (as jurisdictionType is).
    const plain = { ...notes, schema: { ...notes.schema, fields: [fields[0]!, { ...fields[1]!, constraints: { enum: ['x'] } }, fields[2]!] } }
    expect(
      sqliteSchema([...resources, plain])
        .tables.at(-1)!
        .columns.map((c) => c.name)
    ).toEqual(['id', 'subjectType', 'subjectId'])
  })

  it('fails on a foreign key that finds no row, naming the table', () => {
    const broken = rows()
    broken.get('figures')!.find((f) => f.statedBy !== null)!.statedBy = 'no-such-report'
    expect(() => writeSqliteDatabase(sql, sqliteSchema(resources), broken, dataPackage.version)).toThrow(
      /1 foreign key\(s\) find no row: figures row [0-9]+ → reports/
    )
  })

  it('fails on a check whose record is not there, through its key column', () => {
    const broken = rows()
    broken.get('checks')![0]!.recordId = 'no-such-record'
    expect(() => writeSqliteDatabase(sql, sqliteSchema(resources), broken, dataPackage.version)).toThrow(/foreign key\(s\) find no row: checks row 1/)
  })

  it('fails on a value of the wrong type (STRICT) or outside its vocabulary, naming the table and row', () => {
    const wrongType = rows()
    wrongType.get('sources')![0]!.bytes = 'many'
    expect(() => writeSqliteDatabase(sql, sqliteSchema(resources), wrongType, dataPackage.version)).toThrow(/sources, row 1: .*not an integer/)
    const outside = rows()
    outside.get('acts')![1]!.level = 'galactic'
    expect(() => writeSqliteDatabase(sql, sqliteSchema(resources), outside, dataPackage.version)).toThrow(/acts, row 2: CHECK constraint failed/)
  })
})
