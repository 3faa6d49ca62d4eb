/**
 * The explorer page in headless Chromium: it opens from file:// with no error and no request
 * beyond itself, says what the published files say, filters, links and highlights as promised,
 * and can be worked with the keyboard alone. Every expected value is computed here from
 * dist-data/*.json, never from the page's own code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { characterizationStrength } from '../../src/schema/vocabularies.js'
import { entityFile, verbatimText, type Json } from '../helpers/published.js'
import { explorerUrl, hasChromium, idsOverPages, launch, open, placeOfMark, skipNote } from './browser.js'

const acts = entityFile('acts').records
const reports = entityFile('reports').records
const checks = entityFile('checks').records
const citations = entityFile('citations').records
const sources = entityFile('sources').records

let browser: Browser
beforeAll(async () => {
  if (hasChromium) browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Code points of `text` from `start` to `end`: the unit of every published offset. */
const slice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('')

describe.skipIf(!hasChromium)(`the page opens as a file${skipNote}`, () => {
  it('loads from file:// with no console error, and requests nothing but itself, on every view', async () => {
    const { context, page, errors, requests } = await open(browser, explorerUrl)
    const act = reports.find((r) => r.act !== null)!.act
    await page.goto(`${explorerUrl}#/act/${encodeURIComponent(act)}`)
    await page.waitForSelector('section#evidence')
    await page.goto(`${explorerUrl}#/source/${encodeURIComponent(sources[0]!.id)}`)
    await page.waitForSelector('.verbatim mark')
    await page.goto(`${explorerUrl}#/?term=genocide`)
    await page.waitForSelector('table.acts')
    expect(errors).toEqual([])
    expect(requests.length).toBeGreaterThan(0)
    expect([...new Set(requests.map((u) => u.split('#')[0]))]).toEqual([explorerUrl])
    await context.close()
  })

  it('its counts equal the published files’', async () => {
    const { context, page } = await open(browser, explorerUrl)
    const count = (key: string) => page.$eval(`[data-count="${key}"]`, (e) => Number(e.textContent))
    expect(await count('acts')).toBe(acts.length)
    expect(await count('citations')).toBe(citations.length)
    expect(await count('reports')).toBe(reports.length)
    expect(await count('checks')).toBe(checks.length)
    expect(await count('sources')).toBe(sources.length)
    expect(await count('counter-acts')).toBe(acts.filter((a) => a.stance.includes('rejects')).length)
    for (const term of new Set(acts.flatMap((a) => a.characterization)))
      expect(await count(`by-term:${term}`), term).toBe(acts.filter((a) => a.characterization.includes(term)).length)
    for (const stage of new Set(acts.map((a) => a.stage))) expect(await count(`by-stage:${stage}`), stage).toBe(acts.filter((a) => a.stage === stage).length)
    for (const actor of new Set(acts.map((a) => a.actor))) expect(await count(`by-actor:${actor}`), actor).toBe(acts.filter((a) => a.actor === actor).length)
    // The table, unfiltered, holds every act once.
    const ids = await idsOverPages(page)
    expect(ids.length).toBe(acts.length)
    expect(new Set(ids)).toEqual(new Set(acts.map((a) => a.id)))
    await context.close()
  })
})

