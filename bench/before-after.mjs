/**
 * `BENCH_ROUND=<k> node bench/before-after.mjs <before>`: measures the build before and after
 * round k of fixes and writes bench/round-<k>.measured.md, which `npm run bench` copies into
 * BENCHMARKS.md beside bench/round-<k>.fixes.md.
 *
 * <before> is either a folder holding a compiled tree of the old code (its dist/, package.json
 * and a node_modules) or a git revision, which is exported with `git archive` into a temporary
 * folder and compiled there with this project's TypeScript and node_modules.
 *
 * For each N (BENCH_SIZES, default 100,1000), BENCH_RUNS (default 5) rounds of: floor, old
 * build, new build, in rotating order, each in a fresh process. Then one CPU profile of each
 * build at N = BENCH_PROFILE_N (default 100), summarized by stage.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCorpus, readSeed, removeCorpus } from './corpus.mjs'
import { compile, loadAverage, machine, runNode, show, stats } from './measure.mjs'
import { summarize } from './profile-summary.mjs'

const projectRoot = fileURLToPath(new URL('..', import.meta.url))
const [beforeArgument] = process.argv.slice(2)
if (!beforeArgument) {
  console.error('usage: node bench/before-after.mjs <folder with the old compiled tree | git revision>')
  process.exit(2)
}
const sizes = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const profileN = Number(process.env.BENCH_PROFILE_N ?? 100)
const round = Number(process.env.BENCH_ROUND ?? 1)
const child = join(projectRoot, 'bench/child.mjs')
const t0 = performance.now()
const log = (message) => process.stderr.write(`[before-after ${((performance.now() - t0) / 1000).toFixed(0)}s] ${message}\n`)
const scratch = mkdtempSync(join(os.tmpdir(), 'khojaly-before-after-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

let beforeRoot = beforeArgument
let beforeLabel = beforeArgument
if (!existsSync(join(beforeArgument, 'dist/pipeline/build.js'))) {
  const revision = execFileSync('git', ['rev-parse', '--short', beforeArgument], { cwd: projectRoot, encoding: 'utf8' }).trim()
  beforeRoot = join(scratch, 'before')
  log(`exporting ${revision} to ${beforeRoot}`)
  execFileSync('sh', ['-c', `mkdir -p "${beforeRoot}" && git archive ${revision} | tar -x -C "${beforeRoot}"`], { cwd: projectRoot })
  symlinkSync(join(projectRoot, 'node_modules'), join(beforeRoot, 'node_modules'))
  execFileSync(join(projectRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: beforeRoot, stdio: 'inherit' })
  beforeLabel = `commit ${revision}`
}
if (process.env.BENCH_COMPILE !== '0') compile(projectRoot)
const host = machine()
const loadBefore = loadAverage()
const seed = readSeed(join(projectRoot, 'sources'))
const variants = { floor: null, before: beforeRoot, after: projectRoot }

const rows = []
for (const n of sizes) {
  const corpus = makeCorpus(seed, n)
  const measured = { floor: [], before: [], after: [] }
  try {
    for (let r = 0; r < runs; r++) {
      const order = ['floor', 'before', 'after']
      for (let k = 0; k < r % 3; k++) order.push(order.shift())
      for (const name of order) {
        const run = runNode(name === 'floor' ? [child, 'floor', corpus.root] : [child, 'build', corpus.root, variants[name]])
        measured[name].push(run)
        log(`N=${n} run ${r + 1}/${runs} ${name}: ${(run.wallMs / 1000).toFixed(2)} s, ${run.rssMb.toFixed(0)} MB`)
      }
    }
  } finally {
    removeCorpus(corpus.root)
  }
  const figure = (name, key) => stats(measured[name].map((run) => run[key]))
  rows.push({
    n,
    ...Object.fromEntries(Object.keys(measured).map((name) => [name, { wall: figure(name, 'wallMs'), cpu: figure(name, 'cpuMs'), rss: figure(name, 'rssMb') }]))
  })
}

log(`CPU profiles at N=${profileN}`)
const profiles = {}
{
  const corpus = makeCorpus(seed, profileN)
  try {
    for (const name of ['before', 'after']) {
      const dir = join(scratch, `profile-${name}`)
      runNode(['--cpu-prof', `--cpu-prof-dir=${dir}`, child, 'build', corpus.root, variants[name]])
      profiles[name] = summarize(join(dir, readdirSync(dir)[0]))
    }
  } finally {
    removeCorpus(corpus.root)
  }
}

const lines = []
const s = (x) => show({ median: x.median / 1000, min: x.min / 1000, max: x.max / 1000 }, 2, ' s')
const mb = (x) => show(x, 0, ' MB')
lines.push(
  `Measured by \`node bench/before-after.mjs\` on ${host.date} (${host.cpu}, ${host.cores} cores, Node ${host.node}; load average ${loadBefore} at the start, ${loadAverage()} at the end). Before: ${beforeLabel === beforeArgument ? 'the pipeline without the fixes below' : beforeLabel}; after: this tree. ${runs} runs of each per N in rotating order, each in a fresh process; median (min–max).`,
  ''
)
lines.push('| N | floor wall | before: wall | after: wall | before ÷ floor | after ÷ floor | before: CPU | after: CPU | before: peak RSS | after: peak RSS |')
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const row of rows) {
  lines.push(
    `| ${row.n} | ${s(row.floor.wall)} | ${s(row.before.wall)} | ${s(row.after.wall)} | ${(row.before.wall.median / row.floor.wall.median).toFixed(2)} | ${(row.after.wall.median / row.floor.wall.median).toFixed(2)} | ${s(row.before.cpu)} | ${s(row.after.cpu)} | ${mb(row.before.rss)} | ${mb(row.after.rss)} |`
  )
}
lines.push('')
lines.push(
  `Where the time goes: one CPU profile (\`node --cpu-prof\`) of each build at N = ${profileN}, main thread, by pipeline stage (the outermost pipeline function on the sampled stack; bench/profile-summary.mjs). Garbage collection is counted apart from the stage that caused it.`,
  ''
)
const stageNames = [...new Set([...profiles.before.byStage, ...profiles.after.byStage].map(([name]) => name))]
const timeOf = (profile, name) => profile.byStage.find(([stage]) => stage === name)?.[1] ?? 0
stageNames.sort((a, b) => timeOf(profiles.before, b) - timeOf(profiles.before, a))
lines.push('| Stage | before | after |', '|---|---:|---:|')
const cell = (profile, name) => `${(timeOf(profile, name) / 1000).toFixed(0)} ms (${((100 * timeOf(profile, name)) / profile.total).toFixed(1)}%)`
for (const name of stageNames.filter((name) => timeOf(profiles.before, name) + timeOf(profiles.after, name) >= 20000))
  lines.push(`| ${name} | ${cell(profiles.before, name)} | ${cell(profiles.after, name)} |`)
lines.push(`| total sampled | ${(profiles.before.total / 1000).toFixed(0)} ms | ${(profiles.after.total / 1000).toFixed(0)} ms |`, '')
const out = `bench/round-${round}.measured.md`
writeFileSync(join(projectRoot, out), `${lines.join('\n')}\n`)
log(`wrote ${out}`)
