/**
 * Independent validators: tools that share no code with the pipeline read the published files.
 * Python's jsonschema validates every JSON file against the emitted schemas, pandas reads every
 * CSV with the codebook's dtypes, and the sqlite3 command-line tool imports the CSVs and follows
 * every declared foreign key (scripts in test/validators/, run with Debian's /usr/bin/python3).
 * `.ci/run` installs their Debian packages; where one is not installed, its tests are skipped
 * and say so.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const python = process.env.KHOJALY_VALIDATORS_PYTHON ?? '/usr/bin/python3'

function run(command: string, args: string[]) {
  const done = spawnSync(command, args, { cwd: root, encoding: 'utf8' })
  return { status: done.error ? null : done.status, stdout: done.stdout ?? '', stderr: done.stderr ?? '' }
}

const hasPython = existsSync(python)
const hasModule = (module: string) => hasPython && run(python, ['-c', `import ${module}`]).status === 0

/** Why a validator cannot run here (the package to install), or null when it can. */
const missing = {
  jsonschema: !hasPython ? 'python3' : hasModule('jsonschema') ? null : 'python3-jsonschema',
  pandas: !hasPython ? 'python3' : hasModule('pandas') ? null : 'python3-pandas',
  sqlite3: !hasPython ? 'python3' : run('sqlite3', ['-version']).status === 0 ? null : 'sqlite3'
}

const validator = (script: string, ...args: string[]) => run(python, [join(root, 'test/validators', script), ...args])

const copies: string[] = []
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true })
})

/** A copy of the published files (dist-data/, schemas/, docs/) to break. */
function copyOfTheData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-validators-'))
  copies.push(dir)
  for (const folder of ['dist-data', 'schemas', 'docs']) cpSync(join(root, folder), join(dir, folder), { recursive: true })
  return dir
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const writeJson = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
const readCsv = (path: string): Record<string, string>[] => parse(readFileSync(path, 'utf8'), { columns: true })
const writeCsv = (path: string, rows: Record<string, string>[]) => writeFileSync(path, stringify(rows, { header: true, record_delimiter: '\r\n' }))

/** Every `<entity>.json` of the package, with its record count. */
function recordCounts(): Map<string, number> {
  const package_ = readJson(join(root, 'dist-data/datapackage.json'))
  const names: string[] = package_.resources.filter((r: any) => r.format === 'json').map((r: any) => String(r.path).replace(/\.json$/, ''))
  return new Map(names.map((name) => [name, readJson(join(root, `dist-data/${name}.json`)).records.length]))
}
const totalRecords = () => [...recordCounts().values()].reduce((a, b) => a + b, 0)
/** Every CSV of the package (entities and tidy tables), with its row count, read here with csv-parse. */
function rowCounts(): Map<string, number> {
  const package_ = readJson(join(root, 'dist-data/datapackage.json'))
  const paths: string[] = package_.resources.filter((r: any) => r.format === 'csv').map((r: any) => String(r.path))
  return new Map(paths.map((path) => [path, readCsv(join(root, 'dist-data', path)).length]))
}
const totalRows = () => [...rowCounts().values()].reduce((a, b) => a + b, 0)

/** The tests of one validator, or one skipped test that prints why. */
function describeValidator(name: keyof typeof missing, tests: () => void): void {
  describe(`independent validator: ${name}`, () => {
    const reason = missing[name]
    if (reason === null) return tests()
    it(`is skipped: ${reason} is not installed`, (ctx) => {
      console.log(`skipped: ${reason} not installed (the ${name} validator did not run)`)
      ctx.skip(`${reason} not installed`)
    })
  })
}

