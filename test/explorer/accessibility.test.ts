/**
 * Accessible and plain: axe-core (injected from the axe-core package) finds no serious or
 * critical violation on the overview, a filtered table, an act's page and a source view, each
 * at 375 and 1280 pixels wide; nothing is wider than a 375-pixel screen; every chart has a
 * text alternative.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { entityFile } from '../helpers/published.js'
import { explorerUrl, hasChromium, launch, open, seriousViolations, skipNote } from './browser.js'

const reportedAct = entityFile('reports').records.find((r) => r.act !== null)!
const source = entityFile('sources').records[0]!
const views: Array<[string, string]> = [
  ['the overview', ''],
  ['a filtered table', '#/?term=genocide&stage=adopted&page=2'],
  ['an act’s page', `#/act/${encodeURIComponent(reportedAct.act)}`],
  ['a source view', `#/source/${encodeURIComponent(source.id)}?report=${encodeURIComponent(reportedAct.id)}`]
]

let browser: Browser
beforeAll(async () => {
  if (hasChromium) browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

describe.skipIf(!hasChromium)(`axe-core and narrow screens${skipNote}`, () => {
  for (const [name, hash] of views) {
    for (const width of [375, 1280]) {
      it(`${name} at ${width} px: no serious or critical violation, and nothing wider than the screen`, async () => {
        const { context, page, errors } = await open(browser, explorerUrl + hash, width)
        // Sections below the first screen are laid out only near it (content-visibility: auto); lay them all out, so that axe and the width check see every one.
        await page.addStyleTag({ content: 'section { content-visibility: visible !important }' })
        expect(await seriousViolations(page)).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        expect(errors).toEqual([])
        await context.close()
      })
    }
  }

  it('every chart has a title, a description and a table of the same figures', async () => {
    const { context, page } = await open(browser, explorerUrl)
    const charts = await page.$$eval('svg[role="img"]', (svgs) =>
      svgs.map((svg) => ({
        id: svg.id || svg.getAttribute('class'),
        label: (svg.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .filter(Boolean),
        table: !!svg.closest('section')?.querySelector('details table')
      }))
    )
    expect(charts.length).toBe(3) // the timeline and the two maps
    for (const chart of charts) {
      expect(chart.label.length, String(chart.id)).toBe(2)
      expect(chart.table, String(chart.id)).toBe(true)
    }
    await context.close()
  })
})
