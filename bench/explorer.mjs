/**
 * The explorer page's section of BENCHMARKS.md: its weight, the package tarball's size, and in
 * headless Chromium (Debian's chromium, driven by playwright-core) the first render and the
 * filter latency, for the real record and for a record ten times larger.
 *
 * - First render: the first contentful paint of the overview with the table's first page (the
 *   page draws everything in one synchronous pass before its first paint, and the bench checks
 *   that the paint came after that pass), median of 11 cold contexts at 1280×800.
 * - Filter: from the input event to the next paint after the table is redrawn (the handler runs,
 *   then a requestAnimationFrame callback, then a message posted from it, which runs once that
 *   frame is painted), for four filters, in each of the same 11 contexts.
 * The two pages are measured in turn, after one run of each that is not counted.
 *
 * `npm run bench` calls `benchExplorer`; `node bench/explorer.mjs` runs this section alone and
 * writes it into BENCHMARKS.md in place, leaving the other sections as they are.
 * Settings (environment): BENCH_EXPLORER_RUNS=11, CHROMIUM_PATH=/usr/bin/chromium.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { compile, stats } from './measure.mjs'

const heading = '## 5. The explorer page'
const factor = 10
/** The filters timed, each from the default view. */
const filters = [
  ['term', 'genocide', 'term = genocide'],
  ['stage', 'adopted', 'stage = adopted'],
  ['jurisdiction', 'US', 'jurisdiction = US'],
  ['q', 'parliament', 'search "parliament"']
]

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`

/** The published records ten times over: acts, citations and checks repeated with suffixed ids; reports and texts as they are. */
function enlargedDataset(dataDir) {
  const records = (name) => readJson(join(dataDir, `${name}.json`)).records
  const times = (list) => Array.from({ length: factor }, (_, k) => list.map((r) => (k === 0 ? r : { ...r, id: `${r.id}-x${k}` }))).flat()
  const sources = records('sources')
  return {
    version: readJson(join(dataDir, 'acts.json')).version,
    sources,
    acts: times(records('acts')),
    citations: times(records('citations')),
    checks: times(records('checks')),
    reports: records('reports'),
    texts: new Map(sources.map((s) => [s.id, readFileSync(join(dataDir, s.path), 'utf8')]))
  }
}

/** The time from `act` (run in the page) to the paint that follows it: a requestAnimationFrame callback, then a message posted from it, which runs once that frame is painted. */
const untilPainted = (act) => `new Promise((resolve) => {
  const started = performance.now()
  ;(${act})()
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now() - started)
    channel.port2.postMessage(0)
  })
})`

/** One cold context on the page at `url`: its first render, the table brought on screen, and each filter. */
async function measureRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0 && performance.getEntriesByName('explorer-records').length > 0
  )
  const paint = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    rendered: performance.getEntriesByName('explorer-rendered')[0]?.startTime ?? Infinity,
    rows: document.querySelectorAll('table.acts tbody tr').length
  }))
  if (paint.rows === 0) throw new Error('the page drew no table')
  const scroll = await page.evaluate(untilPainted("() => document.getElementById('acts').scrollIntoView()"))
  await page.evaluate(() => window.scrollTo(0, 0))
  const timed = {}
  for (const [name, value, label] of filters) {
    timed[label] = await page.evaluate(
      untilPainted(`() => {
        const field = document.querySelector('#filters [name="${name}"]')
        field.value = ${JSON.stringify(value)}
        field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }))
      }`)
    )
    // Back to the default view, not timed.
    await page.evaluate(() => document.querySelector('[data-action="clear"]').click())
  }
  await context.close()
  return { fcp: paint.fcp, afterRender: paint.fcp >= paint.rendered, scroll, filters: timed }
}

/** First render and filter times of each page, over `runs` cold contexts taken in turn (after one run of each, not counted). */
async function measurePages(browser, urls, runs, log) {
  for (const url of urls) await measureRun(browser, url)
  const all = urls.map(() => [])
  for (let run = 0; run < runs; run++) {
    log(`explorer: run ${run + 1} of ${runs}`)
    for (const [i, url] of urls.entries()) all[i].push(await measureRun(browser, url))
  }
  return all.map((list) => ({
    render: stats(list.map((r) => r.fcp)),
    paintedAfterRender: list.filter((r) => r.afterRender).length,
    scroll: stats(list.map((r) => r.scroll)),
    filters: Object.fromEntries(filters.map(([, , label]) => [label, stats(list.map((r) => r.filters[label]))])),
    filter: stats(list.flatMap((r) => Object.values(r.filters)))
  }))
}

/** Weight of a page: bytes, gzip, and what part is the shell's. */
function weigh(path, shellBytes) {
  const bytes = readFileSync(path)
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, data: bytes.length - shellBytes }
}

/** The tarball `npm pack` would make: its size, unpacked size, and what the data and the page take of it. */
function tarball(projectRoot) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const [pack] = JSON.parse(out.slice(out.indexOf('[')))
  const sum = (test) => pack.files.filter((f) => test(f.path)).reduce((s, f) => s + f.size, 0)
  return {
    size: pack.size,
    unpacked: pack.unpackedSize,
    files: pack.entryCount,
    distData: sum((p) => p.startsWith('dist-data/')),
    explorer: sum((p) => p === 'dist-data/explorer.html'),
    shell: sum((p) => p === 'explorer/shell.html')
  }
}

/** Measures and returns the section's markdown (and the figures). */
export async function benchExplorer({ projectRoot, log = () => {}, runs = Number(process.env.BENCH_EXPLORER_RUNS ?? 11) }) {
  const loadBefore = os.loadavg()[0].toFixed(2)
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const shellPath = join(projectRoot, 'explorer/shell.html')
  const pagePath = join(projectRoot, 'dist-data/explorer.html')
  const shellText = readFileSync(shellPath, 'utf8')
  const shellBytes = Buffer.byteLength(shellText)
  const script = /<script>(.*?)<\/script>/s.exec(shellText)[1]
  const atlas = /data-explorer="atlas">(.*?)<\/script>/s.exec(shellText)[1]
  const style = /<style>(.*?)<\/style>/s.exec(shellText)[1]
  const pack = tarball(projectRoot)
  const real = weigh(pagePath, shellBytes)
  const lines = [heading, '']
  lines.push(
    `dist-data/explorer.html opens from file:// with no request. It is the committed shell (explorer/shell.html, ${kib(shellBytes)}: the bundled script ${kib(Buffer.byteLength(script))}, the styles ${kib(Buffer.byteLength(style))}, the projected boundaries ${kib(Buffer.byteLength(atlas))}) with the dataset put in as JSON.`,
    ''
  )
  const { renderExplorerPage } = await import(pathToFileURL(join(projectRoot, 'dist/pipeline/emit/explorer-page.js')).href)
  const dir = mkdtempSync(join(os.tmpdir(), 'khojaly-bench-explorer-'))
  const largePath = join(dir, 'explorer.html')
  const large = enlargedDataset(join(projectRoot, 'dist-data'))
  writeFileSync(largePath, renderExplorerPage(large, shellText))
  const big = weigh(largePath, shellBytes)
  lines.push('| Page | acts | bytes | gzip -9 | of which the data |', '|---|---:|---:|---:|---:|')
  lines.push(
    `| the real record (dist-data/explorer.html) | ${readJson(join(projectRoot, 'dist-data/acts.json')).records.length} | ${mib(real.bytes)} | ${kib(real.gzip)} | ${mib(real.data)} |`
  )
  lines.push(
    `| a record ${factor} × larger (acts, citations and checks repeated with suffixed ids) | ${large.acts.length} | ${mib(big.bytes)} | ${kib(big.gzip)} | ${mib(big.data)} |`
  )
  lines.push('')
  lines.push('| Package tarball (`npm pack --dry-run --json`) | |', '|---|---:|')
  lines.push(`| tarball | ${mib(pack.size)} (${pack.files} files) |`)
  lines.push(`| unpacked | ${mib(pack.unpacked)} |`)
  lines.push(`| of which dist-data/ (unpacked) | ${mib(pack.distData)}, explorer.html ${mib(pack.explorer)} of it |`)
  lines.push(`| of which explorer/shell.html (unpacked) | ${kib(pack.shell)} |`)
  lines.push(`| Target: tarball under 3 MB | ${pack.size < 3e6 ? '**pass**' : '**FAIL**'} |`, '')

  if (!existsSync(chromiumPath)) {
    rmSync(dir, { recursive: true, force: true })
    lines.push(`Speed not measured: no Chromium at ${chromiumPath} (install Debian's chromium, or set CHROMIUM_PATH).`, '')
    return { markdown: lines.join('\n'), pack, real, big }
  }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: chromiumPath })
  let measured
  try {
    const [one, ten] = await measurePages(browser, [pathToFileURL(pagePath).href, pathToFileURL(largePath).href], runs, log)
    measured = { one, ten, version: browser.version() }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const { one, ten, version } = measured
  const ms = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
  lines.push(
    `Headless Chromium ${version} (Debian's chromium, driven by playwright-core), one browser, a new context for each run, ${runs} runs of each page taken in turn after one of each not counted, viewport 1280×800. First render: the first contentful paint of the overview with the table's first page, from the start of navigation: the page builds the counts, the timeline, the map and the first 50 rows of the table in one pass before any paint (the paint came after that pass in ${one.paintedAfterRender} of ${runs} runs of the real page and ${ten.paintedAfterRender} of ${runs} of the larger one); the map, the table and the downloads, below the first screen, are laid out by the browser when they come near it (CSS content-visibility), which the next row measures. Table on screen: from scrolling the table into view to the next paint. Filter: from the input event to the next paint after the table is redrawn, each filter set from the default view, once the page has read its whole records (the search looks in them).`,
    ''
  )
  lines.push(`| | the real record | ${factor} × larger |`, '|---|---:|---:|')
  lines.push(`| first render (median, min–max) | ${ms(one.render)} | ${ms(ten.render)} |`)
  lines.push(`| table on screen, after scrolling to it | ${ms(one.scroll)} | ${ms(ten.scroll)} |`)
  for (const [, , label] of filters) lines.push(`| filter: ${label} | ${ms(one.filters[label])} | ${ms(ten.filters[label])} |`)
  lines.push(`| filter: all four together | ${ms(one.filter)} | ${ms(ten.filter)} |`, '')
  lines.push('| Target (at the tenfold size) | Measured (median) | |', '|---|---:|---|')
  lines.push(`| first render at most 300 ms | ${ten.render.median.toFixed(0)} ms | ${ten.render.median <= 300 ? '**pass**' : '**FAIL**'} |`)
  lines.push(
    `| at most 50 ms per filter (the slowest filter's median) | ${Math.max(...Object.values(ten.filters).map((s) => s.median)).toFixed(0)} ms | ${Object.values(ten.filters).every((s) => s.median <= 50) ? '**pass**' : '**FAIL**'} |`,
    ''
  )
  lines.push(
    `Load average (1 minute) at the start of this section: ${loadBefore}; at its end: ${os.loadavg()[0].toFixed(2)} (2 cores; other work on the machine makes the maxima wander).`,
    ''
  )
  lines.push('This section alone: `node bench/explorer.mjs` (it rewrites only this section of BENCHMARKS.md; BENCH_EXPLORER_RUNS sets the runs).', '')
  return { markdown: lines.join('\n'), pack, real, big, one, ten }
}

// Run alone: measure this section and put it into BENCHMARKS.md in place of the old one.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url))
  if (process.env.BENCH_COMPILE !== '0') compile(projectRoot)
  const { markdown } = await benchExplorer({ projectRoot, log: (m) => process.stderr.write(`[bench] ${m}\n`) })
  const file = join(projectRoot, process.env.BENCH_OUT ?? 'BENCHMARKS.md')
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(heading)
  const end = text.indexOf('## Reproducing')
  const next = start >= 0 ? `${text.slice(0, start)}${markdown}\n${text.slice(end)}` : `${text.slice(0, end)}${markdown}\n${text.slice(end)}`
  writeFileSync(file, next)
  process.stderr.write(`[bench] wrote the explorer's section of ${file}\n`)
}
