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
import { explorerDataMarker, renderExplorerPage, scriptJson } from '../../src/pipeline/emit/explorer-page.js'
import { entityFile, root, verbatimText } from '../helpers/published.js'

const page = readFileSync(new URL('dist-data/explorer.html', root), 'utf8')
const shell = readFileSync(new URL('explorer/shell.html', root), 'utf8')
const [head, tail] = shell.split(explorerDataMarker) as [string, string]
const blocks = [
  ...page
    .slice(head.length, page.length - tail.length)
    .matchAll(/<script type="application\/json" data-explorer="([a-z]+)"(?: data-source="([^"]*)")?>(.*?)<\/script>\n/gs)
]
const records = (name: Parameters<typeof entityFile>[0]) => entityFile(name).records

describe('the published page', () => {
  it('is the shell with data blocks at its marker, and nothing else', () => {
    expect(shell.split(explorerDataMarker).length).toBe(2)
    expect(page.startsWith(head)).toBe(true)
    expect(page.endsWith(tail)).toBe(true)
    expect(blocks.map((b) => b[0]).join('')).toBe(page.slice(head.length, page.length - tail.length))
  })

  it('holds exactly the published records and texts', () => {
    const record = JSON.parse(blocks.find((b) => b[1] === 'record')![3]!)
    for (const name of ['acts', 'citations', 'checks', 'sources'] as const) expect(record[name], name).toEqual(records(name))
    expect(record.version).toBe(entityFile('acts').version)
    const reports = blocks.filter((b) => b[1] === 'reports').flatMap((b) => JSON.parse(b[3]!))
    expect(reports).toEqual(records('reports'))
    for (const source of records('sources')) expect(JSON.parse(blocks.find((b) => b[1] === 'text' && b[2] === source.id)![3]!)).toBe(verbatimText(source.id))
    const paths = record.files.map((f: { path: string }) => f.path)
    for (const path of ['datapackage.json', 'acts.json', 'acts.csv', 'act-evidence.csv', 'timeline.svg', records('sources')[0]!.path])
      expect(paths).toContain(path)
  })

  it('is what renderExplorerPage makes of the same records, byte for byte (the fixtures and the bench use it)', () => {
    const record = JSON.parse(blocks.find((b) => b[1] === 'record')![3]!)
    const texts = new Map(records('sources').map((s) => [s.id as string, verbatimText(s.id)]))
    const dataset = { version: record.version, sources: records('sources'), acts: records('acts'), citations: records('citations'), checks: records('checks') }
    expect(renderExplorerPage({ ...dataset, reports: records('reports'), texts, files: record.files } as never, shell)).toBe(page)
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
