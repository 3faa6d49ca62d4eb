/**
 * Measuring helpers shared by the bench scripts: run a command in a fresh process and take
 * its wall time, CPU time and peak RSS; summarize runs; describe the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'

const timeBinary = '/usr/bin/time'
export const hasGnuTime = existsSync(timeBinary) && spawnSync(timeBinary, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0
const scratch = mkdtempSync(join(os.tmpdir(), 'khojaly-bench-time-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

/**
 * Runs `node args…` in a fresh process. Returns wall time (ms, spawn to exit, measured here),
 * CPU time (user + system, ms, every thread of the child), peak RSS (MB) and the child's
 * stdout. Peak RSS comes from GNU time when present, else from the child's own report.
 */
export function runNode(args, { cwd, env } = {}) {
  const timeFile = join(scratch, 'time.txt')
  const command = hasGnuTime ? timeBinary : process.execPath
  const commandArgs = hasGnuTime ? ['-o', timeFile, '-f', '%e %U %S %M', process.execPath, ...args] : args
  const started = process.hrtime.bigint()
  const result = spawnSync(command, commandArgs, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`)
  let report
  try {
    report = JSON.parse(result.stdout.trim().split('\n').pop())
  } catch {
    report = undefined
  }
  let cpuMs
  let rssMb
  if (hasGnuTime) {
    const [, user, system, maxRssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
    cpuMs = (user + system) * 1000
    rssMb = maxRssKb / 1024
  } else {
    cpuMs = report?.cpuMs
    rssMb = report?.maxRssKb !== undefined ? report.maxRssKb / 1024 : undefined
  }
  return { wallMs, cpuMs, rssMb, report }
}

/** Median, min and max of numbers. */
export function stats(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  // Quartiles (nearest rank): they show when the runs fall into separate modes around the median.
  const quartile = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
  return { median, min: sorted[0], max: sorted[sorted.length - 1], p25: quartile(0.25), p75: quartile(0.75), runs: sorted.length }
}

/** "median (min–max)" with a unit and fixed decimals. */
export function show(s, decimals = 0, unit = '') {
  const f = (v) => v.toFixed(decimals)
  return `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})`
}

/** What the benchmark ran on. */
export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu
  } catch {}
  let osName = `${os.type()} ${os.release()}`
  try {
    osName = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName
  } catch {}
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${osName} (${os.type()} ${os.release()}, ${os.arch()})`,
    node: process.version,
    date: new Date().toISOString()
  }
}

/** Load averages (1, 5, 15 min) as text. */
export function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')
}

/** Compiles the TypeScript sources (`npm run compile`). */
export function compile(root) {
  execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root, stdio: 'inherit' })
}
