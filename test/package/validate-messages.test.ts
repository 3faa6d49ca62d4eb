/**
 * `validate` says where each error is, exactly: the record (its index in a JSON pointer and
 * its id), the field, and in a CSV the row and the column; a misspelt field with the nearest
 * name; a date that is no day of the calendar; bounds that contradict their date; every error
 * of a file in one run; the files that hold no records refused with what they are. Each case
 * spoils a copy of a published file in a known place and looks for that place in the answer.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateFile } from '../../src/cli/validate-file.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: root, encoding: 'utf8' })

type Row = Record<string, unknown>
const published = (name: string) => JSON.parse(readFileSync(join(root, 'dist-data', name), 'utf8')) as { version: string; records: Row[] }
/** A published CSV as its rows of cells (header first), read by csv-parse, not by the code under test. */
const publishedCells = (name: string) => parse(readFileSync(join(root, 'dist-data', name), 'utf8')) as string[][]
const csvText = (rows: string[][]) => stringify(rows, { record_delimiter: 'windows' })

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khojaly-validate-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** The first act (by index) whose date is an EDTF day, with its index. */
function actWithDay(acts: Row[], from = 0): number {
  const i = acts.findIndex((a, k) => k >= from && typeof a.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.date))
  expect(i).toBeGreaterThanOrEqual(0)
  return i
}

