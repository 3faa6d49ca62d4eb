import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
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

  it('the pipeline entry, by contrast, loads the parser stack (so the test above can fail)', () => {
    const urls = moduleGraph('khojaly-recognition/pipeline')
    expect(urls.some((u) => u.includes('/node_modules/unified/'))).toBe(true)
    expect(urls.some((u) => u.includes('/node_modules/zod/'))).toBe(true)
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
