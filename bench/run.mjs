/**
 * `npm run bench`: compiles, then measures and writes BENCHMARKS.md.
 *
 * 1. Build scaling: a full build of a synthetic corpus of N copies of the seed (N = 1, 10,
 *    100, 1000), each run in a fresh process, beside the floor (remark-parse +
 *    remark-directive parsing the same overlays and nothing else), in alternation.
 * 2. Import cost: `node -e "import('khojaly-recognition')"`, and the same with a record ten
 *    times larger, against the import of an empty ES module and `node -e 0`, in rotation,
 *    and the list of modules the data entry loads.
 * 3. check against build on the seed.
 * 4. The profile before and after each round of fixes, from bench/round-<k>.fixes.md and
 *    bench/round-<k>.measured.md (written by bench/before-after.mjs).
 * 5. The explorer page: weight, tarball size, first render and filters (bench/explorer.mjs;
 *    BENCH_EXPLORER=0 skips it).
 *
 * Speed is measured here, never asserted in a test. Settings (environment):
 *   BENCH_SIZES=1,10,100,1000  BENCH_RUNS=5  BENCH_IMPORT_RUNS=101  BENCH_CHECK_RUNS=11
 *   BENCH_OUT=BENCHMARKS.md    BENCH_COMPILE=0 (skip `npm run compile`)
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { makeCorpus, readSeed, removeCorpus } from './corpus.mjs'
import { compile, hasGnuTime, loadAverage, machine, runNode, show, stats } from './measure.mjs'
import { benchExplorer } from './explorer.mjs'

const projectRoot = fileURLToPath(new URL('..', import.meta.url))
const env = process.env
const options = {
  sizes: (env.BENCH_SIZES ?? '1,10,100,1000').split(',').map(Number),
  runs: Number(env.BENCH_RUNS ?? 5),
  importRuns: Number(env.BENCH_IMPORT_RUNS ?? 101),
  checkRuns: Number(env.BENCH_CHECK_RUNS ?? 11),
  out: env.BENCH_OUT ?? join(projectRoot, 'BENCHMARKS.md')
}
const child = join(projectRoot, 'bench/child.mjs')
const log = (message) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0)}s] ${message}\n`)
const t0 = performance.now()

if (env.BENCH_COMPILE !== '0') {
  log('npm run compile')
  compile(projectRoot)
}
const host = machine()
const loadBefore = loadAverage()
const seed = readSeed(join(projectRoot, 'sources'))

// 1. Build scaling against the floor.
const scaling = []
for (const n of options.sizes) {
  const corpus = makeCorpus(seed, n)
  log(`N=${n}: corpus of ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpus.root}`)
  const runs = { build: [], floor: [] }
  let records
  try {
    for (let r = 0; r < options.runs; r++) {
      for (const mode of r % 2 === 0 ? ['floor', 'build'] : ['build', 'floor']) {
        const run = runNode([child, mode, corpus.root, projectRoot])
        runs[mode].push(run)
        if (mode === 'build') records = run.report?.records
        log(
          `N=${n} run ${r + 1}/${options.runs} ${mode}: ${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU, ${run.rssMb.toFixed(0)} MB`
        )
      }
    }
  } finally {
    removeCorpus(corpus.root)
  }
  const figure = (mode, key) => stats(runs[mode].map((run) => run[key]))
  scaling.push({
    n,
    bytes: corpus.bytes,
    overlayBytes: corpus.overlayBytes,
    records,
    build: { wall: figure('build', 'wallMs'), cpu: figure('build', 'cpuMs'), rss: figure('build', 'rssMb') },
    floor: { wall: figure('floor', 'wallMs'), cpu: figure('floor', 'cpuMs'), rss: figure('floor', 'rssMb') },
    // Each round's build against the floor run beside it: less swayed by load that comes and goes.
    pairedRatio: stats(runs.build.map((run, r) => run.wallMs / runs.floor[r].wallMs))
  })
}

// 2. Import cost of the data entry, in alternation with a bare node.
log(`import cost: ${options.importRuns} runs each`)
const nodeOnce = (code) => {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['-e', code], { cwd: projectRoot, stdio: 'ignore' })
  if (result.status !== 0) throw new Error(`node -e "${code}" exited with ${result.status}`)
  return Number(process.hrtime.bigint() - started) / 1e6
}
const importCode = "import('khojaly-recognition')"
// An empty ES module: what any `import()` costs (Node starts its ES module loader). The data
// entry's own cost is measured above it.
const emptyModule = join(mkdtempSync(join(os.tmpdir(), 'khojaly-bench-empty-')), 'empty.mjs')
writeFileSync(emptyModule, 'export {}\n')
const emptyCode = `import(${JSON.stringify(pathToFileURL(emptyModule).href)})`
// A copy of the package whose record (acts, citations) and checks are ten times larger: each
// record repeated with a suffixed id. Nothing validates at import, so the copies need not be
// consistent; they only weigh what a record ten times the size would weigh.
const largeRecordFactor = 10
const largePackage = mkdtempSync(join(os.tmpdir(), 'khojaly-bench-large-'))
cpSync(join(projectRoot, 'package.json'), join(largePackage, 'package.json'))
cpSync(join(projectRoot, 'dist'), join(largePackage, 'dist'), { recursive: true })
cpSync(join(projectRoot, 'dist-data'), join(largePackage, 'dist-data'), { recursive: true })
const enlarged = {}
for (const name of ['acts', 'citations', 'checks']) {
  const file = join(largePackage, 'dist-data', `${name}.json`)
  const envelope = JSON.parse(readFileSync(file, 'utf8'))
  enlarged[name] = { before: envelope.records.length, bytesBefore: readFileSync(file).length }
  envelope.records = Array.from({ length: largeRecordFactor }, (_, k) => envelope.records.map((r) => (k === 0 ? r : { ...r, id: `${r.id}-x${k}` }))).flat()
  writeFileSync(file, `${JSON.stringify(envelope, null, 2)}\n`)
  enlarged[name].after = envelope.records.length
  enlarged[name].bytesAfter = readFileSync(file).length
}
const largeCode = `import(${JSON.stringify(pathToFileURL(join(largePackage, 'dist/index.js')).href)})`
const importCommands = { bare: '0', empty: emptyCode, package: importCode, large: largeCode }
for (let i = 0; i < 3; i++) for (const code of Object.values(importCommands)) nodeOnce(code) // warm the file cache; not counted
const importTimes = Object.fromEntries(Object.keys(importCommands).map((name) => [name, []]))
const commandCount = Object.keys(importCommands).length
for (let i = 0; i < options.importRuns; i++) {
  // Rotate the order each round, so that no command always runs first (or after another).
  const order = Object.keys(importCommands)
  for (let k = 0; k < i % commandCount; k++) order.push(order.shift())
  for (const name of order) importTimes[name].push(nodeOnce(importCommands[name]))
}
rmSync(join(emptyModule, '..'), { recursive: true, force: true })
rmSync(largePackage, { recursive: true, force: true })
const modulesFile = join(mkdtempSync(join(os.tmpdir(), 'khojaly-bench-modules-')), 'modules.txt')
writeFileSync(modulesFile, '')
spawnSync(process.execPath, ['--import', join(projectRoot, 'bench/record-modules.mjs'), '-e', importCode], {
  cwd: projectRoot,
  env: { ...env, BENCH_MODULES_OUT: modulesFile }
})
const loaded = [...new Set(readFileSync(modulesFile, 'utf8').split('\n').filter(Boolean))]
rmSync(join(modulesFile, '..'), { recursive: true, force: true })
const own = (url) => url.startsWith('file:') && !url.includes('/node_modules/') && fileURLToPath(url).startsWith(join(projectRoot, 'dist'))
const thirdParty = loaded.filter((url) => !url.startsWith('node:') && !own(url))
/** Differences of `times` from `base` within each round (the same conditions for both). */
const paired = (times, base) => stats(times.map((t, i) => t - base[i]))
const importCost = {
  bare: stats(importTimes.bare),
  empty: stats(importTimes.empty),
  withImport: stats(importTimes.package),
  large: stats(importTimes.large),
  emptyOverBare: paired(importTimes.empty, importTimes.bare),
  packageOverEmpty: paired(importTimes.package, importTimes.empty),
  largeOverEmpty: paired(importTimes.large, importTimes.empty),
  enlarged,
  loaded,
  thirdParty
}

