/**
 * The package as people get it: `npm pack`, then lint the tarball (publint, Are the Types
 * Wrong?) and install it into fresh projects that import it from ESM TypeScript
 * (`node16`, `nodenext` and `bundler` resolution) and CommonJS TypeScript (`nodenext`),
 * `require` it from CommonJS and read its raw files through `exports`; import the pipeline
 * without and with its optional packages. Compiles nothing itself: `npm test` compiles dist/ first.
 *
 * Slow (each project is an `npm install` of the tarball and zod), so every test here has a
 * generous timeout; the installs prefer npm's cache and are retried once.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = (name: string) => join(root, 'node_modules/.bin', name)
const tsc = join(root, 'node_modules/typescript/bin/tsc')
const slow = 240_000

/** The environment less npm's `npm_*` variables, so that `npm test` does not leak its settings into the fresh projects. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string): Run {
  const done = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (done.error) throw done.error
  return { status: done.status, stdout: done.stdout, stderr: done.stderr }
}

/** Runs a command that must succeed; its output, or an error that shows what it printed. */
function must(command: string, args: string[], cwd: string): string {
  const done = run(command, args, cwd)
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${done.status}\n${done.stdout}\n${done.stderr}`)
  return done.stdout
}

let work: string
let tarball: string
let packed: { name: string; version: string; files: Array<{ path: string }> }

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'khojaly-package-'))
  const out = must('npm', ['pack', '--json', '--pack-destination', work], root)
  packed = JSON.parse(out.slice(out.indexOf('[')))[0]
  tarball = join(work, (packed as unknown as { filename: string }).filename)
  expect(existsSync(tarball)).toBe(true)
}, slow)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

/** A fresh project (`npm init -y`) of the given module type with the tarball installed. */
function freshProject(name: string, type: 'module' | 'commonjs'): string {
  const dir = join(work, name)
  mkdirSync(dir)
  must('npm', ['init', '-y'], dir)
  must('npm', ['pkg', 'set', `type=${type}`], dir)
  const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]
  if (run('npm', install, dir).status !== 0) must('npm', install, dir) // one retry for a network hiccup
  return dir
}

/** Consumer code that uses the types; each `@ts-expect-error` fails the type-check if the types were `any`. */
const consumerTs = `import { acts, figures, instruments, version } from 'khojaly-recognition'
import type { Act, Figure, Instrument } from 'khojaly-recognition'
import { ActSchema } from 'khojaly-recognition/schema'

const all: readonly Act[] = acts
const killed: Figure[] = figures.filter((figure) => figure.measure === 'killed')
const conventions: Instrument[] = instruments.filter((instrument) => instrument.kind === 'convention')
const first: Act | undefined = all[0]
const date: string | null | undefined = first?.date
// @ts-expect-error an Act has no field \`nonsense\`
first?.nonsense
// @ts-expect-error \`id\` is a string
const wrong: number | undefined = first?.id
// @ts-expect-error 'nonsense' is not a measure
figures.filter((figure) => figure.measure === 'nonsense')
const parsed = ActSchema.safeParse({ id: 'x' })

console.log(JSON.stringify({ version, acts: all.length, killed: killed.length, conventions: conventions.length, date, wrong, parsed: parsed.success }))
`

function writeTsProject(dir: string, compilerOptions: Record<string, unknown>): void {
  mkdirSync(join(dir, 'src'))
  writeFileSync(join(dir, 'src/use.ts'), consumerTs)
  const options = { target: 'ES2022', strict: true, types: [], skipLibCheck: false, ...compilerOptions }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src'] }, null, 2))
}

/** A fresh consumer project of `type` with the TypeScript consumer under `compilerOptions`, type-checked (and compiled, unless noEmit) by tsc. */
function typeCheckedProject(name: string, type: 'module' | 'commonjs', compilerOptions: Record<string, unknown>): string {
  const dir = freshProject(name, type)
  writeTsProject(dir, compilerOptions)
  must(process.execPath, [tsc, '-p', 'tsconfig.json'], dir)
  return dir
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const jsonFile = (path: string) => readJson(join(root, path))

describe('the packed tarball', () => {
  it('holds the built code, the data, the schemas and the licences, and no sources or tests', () => {
    const paths = packed.files.map((file) => file.path)
    for (const path of [
      'package.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist-data/acts.csv',
      'dist-data/datapackage.json',
      'dist-data/khojaly-recognition.sqlite',
      'dist-data/khojaly-recognition.xlsx',
      'schemas/act.schema.json',
      'LICENSE',
      'LICENSE-DATA'
    ]) {
      expect(paths).toContain(path)
    }
    expect(paths.filter((path) => /^(src|test|sources|node_modules|\.ci)\//.test(path))).toEqual([])
  })

  it(
    'passes publint (strict: warnings count as errors)',
    () => {
      const done = run(bin('publint'), ['run', tarball, '--strict'], work)
      expect(done.status, done.stdout + done.stderr).toBe(0)
      expect(done.stdout).toMatch(/All good!/)
    },
    slow
  )

  it(
    'publint fails a broken package (so the check above can fail)',
    () => {
      const broken = join(work, 'broken')
      mkdirSync(join(broken, 'dist'), { recursive: true })
      writeFileSync(
        join(broken, 'package.json'),
        JSON.stringify({ name: 'broken', version: '1.0.0', type: 'module', exports: { '.': { default: './dist/index.js', types: './dist/index.d.ts' } } })
      )
      writeFileSync(join(broken, 'dist/index.js'), 'export const x = 1\n')
      writeFileSync(join(broken, 'dist/index.d.ts'), 'export declare const x: number\n')
      const done = run(bin('publint'), ['run', broken, '--strict', '--pack', 'false'], work)
      expect(done.status).not.toBe(0)
      // publint colours its output when CI is set: compare the plain text.
      expect(done.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/types should be the first/)
    },
    slow
  )

  it(
    'passes Are the Types Wrong? with the esm-only profile (the package is ESM only)',
    () => {
      const done = run(bin('attw'), [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'], work)
      expect(done.status, done.stdout + done.stderr).toBe(0)
      const result = JSON.parse(done.stdout)
      const entrypoints = Object.keys(result.analysis.entrypoints)
      expect(entrypoints).toEqual(expect.arrayContaining(['.', './schema', './pipeline']))
      // What the profile ignores is CommonJS-from-TypeScript (node16-cjs) and node10 resolution only.
      const problems = Object.values(result.problems ?? {}).flat() as Array<{ kind: string; resolutionKind?: string }>
      expect(problems.filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''))).toEqual([])
      for (const entry of ['.', './schema', './pipeline']) {
        for (const kind of ['node16-esm', 'bundler']) {
          expect(result.analysis.entrypoints[entry].resolutions[kind].resolution.fileName, `${entry} ${kind}`).toMatch(/\.d\.ts$/)
        }
      }
    },
    slow
  )
})

/** The packages the README's install line for the pipeline adds to khojaly-recognition. */
function readmePeerInstall(): string[] {
  const line = readFileSync(join(root, 'README.md'), 'utf8')
    .split('\n')
    .find((text) => text.startsWith('npm install khojaly-recognition '))
  if (!line) throw new Error('README.md has no line "npm install khojaly-recognition …"')
  return line.split(/\s+/).slice(3)
}

/** The optional peer dependencies of package.json. */
const optionalPeers = (): string[] => {
  const manifest = jsonFile('package.json')
  return Object.keys(manifest.peerDependencies).filter((name) => manifest.peerDependenciesMeta[name]?.optional)
}

describe('the pipeline entry in a fresh project', () => {
  const pipelineTs = `import { build, check, formatDiagnostics, rules, decodeCsv } from 'khojaly-recognition/pipeline'
import type { BuildResult, CheckResult, Dataset, Diagnostic, PipelineOptions, RecognizerCoverage, Rule, RuleId, SourceCoverage } from 'khojaly-recognition/pipeline'

const options: PipelineOptions = { root: process.argv[2] ?? '.' }
const checked: CheckResult = check(options)
const dataset: Dataset | undefined = checked.dataset
const coverage: SourceCoverage[] = checked.coverage
const recognizers: RecognizerCoverage[] = coverage.flatMap((c) => c.recognizers)
const first: Diagnostic | undefined = checked.diagnostics[0]
const rule: Rule = rules['date-mismatch']
const id: RuleId = 'date-mismatch'
const built: BuildResult | undefined = checked.ok ? undefined : build(options)
export const misuse = () => {
  // @ts-expect-error root is a string
  check({ root: 1 })
}
console.log(JSON.stringify({ ok: checked.ok, acts: dataset?.acts.length, recognizers: recognizers.length, first: first?.ruleId ?? null, rule: rule.severity, id, built: built?.ok ?? null, text: formatDiagnostics([]), rows: decodeCsv('id\\r\\n', { fields: [{ name: 'id', type: 'string' }], missingValues: [''], primaryKey: ['id'] }).length }))
`
  const declare = 'declare const process: { argv: string[] }\n'

  it(
    'without the optional packages: import and require both throw an error naming the missing packages and the install command; the types still check with no @types at all',
    () => {
      const dir = freshProject('pipeline-no-peers', 'module')
      writeFileSync(
        join(dir, 'import.mjs'),
        "import('khojaly-recognition/pipeline').then(() => console.log('loaded'), (error) => console.log(JSON.stringify({ code: error.code, message: error.message })))\n"
      )
      writeFileSync(
        join(dir, 'require.cjs'),
        "try { require('khojaly-recognition/pipeline'); console.log('loaded') } catch (error) { console.log(JSON.stringify({ code: error.code, message: error.message })) }\n"
      )
      const peers = optionalPeers()
      expect(peers.length).toBeGreaterThan(10)
      for (const file of ['import.mjs', 'require.cjs']) {
        const ran = run(process.execPath, [file], dir)
        expect(ran.status, ran.stderr).toBe(0)
        const error = JSON.parse(ran.stdout)
        expect(error.code, file).toBe('ERR_KHOJALY_MISSING_PEERS')
        expect(error.message, file).toBe(
          `khojaly-recognition/pipeline needs packages that are not installed: ${peers.join(', ')}. Install them with: npm install ${peers.join(' ')}`
        )
      }
      // The published types of the pipeline need nothing the project lacks: no @types/node, no mdast, no parser.
      mkdirSync(join(dir, 'src'))
      writeFileSync(join(dir, 'src/pipeline.ts'), declare + pipelineTs)
      const options = { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, types: [], skipLibCheck: false, noEmit: true }
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src'] }))
      expect(existsSync(join(dir, 'node_modules/@types'))).toBe(false)
      const checked = run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir)
      expect(checked.status, checked.stdout).toBe(0)
      // …and would fail on a wrong use (so the check above can fail).
      writeFileSync(join(dir, 'src/misuse.ts'), "import { check } from 'khojaly-recognition/pipeline'\nconst ok: string = check().ok\nconsole.log(ok)\n")
      const misuse = run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir)
      expect(misuse.stdout).toMatch(/misuse\.ts\(2,7\): error TS2322/)
    },
    slow
  )

  it('the README’s install line for the pipeline names exactly the optional peer dependencies', () => {
    expect([...readmePeerInstall()].sort()).toEqual([...optionalPeers()].sort())
  })

  it(
    'with the README’s install line: import and require both load it (no top-level await), and it checks a copy of the sources',
    () => {
      const dir = freshProject('pipeline-peers', 'module')
      const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...readmePeerInstall()]
      if (run('npm', install, dir).status !== 0) must('npm', install, dir)
      cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true })
      writeFileSync(join(dir, 'require.cjs'), "const p = require('khojaly-recognition/pipeline'); console.log(Object.keys(p).join(','))\n")
      expect(must(process.execPath, ['require.cjs'], dir).trim()).toBe(
        'build,check,decodeCsv,encodeCsv,escapeOverlayText,formatDiagnostics,packageVersion,rules'
      )
      mkdirSync(join(dir, 'src'))
      writeFileSync(join(dir, 'src/pipeline.ts'), pipelineTs)
      const options = { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, types: [], skipLibCheck: false, outDir: 'out' }
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src'] }))
      writeFileSync(join(dir, 'src/node.d.ts'), declare)
      must(process.execPath, [tsc, '-p', 'tsconfig.json'], dir)
      const output = JSON.parse(must(process.execPath, ['out/pipeline.js', dir], dir))
      expect(output).toMatchObject({
        ok: true,
        acts: jsonFile('dist-data/acts.json').records.length,
        first: null,
        rule: 'error',
        built: null,
        text: '0 errors, 0 warnings',
        rows: 0
      })
    },
    slow
  )
})

describe('installed into a fresh project', () => {
  it(
    'adds at most 10 packages besides itself: no parser stack for people who only want the data',
    () => {
      const dir = freshProject('count', 'commonjs')
      const installed = must('npm', ['ls', '--all', '--parseable'], dir)
        .trim()
        .split('\n')
        .slice(1) // the project itself
        .map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
      const lock = Object.keys(readJson(join(dir, 'node_modules/.package-lock.json')).packages ?? {})
      console.log(`installing the tarball adds ${installed.length} packages: ${installed.join(', ')}`)
      expect(installed).toContain('khojaly-recognition')
      expect(installed).toContain('zod')
      expect(lock.length).toBe(installed.length)
      expect(installed.length).toBeLessThanOrEqual(11)
      for (const parser of ['unified', 'remark-parse', 'yaml', 'csv-parse', 'csv-stringify', 'ajv', 'edtf', 'iso-3166']) {
        expect(installed).not.toContain(parser)
      }
      // The bin works through npm's link without the optional peers for --version and --help,
      // and says what to install (exit 2) when a command needs them.
      const bin = join(dir, 'node_modules/.bin/khojaly-recognition')
      expect(run(bin, ['--version'], dir).stdout.trim()).toBe(readJson(join(root, 'package.json')).version)
      expect(run(bin, ['--help'], dir).status).toBe(0)
      const needsPeers = run(bin, ['check'], dir)
      expect(needsPeers.status).toBe(2)
      expect(needsPeers.stderr).toMatch(/npm install .*unified/)
    },
    slow
  )

  it(
    '(a) ESM TypeScript with moduleResolution nodenext type-checks code using Act, Figure, Instrument, and runs it',
    () => {
      const dir = typeCheckedProject('nodenext', 'module', { module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' })
      const output = JSON.parse(must(process.execPath, ['out/use.js'], dir))
      expect(output).toMatchObject({ version: jsonFile('package.json').version, acts: jsonFile('dist-data/acts.json').records.length, parsed: false })
      expect(output.killed).toBeGreaterThan(0)
      expect(output.conventions).toBeGreaterThan(0)
    },
    slow
  )

  it(
    '(b) ESM TypeScript with moduleResolution bundler type-checks the same code',
    () => {
      typeCheckedProject('bundler', 'module', { module: 'preserve', moduleResolution: 'bundler', noEmit: true })
    },
    slow
  )

  it(
    'the type-check fails on a misuse of the types (so (a) and (b) can fail)',
    () => {
      const dir = join(work, 'nodenext')
      writeFileSync(join(dir, 'src/misuse.ts'), "import { acts } from 'khojaly-recognition'\nconst n: number = acts[0]!.id\nconsole.log(n)\n")
      const done = run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], dir)
      expect(done.status).not.toBe(0)
      expect(done.stdout).toMatch(/misuse\.ts\(2,7\): error TS2322/)
    },
    slow
  )

  it(
    '(a2) ESM TypeScript with module and moduleResolution node16 type-checks the same code, and runs it',
    () => {
      const dir = typeCheckedProject('node16', 'module', { module: 'node16', moduleResolution: 'node16', outDir: 'out' })
      const output = JSON.parse(must(process.execPath, ['out/use.js'], dir))
      expect(output).toMatchObject({ version: jsonFile('package.json').version, acts: jsonFile('dist-data/acts.json').records.length })
    },
    slow
  )

  it(
    '(a3) CommonJS TypeScript needs module nodenext (TypeScript ≥ 5.8 lets it require the ES module); module node16 fails with TS1479',
    () => {
      const dir = typeCheckedProject('commonjs-ts', 'commonjs', { module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' })
      const output = JSON.parse(must(process.execPath, ['out/use.js'], dir))
      expect(output).toMatchObject({ version: jsonFile('package.json').version, acts: jsonFile('dist-data/acts.json').records.length })
      expect(readFileSync(join(dir, 'out/use.js'), 'utf8')).toMatch(/require\("khojaly-recognition"\)/)
      const node16 = run(process.execPath, [tsc, '-p', 'tsconfig.json', '--module', 'node16', '--moduleResolution', 'node16', '--noEmit'], dir)
      expect(node16.status).not.toBe(0)
      expect(node16.stdout).toMatch(/error TS1479/)
    },
    slow
  )

  it(
    `(c) CommonJS require()s it on Node ${process.versions.node} (≥ 20.19)`,
    () => {
      const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
      expect(major > 20 || (major === 20 && minor >= 19)).toBe(true)
      const dir = freshProject('commonjs', 'commonjs')
      writeFileSync(
        join(dir, 'use.cjs'),
        `const { acts, figures, version } = require('khojaly-recognition')
const { ActSchema } = require('khojaly-recognition/schema')
console.log(JSON.stringify({ version, acts: acts.length, figures: figures.length, schema: typeof ActSchema.safeParse }))
`
      )
      const done = run(process.execPath, ['use.cjs'], dir)
      expect(done.status, done.stderr).toBe(0)
      expect(JSON.parse(done.stdout)).toEqual({
        version: jsonFile('package.json').version,
        acts: jsonFile('dist-data/acts.json').records.length,
        figures: jsonFile('dist-data/figures.json').records.length,
        schema: 'function'
      })
      expect(done.stderr).toBe('')
    },
    slow
  )

  it(
    '(d) reads a CSV, a JSON Schema and a JSON file through the exports paths, from ESM and CommonJS',
    () => {
      const dir = freshProject('raw-files', 'module')
      const read = `const csv = readFileSync(resolve('khojaly-recognition/dist-data/acts.csv'), 'utf8')
const schema = JSON.parse(readFileSync(resolve('khojaly-recognition/schemas/act.schema.json'), 'utf8'))
const data = JSON.parse(readFileSync(resolve('khojaly-recognition/dist-data/acts.json'), 'utf8'))
let hidden
try { resolve('khojaly-recognition/src/index.ts') } catch (error) { hidden = error.code }
console.log(JSON.stringify({ header: csv.split('\\r\\n')[0], rows: csv.split('\\r\\n').length - 2, id: schema.$id, records: data.records.length, hidden }))
`
      writeFileSync(join(dir, 'esm.mjs'), `import { readFileSync } from 'node:fs'\nconst resolve = (s) => new URL(import.meta.resolve(s))\n${read}`)
      writeFileSync(join(dir, 'cjs.cjs'), `const { readFileSync } = require('node:fs')\nconst resolve = require.resolve\n${read}`)
      const acts = jsonFile('dist-data/acts.json').records
      const header = readFileSync(join(root, 'dist-data/acts.csv'), 'utf8').split('\r\n')[0]
      for (const file of ['esm.mjs', 'cjs.cjs']) {
        const output = JSON.parse(must(process.execPath, [file], dir))
        expect(output, file).toEqual({
          header,
          rows: acts.length,
          id: jsonFile('schemas/act.schema.json').$id,
          records: acts.length,
          hidden: 'ERR_PACKAGE_PATH_NOT_EXPORTED'
        })
      }
    },
    slow
  )
})
