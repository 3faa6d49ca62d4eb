/**
 * Every code example of README.md is executed by a test where its runtime is present.
 *
 * The fenced blocks are read with remark and named by their section and index. TypeScript
 * blocks are type-checked (strict, nodenext) and run with tsx; JavaScript blocks run with
 * node, as ESM or, when they `require`, as CommonJS. Both are written inside the repository
 * (.test-results/readme/, gitignored) so that `import … from 'khojaly-recognition'` resolves
 * to this package, and run in a temporary folder holding a copy of sources/, so that an
 * example that builds never writes into the repository. Python blocks run with Debian's
 * /usr/bin/python3 from the repository root, R blocks with Rscript; either is skipped, and
 * says so, where it is not installed. SQL blocks (one statement each) run against
 * dist-data/khojaly-recognition.sqlite in Debian's sqlite3 and in /usr/bin/python3's sqlite3
 * module, each where it is installed, and in sql.js only where neither is. Shell blocks run their `npx khojaly-recognition` lines
 * as `node dist/cli/main.js`. A block in a language this file does not know fails, unless
 * `nonCode` lists it, so a new example cannot go untested.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Code, Heading, Nodes } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rules } from '../../src/pipeline/diagnostics/rules.js'
import { stances } from '../../src/schema/index.js'
import { entityFile } from '../helpers/published.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const work = join(root, '.test-results/readme')
const python = process.env.KHOJALY_VALIDATORS_PYTHON ?? '/usr/bin/python3'
const version: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version

/** Info strings of blocks that are not code to run, and why. */
const nonCode: Record<string, string> = {
  txt: 'sample output, not code'
}

/** The real format of a diagnostic line, as `formatDiagnostics` and the CLI print it. */
const diagnosticLine = /^\S+:\d+:\d+-\d+:\d+: (error|warning): .+ \([a-z0-9-]+\)$/
/** The real format of a line of `validate`: the file, then a JSON pointer, `row N[, column C]` or `(file)`, then the record's id when it has one. */
const validateLine = /^\S+:(?:\/\S*|row \d+(?:, column \S+(?: at \/\S+)?)?|\(file\))(?: \(record "[^"]+"\))?: error: .+ \(validate-[a-z-]+\)$/

interface Block {
  /** Section path, index in the section and language: the test's title. */
  name: string
  lang: string
  code: string
  /** 1-based position in README.md, for file names. */
  number: number
  line: number
}

type Runtime = 'typescript' | 'esm' | 'commonjs' | 'python' | 'r' | 'sh' | 'sql'

function runtimeOf(block: Block): Runtime | undefined {
  switch (block.lang) {
    case 'ts':
    case 'typescript':
    case 'mts':
      return 'typescript'
    case 'js':
    case 'javascript':
    case 'mjs':
      return /\brequire\(/.test(block.code) && !/^\s*import\s/m.test(block.code) ? 'commonjs' : 'esm'
    case 'cjs':
      return 'commonjs'
    case 'python':
    case 'py':
      return 'python'
    case 'r':
      return 'r'
    case 'sql':
      return 'sql'
    case 'sh':
    case 'bash':
    case 'shell':
      return 'sh'
    default:
      return undefined
  }
}

const textOf = (node: Nodes): string => ('value' in node ? String(node.value) : 'children' in node ? node.children.map(textOf).join('') : '')

/** The fenced code blocks of README.md, in order, each named by its section and index. */
function readmeBlocks(): Block[] {
  const tree = unified()
    .use(remarkParse)
    .parse(readFileSync(join(root, 'README.md'), 'utf8'))
  const headings: string[] = []
  const perSection = new Map<string, number>()
  const blocks: Block[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'heading') {
      const heading = node as Heading
      if (heading.depth === 1) return
      headings.length = heading.depth - 2
      headings.push(textOf(heading))
      return
    }
    if (node.type === 'code') {
      const code = node as Code
      const section = headings.filter(Boolean).join(' › ') || '(top)'
      const index = (perSection.get(section) ?? 0) + 1
      perSection.set(section, index)
      const lang = (code.lang ?? '').toLowerCase()
      blocks.push({
        name: `${section} #${index} (${lang || 'no language'})`,
        lang,
        code: `${code.value}\n`,
        number: blocks.length + 1,
        line: code.position?.start.line ?? 0
      })
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  return blocks
}

const blocks = readmeBlocks()

interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string): Ran {
  const done = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } })
  if (done.error && (done.error as NodeJS.ErrnoException).code !== 'ENOENT') throw done.error
  return { status: done.error ? null : done.status, stdout: done.stdout ?? '', stderr: done.stderr ?? '' }
}