describeValidator('jsonschema', () => {
  it('validates every JSON file of dist-data against the emitted schemas, $refs from a local store, formats asserted', () => {
    const done = validator('validate_json.py')
    expect(done.status, done.stdout + done.stderr).toBe(0)
    const jsonFiles = recordCounts().size
    expect(done.stdout.trim()).toMatch(
      new RegExp(`^jsonschema \\S+: ${jsonFiles} JSON files, ${totalRecords()} records valid against \\d+ schemas .*formats asserted: date`)
    )
  })

  it('fails on a broken record', () => {
    const dir = copyOfTheData()
    const acts = readJson(join(dir, 'dist-data/acts.json'))
    acts.records[0].id = 'Not An Id'
    writeJson(join(dir, 'dist-data/acts.json'), acts)
    const done = validator('validate_json.py', '--root', dir)
    expect(done.status).toBe(1)
    expect(done.stdout).toMatch(/^jsonschema \S+: FAILED/)
    expect(done.stderr).toMatch(/acts\.json at \/records\/0\/id: 'Not An Id' does not match/)
  })

  it('asserts formats: an impossible date fails even where no pattern catches it', () => {
    const dir = copyOfTheData()
    const schemaPath = join(dir, 'schemas/act.schema.json')
    const schema = readJson(schemaPath)
    for (const variant of schema.properties.dateStart.anyOf) delete variant.pattern
    writeJson(schemaPath, schema)
    const acts = readJson(join(dir, 'dist-data/acts.json'))
    acts.records[0].dateStart = '2011-02-30'
    writeJson(join(dir, 'dist-data/acts.json'), acts)
    const done = validator('validate_json.py', '--root', dir)
    expect(done.status).toBe(1)
    expect(done.stderr).toMatch(/acts\.json at \/records\/0\/dateStart: .*'2011-02-30' is not a 'date'/)
  })
})

describeValidator('pandas', () => {
  it('reads every CSV with the codebook’s dtypes and finds the JSON’s record counts', () => {
    const done = validator('read_csv.py')
    expect(done.status, done.stdout + done.stderr).toBe(0)
    expect(done.stdout.trim()).toMatch(
      new RegExp(
        `^pandas \\S+: ${rowCounts().size} CSV files, ${totalRows()} rows read with the codebook's dtypes; record counts, ids and cells match the JSON$`
      )
    )
  })

  it('fails where a cell does not fit the documented dtype, and where a row is missing', () => {
    const dir = copyOfTheData()
    const sources = readCsv(join(dir, 'dist-data/sources.csv'))
    sources[0]!.bytes = 'many'
    writeCsv(join(dir, 'dist-data/sources.csv'), sources)
    writeCsv(join(dir, 'dist-data/acts.csv'), readCsv(join(dir, 'dist-data/acts.csv')).slice(1))
    const done = validator('read_csv.py', '--root', dir)
    expect(done.status).toBe(1)
    expect(done.stdout).toMatch(/^pandas \S+: FAILED/)
    expect(done.stderr).toMatch(/sources\.csv: pandas cannot read it with the codebook dtypes/)
    expect(done.stderr).toMatch(/acts\.csv: \d+ rows, acts\.json: \d+ records/)
  })
})

describeValidator('sqlite3', () => {
  const foreignKeys = () => readJson(join(root, 'dist-data/datapackage.json')).resources.flatMap((r: any) => r.schema?.foreignKeys ?? []).length

  it('imports the CSVs and finds the row of every non-null key along each declared foreign key', () => {
    const done = validator('sqlite_fks.py')
    expect(done.status, done.stdout + done.stderr).toBe(0)
    expect(foreignKeys()).toBeGreaterThan(0)
    const statedBy = readJson(join(root, 'dist-data/figures.json')).records.filter((f: any) => f.statedBy !== null).length
    expect(done.stdout.trim()).toMatch(
      new RegExp(
        `^sqlite3 \\S+: imported ${rowCounts().size} CSVs \\(${totalRows()} rows\\); ${foreignKeys()} foreign key\\(s\\), \\d+ non-null keys, every one finds its row$`
      )
    )
    expect(Number(/(\d+) non-null keys/.exec(done.stdout)![1])).toBeGreaterThanOrEqual(statedBy)
  })

  it('fails on a key that finds no row', () => {
    const dir = copyOfTheData()
    const figures = readCsv(join(dir, 'dist-data/figures.csv'))
    const figure = figures.find((row) => row.statedBy !== '')!
    figure.statedBy = 'no-such-report'
    writeCsv(join(dir, 'dist-data/figures.csv'), figures)
    const done = validator('sqlite_fks.py', '--root', dir)
    expect(done.status).toBe(1)
    expect(done.stdout).toMatch(/^sqlite3 \S+: FAILED/)
    expect(done.stderr).toContain(`figures.statedBy -> reports.id: 1 of`)
    expect(done.stderr).toContain(`(rows ${figure.id})`)
    expect(done.stderr).toMatch(/PRAGMA foreign_key_check: 1 violations/)
  })
})
