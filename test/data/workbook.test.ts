/**
 * The spreadsheet workbook. Read back by a program that did not write it: headless
 * LibreOffice (Debian's libreoffice-calc-nogui; skipped, saying so, where it is not
 * installed) converts every sheet to CSV, and every cell must equal the JSON record's value
 * as text. The container is inspected as bytes (ZIP entries, times, sheet XML), the build is
 * run under two time zones, and the checks that refuse unkeepable values are tried.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'csv-parse/sync'
import { unzipSync, strFromU8 } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { workbookSheets } from '../../src/pipeline/emit/workbook.js'
import { tabularResources } from '../../src/pipeline/emit/tabular-resources.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const workbook = join(root, 'dist-data/khojaly-recognition.xlsx')
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))
const dataPackage = readJson('dist-data/datapackage.json')
const tables: any[] = dataPackage.resources.filter((r: any) => String(r.path).endsWith('.csv'))
const recordsOf = (name: string): any[] | undefined =>
  existsSync(join(root, `dist-data/${name}.json`)) ? readJson(`dist-data/${name}.json`).records : undefined

const temporary: string[] = []
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
})
const scratch = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  temporary.push(dir)
  return dir
}

/** The text a spreadsheet shows for a JSON value (the README's rule): strings as they are, JSON text for arrays and objects, TRUE/FALSE, empty for null. */
function shownAs(value: unknown): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The entries of a ZIP file from its central directory: name, DOS date and time, in file order. */
function zipEntries(bytes: Buffer): Array<{ name: string; date: number; time: number }> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const entries = []
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50)
    const nameLength = bytes.readUInt16LE(at + 28)
    entries.push({ time: bytes.readUInt16LE(at + 12), date: bytes.readUInt16LE(at + 14), name: bytes.toString('utf8', at + 46, at + 46 + nameLength) })
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return entries
}

const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0)

describe('the workbook read back by LibreOffice', () => {
  if (!soffice) {
    it('is skipped: LibreOffice is not installed', (ctx) => {
      console.log('skipped: libreoffice-calc-nogui not installed (the workbook was not read back)')
      ctx.skip('LibreOffice not installed')
    })
    return
  }

  let sheets: Map<string, string[][]> | undefined
  /** Every sheet as LibreOffice exports it to CSV (UTF-8, raw values, not as shown). */
  function exported(): Map<string, string[][]> {
    if (sheets) return sheets
    const out = scratch('khojaly-xlsx-')
    const profile = pathToFileURL(join(out, 'profile')).href
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    const done = spawnSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, workbook], {
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(done.status, done.stdout + done.stderr).toBe(0)
    sheets = new Map(
      readdirSync(out)
        .filter((name) => name.endsWith('.csv'))
        .map((name) => [
          name.replace(/^khojaly-recognition-/, '').replace(/\.csv$/, ''),
          parse(readFileSync(join(out, name), 'utf8'), { relax_column_count: true }) as string[][]
        ])
    )
    return sheets
  }

  it('has a sheet "columns" and one sheet per CSV resource', { timeout: 180_000 }, () => {
    expect([...exported().keys()].sort()).toEqual(['columns', ...tables.map((t) => t.name)].sort())
  })

  it('gives every value of every JSON record back, as text, in order', { timeout: 180_000 }, () => {
    let cells = 0
    for (const table of tables) {
      const records = recordsOf(table.name)
      if (!records) continue
      const [header, ...rows] = exported().get(table.name)!
      const names = table.schema.fields.map((f: any) => f.name)
      expect(header, table.name).toEqual(names)
      expect(rows.length, table.name).toBe(records.length)
      records.forEach((record, i) => {
        names.forEach((name: string, j: number) => {
          expect(rows[i]![j] ?? '', `${table.name} row ${i + 1} ${name}`).toBe(shownAs(record[name]))
          cells++
        })
      })
    }
    console.log(`LibreOffice gave back ${cells} cells equal to the JSON records`)
    // Values a spreadsheet would otherwise turn into dates or numbers are among them.
    const reports = recordsOf('reports')!
    expect(reports.some((a) => /^[A-Z][a-z]+ \d+$/.test(a.dateAsWritten ?? ''))).toBe(true)
    expect(reports.some((a) => /^\d{4}-\d{2}$/.test(a.date ?? ''))).toBe(true)
  })

  it('explains every column on the first sheet, from the Table Schemas', { timeout: 180_000 }, () => {
    const [header, ...rows] = exported().get('columns')!
    expect(header).toEqual(['sheet', 'column', 'type', 'required', 'values', 'description'])
    const expected: string[][] = []
    for (const table of tables) {
      expected.push([table.name, '', 'table', '', '', table.description ?? ''])
      for (const field of table.schema.fields)
        expected.push([
          table.name,
          field.name,
          field.type,
          field.constraints?.required ? 'yes' : 'no',
          (field.constraints?.enum ?? []).join(', '),
          field.description ?? ''
        ])
    }
    expect(rows.map((row) => [0, 1, 2, 3, 4, 5].map((i) => row[i] ?? ''))).toEqual(expected)
  })
})

