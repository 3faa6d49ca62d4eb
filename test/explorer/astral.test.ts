/**
 * Offsets count code points. A page whose text has astral characters (an emoji, 𝔸, a flag)
 * before a quote marks the quote at the right place only if it slices by code point; this
 * fixture page is the astral build fixture's records, injected into the shell by the build's
 * own emit function, behind a prefix of astral characters.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { renderExplorerPage } from '../../src/pipeline/emit/explorer-page.js'
import type { Json } from '../helpers/published.js'
import { hasChromium, launch, open, placeOfMark, skipNote } from './browser.js'

const fixture = (name: string): Json[] => JSON.parse(readFileSync(new URL(`../fixtures/build/astral/expected/${name}.json`, import.meta.url), 'utf8'))
const prefix = 'Note 😀 on 𝔸 and 🇦🇿:\n\n'
const shift = Array.from(prefix).length
const text = prefix + readFileSync(new URL('../fixtures/build/astral/sources/doc.txt', import.meta.url), 'utf8')
const moved = (p: Json) => ({ ...p, start: p.start + shift, end: p.end + shift })
const sources = fixture('sources').map((s) => ({ ...s, characters: Array.from(text).length, bytes: Buffer.byteLength(text) }))
const reports = fixture('reports').map((r) => ({ ...r, provenance: r.provenance.map(moved) }))
const acts = fixture('acts').map((a) => ({ ...a, evidence: a.evidence.map((e: Json) => (e.anchor ? { ...e, anchor: moved(e.anchor) } : e)) }))
const report = reports[0]!
const { start, end } = report.provenance[0]
const codePointSlice = (from: number, to: number) => Array.from(text).slice(from, to).join('')

let browser: Browser
let dir: string
let url: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'khojaly-explorer-astral-'))
  const page = renderExplorerPage({ version: '0.0.0-test', sources, acts, citations: [], checks: [], reports, texts: new Map([['doc', text]]) } as never)
  writeFileSync(join(dir, 'explorer.html'), page)
  url = pathToFileURL(join(dir, 'explorer.html')).href
  if (hasChromium) browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the astral fixture', () => {
  it('tells code points from UTF-16 units: slicing by UTF-16 index would mark other words', () => {
    expect(codePointSlice(start, end)).toBe(report.provenance[0].quote)
    expect(text.slice(start, end)).not.toBe(report.provenance[0].quote)
    expect(text.length - Array.from(text).length).toBeGreaterThanOrEqual(6)
  })
})

describe.skipIf(!hasChromium)(`quotes after astral characters${skipNote}`, () => {
  const placed = (page: import('playwright-core').Page, selector: string) => placeOfMark(page.locator(selector).first())

  it('an act’s page marks its report’s quote at its code-point offsets', async () => {
    const { context, page, errors } = await open(browser, `${url}#/act/${encodeURIComponent(report.act)}`)
    const mark = await placed(page, `article[aria-labelledby="report-${report.id}"] mark[data-reports~="${report.id}"]`)
    expect(mark.quote).toBe(report.provenance[0].quote)
    expect(mark.before).toBe(codePointSlice(mark.from, start))
    expect(mark.from + Array.from(mark.before).length).toBe(start)
    // The evidence anchored in the text is marked at the same place.
    const evidence = await placed(page, `#evidence mark`)
    expect(evidence.quote).toBe(report.provenance[0].quote)
    expect(errors).toEqual([])
    await context.close()
  })

  it('the source view shows the whole text, astral characters and all, with the quote marked after them', async () => {
    const { context, page, errors } = await open(browser, `${url}#/source/doc?report=${encodeURIComponent(report.id)}`)
    expect(await page.$eval('.verbatim .verbatim-slice', (e) => e.textContent)).toBe(text)
    const mark = await placed(page, '.verbatim mark.current')
    expect(mark.quote).toBe(report.provenance[0].quote)
    expect(mark.before).toBe(codePointSlice(0, start))
    expect(errors).toEqual([])
    await context.close()
  })
})