describe('validate names the record, the field, and in a CSV the row and the column', () => {
  it('a JSON record: its index in the pointer, its id, the field; the CLI prints the same place', () => {
    const acts = published('acts.json')
    acts.records[3]!.stage = 'passed'
    const id = String(acts.records[3]!.id)
    const path = write('acts.json', JSON.stringify(acts))
    const result = validateFile(path)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ place: `/records/3/stage (record "${id}")`, record: 3, id, field: '/stage', ruleId: 'validate-schema' })
    expect(result.errors[0]!.message).toMatch(/"passed" is not one of: draft, introduced, committee, adopted/)
    const run = cli('validate', path)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`${path}:/records/3/stage (record "${id}"): error: `)
  })

  it('a misspelt field is named, with the nearest field suggested, at the top and inside a list', () => {
    const acts = published('acts.json')
    const top = acts.records[1]!
    top.dat = top.date
    delete top.date
    const nested = acts.records[4]!
    const evidence = (nested.evidence as Row[])[0]!
    evidence.voise = evidence.voice
    delete evidence.voice
    acts.records[6]!.characterisation = acts.records[6]!.characterization
    delete acts.records[6]!.characterization
    const result = validateFile(write('acts.json', JSON.stringify(acts)))
    const at = (place: string) => result.errors.filter((e) => e.place === place).map((e) => e.message)
    expect(at(`/records/1/dat (record "${String(top.id)}")`)).toEqual(['is not a field of act records; did you mean "date"?'])
    expect(at(`/records/4/evidence/0/voise (record "${String(nested.id)}")`)).toEqual(['is not a field of the object at /evidence/0; did you mean "voice"?'])
    expect(at(`/records/6/characterisation (record "${String(acts.records[6]!.id)}")`)).toEqual([
      'is not a field of act records; did you mean "characterization"?'
    ])
    // The field it lacks now is named too, as missing.
    expect(at(`/records/1/date (record "${String(top.id)}")`)).toEqual(['is missing; it is required'])
  })

  it('a field far from every name gets the list of fields instead of a guess', () => {
    const figures = published('figures.json')
    figures.records[0]!.zzzzzzzz = 1
    const result = validateFile(write('figures.json', JSON.stringify(figures)))
    const message = result.errors.find((e) => e.field === '/zzzzzzzz')!.message
    expect(message).toMatch(/^is not a field of figure records; the fields are: id, value, valueAsWritten, /)
    expect(message).not.toMatch(/did you mean/)
  })

  it('a nullable field of the wrong type gets one error, not one per alternative', () => {
    const acts = published('acts.json')
    acts.records[5]!.body = 5
    const result = validateFile(write('acts.json', JSON.stringify(acts)))
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([['/body', 'must be string or null (it is number 5)']])
  })

  it('a CSV cell: row (the header is row 1), column, the id; inside a JSON cell, the pointer in it', () => {
    const cells = publishedCells('acts.csv')
    const header = cells[0]!
    const stage = header.indexOf('stage')
    const evidence = header.indexOf('evidence')
    const id = header.indexOf('id')
    cells[3]![stage] = 'passed'
    const list = JSON.parse(cells[5]![evidence]!) as Row[]
    list[0]!.voice = 'nobody'
    cells[5]![evidence] = JSON.stringify(list)
    const path = write('acts.csv', csvText(cells))
    const result = validateFile(path)
    expect(result.errors.map((e) => e.place)).toEqual([
      `row 4, column stage (record "${cells[3]![id]}")`,
      `row 6, column evidence at /0/voice (record "${cells[5]![id]}")`
    ])
    expect(result.errors[0]).toMatchObject({ row: 4, column: 'stage', record: 2, id: cells[3]![id] })
    expect(cli('validate', path).stderr).toContain(`${path}:row 6, column evidence at /0/voice (record "${cells[5]![id]}"): error: `)
  })

  it('a row that holds a cell with line breaks stays one row: the next row keeps its number', () => {
    const cells = publishedCells('figures.csv')
    const header = cells[0]!
    cells[1]![header.indexOf('notes')] = 'a note\r\nover two lines'
    cells[2]![header.indexOf('value')] = 'many'
    const result = validateFile(write('figures.csv', csvText(cells)))
    expect(result.errors.map((e) => [e.place, e.message])).toEqual([[`row 3, column value`, '"many" is not a number']])
  })

  it('a misspelt CSV column is named by its number, with the nearest column suggested', () => {
    const cells = publishedCells('acts.csv')
    const k = cells[0]!.indexOf('jurisdictionName')
    cells[0]![k] = 'jurisdictionNam'
    const result = validateFile(write('acts.csv', csvText(cells)))
    expect(result.errors.map((e) => [e.place, e.message, e.ruleId])).toEqual([
      [`row 1, column ${k + 1}`, '"jurisdictionNam" is not a column of acts; did you mean "jurisdictionName"?', 'validate-shape'],
      ['row 1', 'the column jurisdictionName is missing', 'validate-shape']
    ])
  })

  it('CSV headers are read by the CSV rules: a quoted header is the same header', () => {
    const text = readFileSync(join(root, 'dist-data/figures.csv'), 'utf8')
    const [first, ...rest] = text.split('\r\n')
    const quoted = first!
      .split(',')
      .map((name) => `"${name}"`)
      .join(',')
    const unnamed = write('some-table.csv', [quoted, ...rest].join('\r\n'))
    const result = validateFile(unnamed)
    expect(result).toMatchObject({ valid: true, entity: 'figures', records: published('figures.json').records.length })
  })

  it('a tidy table: row and column of a value outside its vocabulary', () => {
    const cells = publishedCells('act-characterizations.csv')
    const header = cells[0]!
    const term = header.indexOf('value') // the term
    expect(term).toBeGreaterThanOrEqual(0)
    cells[2]![term] = 'pogrom'
    const result = validateFile(write('act-characterizations.csv', csvText(cells)))
    expect(result.errors.map((e) => [e.place, e.ruleId])).toEqual([['row 3, column value', 'validate-schema']])
    expect(result.errors[0]!.message).toMatch(/^"pogrom" is not one of: /)
  })
})

