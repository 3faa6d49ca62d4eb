/**
 * `validate FILE` on hostile input: whatever the file holds, `validateFile` returns
 * `valid: false` with a clear message (it never throws), and the CLI exits 1 (2 on a usage
 * error) without a stack trace.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxValidateBytes, validateFile, type ValidationResult } from '../../src/cli/validate-file.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

/** A stack trace, a V8 fatal error or an uncaught-exception banner: anything that is not a message for people. */
const crashOutput = /^\s+at .+:\d+:\d+\)?$|FATAL ERROR|node:internal|Uncaught|^\w*Error: /m

let dir: string
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khojaly-hostile-'))
})
afterAll(() => {
  // The > 64 MiB file lives here; never leave it behind.
  rmSync(dir, { recursive: true, force: true })
})

const figures = () => JSON.parse(readFileSync(join(root, 'dist-data/figures.json'), 'utf8')) as { version: string; records: Array<Record<string, unknown>> }
const figuresCsv = () => readFileSync(join(root, 'dist-data/figures.csv'), 'utf8')
const deepArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const deepObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)

/** Calls validateFile, asserting it does not throw, and checks the shape of an invalid verdict. */
function expectInvalid(path: string, ruleId: ValidationResult['errors'][number]['ruleId'] | undefined, message: RegExp): ValidationResult {
  let result: ValidationResult | undefined
  expect(() => {
    result = validateFile(path)
  }).not.toThrow()
  expect(result!.valid, JSON.stringify(result)).toBe(false)
  expect(result!.errors.length).toBeGreaterThan(0)
  for (const e of result!.errors) {
    expect(typeof e.place).toBe('string')
    expect(e.message.trim().length).toBeGreaterThan(0)
  }
  if (ruleId) expect(result!.errors.map((e) => e.ruleId)).toContain(ruleId)
  expect(result!.errors.map((e) => e.message).join('\n')).toMatch(message)
  return result!
}

/** Runs the CLI on `path`; asserts exit 1, a message naming the file on stderr, and no crash output. */
function expectCliInvalid(path: string, message?: RegExp) {
  const run = cli('validate', path)
  expect(run.error, String(run.error)).toBeUndefined()
  expect(run.signal).toBeNull()
  expect(run.status, run.stderr).toBe(1)
  expect(run.stderr).not.toMatch(crashOutput)
  expect(run.stderr).toContain(`${path}:`)
  expect(run.stderr).toMatch(/: error: .+ \(validate-(read|parse|shape|schema)\)/)
  if (message) expect(run.stderr).toMatch(message)
  const json = cli('validate', path, '--format', 'json')
  expect(json.status).toBe(1)
  expect(json.stderr).not.toMatch(crashOutput)
  const parsed = JSON.parse(json.stdout) as ValidationResult
  expect(parsed.valid).toBe(false)
  expect(parsed.errors.length).toBeGreaterThan(0)
}

