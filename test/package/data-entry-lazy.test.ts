/**
 * The data entry reads each entity file of dist-data/ on the first use of its export, not at
 * import, and each export behaves as the plain array of the file's records: in the operations
 * of test/helpers/array-operations.mjs, each tried as the very first use of a fresh export
 * (test/helpers/lazy-entry-child.mjs), from ESM and from CommonJS. Every expected value is
 * the JSON file read here. Two kinds of evidence that nothing is read at import: a spy on
 * fs.readFileSync in a child, and a copy of the package without its entity files, which
 * imports all the same and fails at the first use of each export. (How fast the import is,
 * is measured in bench/, not here.)
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operations, readsNothing, run } from '../helpers/array-operations.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const entry = join(root, 'dist/index.js')
/** The array exports, one per entity file (the public API, written out here rather than taken from the code). */
const names = ['sources', 'citations', 'acts', 'reports', 'instruments', 'figures', 'corrections', 'checks'] as const
type Name = (typeof names)[number]

const file = (name: Name, dir = root): { version: string; records: Array<Record<string, any>> } =>
  JSON.parse(readFileSync(join(dir, `dist-data/${name}.json`), 'utf8'))
const packageVersion: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version

function node(args: string[], cwd = root): string {
  const done = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  if (done.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 200)} exited ${done.status}\n${done.stderr}`)
  return done.stdout
}

interface Observed {
  importReads: string[]
  operationReads: string[]
  laterReads: string[]
  proxyAfter: boolean
  laterLength: number
  result: unknown
}

describe('each array export of the data entry, as the first use of a fresh import', () => {
  let observed: Record<string, Record<string, Observed>>
  beforeAll(() => {
    observed = JSON.parse(node([join(root, 'test/helpers/lazy-entry-child.mjs'), pathToFileURL(entry).href, names.join(',')]))
  }, 120_000)

  it('the operations tried are those a user does with an array', () => {
    expect(Object.keys(operations)).toEqual(
      expect.arrayContaining(['isArray', 'length', 'first', 'forOf', 'spread', 'filter', 'find', 'map', 'jsonStringify', 'objectKeys', 'inspect'])
    )
  })

  for (const name of names) {
    it(`${name}: nothing read at import, its own file read once at the first operation that looks at it, every result that of the plain array of dist-data/${name}.json`, () => {
      const records = file(name).records
      expect(records.length).toBeGreaterThan(0)
      for (const operation of Object.keys(operations)) {
        const seen = observed[name]![operation]!
        const label = `${name} ${operation}`
        expect(seen.importReads, label).toEqual([])
        const reads = [`dist-data/${name}.json`]
        expect(seen.operationReads, label).toEqual(readsNothing.has(operation) ? [] : reads)
        expect(seen.laterReads, label).toEqual(readsNothing.has(operation) ? reads : [])
        expect(seen.result, label).toEqual(run(operation, records))
        expect(seen.laterLength, label).toBe(records.length)
        // From the first use on, the module's binding is the array itself, not a stand-in.
        if (!readsNothing.has(operation)) expect(seen.proxyAfter, label).toBe(false)
      }
    })
  }

  it('the comparison can fail: an empty array or the envelope differ from the records in most operations', () => {
    const records = file('acts').records
    for (const wrong of [[], file('acts')]) {
      const same = Object.keys(operations).filter((operation) => {
        try {
          return JSON.stringify(run(operation, wrong as any[])) === JSON.stringify(run(operation, records))
        } catch {
          return false
        }
      })
      expect(same.length, same.join()).toBeLessThan(Object.keys(operations).length / 3)
    }
    // console.log of a Proxy shows its target unless the stand-in takes care: an empty target prints as [].
    expect(inspect(new Proxy([], { get: (_target, key) => Reflect.get(records, key) }), { depth: 0 })).toBe('[]')
  })
})

describe('CommonJS: require() gives the same lazy exports', () => {
  it('a destructured export works before and after its load (structuredClone aside, as the README says); the module’s binding is then the array; the helpers load what they use', () => {
    const script = `