describe.skipIf(!hasChromium)(`the table${skipNote}`, () => {
  it('filtering by genocide shows exactly the acts whose characterization holds it', async () => {
    const { context, page } = await open(browser, explorerUrl)
    await page.locator('#filters [name="term"]').selectOption('genocide')
    const expected = acts.filter((a) => a.characterization.includes('genocide')).map((a) => a.id)
    expect(expected.length).toBeGreaterThan(50) // more than a page, so paging is part of the test
    const shown = await idsOverPages(page)
    expect(shown.length).toBe(expected.length)
    expect(new Set(shown)).toEqual(new Set(expected))
    await context.close()
  })

  it('filters by stage, actor, jurisdiction, year and evidence side as the records say', async () => {
    const sideOf = new Map<string, string>([...citations.map((c): [string, string] => [c.id, c.side]), ...sources.map((s): [string, string] => [s.id, s.side])])
    const cases: Array<[string, string, (a: Json) => boolean]> = [
      ['stage', 'adopted', (a) => a.stage === 'adopted'],
      ['actor', 'members', (a) => a.actor === 'members'],
      ['jurisdiction', 'US', (a) => a.jurisdiction === 'US'],
      ['year', '2012', (a) => a.dateStart?.startsWith('2012')],
      ['side', 'independent', (a) => a.evidence.some((e: Json) => sideOf.get(e.citation ?? e.anchor?.sourceId) === 'independent')]
    ]
    for (const [name, value, keep] of cases) {
      const { context, page } = await open(browser, explorerUrl)
      await page.locator(`#filters [name="${name}"]`).selectOption(value)
      const expected = acts.filter(keep).map((a) => a.id)
      expect(expected.length, name).toBeGreaterThan(0)
      expect(new Set(await idsOverPages(page)), name).toEqual(new Set(expected))
      await context.close()
    }
  })

  it('the text search finds an act by a word of its evidence', async () => {
    const act = acts.find((a) => a.evidence.some((e: Json) => /\p{L}{9,}/u.test(e.quote)))!
    const word = act.evidence.map((e: Json) => /\p{L}{9,}/u.exec(e.quote)?.[0]).find(Boolean)!
    const { context, page } = await open(browser, explorerUrl)
    await page.locator('#filters [name="q"]').fill(word)
    const ids = await idsOverPages(page)
    expect(ids).toContain(act.id)
    const expected = acts.filter((a) => a.evidence.some((e: Json) => e.quote.toLowerCase().includes(word.toLowerCase())))
    for (const a of expected) expect(ids).toContain(a.id)
    await context.close()
  })

  it('a link with a search finds what only the evidence says, once the page has read its records', async () => {
    const inSummary = (a: Json) => [a.id, a.jurisdiction, a.jurisdictionName, a.body, a.actType, a.date].join(' ').toLowerCase()
    const candidates = acts.flatMap((a) =>
      a.evidence.flatMap((e: Json) => (e.quote.match(/\p{L}{10,}/gu) ?? []).map((w: string) => [a, w.toLowerCase()] as const))
    )
    const [act, word] = candidates.find(([, w]) => acts.every((a) => !inSummary(a).includes(w)))!
    const { context, page } = await open(browser, `${explorerUrl}#/?q=${encodeURIComponent(word)}`)
    await page.waitForFunction(() => performance.getEntriesByName('explorer-records').length > 0)
    expect(await idsOverPages(page)).toContain(act.id)
    expect(await page.locator('#filters [name="q"]').inputValue()).toBe(word)
    await context.close()
  })

  it('sorts by date (the first day a date can mean) both ways', async () => {
    const { context, page } = await open(browser, explorerUrl)
    const startOf = new Map(acts.map((a) => [a.id, a.dateStart ?? '9999']))
    const starts = async () =>
      (await page.$$eval('table.acts a[data-act-link]', (links) => links.map((a) => a.getAttribute('data-act-link')!))).map((id) => startOf.get(id)!)
    const first = await starts()
    expect(first).toEqual([...first].sort())
    expect(first[0]).toBe([...startOf.values()].sort()[0])
    await page.getByRole('button', { name: /^Date: sort/ }).click()
    const reversed = await starts()
    expect(reversed).toEqual([...reversed].sort().reverse())
    expect(reversed[0]).toBe([...startOf.values()].sort().at(-1))
    await context.close()
  })

  it('a shared link restores the filters, the sort and the page', async () => {
    const first = await open(browser, explorerUrl)
    await first.page.locator('#filters [name="term"]').selectOption('genocide')
    await first.page.locator('#filters [name="stage"]').selectOption('published')
    await first.page.getByRole('button', { name: /^Jurisdiction: sort/ }).click()
    await first.page.getByRole('button', { name: 'Next page' }).click()
    const link = first.page.url()
    const shown = await first.page.$$eval('table.acts a[data-act-link]', (links) => links.map((a) => a.getAttribute('data-act-link')))
    await first.context.close()
    expect(link).toMatch(/term=genocide/)
    const second = await open(browser, link)
    expect(await second.page.locator('#filters [name="term"]').inputValue()).toBe('genocide')
    expect(await second.page.locator('#filters [name="stage"]').inputValue()).toBe('published')
    expect(await second.page.$$eval('table.acts a[data-act-link]', (links) => links.map((a) => a.getAttribute('data-act-link')))).toEqual(shown)
    expect(await second.page.textContent('#result-count')).toMatch(
      new RegExp(`of ${acts.filter((a) => a.characterization.includes('genocide') && a.stage === 'published').length}\\b`)
    )
    expect(await second.page.getAttribute('table.acts', 'data-page')).toBe('2')
    await second.context.close()
  })
})