describe('validate on files that are not what they claim', () => {
  it('not JSON: "{ nope"', () => {
    const path = file('acts.json', '{ nope')
    expectInvalid(path, 'validate-parse', /not JSON/)
    expectCliInvalid(path, /not JSON/)
  })

  it('not CSV: binary bytes in a .csv (invalid UTF-8)', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)
    const path = file('figures.csv', bytes)
    expectInvalid(path, 'validate-read', /not valid UTF-8/)
    expectCliInvalid(path, /not valid UTF-8/)
  })

  it('not CSV: control characters that are valid UTF-8, in a .csv with and without an entity name', () => {
    const garbage = Buffer.from([0, 1, 2, 3, 0x22, 0x2c, 0x22, 0x0d, 0x0a, 0x7f, 0x22, 0x0a, 0x1b, 0x5b, 0x32, 0x4a])
    expectInvalid(file('data.csv', garbage), 'validate-shape', /header matches no table's columns/)
    const named = file('acts.csv', garbage)
    expectInvalid(named, 'validate-parse', /^cannot be read as CSV: /)
    expectCliInvalid(named)
  })

  it('a CSV with the wrong header', () => {
    const unnamed = file('table.csv', 'a,b,c\r\n1,2,3\r\n')
    expectInvalid(unnamed, 'validate-shape', /header matches no table's columns: a,b,c/)
    expectCliInvalid(unnamed, /header/)
    // Named as figures: the header is compared with the figures columns.
    const named = file('figures.csv', 'id,value\r\nx,1\r\n')
    expectInvalid(named, 'validate-shape', /^the columns valueAsWritten, .* are missing$/)
    // The right columns in the wrong order: told apart from an unknown table by its columns.
    const header = figuresCsv().split('\r\n')[0]!.split(',')
    const shuffled = expectInvalid(
      file('shuffled.csv', `${[...header].reverse().join(',')}\r\n`),
      'validate-shape',
      /not in the table's order, which is: id, value,/
    )
    expect(shuffled.entity).toBe('figures')
  })

  it('a CSV with the right header but broken rows (bad quote, short row)', () => {
    const header = figuresCsv().split('\r\n')[0]
    expect(expectInvalid(file('figures.csv', `${header}\r\nfoo,"bar\r\n`), 'validate-parse', /^cannot be read as CSV: Quote Not Closed/).errors[0]!.place).toBe(
      'row 2'
    )
    const cells = header!.split(',').length
    expect(
      expectInvalid(file('figures.csv', `${header}\r\nfoo,1\r\n`), 'validate-parse', new RegExp(`^has 2 cells, the header ${cells}$`)).errors[0]!.place
    ).toBe('row 2')
    expectCliInvalid(join(dir, 'figures.csv'))
  })

  it.each([
    ['42', '42'],
    ['{"foo":1}', 'an object without records'],
    ['{"records":"x"}', 'records that is not an array'],
    ['null', 'null'],
    ['"records"', 'a string'],
    ['true', 'a boolean'],
    ['{"records":{"0":{}}}', 'records as an object']
  ])('wrong shape: %s (%s)', (json) => {
    const path = file('thing.json', json)
    expectInvalid(path, 'validate-shape', /expected an entity file \{ "version", "records": \[\.\.\.\] \} or an array of records/)
    expectCliInvalid(path, /expected an entity file/)
  })

  it('wrong types: a figure whose value is "abc", as an entity file, an array and a CSV row', () => {
    const data = figures()
    data.records[0]!.value = 'abc'
    const envelope = file('figures.json', JSON.stringify(data))
    const result = expectInvalid(envelope, 'validate-schema', /must be number/)
    expect(result.entity).toBe('figures')
    const id = String(data.records[0]!.id)
    expect(result.errors.map((e) => e.place)).toContain(`/records/0/value (record "${id}")`)
    expectCliInvalid(envelope, new RegExp(`/records/0/value \\(record "${id}"\\): error: must be number`))

    const array = file('figures-array.json', JSON.stringify([data.records[0]]))
    expect(expectInvalid(array, 'validate-schema', /must be number/).errors.map((e) => e.place)).toContain(`/0/value (record "${id}")`)

    // In a CSV, "abc" in the number column is not a number: said at its row and column.
    const lines = figuresCsv().split('\r\n')
    const cells = lines[1]!.split(',')
    expect(cells[1]).toMatch(/^\d+$/)
    cells[1] = 'abc'
    const csv = file('figures.csv', `${lines[0]}\r\n${cells.join(',')}\r\n`)
    expect(expectInvalid(csv, 'validate-parse', /"abc" is not a number/).errors.map((e) => e.place)).toContain('row 2, column value')
    expectCliInvalid(csv, /row 2, column value: error: "abc" is not a number/)
  })

  it('wrong types: an unknown field, a string for an array, an array for a string', () => {
    const data = figures()
    data.records[0]!.extra = 1
    data.records[1]!.provenance = 'here'
    data.records[2]!.id = ['x']
    const result = expectInvalid(file('figures.json', JSON.stringify(data)), 'validate-schema', /must/)
    // Record 2's id is no string, so it is named by its index alone.
    expect(result.errors.map((e) => e.place)).toEqual(
      expect.arrayContaining([
        `/records/0/extra (record "${String(data.records[0]!.id)}")`,
        `/records/1/provenance (record "${String(data.records[1]!.id)}")`,
        '/records/2/id'
      ])
    )
  })

  it('a file that is not UTF-8 (Latin-1, UTF-16, an encoded surrogate, a truncated sequence)', () => {
    for (const [name, bytes] of [
      ['latin1.json', Buffer.from('{"records":[{"id":"café"}]}', 'latin1')],
      ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[{"id":"x"}]', 'utf16le')])],
      ['surrogate.json', Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d])],
      ['truncated.csv', Buffer.from([0x69, 0x64, 0x2c, 0xe2, 0x82])]
    ] as const) {
      const path = file(name, bytes)
      expectInvalid(path, 'validate-read', /not valid UTF-8/)
      expectCliInvalid(path, /not valid UTF-8/)
    }
  })

  it('an empty file (.json and .csv, with and without an entity name)', () => {
    expectInvalid(file('empty.json', ''), 'validate-read', /empty/)
    expectInvalid(file('empty.csv', ''), 'validate-read', /empty/)
    expectInvalid(file('acts.csv', '\n'), 'validate-read', /empty/)
    expectCliInvalid(join(dir, 'empty.json'))
    expectCliInvalid(join(dir, 'empty.csv'))
  })

  it('a file over the 64 MiB limit: a size error, returned quickly, without reading it', () => {
    const path = join(dir, 'huge.json')
    // Real bytes, not a sparse file: a JSON array of zeros, one byte over the limit.
    const body = Buffer.alloc(maxValidateBytes + 1, 0x20)
    body[0] = 0x5b
    body[body.length - 1] = 0x5d
    writeFileSync(path, body)
    const started = performance.now()
    expectInvalid(path, 'validate-read', new RegExp(`has ${maxValidateBytes + 1} bytes, over the limit of ${maxValidateBytes}`))
    expect(performance.now() - started).toBeLessThan(1000)
    const cliStarted = performance.now()
    expectCliInvalid(path, /over the limit/)
    expect(performance.now() - cliStarted).toBeLessThan(15_000)
    rmSync(path)
  })

  it('deeply nested JSON: 100000 nested arrays, 100000 nested objects', () => {
    for (const [name, text] of [
      ['nested.json', deepArrays(100_000)],
      ['acts.json', deepArrays(100_000)],
      ['objects.json', deepObjects(100_000)],
      ['envelope.json', `{"version":"1.0.0","records":${deepArrays(100_000)}}`]
    ] as const) {
      const path = file(name, text)
      const result = expectInvalid(path, undefined, /./)
      expect(['validate-parse', 'validate-shape', 'validate-schema']).toContain(result.errors[0]!.ruleId)
      expectCliInvalid(path)
    }
  })

  it('deeply nested JSON inside a record field (JSON file and CSV cell)', () => {
    const data = figures()
    const text = JSON.stringify(data).replace('"provenance":[', `"provenance":[${deepArrays(100_000)},`)
    expect(text.length).toBeGreaterThan(200_000)
    const path = file('figures.json', text)
    expect(expectInvalid(path, 'validate-schema', /must be object/).errors.map((e) => [e.record, e.field])).toContainEqual([0, '/provenance/0'])
    expectCliInvalid(path)

    const notes = JSON.stringify(data).replace('"notes":null', `"notes":${deepObjects(100_000)}`)
    expectInvalid(file('figures.json', notes), 'validate-schema', /must be/)

    const lines = figuresCsv().split('\r\n')
    const row = lines[1]!.replace(/,"\[\{.*$/, `,"${deepArrays(100_000)}"`)
    const csv = file('figures.csv', `${lines[0]}\r\n${row}\r\n`)
    expectInvalid(csv, 'validate-schema', /must be object/)
    expectCliInvalid(csv)
  })

  it('a file name with no known extension', () => {
    const json = JSON.stringify(figures())
    expectInvalid(
      file('figures', json),
      'validate-read',
      /cannot tell the format from "no extension": give an entity file \(\.json or \.csv\) or datapackage\.json/
    )
    expectInvalid(file('figures.txt', json), 'validate-read', /cannot tell the format from "\.txt"/)
    expectInvalid(file('figures.json.bak', json), 'validate-read', /cannot tell the format from "\.bak"/)
    expectCliInvalid(join(dir, 'figures'), /give an entity file \(\.json or \.csv\)/)
    expectCliInvalid(join(dir, 'figures.txt'), /is a text file .* give an entity file \(\.json or \.csv\)/)
  })

  it('a missing file, and a folder in place of a file', () => {
    const missing = join(dir, 'no-such-file.json')
    expectInvalid(missing, 'validate-read', /cannot read the file: .*(ENOENT|no such file)/)
    expectCliInvalid(missing, /cannot read the file/)
    const folder = join(dir, 'folder.json')
    mkdirSync(folder)
    expectInvalid(folder, 'validate-read', /cannot read the file/)
    expectCliInvalid(folder, /cannot read the file/)
  })

  it('a CSV with LF line endings instead of CRLF does not crash', () => {
    const path = file('figures.csv', figuresCsv().replace(/\r\n/g, '\n'))
    expect(() => validateFile(path)).not.toThrow()
    const run = cli('validate', path)
    expect([0, 1]).toContain(run.status)
    expect(run.stderr).not.toMatch(crashOutput)
  })

  // BUG (reported): the errors of every record are collected without a cap (toErrors caps
  // each record at 100, not the file), and an array of records is validated once per entity
  // when the file name names none. A 63 MiB file "[0,0,…]" (33 million records, under the
  // 64 MiB limit) makes the CLI run out of heap after ~4 minutes (exit 134, V8 fatal error
  // and native stack on stderr); 1 million records (a 2 MB file) already take ~14 s and
  // 1 GB. Expected: a cap on the errors collected (and reported), so the verdict comes in
  // time and memory bounded by the size limit. Unskip when fixed.
  it('many invalid records: bounded errors and time', () => {
    const path = file('many.json', `[${Array(1_000_000).fill('0').join(',')}]`)
    const started = performance.now()
    const result = expectInvalid(path, 'validate-schema', /must be object/)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(result.errors.length).toBeLessThanOrEqual(1000)
  })
})

describe('validate usage errors exit 2', () => {
  it('no FILE, two FILEs, an unknown --format', () => {
    for (const args of [
      ['validate'],
      ['validate', 'a.json', 'b.json'],
      ['validate', 'dist-data/acts.json', '--format', 'xml'],
      ['validate', '--nope', 'x.json']
    ]) {
      const run = cli(...args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).not.toMatch(crashOutput)
      expect(run.stderr.trim().length).toBeGreaterThan(0)
    }
  })
})