const { types } = require('node:util')
const fs = require('node:fs')
const reads = []
const readFileSync = fs.readFileSync
fs.readFileSync = function (path, ...rest) { reads.push(String(path instanceof URL ? path.pathname : path)); return readFileSync.call(this, path, ...rest) }
const data = require(${JSON.stringify(entry)})
const dataReads = () => reads.filter((p) => p.includes('/dist-data/')).map((p) => p.slice(p.indexOf('/dist-data/') + 1))
const atImport = dataReads()
const { acts, checks } = data
const out = { atImport, version: data.version, isArray: Array.isArray(acts), acts: JSON.stringify(acts), ids: acts.map((a) => a.id), bindingIsProxy: types.isProxy(data.acts) }
out.checksOf = data.checksOf(acts[0].id)
out.reportsOf = data.reportsOf('us-ma-house-citation-2010-02-25')
out.evidenceOf = data.evidenceOf('us-ma-house-citation-2010-02-25')
out.afterHelpers = dataReads()
out.checks = checks.length
// What the README says of structuredClone: it refuses the stand-in, and takes a copy.
try { structuredClone(acts); out.clone = 'cloned' } catch (error) { out.clone = error.name }
out.cloneCopy = structuredClone([...acts])
process.stdout.write(JSON.stringify(out))
`
    const out = JSON.parse(node(['-e', script]))
    const acts = file('acts').records
    const checks = file('checks').records
    const citations = file('citations').records
    expect(out.atImport).toEqual([])
    expect(out.version).toBe(packageVersion)
    expect(out.isArray).toBe(true)
    expect(JSON.parse(out.acts)).toEqual(acts)
    expect(out.ids).toEqual(acts.map((a) => a.id))
    expect(out.bindingIsProxy).toBe(false)
    expect(out.checksOf).toEqual(checks.filter((c) => c.recordId === acts[0]!.id))
    expect(out.reportsOf).toEqual(file('reports').records.filter((r) => r.act === 'us-ma-house-citation-2010-02-25'))
    expect(out.reportsOf.length).toBeGreaterThan(0)
    const act = acts.find((a) => a.id === 'us-ma-house-citation-2010-02-25')!
    expect(out.evidenceOf).toEqual(act.evidence.map((e: any) => ({ ...e, document: e.citation === null ? null : citations.find((c) => c.id === e.citation) })))
    expect(out.afterHelpers).toEqual(['dist-data/acts.json', 'dist-data/checks.json', 'dist-data/reports.json', 'dist-data/citations.json'])
    expect(out.checks).toBe(checks.length)
    expect(out.clone).toBe('DataCloneError')
    expect(out.cloneCopy).toEqual(acts)
  })
})

describe('a copy of the package without its entity files (no spy: the files are not there to read)', () => {
  let copy: string
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'khojaly-lazy-'))
    cpSync(join(root, 'package.json'), join(copy, 'package.json'))
    cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true })
    mkdirSync(join(copy, 'dist-data'))
  })
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true })
  })

  it('imports (ESM and require) with its version; each export throws ENOENT for its own file at first use, and again at the next; with the file back, it has the file’s records', () => {
    const script = `
const use = (data, name) => { try { return { length: data[name].length } } catch (error) { return { code: error.code, path: error.path } } }
const run = (data) => {
  const out = { version: data.version, first: {}, again: {} }
  for (const name of ${JSON.stringify(names)}) out.first[name] = use(data, name)
  for (const name of ${JSON.stringify(names)}) out.again[name] = use(data, name)
  require('node:fs').cpSync(${JSON.stringify(join(root, 'dist-data/acts.json'))}, ${JSON.stringify(join(copy, 'dist-data/acts.json'))})
  out.back = JSON.stringify(data.acts)
  require('node:fs').rmSync(${JSON.stringify(join(copy, 'dist-data/acts.json'))})
  return out
}
`
    const esm = JSON.parse(
      node(
        [
          '--input-type=module',
          '-e',
          `import { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)\n${script}\nprocess.stdout.write(JSON.stringify(run(await import(${JSON.stringify(pathToFileURL(join(copy, 'dist/index.js')).href)}))))`
        ],
        copy
      )
    )
    const cjs = JSON.parse(node(['-e', `${script}\nprocess.stdout.write(JSON.stringify(run(require(${JSON.stringify(join(copy, 'dist/index.js'))}))))`], copy))
    for (const [label, out] of [
      ['import', esm],
      ['require', cjs]
    ] as const) {
      expect(out.version, label).toBe(packageVersion)
      for (const name of names) {
        const missing = { code: 'ENOENT', path: join(copy, `dist-data/${name}.json`) }
        expect(out.first[name], `${label} ${name}`).toEqual(missing)
        expect(out.again[name], `${label} ${name}`).toEqual(missing)
      }
      expect(JSON.parse(out.back), label).toEqual(file('acts').records)
    }
  })
})

describe('version', () => {
  it('is the version of every entity file of dist-data/, as well as the package’s', async () => {
    const { version } = await import('khojaly-recognition')
    expect(version).toBe(packageVersion)
    for (const name of names) expect(file(name).version, name).toBe(version)
  })
})