/** RECORD.md's rule, written again here: where a report differs from its act. */
function differences(report: Json, act: Json): string[] {
  const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0)
  const out: string[] = []
  for (const field of ['jurisdiction', 'date', 'body', 'actor', 'actType', 'stage', 'characterization', 'stance']) {
    const said = report[field]
    if (empty(said)) continue
    const own = act[field]
    let differs: boolean
    if (field === 'date') differs = !(report.dateStart <= act.dateEnd && act.dateStart <= report.dateEnd)
    else if (field === 'body') differs = said !== act.body && !act.bodyAliases.includes(said)
    else if (Array.isArray(said)) differs = !(Array.isArray(own) && new Set(said).size === new Set(own).size && said.every((v: string) => own.includes(v)))
    else differs = said !== own
    if (differs) out.push(field)
  }
  return out
}

describe.skipIf(!hasChromium)(`an act's page${skipNote}`, () => {
  const reported = [...new Set(reports.filter((r) => r.act !== null).map((r) => r.act as string))]

  it('shows every field, every evidence quote, the checks, and each report’s quote at its place in the verbatim text', async () => {
    expect(reported.length).toBeGreaterThan(5)
    const { context, page, errors } = await open(browser, explorerUrl)
    let differing = 0
    for (const id of reported) {
      const act = acts.find((a) => a.id === id)!
      await page.goto(`${explorerUrl}#/act/${encodeURIComponent(id)}`)
      await page.waitForSelector('section#evidence')
      const fields = await page.$$eval('table.fields td[data-field]', (cells) => cells.map((c) => c.getAttribute('data-field')))
      expect(fields, id).toEqual(Object.keys(act).filter((k) => k !== 'evidence'))
      const quotes = await page.$$eval('.evidence-quote', (q) => q.map((e) => e.textContent))
      expect(quotes, id).toEqual(act.evidence.map((e: Json) => e.quote))
      for (const check of checks.filter((c) => c.recordType === 'act' && c.recordId === id))
        expect(await page.textContent(`#checks li[id="check-${check.id}"] .verdict`), check.id).toBe(check.verdict)
      for (const report of reports.filter((r) => r.act === id)) {
        const article = page.locator(`article[aria-labelledby="report-${report.id}"]`)
        for (const [i, p] of report.provenance.entries()) {
          const text = verbatimText(p.sourceId)
          const placed = await placeOfMark(article.locator(`mark[data-reports~="${report.id}"]`).nth(i))
          expect(placed.quote, report.id).toBe(slice(text, p.start, p.end))
          expect(placed.quote, report.id).toBe(p.quote)
          expect(placed.from + Array.from(placed.before).length, report.id).toBe(p.start)
          expect(placed.before, report.id).toBe(slice(text, placed.from, p.start))
        }
        const shown = await article.locator('tr[data-status="differs"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-compared')))
        expect(shown, report.id).toEqual(differences(report, act))
        differing += shown.length
        for (const check of checks.filter((c) => c.recordType === 'report' && c.recordId === report.id))
          expect(await article.locator(`li[id="check-${check.id}"] .verdict`).textContent(), check.id).toBe(check.verdict)
      }
    }
    expect(differing).toBeGreaterThan(0) // the record has reports that differ from their acts: the test saw some
    expect(errors).toEqual([])
    await context.close()
  })

  it('links each cited document out to its public address', async () => {
    const act = acts.find((a) => a.evidence.filter((e: Json) => e.citation).length >= 2)!
    const { context, page } = await open(browser, `${explorerUrl}#/act/${encodeURIComponent(act.id)}`)
    const links = await page.$$eval('#evidence a.external', (a) => a.map((e) => e.getAttribute('href')))
    const expected = act.evidence.filter((e: Json) => e.citation).map((e: Json) => citations.find((c) => c.id === e.citation)!.url)
    expect(links).toEqual(expected)
    await context.close()
  })

  it('a source view marks every report’s quote where its offsets put it', async () => {
    const source = sources[0]!
    const text = verbatimText(source.id)
    const report = reports.find((r) => r.provenance[0].sourceId === source.id)!
    const { context, page } = await open(browser, `${explorerUrl}#/source/${encodeURIComponent(source.id)}?report=${encodeURIComponent(report.id)}`)
    expect(await page.$eval('.verbatim .verbatim-slice', (e) => e.textContent)).toBe(text)
    const current = await page.$$eval('.verbatim mark.current', (marks) => marks.map((m) => m.textContent).join(''))
    expect(current).toBe(
      report.provenance
        .filter((p: Json) => p.sourceId === source.id)
        .map((p: Json) => slice(text, p.start, p.end))
        .join('')
    )
    await context.close()
  })
})

