/**
 * The published page is the committed shell with the published records put in, nothing else:
 * its data blocks hold exactly what the JSON files and verbatim texts hold, escaped so that no
 * value can end its script element, and the page can load nothing from anywhere.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateFile } from '../../src/cli/validate-file.js'
import { explorerDataMarker, explorerRecordsMarker, renderExplorerPage, scriptJson } from '../../src/pipeline/emit/explorer-page.js'
import { entityFile, root, verbatimText, type Json } from '../helpers/published.js'

const page = readFileSync(new URL('dist-data/explorer.html', root), 'utf8')
const shell = readFileSync(new URL('explorer/shell.html', root), 'utf8')
const [head, rest] = shell.split(explorerDataMarker) as [string, string]
const [middle, tail] = rest.split(explorerRecordsMarker) as [string, string]
const middleAt = page.indexOf(middle, head.length)
const early = page.slice(head.length, middleAt)
const late = page.slice(middleAt + middle.length, page.length - tail.length)
const blocksOf = (text: string) => [
  ...text.matchAll(/<script type="application\/json" data-explorer="([a-z]+)"(?: data-source="([^"]*)")?>(.*?)<\/script>\n/gs)
]
const blocks = [...blocksOf(early), ...blocksOf(late)]
const block = (kind: string) => JSON.parse(blocks.find((b) => b[1] === kind)![3]!)
const records = (name: Parameters<typeof entityFile>[0]) => entityFile(name).records

describe('the published page', () => {
  it('is the shell with data blocks at its two markers: what the overview draws from before the script, the whole records after it', () => {
    expect(shell.split(explorerDataMarker).length).toBe(2)
    expect(shell.split(explorerRecordsMarker).length).toBe(2)
    expect(page.startsWith(head)).toBe(true)
    expect(page.endsWith(tail)).toBe(true)
    expect(middle).toMatch(/^\n<script>/)
    expect(
      blocksOf(early)
        .map((b) => b[0])
        .join('')
    ).toBe(early)
    expect(
      blocksOf(late)
        .map((b) => b[0])
        .join('')
    ).toBe(late)
    expect(new Set(blocksOf(early).map((b) => b[1]))).toEqual(new Set(['reports', 'text', 'index']))
    expect(blocksOf(late).map((b) => b[1])).toEqual(['record'])
  })

  it('holds exactly the published records and texts', () => {
    const record = block('record')
    for (const name of ['acts', 'citations', 'checks'] as const) expect(record[name], name).toEqual(records(name))
    const reports = blocks.filter((b) => b[1] === 'reports').flatMap((b) => JSON.parse(b[3]!))
    expect(reports).toEqual(records('reports'))
    for (const source of records('sources')) expect(JSON.parse(blocks.find((b) => b[1] === 'text' && b[2] === source.id)![3]!)).toBe(verbatimText(source.id))
    const index = block('index')
    expect(index.version).toBe(entityFile('acts').version)
    expect(index.sources).toEqual(records('sources'))
    expect(index.counts).toEqual({ citations: records('citations').length, checks: records('checks').length })
    const paths = index.files.map((f: { path: string }) => f.path)
    for (const path of ['datapackage.json', 'acts.json', 'acts.csv', 'act-evidence.csv', 'timeline.svg', records('sources')[0]!.path])
      expect(paths).toContain(path)
  })

  it('indexes every act with its fields less the long ones, how much evidence it has and from which sides', () => {
    const sideOf = new Map<string, string>([
      ...records('citations').map((c): [string, string] => [c.id, c.side]),
      ...records('sources').map((s): [string, string] => [s.id, s.side])
    ])
    const short = [
      'id',
      'date',
      'dateStart',
      'jurisdiction',
      'jurisdictionType',
      'jurisdictionName',
      'body',
      'actor',
      'actType',
      'stage',
      'characterization',
      'characterizationBasis',
      'stance'
    ]
    const expected = records('acts').map((a) => ({
      ...Object.fromEntries(short.map((k) => [k, a[k]])),
      evidenceCount: a.evidence.length,
      evidenceSides: [...new Set(a.evidence.map((e: Json) => sideOf.get(e.citation ?? e.anchor.sourceId)))].sort()
    }))
    expect(block('index').acts).toEqual(expected)
  })

  it('is what renderExplorerPage makes of the same records, byte for byte (the fixtures and the bench use it)', () => {
    const texts = new Map(records('sources').map((s) => [s.id as string, verbatimText(s.id)]))
    const dataset = {
      version: block('index').version,
      sources: records('sources'),
      acts: records('acts'),
      citations: records('citations'),
      checks: records('checks')
    }
    expect(renderExplorerPage({ ...dataset, reports: records('reports'), texts, files: block('index').files } as never, shell)).toBe(page)
  })

  it('can load nothing: a policy that forbids every fetch, and runs only its own script, by hash', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(shell)![1]!
    expect(policy).toMatch(/default-src 'none'/)
    const scripts = [...shell.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!)
    expect(scripts.length).toBe(1)
    const hash = createHash('sha256').update(scripts[0]!, 'utf8').digest('base64')
    expect(policy).toContain(`script-src 'sha256-${hash}'`)
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b|\bsrc=/i)
  })
})

describe('validate', () => {
  it('refuses the page, saying what it is and what to validate instead', () => {
    const result = validateFile(fileURLToPath(new URL('dist-data/explorer.html', root)))
    expect(result.valid).toBe(false)
    expect(result.errors.map((e) => e.message).join(' ')).toMatch(/explorer page.*JSON files/)
  })
})

describe('JSON inside a script element', () => {
  it('writes no "<" and no line or paragraph separator, and reads back as the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, text) => {
        for (const v of [value, text, `</script><!--${text}\u2028\u2029</SCRIPT>`]) {
          const out = scriptJson(v)
          expect(out).not.toMatch(/[<\u2028\u2029]/)
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)))
        }
      }),
      { numRuns: 300 }
    )
  })
})