describe('validate checks dates: days of the calendar, and bounds that agree with the date', () => {
  it('"2007-13-45" and 29 February of a common year are refused where they stand; 29 February of a leap year passes', () => {
    const acts = published('acts.json')
    const a = actWithDay(acts.records)
    const b = actWithDay(acts.records, a + 1)
    const c = actWithDay(acts.records, b + 1)
    acts.records[a]!.date = '2007-13-45'
    acts.records[b]!.date = '2011-02-29'
    Object.assign(acts.records[c]!, { date: '2012-02-29', dateStart: '2012-02-29', dateEnd: '2012-02-29' })
    const result = validateFile(write('acts.json', JSON.stringify(acts)))
    expect(result.errors.map((e) => [e.record, e.field, e.ruleId])).toEqual([
      [a, '/date', 'validate-schema'],
      [b, '/date', 'validate-schema']
    ])
    expect(result.errors[0]!.message).toMatch(/^"2007-13-45" is not an EDTF date .* every day a day of the calendar$/)
    expect(result.errors[1]!.message).toMatch(/^"2011-02-29" is not an EDTF date/)
  })

  it('a bound that is not the first or last day of its date: the field, and the day it should be', () => {
    const acts = published('acts.json')
    const a = actWithDay(acts.records)
    const record = acts.records[a]!
    const day = String(record.date)
    Object.assign(record, { date: day.slice(0, 7), dateStart: day, dateEnd: day })
    const month = day.slice(0, 7)
    const result = validateFile(write('acts.json', JSON.stringify(acts)))
    expect(result.errors.map((e) => [e.place, e.ruleId])).toEqual([
      [`/records/${a}/dateStart (record "${String(record.id)}")`, 'validate-date-bounds'],
      [`/records/${a}/dateEnd (record "${String(record.id)}")`, 'validate-date-bounds']
    ])
    expect(result.errors[0]!.message).toBe(`must be ${month}-01, the first day date "${month}" can mean (it is "${day}")`)
    // Checked in a CSV too, at the bound's column.
    const cells = publishedCells('acts.csv')
    const header = cells[0]!
    const row = cells.findIndex((r) => r[header.indexOf('id')] === record.id)
    cells[row]![header.indexOf('dateEnd')] = '1992-02-26'
    const csv = validateFile(write('acts.csv', csvText(cells)))
    expect(csv.errors.map((e) => [e.place, e.ruleId])).toEqual([[`row ${row + 1}, column dateEnd (record "${String(record.id)}")`, 'validate-date-bounds']])
  })

  it('bounds beside a null date must be null', () => {
    const reports = published('reports.json')
    const i = reports.records.findIndex((r) => r.date !== null)
    Object.assign(reports.records[i]!, { date: null })
    const result = validateFile(write('reports.json', JSON.stringify(reports)))
    expect(result.errors.map((e) => [e.field, e.ruleId])).toEqual([
      ['/dateStart', 'validate-date-bounds'],
      ['/dateEnd', 'validate-date-bounds']
    ])
    expect(result.errors[0]!.message).toMatch(/^must be null, since date is null/)
  })
})

describe('validate reports every error of a file in one run', () => {
  it('a JSON file with errors in five records gives all five', () => {
    const figures = published('figures.json')
    const spoiled = [0, 2, 4, 6, 8].filter((i) => i < figures.records.length)
    expect(spoiled.length).toBe(5)
    for (const i of spoiled) figures.records[i]!.value = 'x'
    const result = validateFile(write('figures.json', JSON.stringify(figures)))
    expect(result.errors.map((e) => e.record)).toEqual(spoiled)
  })

  it('a CSV with a broken JSON cell, a broken quote and a bad value: each at its row, none hiding the rest', () => {
    const cells = publishedCells('acts.csv')
    const header = cells[0]!
    cells[2]![header.indexOf('evidence')] = '[{"citation":'
    cells[4]![header.indexOf('stage')] = 'passed'
    const lines = csvText(cells).split('\r\n')
    // Row 6 ends inside an unclosed quote that a later quote closes: csv-parse skips it, the rows after it still count.
    lines[5] = `${lines[5]},"x"y"`
    const result = validateFile(write('acts.csv', lines.join('\r\n')))
    expect(result.errors.map((e) => [e.place.replace(/ \(record .*\)$/, ''), e.ruleId])).toEqual([
      ['row 6', 'validate-parse'],
      ['row 3, column evidence', 'validate-parse'],
      ['row 5, column stage', 'validate-schema']
    ])
  })
})

describe('validate refuses the files that hold no records, saying what each is', () => {
  it.each([
    ['khojaly-recognition.sqlite', /SQLite database/],
    ['khojaly-recognition.xlsx', /spreadsheet workbook \(xlsx\)/],
    ['explorer.html', /explorer page \(HTML\)/],
    ['timeline.svg', /timeline figure/]
  ])('%s by its name', (name, what) => {
    const run = cli('validate', `dist-data/${name}`)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(what)
    expect(run.stderr).toMatch(/\(validate-shape\)/)
  })

  it.each([
    ['khojaly-recognition.sqlite', 'copy.db', /a SQLite database/],
    ['khojaly-recognition.xlsx', 'copy.bin', /a ZIP archive \(an xlsx workbook is one\)/],
    ['explorer.html', 'page.html', /an HTML page/]
  ])('%s renamed %s, by its content', (name, copy, what) => {
    const path = join(dir, copy)
    copyFileSync(join(root, 'dist-data', name), path)
    const result = validateFile(path)
    expect(result.valid).toBe(false)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]!.message).toMatch(what)
    expect(result.errors[0]!.ruleId).toBe('validate-shape')
  })
})