describe.skipIf(!hasChromium)(`the map${skipNote}`, () => {
  it('fills each jurisdiction by the strongest term of its acts of a body, committee or executive adopted, signed or published, and no other', async () => {
    const fillsMap = (a: Json) => ['body', 'committee', 'executive'].includes(a.actor) && ['adopted', 'signed', 'published'].includes(a.stage)
    const rank = (t: string) => characterizationStrength.indexOf(t as never)
    const expected = new Map<string, string>()
    for (const code of new Set(acts.map((a) => a.jurisdiction))) {
      const filling = acts.filter((a) => a.jurisdiction === code && fillsMap(a))
      const terms = filling.flatMap((a) => a.characterization).sort((x: string, y: string) => rank(x) - rank(y))
      expected.set(code, filling.length === 0 ? '' : (terms[0] ?? 'none'))
    }
    const { context, page } = await open(browser, explorerUrl)
    const drawn = new Map(
      await page.$$eval('svg.map path.has-acts', (paths) => paths.map((p): [string, string] => [p.getAttribute('data-code')!, p.getAttribute('data-fill')!]))
    )
    const geographic = [...expected.keys()].filter((code) => acts.find((a) => a.jurisdiction === code)!.jurisdictionType !== 'organization')
    const listed = await page.textContent('.beside')
    for (const code of geographic) {
      if (drawn.has(code)) expect(drawn.get(code), code).toBe(expected.get(code))
      else expect(listed, `${code} has no shape, so it is listed beside the map`).toContain(code)
    }
    for (const code of expected.keys()) if (!geographic.includes(code)) expect(listed, code).toContain(code)
    // A jurisdiction whose only acts are of members is a mark, never a fill.
    const membersOnly = geographic.filter((code) => acts.filter((a) => a.jurisdiction === code).every((a) => !fillsMap(a)))
    expect(membersOnly.length).toBeGreaterThan(0)
    for (const code of membersOnly) if (drawn.has(code)) expect(drawn.get(code), code).toBe('')
    expect(await page.textContent('#map-section')).toMatch(/Natural Earth/)
    expect(await page.textContent('#map-section')).toMatch(/US Census Bureau/)
    await context.close()
  })
})

describe.skipIf(!hasChromium)(`keyboard${skipNote}`, () => {
  it('from the first focus, Tab and the pager reach every act’s link', async () => {
    const { context, page } = await open(browser, explorerUrl)
    const seen = new Set<string>()
    let ended = false
    for (let presses = 0; presses < 4000 && !ended; presses++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null
        return {
          act: e?.getAttribute('data-act-link') ?? null,
          text: e?.textContent?.trim() ?? '',
          tag: e?.tagName ?? '',
          downloads: !!e?.closest('#downloads')
        }
      })
      if (presses === 0) expect(focused.text).toBe('Skip to the content')
      if (focused.act) seen.add(focused.act)
      if (focused.tag === 'BUTTON' && focused.text === 'Next page') await page.keyboard.press('Enter')
      ended = focused.downloads && seen.size > 0
    }
    expect(ended).toBe(true)
    expect(seen).toEqual(new Set(acts.map((a) => a.id)))
    await context.close()
  })

  it('an act link opens the act with Enter, and its page’s heading takes the focus', async () => {
    const { context, page } = await open(browser, explorerUrl)
    const first = page.locator('table.acts a[data-act-link]').first()
    const id = await first.getAttribute('data-act-link')
    await first.focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('section#evidence')
    expect(page.url()).toContain(`#/act/${encodeURIComponent(id!)}`)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title')
    await context.close()
  })
})
