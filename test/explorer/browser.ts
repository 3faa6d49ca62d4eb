/**
 * Headless Chromium for the explorer's tests: Debian's chromium (installed by .ci/run), driven
 * by playwright-core, which downloads no browser. Where no Chromium is installed the tests are
 * skipped and say why. Each test opens a fresh browser context, and sees every console error,
 * page error and request of its pages.
 */
import { existsSync, readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

/** The browser the tests drive. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Whether it is installed. */
export const hasChromium = existsSync(chromiumPath)
/** Said in the name of every skipped suite. */
export const skipNote = hasChromium ? '' : ` (skipped: no Chromium at ${chromiumPath}; install Debian's chromium as .ci/run does, or set CHROMIUM_PATH)`
if (!hasChromium) console.warn(`explorer browser tests skipped: no Chromium at ${chromiumPath}`)

/** The published page, as a file: URL. */
export const explorerUrl = pathToFileURL(new URL('../../dist-data/explorer.html', import.meta.url).pathname).href

/** axe-core's browser build, injected into a page. */
export const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath })
}

/** A page in a fresh context, with what it logged and requested. */
export interface Opened {
  context: BrowserContext
  page: Page
  errors: string[]
  requests: string[]
}

/** Opens `url` in a new context of `browser`, `width` pixels wide. */
export async function open(browser: Browser, url: string, width = 1280, height = 800): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height } })
  const errors: string[] = []
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.waitForSelector('#page-title')
  return { context, page, errors, requests }
}

/** Every act id the table shows, over all its pages (clicking "Next page" until it is disabled). */
export async function idsOverPages(page: Page): Promise<string[]> {
  const ids: string[] = []
  for (let guard = 0; guard < 1000; guard++) {
    ids.push(...(await page.$$eval('table.acts a[data-act-link]', (links) => links.map((a) => a.getAttribute('data-act-link')!))))
    const next = page.getByRole('button', { name: 'Next page' })
    if (await next.isDisabled()) return ids
    await next.click()
  }
  throw new Error('the pager never ended')
}

/** Serious and critical violations axe finds in the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> }
      }
    ).axe
    const result = await axe.run(document)
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

/**
 * A highlighted quote as the page shows it: the mark's text, the text of its verbatim slice
 * before it, and where the slice starts in the source (`data-from`), so a test can compare
 * the quote's place with its provenance.
 */
export function placeOfMark(mark: Locator): Promise<{ quote: string | null; before: string; from: number }> {
  return mark.evaluate((element) => {
    const slice = element.closest('.verbatim-slice')!
    const range = document.createRange()
    range.setStart(slice, 0)
    range.setEndBefore(element)
    return { quote: element.textContent, before: range.toString(), from: Number(slice.getAttribute('data-from')) }
  })
}