// 3. check against build on the seed.
log(`check vs build on the seed: ${options.checkRuns} runs each`)
const seedRoot = mkdtempSync(join(os.tmpdir(), 'khojaly-bench-seed-'))
cpSync(join(projectRoot, 'sources'), join(seedRoot, 'sources'), { recursive: true })
const seedRuns = { check: [], build: [] }
try {
  for (const mode of ['check', 'build']) runNode([child, mode, seedRoot, projectRoot]) // warm-up; not counted
  for (let r = 0; r < options.checkRuns; r++) {
    for (const mode of r % 2 === 0 ? ['check', 'build'] : ['build', 'check']) seedRuns[mode].push(runNode([child, mode, seedRoot, projectRoot]))
  }
} finally {
  rmSync(seedRoot, { recursive: true, force: true })
}
const seedFigure = (mode, key) => stats(seedRuns[mode].map((run) => run[key]))
const seedCost = Object.fromEntries(
  ['check', 'build'].map((mode) => [
    mode,
    {
      wall: seedFigure(mode, 'wallMs'),
      cpu: seedFigure(mode, 'cpuMs'),
      run: stats(seedRuns[mode].map((run) => run.report.runMs)),
      rss: seedFigure(mode, 'rssMb')
    }
  ])
)

// 5. The explorer page (bench/explorer.mjs).
const explorer = env.BENCH_EXPLORER === '0' ? undefined : await benchExplorer({ projectRoot, log })

