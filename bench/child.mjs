/**
 * One measured run, in its own process so its peak RSS is its own:
 *   node bench/child.mjs build <root> [dist root]   full build (check, render, write)
 *   node bench/child.mjs check <root> [dist root]   check only (writes nothing)
 *   node bench/child.mjs floor <root>               remark-parse + remark-directive over the same overlays, nothing else
 * Prints one JSON line: the time from before the first import to the end (ms), the time
 * after the imports (ms), the CPU time of the process (ms), its peak RSS (kB) and what was done.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const started = performance.now()
const [mode, root, distRoot = new URL('..', import.meta.url).pathname] = process.argv.slice(2)
if (!['build', 'check', 'floor'].includes(mode) || !root) {
  console.error('usage: node bench/child.mjs build|check|floor <root> [dist root]')
  process.exit(2)
}

let imported
let done
if (mode === 'floor') {
  const [{ unified }, { default: remarkParse }, { default: remarkDirective }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-directive')
  ])
  const processor = unified().use(remarkParse).use(remarkDirective)
  imported = performance.now()
  const sources = join(root, 'sources')
  let nodes = 0
  const overlays = readdirSync(sources)
    .filter((name) => name.endsWith('.md'))
    .sort()
  for (const name of overlays) nodes += processor.parse(readFileSync(join(sources, name), 'utf8')).children.length
  done = { overlays: overlays.length, nodes }
} else {
  const pipeline = await import(pathToFileURL(join(distRoot, 'dist/pipeline/build.js')).href)
  imported = performance.now()
  const result = pipeline[mode]({ root })
  if (!result.ok) {
    console.error(result.diagnostics.slice(0, 5))
    process.exit(1)
  }
  // build returns how many records it wrote; check returns the dataset itself.
  const records =
    result.counts ??
    Object.fromEntries(
      Object.entries(result.dataset)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, v.length])
    )
  done = { ok: result.ok, diagnostics: result.diagnostics.length, records }
}
const ended = performance.now()
const cpu = process.cpuUsage()
console.log(
  JSON.stringify({
    mode,
    totalMs: ended - started,
    runMs: ended - imported,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    ...done
  })
)