describe('the README’s LibreOffice settings for opening a CSV keep every value', () => {
  if (!soffice) {
    it('is skipped: LibreOffice is not installed', (ctx) => {
      console.log('skipped: libreoffice-calc-nogui not installed (the CSV import settings were not tried)')
      ctx.skip('LibreOffice not installed')
    })
    return
  }

  /** Every cell of a CSV after LibreOffice imports it with `importOptions` and exports it again, raw. */
  function roundTrip(csvName: string, importOptions: string): string[][] {
    const dir = scratch('khojaly-csv-')
    cpSync(join(root, 'dist-data', csvName), join(dir, csvName))
    const profile = pathToFileURL(join(dir, 'profile')).href
    const args = [`-env:UserInstallation=${profile}`, '--headless', `--infilter=Text - txt - csv (StarCalc):${importOptions}`]
    const done = spawnSync(
      soffice!,
      [...args, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', '--outdir', join(dir, 'out'), join(dir, csvName)],
      {
        encoding: 'utf8',
        timeout: 120_000
      }
    )
    expect(done.status, done.stdout + done.stderr).toBe(0)
    return parse(readFileSync(join(dir, 'out', csvName), 'utf8'), { relax_column_count: true })
  }

  it('UTF-8, comma, every column Text, no formulas and no special numbers: every cell of every CSV as it was', { timeout: 300_000 }, () => {
    for (const table of tables) {
      const original: string[][] = parse(readFileSync(join(root, 'dist-data', table.path), 'utf8'))
      const textColumns = table.schema.fields.map((_: unknown, i: number) => `${i + 1}/2`).join('/')
      const back = roundTrip(table.path, `44,34,76,1,${textColumns},1033,false,false,false,false,false,-1,false`)
      expect(
        back.map((row) => original[0]!.map((_, j) => row[j] ?? '')),
        table.name
      ).toEqual(original)
    }
  })

  it('the default column type instead turns dates as written into dates (so the test above can fail)', { timeout: 120_000 }, () => {
    const original: string[][] = parse(readFileSync(join(root, 'dist-data/reports.csv'), 'utf8'))
    const back = roundTrip('reports.csv', '44,34,76,1,,1033,false,true')
    const column = original[0]!.indexOf('dateAsWritten')
    const changed = original.filter((row, i) => (back[i]![column] ?? '') !== row[column])
    expect(changed.map((row) => row[column])).toContain('March 2011')
  })
})

describe('the workbook’s cells and container', () => {
  const bytes = readFileSync(workbook)
  const files = unzipSync(new Uint8Array(bytes))
  const xml = (name: string) => strFromU8(files[name]!)

  it('is a ZIP whose entries come in a fixed order, each dated 1980-01-01 00:00', () => {
    const entries = zipEntries(bytes)
    expect(entries[0]!.name).toBe('[Content_Types].xml')
    const rest = entries.slice(1).map((e) => e.name)
    expect(rest).toEqual([...rest].sort())
    // DOS date: (year - 1980) << 9 | month << 5 | day; time 0 is 00:00:00.
    for (const entry of entries) expect([entry.name, entry.date, entry.time]).toEqual([entry.name, (0 << 9) | (1 << 5) | 1, 0])
  })

  it('types every string cell as text (shared string, number format "@"), freezes each header row', () => {
    const styles = xml('xl/styles.xml')
    const textFormats = new Set(['49', ...[...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="@"\/>/g)].map((m) => m[1]!)])
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf\b([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? '0')
    const sheets = Object.keys(files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    expect(sheets.length).toBe(tables.length + 1)
    let textCells = 0
    for (const name of sheets) {
      const sheet = xml(name)
      expect(sheet, name).toMatch(/<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"\/>/)
      for (const cell of sheet.matchAll(/<c ([^>]*)>/g)) {
        const attributes = cell[1]!
        if (!/t="s"/.test(attributes)) {
          expect(attributes, name).not.toMatch(/t="(str|inlineStr)"/)
          continue
        }
        const style = Number(/s="(\d+)"/.exec(attributes)?.[1] ?? 0)
        expect(textFormats.has(xfs[style]!), `${name} ${attributes}`).toBe(true)
        textCells++
      }
    }
    expect(textCells).toBeGreaterThan(1000)
  })

  it('writes numbers as number cells', () => {
    const figures = recordsOf('figures')!
    const sheetIndex = tables.findIndex((t) => t.name === 'figures') + 2
    const sheet = xml(`xl/worksheets/sheet${sheetIndex}.xml`)
    const value = figures.find((f) => f.value !== null)!.value
    expect(sheet).toMatch(new RegExp(`<c r="[A-Z]+\\d+"><v>${value}</v></c>`))
  })
})

describe('the workbook’s bytes', () => {
  it('are the same when built in two time zones, and equal the committed file', { timeout: 240_000 }, () => {
    const committed = readFileSync(workbook)
    for (const tz of ['UTC', 'Pacific/Kiritimati']) {
      const dir = scratch('khojaly-tz-')
      cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true })
      const done = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'build', '--root', dir], { encoding: 'utf8', env: { ...process.env, TZ: tz } })
      expect(done.status, done.stderr).toBe(0)
      const offset = spawnSync(process.execPath, ['-e', 'console.log(new Date(2020, 0, 1).getTimezoneOffset())'], {
        encoding: 'utf8',
        env: { ...process.env, TZ: tz }
      })
      expect(offset.stdout.trim(), tz).toBe(tz === 'UTC' ? '0' : '-840')
      expect(readFileSync(join(dir, 'dist-data/khojaly-recognition.xlsx')).equals(committed), tz).toBe(true)
      expect(readFileSync(join(dir, 'dist-data/khojaly-recognition.sqlite')).equals(readFileSync(join(root, 'dist-data/khojaly-recognition.sqlite'))), tz).toBe(
        true
      )
    }
  })
})