const loadAfter = loadAverage()
const elapsed = (performance.now() - t0) / 1000
log(`done in ${elapsed.toFixed(0)} s`)
writeFileSync(options.out, report())
log(`wrote ${relative(process.cwd(), options.out) || options.out}`)

function report() {
  const pass = (ok) => (ok ? '**pass**' : '**FAIL**')
  // A noisy target is judged on every estimate given: pass only when all of them meet it,
  // fail when none does, and say so when they disagree (load during the run), never pick one.
  const verdict = (oks) =>
    oks.every(Boolean) ? '**pass**' : oks.some(Boolean) ? '**unclear**: the estimates disagree (load during the run); see below' : '**FAIL**'
  const s = (x) => show({ median: x.median / 1000, min: x.min / 1000, max: x.max / 1000 }, 2, ' s')
  const mb = (x) => show(x, 0, ' MB')
  const largest = scaling[scaling.length - 1]
  const at = (n) => scaling.find((row) => row.n === n)
  const lines = []
  lines.push('# Benchmarks', '')
  lines.push(
    'Written by `npm run bench` (bench/run.mjs); do not edit by hand. Every figure is the median of the runs, with the minimum and maximum in brackets. Speed is measured here and never asserted in a test.',
    ''
  )
  lines.push('## Machine', '')
  lines.push('| | |', '|---|---|')
  lines.push(
    `| CPU | ${host.cpu} |`,
    `| Cores | ${host.cores} |`,
    `| Memory | ${host.memoryGb.toFixed(1)} GB |`,
    `| OS | ${host.os} |`,
    `| Node | ${host.node} |`,
    `| Date | ${host.date} |`
  )
  lines.push(`| Load average (1/5/15 min) | ${loadBefore} at the start, ${loadAfter} at the end |`)
  lines.push(`| Bench time | ${(elapsed / 60).toFixed(1)} min |`, '')
  lines.push(
    'The machine is a shared virtual machine: other work ran beside the bench, so wall times carry noise (see the load average and the min–max spread). Measurements are taken in alternation (floor and build, bare node and import, check and build) so that both sides of a comparison see the same conditions. CPU time (user + system, every thread, so it includes V8’s helper threads for garbage collection and compilation) is given beside wall time as a less noisy second view.',
    ''
  )

  lines.push('## 1. Build scaling', '')
  lines.push(
    `Corpus: N copies of the annotated overlays of sources/ (${seed.overlays.map((o) => `\`${o.overlayName}\``).join(', ')}, each with its verbatim text), generated on the fly in a temporary folder by bench/corpus.mjs and removed afterwards: each copy has its own source id, its own verbatim file name and every directive id (\`{#id …}\`) and id reference (\`by=<id>\`) suffixed (\`-c<k>\`). The record of acts (\`sources/record/\`, \`sources/citations.yaml\`) and the checks on it are carried once; each copy gets its own copy of the checks on the seed's reports, figures, instruments and corrections, in a file of its own (\`sources/checks/<k>.yaml\`). Besides what the floor parses, the full build reads that YAML and writes the SQLite database, the workbook and the explorer page.`,
    '',
    `Full build: \`build({ root })\` of the compiled pipeline (dist/pipeline/build.js): read, parse, align, extract, recognize, validate, render and write dist-data/, schemas/ and docs/. Floor: \`unified().use(remarkParse).use(remarkDirective).parse()\` of the same overlays (read from disk, in the same order) and nothing else. Both run in a fresh process (\`node bench/child.mjs build|floor <root>\`); wall time is from spawn to exit, so it includes Node’s start and the imports (the pipeline imports more than the floor; at N = 1000 that is under 1% of the time). Peak RSS: maximum resident set size of the process (${hasGnuTime ? 'GNU time' : 'process.resourceUsage().maxRSS'}). ${options.runs} runs of each per N, floor and build alternating.`,
    ''
  )
  lines.push(
    '| N | corpus (overlays) | records | build wall | floor wall | build ÷ floor (wall) | build CPU | floor CPU | build ÷ floor (CPU) | build peak RSS | floor peak RSS |'
  )
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const row of scaling) {
    const recordCount = row.records ? Object.values(row.records).reduce((a, b) => a + b, 0) : '?'
    lines.push(
      `| ${row.n} | ${(row.bytes / 1e6).toFixed(2)} MB (${(row.overlayBytes / 1e6).toFixed(2)} MB) | ${recordCount} | ${s(row.build.wall)} | ${s(row.floor.wall)} | ${(row.build.wall.median / row.floor.wall.median).toFixed(2)} | ${s(row.build.cpu)} | ${s(row.floor.cpu)} | ${(row.build.cpu.median / row.floor.cpu.median).toFixed(2)} | ${mb(row.build.rss)} | ${mb(row.floor.rss)} |`
    )
  }
  lines.push('')
  lines.push('| Target | Measured | |', '|---|---:|---|')
  if (at(1000)) {
    const ratio = at(1000).build.wall.median / at(1000).floor.wall.median
    const fastest = at(1000).build.wall.min / at(1000).floor.wall.min
    lines.push(
      `| Full build at N = 1000 at most 1.5 × the floor (wall: ratio of the medians; median of each round's build ÷ the floor beside it, with min–max; fastest build ÷ fastest floor) | ${ratio.toFixed(2)} ×; ${show(at(1000).pairedRatio, 2, ' ×')}; ${fastest.toFixed(2)} × | ${verdict([ratio <= 1.5, at(1000).pairedRatio.median <= 1.5, fastest <= 1.5])} |`
    )
  } else lines.push(`| Full build at N = 1000 at most 1.5 × the floor | not measured (BENCH_SIZES=${options.sizes.join(',')}) | |`)
  if (at(1000) && at(100)) {
    const growth = at(1000).build.wall.median / at(100).build.wall.median
    lines.push(`| time(1000) ÷ time(100) ≤ 11 (full build, wall, medians) | ${growth.toFixed(2)} | ${pass(growth <= 11)} |`)
    const floorGrowth = at(1000).floor.wall.median / at(100).floor.wall.median
    lines.push(`| (the floor's own time(1000) ÷ time(100), for comparison) | ${floorGrowth.toFixed(2)} | |`)
  } else lines.push('| time(1000) ÷ time(100) ≤ 11 | not measured | |')
  if (at(1000))
    lines.push(
      `| Peak RSS of the full build at N = 1000 under 400 MB (median; max in brackets) | ${at(1000).build.rss.median.toFixed(0)} MB (max ${at(1000).build.rss.max.toFixed(0)} MB) | ${pass(at(1000).build.rss.max < 400)} |`
    )
  else lines.push(`| Peak RSS at N = 1000 under 400 MB | not measured; largest N = ${largest.n}: ${largest.build.rss.median.toFixed(0)} MB | |`)
  lines.push('')
  if (at(1000)) {
    lines.push(
      'A run at N = 1000 takes 30–150 s. Load from elsewhere on the machine comes and goes on that scale, so the medians of the two sides can come from different conditions. The paired ratio and the ratio of the fastest runs are less swayed by that. A target judged on several estimates passes only when all of them meet it.',
      ''
    )
  }

  lines.push('## 2. Import cost of the data entry', '')
  const grown = Object.entries(importCost.enlarged)
    .map(([name, e]) => `${name} ${e.before} → ${e.after} records (${(e.bytesBefore / 1024).toFixed(0)} → ${(e.bytesAfter / 1024).toFixed(0)} KiB)`)
    .join(', ')
  lines.push(
    `Four commands, ${options.importRuns} runs each, in an order that rotates every round, after 3 unmeasured runs of each to warm the file cache; wall time from spawn to exit: \`node -e 0\`; the import of an empty ES module (what any \`import()\` costs, since it starts Node’s ES module loader); \`node -e "import('khojaly-recognition')"\` (the package’s self-reference from the project root, resolving to dist/index.js); and the same data entry in a copy of the package whose record is ${largeRecordFactor} times larger (${grown}). The targets are on the import’s cost above the empty module’s.`,
    ''
  )
  lines.push('| Command | median | min | lower quartile | upper quartile | max |', '|---|---:|---:|---:|---:|---:|')
  const importRow = (label, s) =>
    `| ${label} | ${s.median.toFixed(1)} ms | ${s.min.toFixed(1)} ms | ${s.p25.toFixed(1)} ms | ${s.p75.toFixed(1)} ms | ${s.max.toFixed(1)} ms |`
  lines.push(importRow('`node -e 0`', importCost.bare))
  lines.push(importRow('`node -e "import(\'<empty module>\')"`', importCost.empty))
  lines.push(importRow('`node -e "import(\'khojaly-recognition\')"`', importCost.withImport))
  lines.push(importRow(`the data entry with a record ${largeRecordFactor} × larger`, importCost.large))
  lines.push('')
  const overEmpty = (s) => s.median - importCost.empty.median
  lines.push('| Target | Measured (difference of the medians; median of the differences within each round) | |', '|---|---:|---|')
  lines.push(
    `| The data entry: at most 10 ms above the empty module | ${overEmpty(importCost.withImport).toFixed(1)} ms; ${importCost.packageOverEmpty.median.toFixed(1)} ms | ${verdict([overEmpty(importCost.withImport) <= 10, importCost.packageOverEmpty.median <= 10])} |`
  )
  lines.push(
    `| With a record ${largeRecordFactor} × larger: at most 20 ms above the empty module | ${overEmpty(importCost.large).toFixed(1)} ms; ${importCost.largeOverEmpty.median.toFixed(1)} ms | ${verdict([overEmpty(importCost.large) <= 20, importCost.largeOverEmpty.median <= 20])} |`
  )
  lines.push(
    `| (the empty module above \`node -e 0\`, for reference) | ${(importCost.empty.median - importCost.bare.median).toFixed(1)} ms; ${importCost.emptyOverBare.median.toFixed(1)} ms | |`
  )
  lines.push(
    `| (the data entry above the empty module: difference of the lower quartiles; of the upper quartiles) | ${(importCost.withImport.p25 - importCost.empty.p25).toFixed(1)} ms; ${(importCost.withImport.p75 - importCost.empty.p75).toFixed(1)} ms | |`
  )
  lines.push(
    `| The data entry loads no third-party module | ${importCost.thirdParty.length === 0 ? 'none' : importCost.thirdParty.join(', ')} | ${pass(importCost.thirdParty.length === 0)} |`
  )
  lines.push(
    '',
    `On this machine the wall time of a fresh process sometimes falls into two modes about 40 ms apart, whatever the command. When the runs split between them, the quartiles of \`node -e 0\` lie far apart, the median can land on either side of the gap, and the difference of the medians moves by ±10 ms from one run of the bench to the next; the quartile differences then compare like with like within one mode. In this run the quartiles of \`node -e 0\` are ${(importCost.bare.p75 - importCost.bare.p25).toFixed(1)} ms apart: ${importCost.bare.p75 - importCost.bare.p25 > 20 ? 'the runs split between the modes' : 'the runs stayed in one mode'}.`
  )
  lines.push('')
  lines.push(
    `Modules the import resolves (recorded by a resolve hook, bench/record-modules.mjs): ${importCost.loaded.map((url) => `\`${url.startsWith('file:') ? relative(projectRoot, fileURLToPath(url)) : url}\``).join(', ')}.`,
    ''
  )

  lines.push('## 3. check against build on the seed', '')
  lines.push(
    `\`check({ root })\` and \`build({ root })\` on a copy of sources/, each in a fresh process, ${options.checkRuns} runs each, alternating. “After imports” is the time of the call itself.`,
    ''
  )
  lines.push('| Command | wall | after imports | CPU | peak RSS |', '|---|---:|---:|---:|---:|')
  for (const mode of ['check', 'build']) {
    const c = seedCost[mode]
    lines.push(`| ${mode} | ${show(c.wall, 0, ' ms')} | ${show(c.run, 0, ' ms')} | ${show(c.cpu, 0, ' ms')} | ${mb(c.rss)} |`)
  }
  lines.push('')
  lines.push('| Target | Measured | |', '|---|---:|---|')
  lines.push(
    `| check costs no more than build (medians: wall; time after imports) | ${seedCost.check.wall.median.toFixed(0)} ms vs ${seedCost.build.wall.median.toFixed(0)} ms; ${seedCost.check.run.median.toFixed(0)} ms vs ${seedCost.build.run.median.toFixed(0)} ms | ${pass(seedCost.check.wall.median <= seedCost.build.wall.median && seedCost.check.run.median <= seedCost.build.run.median)} |`
  )
  lines.push(
    '',
    'check and build run the same steps over every source (`processSources`); check keeps the records in memory to return them, build appends them to its output files and then writes the checks, timeline, Data Package, schemas and docs, so check should cost no more; a reversed median would be noise.',
    ''
  )

  lines.push('## 4. Profile, fixes, before and after', '')
  // One round per profile-and-fix pass: bench/round-<k>.fixes.md (written by hand: what the
  // profile showed and what changed) and bench/round-<k>.measured.md (bench/before-after.mjs).
  for (let round = 1; existsSync(join(projectRoot, `bench/round-${round}.fixes.md`)); round++) {
    const measured = join(projectRoot, `bench/round-${round}.measured.md`)
    lines.push(readFileSync(join(projectRoot, `bench/round-${round}.fixes.md`), 'utf8').trim(), '')
    lines.push(`#### Round ${round}: before and after`, '')
    lines.push(
      existsSync(measured)
        ? readFileSync(measured, 'utf8').trim()
        : `Not measured yet: run \`BENCH_ROUND=${round} node bench/before-after.mjs <old tree or git revision>\`.`,
      ''
    )
  }
  if (explorer) lines.push(explorer.markdown, '')
  lines.push('## Reproducing', '')
  lines.push(
    '`npm run bench` (about 20 minutes on the machine above; N = 1000 takes most of it). Quick look: `BENCH_SIZES=1,10,100 BENCH_RUNS=5 npm run bench`. A CPU profile of one build: `node --cpu-prof --cpu-prof-dir=prof bench/child.mjs build <root>`, summarized by stage with `node bench/profile-summary.mjs prof/*.cpuprofile`; a corpus to profile: `node bench/make-corpus.mjs <N>`.',
    ''
  )
  return `${lines.join('\n')}\n`
}
