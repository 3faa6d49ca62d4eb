/**
 * `npm run screenshots`: pictures of the explorer for the README (docs/images/explorer-*.png),
 * taken from dist-data/explorer.html in headless Chromium (Debian's chromium, driven by
 * playwright-core). Committed, and not drift-checked: a new Chromium draws other pixels.
 * Settings (environment): CHROMIUM_PATH=/usr/bin/chromium.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = new URL('..', import.meta.url)
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromiumPath)) {
  console.error(`no Chromium at ${chromiumPath}: install Debian's chromium, or set CHROMIUM_PATH`)
  process.exit(1)
}
const page = pathToFileURL(fileURLToPath(new URL('dist-data/explorer.html', root))).href
const out = new URL('docs/images/', root)
mkdirSync(out, { recursive: true })

/** An act that the source text misreports (a citation told as a resolution on genocide), the differences explained by checks. */
const act = 'us-ma-house-citation-2010-02-25'
const shots = [
  { name: 'explorer-overview.png', hash: '', clip: { x: 0, y: 0, width: 1280, height: 1500 } },
  { name: 'explorer-act.png', hash: `#/act/${act}`, clip: { x: 0, y: 0, width: 1280, height: 1300 } },
  { name: 'explorer-report.png', hash: `#/act/${act}`, at: '#reports', height: 1100 }
]

const browser = await chromium.launch({ executablePath: chromiumPath })
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: 1280, height: shot.height ?? 900 }, deviceScaleFactor: 1 })
    const view = await context.newPage()
    await view.goto(page + shot.hash)
    await view.waitForSelector('#page-title')
    // Lay out every section, and leave no focus ring on the heading that took the focus.
    await view.addStyleTag({ content: 'section { content-visibility: visible !important } :focus { outline: none !important }' })
    await view.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur())
    const path = fileURLToPath(new URL(shot.name, out))
    if (shot.at) {
      await view.locator(shot.at).evaluate((e) => e.scrollIntoView({ block: 'start' }))
      await view.screenshot({ path })
    } else await view.screenshot({ path, clip: shot.clip, fullPage: true })
    console.log(`docs/images/${shot.name}: ${(statSync(path).size / 1024).toFixed(0)} KiB`)
    await context.close()
  }
} finally {
  await browser.close()
}