describe('values a workbook cannot keep fail the build, with their place', () => {
  const resources = tabularResources(dataPackage)
  const rows = (change: (acts: any[]) => void) => {
    const acts = recordsOf('acts')!.map((a) => ({ ...a }))
    change(acts)
    return new Map([['acts', acts]])
  }
  const only = resources.filter((r) => r.name === 'acts')

  it('a carriage return (XML reads it as a line feed)', () => {
    expect(() =>
      workbookSheets(
        only,
        rows((acts) => (acts[2].notes = 'a\r\nb'))
      )
    ).toThrow(/^acts, row 3, notes: the character U\+000D at 1 cannot be kept/)
  })

  it('a C1 control character, which the writer would drop', () => {
    expect(() =>
      workbookSheets(
        only,
        rows((acts) => (acts[0].body = 'x\u0090'))
      )
    ).toThrow(/^acts, row 1, body: the character U\+0090/)
  })

  it('a text longer than a cell holds', () => {
    expect(() =>
      workbookSheets(
        only,
        rows((acts) => (acts[1].notes = 'n'.repeat(32_768)))
      )
    ).toThrow(/^acts, row 2, notes: 32768 characters, over the 32767/)
  })

  it('takes a new table from its Table Schema alone: a sheet, its columns explained, numbers and booleans typed', () => {
    const tidy = {
      name: 'a_table_with_a_name_longer_than_31_characters',
      path: 'x.csv',
      schema: {
        fields: [
          { name: 'n', type: 'integer' as const, description: 'A count.' },
          { name: 'b', type: 'boolean' as const }
        ],
        missingValues: [''],
        primaryKey: ['n']
      }
    }
    const sheets = workbookSheets([...only, tidy], new Map([[tidy.name, [{ n: 3, b: false }]]]))
    expect(sheets.map((s) => s.sheet)).toEqual(['columns', 'acts', 'a_table_with_a_name_longer_than'])
    expect(sheets[2]!.data).toEqual([
      [
        { type: String, value: 'n', format: '@', fontWeight: 'bold' },
        { type: String, value: 'b', format: '@', fontWeight: 'bold' }
      ],
      [
        { type: Number, value: 3 },
        { type: Boolean, value: false }
      ]
    ])
    expect(sheets[0]!.data).toContainEqual([
      { type: String, value: 'a_table_with_a_name_longer_than', format: '@' },
      { type: String, value: 'n', format: '@' },
      { type: String, value: 'integer', format: '@' },
      { type: String, value: 'no', format: '@' },
      null,
      { type: String, value: 'A count.', format: '@' }
    ])
  })

  it('keeps what it can: tabs, line feeds, astral and Cyrillic letters', () => {
    const sheets = workbookSheets(
      only,
      rows((acts) => (acts[0].notes = 'a\tb\nc 𝔸 К'))
    )
    expect(sheets[1]!.data[1]![only[0]!.schema.fields.findIndex((f) => f.name === 'notes')]).toEqual({ type: String, value: 'a\tb\nc 𝔸 К', format: '@' })
  })
})