const show = (ran: Ran) => `exit ${ran.status}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`

const temporary: string[] = []
/** A fresh folder outside the repository, holding a copy of sources/ when asked. */
function scratch(withSources: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-readme-'))
  temporary.push(dir)
  if (withSources) cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true })
  return dir
}

const extension: Record<Runtime, string> = { typescript: 'mts', esm: 'mjs', commonjs: 'cjs', python: 'py', r: 'R', sh: 'sh', sql: 'sql' }
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
/** Where a block's code is written: inside the repository, so the package resolves itself. */
const fileOf = (block: Block, runtime: Runtime) => join(work, `${String(block.number).padStart(2, '0')}-${slug(block.name)}.${extension[runtime]}`)

beforeAll(() => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  for (const block of blocks) {
    const runtime = runtimeOf(block)
    if (runtime) writeFileSync(fileOf(block, runtime), block.code)
  }
})

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
})

/** tsc's diagnostics per TypeScript block, from one run over all of them (as a user's strict nodenext project). */
let typeErrors: Map<string, string[]> | undefined
function typeErrorsOf(file: string): string[] {
  if (!typeErrors) {
    const files = blocks.filter((block) => runtimeOf(block) === 'typescript').map((block) => relative(root, fileOf(block, 'typescript')))
    const ran = run(
      join(root, 'node_modules/.bin/tsc'),
      ['--noEmit', '--pretty', 'false', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--skipLibCheck', ...files],
      root
    )
    typeErrors = new Map(files.map((name) => [name, []]))
    for (const line of ran.stdout.split('\n').filter(Boolean)) {
      const owner = files.find((name) => line.startsWith(`${name}(`))
      // A diagnostic of no block (a bad option, say) belongs to every block.
      for (const name of owner ? [owner] : files) typeErrors.get(name)!.push(line)
    }
    if (ran.status === null) for (const name of files) typeErrors.get(name)!.push('tsc did not run')
  }
  return typeErrors.get(relative(root, file)) ?? ['not type-checked']
}

/** A copy of dist-data/ in `dir` whose first report's first quote no longer matches the text; the report's id. */
function tamperQuote(dir: string): string {
  cpSync(join(root, 'dist-data'), join(dir, 'dist-data'), { recursive: true })
  const file = join(dir, 'dist-data/reports.json')
  const reports = JSON.parse(readFileSync(file, 'utf8'))
  reports.records[0].provenance[0].quote += ' (tampered)'
  writeFileSync(file, `${JSON.stringify(reports, null, 2)}\n`)
  return reports.records[0].id
}

type Row = Record<string, any>
const actRecords = (): Row[] => entityFile('acts').records
const reportRecords = (): Row[] => entityFile('reports').records
/** Acts of record whose characterization includes genocide, straight from acts.json. */
const genocideActs = () => actRecords().filter((act) => act.characterization.includes('genocide'))
/** Counts of `rows` by the values of two fields, as "a b" → n. */
const countBy = (rows: Row[], first: string, second: string) => {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(`${row[first]} ${row[second]}`, (counts.get(`${row[first]} ${row[second]}`) ?? 0) + 1)
  return counts
}

/**
 * What the examples say they do, beyond exiting 0, by block name. Each name must be a block
 * of the README (tested below), so renaming a section cannot drop these checks silently.
 */
const expectations: Record<string, (ran: Ran, block: Block, cwd: string) => void> = {
  'Use › TypeScript and JavaScript #1 (ts)'(ran) {
    const lines = ran.stdout.trim().split('\n')
    const shown = genocideActs().filter((act) => act.characterizationBasis === 'primary')
    expect(shown.length).toBeGreaterThan(0)
    expect(lines.slice(0, -1).map((line) => line.split(' ')[0])).toEqual(shown.map((act) => act.id))
    for (const [i, act] of shown.entries()) expect(lines[i]!.split(' ').slice(1, 4)).toEqual([act.date ?? 'no date', act.actor, act.stage])
    const told = shown.filter((act) => reportRecords().some((report) => report.act === act.id)).length
    expect(lines.at(-1)).toBe(`${version} ${shown.length} of ${actRecords().length} acts; ${told} of them reported by a source text`)
  },
  'Use › TypeScript and JavaScript #2 (ts)'(ran) {
    const lines = ran.stdout.trim().split('\n')
    expect(lines).toHaveLength(reportRecords().length)
    for (const [i, report] of reportRecords().entries()) {
      const act = actRecords().find((a) => a.id === report.act)
      expect(lines[i]).toMatch(new RegExp(`^${report.id}: the text says ${report.characterization.join(', ') || 'no term'}; `))
      expect(lines[i]!.endsWith(act ? `the act says ${act.characterization.join(', ') || 'no term'}` : 'no act of record'), lines[i]).toBe(true)
    }
    expect(lines.some((line) => line.endsWith('no act of record'))).toBe(true)
  },
  'Use › TypeScript and JavaScript #3 (ts)'(ran) {
    expect(ran.stderr).toMatch(/'characterization: /)
    for (const stance of Object.keys(stances)) expect(ran.stdout).toContain(`'${stance}'`)
  },
  'Use › TypeScript and JavaScript #4 (ts)'(ran, _block, cwd) {
    expect(ran.stderr).toBe('')
    for (const file of ['dist-data/acts.json', 'dist-data/reports.json', 'dist-data/datapackage.json', 'schemas/act.schema.json'])
      expect(existsSync(join(cwd, file)), file).toBe(true)
    for (const name of ['acts', 'reports', 'citations'] as const)
      expect(JSON.parse(readFileSync(join(cwd, `dist-data/${name}.json`), 'utf8')).records.length, name).toBe(entityFile(name).records.length)
  },
  'Use › Python (pandas) #1 (python)'(ran) {
    // A header, then one line per (basis, stage) pair of the acts that use the term, with its count.
    expect(ran.stdout.split('\n')[0]!.trim().split(/\s+/)).toEqual(['characterizationBasis', 'stage', 'acts'])
    const expected = countBy(genocideActs(), 'characterizationBasis', 'stage')
    const printed = new Map(
      ran.stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cells) => cells.length === 3 && /^\d+$/.test(cells[2]!))
        .map((cells) => [`${cells[0]} ${cells[1]}`, Number(cells[2])])
    )
    expect(expected.size).toBeGreaterThan(1)
    expect(printed).toEqual(expected)
  },
  'Use › R #1 (r)'(ran) {
    // table() prints bases as rows and stages as columns; every count of the data must be in it.
    const header = ran.stdout.split('\n').find((line) => /\badopted\b/.test(line))
    expect(header, ran.stdout).toBeDefined()
    const stagesShown = header!.trim().split(/\s+/)
    for (const [key, n] of countBy(genocideActs(), 'characterizationBasis', 'stage')) {
      const [basis, stage] = key.split(' ')
      const row = ran.stdout.split('\n').find((line) => line.trim().split(/\s+/)[0] === basis)
      expect(row, basis).toBeDefined()
      expect(Number(row!.trim().split(/\s+/)[stagesShown.indexOf(stage!) + 1]), key).toBe(n)
    }
  },
  'Use › SQLite #1 (sql)'(ran) {
    const killed = entityFile('figures').records.filter((f) => f.measure === 'killed')
    const values = killed.map((f) => f.value).filter((v): v is number => v !== null)
    expect(rowsOf(ran)).toEqual([[Math.max(...values), killed.length]])
  },
  'Use › SQLite #2 (sql)'(ran) {
    const reports = new Map(entityFile('reports').records.map((r) => [r.id, r]))
    const expected = entityFile('checks')
      .records.filter((c) => c.recordType === 'report' && c.field === 'characterization' && c.verdict === 'corrected')
      .map((c) => [c.recordId, reports.get(c.recordId)!.jurisdictionName, c.correctValue])
      .sort(([a], [b]) => (a < b ? -1 : 1))
    expect(expected.length).toBeGreaterThan(0)
    expect(rowsOf(ran)).toEqual(expected)
  },
  'Use › SQLite #3 (sql)'(ran) {
    const byYear = new Map<string | null, number>()
    for (const act of entityFile('acts').records.filter((a) => a.characterization.includes('genocide'))) {
      const year = act.dateStart === null ? null : act.dateStart.slice(0, 4)
      byYear.set(year, (byYear.get(year) ?? 0) + 1)
    }
    expect(rowsOf(ran)).toEqual([...byYear].sort(([a], [b]) => String(a).localeCompare(String(b))))
  },
  'Use › SQLite #4 (sql)'(ran) {
    const citations = new Map(entityFile('citations').records.map((c) => [c.id, c]))
    const rank = (e: Record<string, any>) =>
      e.voice === 'act' && ['primary', 'copy'].includes(citations.get(e.citation)?.kind ?? '')
        ? 0
        : e.voice === 'act' && (e.citation === null || citations.get(e.citation)?.kind === 'report')
          ? 1
          : 2
    const expected = entityFile('acts')
      .records.filter((a) => a.jurisdictionName === 'Pakistan')
      .map((a) => {
        const best = [...a.evidence].map((e, i) => ({ e, i })).sort((x, y) => rank(x.e) - rank(y.e) || x.i - y.i)[0]!.e
        const doc = best.citation === null ? undefined : citations.get(best.citation)
        return [a.id, a.characterizationBasis, best.voice, doc?.kind ?? null, doc?.side ?? null, doc?.url ?? null]
      })
      .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1))
    expect(expected.length).toBeGreaterThan(2)
    expect(rowsOf(ran)).toEqual(expected)
  },
  'Use › SQLite #5 (python)'(ran) {
    const counts = new Map<string, number>()
    for (const check of entityFile('checks').records) {
      const key = `${check.independence ?? 'nothing cited'} ${check.verdict}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    expect(ran.stdout.trim().split('\n')).toEqual([...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `${key} ${n}`))
  },
  "Use › Check a report's quote against the text #1 (js)"(ran, block) {
    expect(ran.stderr).not.toMatch(/quote differs/)
    // It does check: in a copy of the package whose data has a wrong quote, it reports that record.
    const copy = join(work, 'tampered-package')
    mkdirSync(copy, { recursive: true })
    cpSync(join(root, 'package.json'), join(copy, 'package.json'))
    cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true })
    const id = tamperQuote(copy)
    writeFileSync(join(copy, 'quote-check.mjs'), block.code)
    const tampered = run(process.execPath, [join(copy, 'quote-check.mjs')], scratch(false))
    expect(tampered.stderr, show(tampered)).toContain(`${id}: quote differs`)
  },
  "Use › Check a report's quote against the text #2 (python)"(_ran, block) {
    // It does check: over a copy of dist-data/ with a wrong quote, its assert fails on that report.
    const dir = scratch(false)
    const id = tamperQuote(dir)
    const tampered = run(python, [fileOf(block, 'python')], dir)
    expect(tampered.status, show(tampered)).not.toBe(0)
    expect(tampered.stderr).toMatch(new RegExp(`AssertionError: ${id}\\s*$`))
  },
  'From act to evidence to report to check #1 (js)'(ran, block) {
    // The example evaluates and prints the evidence; what its comments say, from the files themselves:
    const report = reportRecords().find((r) => r.id === 'us-ma-house-2010')!
    expect(report.characterization).toEqual(['genocide'])
    expect(report.actType).toBe('resolution')
    expect(report.provenance[0].quote).toMatch(/^On February 25, 2010, House of Representatives of the state of Massachusetts/)
    const act = actRecords().find((a) => a.id === report.act)!
    expect(act.id).toBe('us-ma-house-citation-2010-02-25')
    expect([act.characterization, act.characterizationBasis, act.actType, act.actor, act.stage]).toEqual([
      ['massacre'],
      'quoted',
      'citation',
      'member',
      'published'
    ])
    const sides = new Map(entityFile('citations').records.map((c: Row) => [c.id, c.side]))
    const lines = act.evidence.map((e: Row) => `${e.voice} ${sides.get(e.citation)} ${e.supports.join(' ')}`)
    expect(ran.stdout.trim().split('\n')).toEqual(lines)
    expect(entityFile('checks').records.find((c: Row) => c.recordId === report.id && c.field === 'characterization')).toMatchObject({
      verdict: 'corrected',
      correctValue: 'massacre',
      independence: 'aligned-one-side',
      finding: expect.stringMatching(/^The Massachusetts House document of 25 February 2010 acknowledges /)
    })
    // The comments under the loop show that output, line for line (their parenthesis aside).
    const commented = block.code
      .split('\n')
      .filter((line) => /^\/\/ (act|reporter) /.test(line))
      .map((line) => line.replace(/^\/\/ /, '').replace(/\s+\(.*\)$/, ''))
    expect(commented).toEqual(lines)
  }
}

/** Runs a TypeScript or JavaScript block; the checks common to all of them. */
function runScript(block: Block, runtime: 'typescript' | 'esm' | 'commonjs'): void {
  const file = fileOf(block, runtime)
  if (runtime === 'typescript') expect(typeErrorsOf(file).join('\n')).toBe('')
  const cwd = scratch(true)
  const ran = runtime === 'typescript' ? run(join(root, 'node_modules/.bin/tsx'), [file], cwd) : run(process.execPath, [file], cwd)
  expect(ran.status, show(ran)).toBe(0)
  expectations[block.name]?.(ran, block, cwd)
}

let pythonModules: Map<string, boolean> | undefined
function pythonHas(module: string | null): boolean {
  if (!existsSync(python)) return false
  if (module === null) return true
  pythonModules ??= new Map()
  if (!pythonModules.has(module)) pythonModules.set(module, run(python, ['-c', `import ${module}`], root).status === 0)
  return pythonModules.get(module)!
}

function runPython(block: Block, skip: (note: string) => never): void {
  const needsPandas = /^\s*(import|from)\s+pandas\b/m.test(block.code)
  if (!pythonHas(needsPandas ? 'pandas' : null)) {
    const note = needsPandas ? 'skipped: python3 with pandas not installed' : 'skipped: python3 not installed'
    console.log(`${block.name}: ${note}`)
    skip(note)
  }
  const ran = run(python, [fileOf(block, 'python')], root)
  expect(ran.status, show(ran)).toBe(0)
  expectations[block.name]?.(ran, block, root)
}

function runR(block: Block, skip: (note: string) => never): void {
  const note =
    run('Rscript', ['--version'], root).status !== 0
      ? 'skipped: R not installed'
      : run('Rscript', ['-e', 'library(jsonlite)'], root).status !== 0
        ? 'skipped: R package jsonlite not installed'
        : null
  if (note) {
    console.log(`${block.name}: ${note}`)
    skip(note)
  }
  const ran = run('Rscript', [fileOf(block, 'r')], root)
  expect(ran.status, show(ran)).toBe(0)
  expectations[block.name]?.(ran, block, root)
}

const database = join(root, 'dist-data/khojaly-recognition.sqlite')
/** The rows an SQL block gave, as lists of values (each runner reports them as JSON). */
const rowsOf = (ran: Ran): unknown[][] => JSON.parse(ran.stdout)

/** An SQL block's rows in each SQLite present: Debian's sqlite3, Python's sqlite3, else sql.js. Every runner must agree. */
async function runSql(block: Block): Promise<void> {
  expect(block.code.trim().replace(/;$/, ''), 'one statement per SQL block').not.toMatch(/;/)
  const results: Array<{ runner: string; ran: Ran }> = []
  if (run('sqlite3', ['-version'], root).status === 0) {
    const ran = run('sqlite3', ['-readonly', '-bail', '-json', database, block.code], root)
    expect(ran.status, show(ran)).toBe(0)
    expect(ran.stderr).toBe('')
    const rows = (ran.stdout.trim() ? JSON.parse(ran.stdout) : []) as Array<Record<string, unknown>>
    results.push({ runner: 'sqlite3', ran: { ...ran, stdout: JSON.stringify(rows.map((row) => Object.values(row))) } })
  }
  if (pythonHas('sqlite3')) {
    const ran = run(python, [join(root, 'test/validators/sqlite_database.py'), database, '--query', block.code], root)
    expect(ran.status, show(ran)).toBe(0)
    results.push({ runner: 'python3 sqlite3', ran: { ...ran, stdout: JSON.stringify(JSON.parse(ran.stdout).queries[0]) } })
  }
  if (results.length === 0) {
    const initSqlJs = (await import('sql.js')).default
    const SQL = await initSqlJs()
    const db = new (SQL.Database as unknown as new (data: Uint8Array) => { exec(sql: string): Array<{ values: unknown[][] }>; close(): void })(
      readFileSync(database)
    )
    results.push({ runner: 'sql.js', ran: { status: 0, stdout: JSON.stringify(db.exec(block.code)[0]?.values ?? []), stderr: '' } })
    db.close()
  }
  console.log(`${block.name}: ran in ${results.map((r) => r.runner).join(', ')}`)
  for (const { runner, ran } of results) {
    expect(rowsOf(ran), runner).toEqual(rowsOf(results[0]!.ran))
    expectations[block.name]?.(ran, block, root)
  }
}

/**
 * Shell blocks: the `npx khojaly-recognition …` commands (also those named in a comment) run
 * as `node dist/cli/main.js …` and must exit 0 ("0 success"). `FILE` stands for a published
 * JSON and a published CSV file; `build` gets `--root` at a copy of sources/, never the
 * repository. The setup lines (npm install, npm ci, npm test, npm run build) are not run:
 * they are what the test command itself is, and running them here would rewrite the tree.
 * Any other command fails the test.
 */
function runShell(block: Block, skip: (note: string) => never): void {
  const commands: string[] = []
  const setup: string[] = []
  for (const line of block.code.split('\n')) {
    const [command = '', comment = ''] = line.trimStart().startsWith('#') ? ['', line] : line.split(/\s#\s?(.*)/)
    for (const part of command
      .split('&&')
      .map((text) => text.trim())
      .filter(Boolean)) {
      if (/^npm (install|ci|test|run build)\b/.test(part)) setup.push(part)
      else if (/^npx khojaly-recognition\b/.test(part)) commands.push(part)
      else throw new Error(`${block.name}: no runner for the shell command "${part}"`)
    }
    for (const named of comment.matchAll(/npx khojaly-recognition[^,;#]*/g)) commands.push(named[0].trim())
  }
  if (commands.length === 0) {
    const note = `skipped: setup commands (${setup.join('; ')}), which the test command itself is`
    console.log(`${block.name}: ${note}`)
    skip(note)
  }
  for (const command of commands) {
    const args = command
      .replace(/^npx khojaly-recognition\s*/, '')
      .split(/\s+/)
      .filter(Boolean)
    const variants = args.includes('FILE')
      ? ['dist-data/acts.json', 'dist-data/acts.csv'].map((file) => args.map((arg) => (arg === 'FILE' ? file : arg)))
      : [args]
    for (const variant of variants) {
      const building = variant[0] === 'build'
      const buildRoot = building ? scratch(true) : root
      const ran = run(process.execPath, [join(root, 'dist/cli/main.js'), ...variant, ...(building ? ['--root', buildRoot] : [])], root)
      expect(ran.status, `${command} → ${variant.join(' ')}\n${show(ran)}`).toBe(0)
      if (building)
        for (const file of ['dist-data/acts.json', 'dist-data/datapackage.json', 'schemas/acts.schema.json'])
          expect(existsSync(join(buildRoot, file)), file).toBe(true)
      if (variant.includes('--version')) expect(ran.stdout.trim()).toBe(version)
      if (variant.includes('--help')) expect(ran.stdout).toMatch(/^Usage: khojaly-recognition/)
      if (variant[0] === 'check') expect(ran.stdout).toMatch(/\bok\s*$/)
      if (variant[0] === 'validate') expect(ran.stderr).toBe('')
    }
  }
}

/** Sample output: nothing to run; a sample diagnostic must have the real shape and name a real rule. */
function checkSample(block: Block, skip: (note: string) => never): void {
  const diagnostics = block.code.split('\n').filter((line) => /: (error|warning): /.test(line))
  if (diagnostics.length === 0) skip(`skipped: ${nonCode[block.lang]}`)
  for (const line of diagnostics) {
    expect(line).toMatch(/ \(validate-[a-z-]+\)$/.test(line) ? validateLine : diagnosticLine)
    const [, severity, rule] = /: (error|warning): .+ \(([a-z0-9-]+)\)$/.exec(line)!
    expect(Object.keys(rules), line).toContain(rule)
    expect(rules[rule as keyof typeof rules].severity, line).toBe(severity)
  }
}

describe('README.md code examples', () => {
  it('are found', () => {
    expect(blocks.length).toBeGreaterThan(10)
    expect(new Set(blocks.map((block) => block.name)).size).toBe(blocks.length)
  })

  it('every expectation of this file names a block of the README', () => {
    const names = new Set(blocks.map((block) => block.name))
    expect(Object.keys(expectations).filter((name) => !names.has(name))).toEqual([])
  })

  for (const block of blocks) {
    it(`${block.name}, README.md:${block.line}`, { timeout: 120_000 }, async (ctx) => {
      const skip = (note: string): never => ctx.skip(note)
      const runtime = runtimeOf(block)
      if (!runtime) {
        if (block.lang in nonCode) return checkSample(block, skip)
        throw new Error(
          `README.md:${block.line}: a \`\`\`${block.lang || '(no language)'} block has no runner here; add one to test/readme-examples.test.ts or list its info string in nonCode`
        )
      }
      if (runtime === 'python') return runPython(block, skip)
      if (runtime === 'r') return runR(block, skip)
      if (runtime === 'sql') return runSql(block)
      if (runtime === 'sh') return runShell(block, skip)
      return runScript(block, runtime)
    })
  }
})
