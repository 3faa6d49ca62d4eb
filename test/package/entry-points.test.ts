import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Every module URL that importing `specifier` (from the project root) loads, in a fresh Node process. */
function moduleGraph(specifier: string): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'khojaly-graph-')), 'urls.txt')
  execFileSync(process.execPath, [join(root, 'test/helpers/trace-imports.mjs'), specifier, log], { cwd: root })
  return readFileSync(log, 'utf8').trim().split('\n')
}

describe('the data entry point loads data only', () => {
  it('imports no pipeline module, no zod, no unified and no parser: only its own file and Node built-ins', () => {
    const urls = moduleGraph('khojaly-recognition')
    const own = urls.filter((u) => u.startsWith('file:'))
    expect(own.length).toBeGreaterThan(0)
    for (const url of own) {
      expect(url).not.toMatch(/node_modules/)
      expect(url).not.toMatch(/\/dist\/(pipeline|schema|cli)\//)
    }
    expect(urls.filter((u) => !u.startsWith('file:') && !u.startsWith('node:'))).toEqual([])
  })

  it('the pipeline, by contrast, loads the parser stack (so the test above can fail)', () => {
    // The entry require()s its implementation once its peers are there; imported directly, the
    // implementation's whole graph passes the resolve hook.
    const urls = moduleGraph(pathToFileURL(join(root, 'dist/pipeline/implementation.js')).href)
    expect(urls.some((u) => u.includes('/node_modules/unified/'))).toBe(true)
    expect(urls.some((u) => u.includes('/node_modules/zod/'))).toBe(true)
    // Through the entry, the modules it require()s show too (from require.cache).
    const entry = moduleGraph('khojaly-recognition/pipeline')
    expect(entry).toContain(pathToFileURL(join(root, 'dist/pipeline/implementation.js')).href)
    expect(entry.some((u) => u.includes('/node_modules/yaml/'))).toBe(true)
  })
})

describe('no entry point has a top-level await (require() loads each)', () => {
  const require = createRequire(import.meta.url)
  for (const entry of ['dist/index.js', 'dist/schema/index.js', 'dist/pipeline/index.js', 'dist/cli/main.js']) {
    it(`require() loads ${entry}`, () => {
      const done = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(root, entry))})`], { cwd: root, encoding: 'utf8' })
      expect(done.status, done.stderr).toBe(0)
    })
  }

  it('a module with a top-level await is refused by require() (so the tests above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-tla-'))
    writeFileSync(join(dir, 'tla.mjs'), 'await Promise.resolve()\nexport const x = 1\n')
    expect(() => require(join(dir, 'tla.mjs'))).toThrow(expect.objectContaining({ code: 'ERR_REQUIRE_ASYNC_MODULE' }))
  })
})

describe('the public API', () => {
  it('pins the export names of every entry point', async () => {
    expect(Object.keys(await import('khojaly-recognition')).sort()).toEqual([
      'acts',
      'checks',
      'checksOf',
      'citations',
      'corrections',
      'evidenceOf',
      'figures',
      'instruments',
      'reports',
      'reportsOf',
      'sources',
      'version',
      'withChecks'
    ])
    expect(Object.keys(await import('khojaly-recognition/schema')).sort()).toEqual(
      [
        'ActSchema',
        'CheckCitationSchema',
        'CheckInputSchema',
        'CheckSchema',
        'CitationSchema',
        'EvidenceSchema',
        'GivesSchema',
        'ReportPersonSchema',
        'ReportSchema',
        'VotesSchema',
        'actors',
        'characterizationBases',
        'characterizationMarks',
        'characterizationStrength',
        'citationKinds',
        'evidenceFields',
        'sides',
        'stages',
        'supportKeys',
        'voices',
        'CorrectionSchema',
        'FigureSchema',
        'InstrumentSchema',
        'PersonSchema',
        'ProvenanceSchema',
        'SourceSchema',
        'actTypes',
        'characterizations',
        'confidences',
        'correctionKinds',
        'datasetVersion',
        'defaultUnitOfMeasure',
        'entities',
        'envelopeOf',
        'independences',
        'recordTypes',
        'verdicts',
        'instrumentKinds',
        'jurisdictionTypes',
        'levels',
        'measures',
        'qualifiers',
        'stances',
        'units',
        'valuesOf',
        'vocabularies'
      ].sort()
    )
    expect(Object.keys(await import('khojaly-recognition/pipeline')).sort()).toEqual([
      'build',
      'check',
      'decodeCsv',
      'encodeCsv',
      'escapeOverlayText',
      'formatDiagnostics',
      'packageVersion',
      'rules'
    ])
  })

  it('serves the raw files through exports', async () => {
    const { createRequire } = await import('node:module')
    const require = createRequire(import.meta.url)
    expect(readFileSync(require.resolve('khojaly-recognition/dist-data/acts.csv'), 'utf8')).toMatch(/^id,date,/)
    expect(JSON.parse(readFileSync(require.resolve('khojaly-recognition/schemas/act.schema.json'), 'utf8')).$id).toMatch(/act\.schema\.json$/)
  })

  it('the data entry’s records are the published JSON records', async () => {
    const data = await import('khojaly-recognition')
    for (const name of ['acts', 'reports', 'citations'] as const) {
      const file = JSON.parse(readFileSync(join(root, `dist-data/${name}.json`), 'utf8'))
      expect(data[name], name).toEqual(file.records)
    }
    expect(data.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)
  })
})
