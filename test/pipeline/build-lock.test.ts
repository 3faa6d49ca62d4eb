/**
 * The lock beside the output: refused while its owner lives, taken over when it is dead (an
 * exited process, a reused process id, a file no build wrote), never taken over by two at
 * once; and recovery, which touches only the debris of dead owners.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { acquireBuildLock, lockFileName } from '../../src/pipeline/emit/build-lock.js'
import { recoverOutputs } from '../../src/pipeline/emit/write-output.js'
import { leftovers } from '../helpers/outputs.js'
import { copyBuildFixture, removeTemporaryDirs, temporaryDir } from '../helpers/rule-fixtures.js'

const sleepers: ChildProcess[] = []
afterAll(() => {
  for (const p of sleepers) p.kill('SIGKILL')
  removeTemporaryDirs()
})

/** A process that lives until killed. */
function sleeper(): ChildProcess {
  const proc = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  sleepers.push(proc)
  return proc
}

/** The id of a process that has ended. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(run.stdout)
}

/** A lock file as another build would write it, owned by `pid`. */
function writeLock(root: string, owner: Record<string, unknown>): void {
  writeFileSync(
    join(root, lockFileName),
    JSON.stringify({ host: hostname(), thread: 0, start: null, token: `${owner.pid}-abcdef`, since: '2026-01-01T00:00:00.000Z', ...owner })
  )
}

function fixtureRoot(): string {
  const root = temporaryDir()
  copyBuildFixture('minimal', root)
  return root
}

const lockRule = (root: string) =>
  build({ root })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.ruleId)

describe('the build lock', () => {
  it('a lock whose process has ended is taken over: the build runs, and leaves no lock', () => {
    const root = fixtureRoot()
    writeLock(root, { pid: deadPid() })
    expect(build({ root }).ok).toBe(true)
    expect(existsSync(join(root, lockFileName))).toBe(false)
    expect(leftovers(root)).toEqual([])
  })

  it('a lock whose process lives is refused, naming it; taken over once the process is gone', async () => {
    const root = fixtureRoot()
    const live = sleeper()
    writeLock(root, { pid: live.pid })
    const refused = build({ root })
    expect(refused.diagnostics.map((d) => d.ruleId)).toEqual(['output-locked'])
    expect(refused.diagnostics[0]!.message).toContain(`process ${live.pid} on ${hostname()} since 2026-01-01`)
    expect(existsSync(join(root, 'dist-data'))).toBe(false)
    await new Promise((done) => {
      live.on('exit', done)
      live.kill('SIGKILL')
    })
    expect(build({ root }).ok).toBe(true)
  })

  it('a live process id whose start time differs from the one recorded is a reused id: taken over', () => {
    const root = fixtureRoot()
    const live = sleeper()
    writeLock(root, { pid: live.pid, start: '1' })
    // Only where /proc tells the start of a process; elsewhere the id counts as alive.
    const expected = existsSync(`/proc/${live.pid}/stat`) ? [] : ['output-locked']
    expect(lockRule(root)).toEqual(expected)
  })

  it('a lock of another host is refused (its process cannot be asked), and so is one of another thread of this process', () => {
    const root = fixtureRoot()
    writeLock(root, { pid: deadPid(), host: 'another-host.example' })
    expect(lockRule(root)).toEqual(['output-locked'])
    writeLock(root, { pid: process.pid, thread: 99 })
    expect(lockRule(root)).toEqual(['output-locked'])
  })

  it('a lock file that names no owner (not written by a build) is taken over', () => {
    const root = fixtureRoot()
    writeFileSync(join(root, lockFileName), 'garbage')
    expect(build({ root }).ok).toBe(true)
    expect(leftovers(root)).toEqual([])
  })

  it('the takeover guard of a builder that died while taking over is itself taken over', () => {
    const root = fixtureRoot()
    writeLock(root, { pid: deadPid() })
    const token = JSON.parse(readFileSync(join(root, lockFileName), 'utf8')).token
    writeFileSync(
      join(root, `${lockFileName}.${token}.takeover`),
      JSON.stringify({ pid: deadPid(), host: hostname(), thread: 0, start: null, token: 'x-1', since: '' })
    )
    expect(build({ root }).ok).toBe(true)
    expect(leftovers(root)).toEqual([])
  })

  it('eight processes taking over one dead lock at once: never two holders at a time', async () => {
    const root = fixtureRoot()
    writeLock(root, { pid: deadPid() })
    const lockModule = new URL('../../dist/pipeline/emit/build-lock.js', import.meta.url).href
    const script = `
      const { acquireBuildLock } = await import(${JSON.stringify(lockModule)})
      const deadline = Date.now() + 3000
      for (;;) {
        const taken = acquireBuildLock(${JSON.stringify(root)})
        if (taken.ok) {
          const start = Date.now()
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
          const end = Date.now()
          taken.lock.release()
          console.log(JSON.stringify({ start, end }))
          break
        }
        if (Date.now() > deadline) break
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
      }`
    const runs = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<string>((done) => {
            const proc = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
            let out = ''
            proc.stdout.on('data', (c) => (out += c))
            proc.on('close', () => done(out))
          })
      )
    )
    const held = runs
      .filter((out) => out.trim() !== '')
      .map((out) => JSON.parse(out) as { start: number; end: number })
      .sort((a, b) => a.start - b.start)
    expect(held.length, 'every process got the lock in turn').toBe(8)
    for (let i = 1; i < held.length; i++) expect(held[i]!.start, 'held one after another').toBeGreaterThanOrEqual(held[i - 1]!.end)
    expect(leftovers(root)).toEqual([])
  })

  it('this thread cannot take the lock twice: the second is refused until the first is released', () => {
    const root = fixtureRoot()
    const first = acquireBuildLock(root)
    expect(first.ok).toBe(true)
    expect(acquireBuildLock(root).ok).toBe(false)
    if (first.ok) first.lock.release()
    const again = acquireBuildLock(root)
    expect(again.ok).toBe(true)
    if (again.ok) again.lock.release()
  })
})

describe('recovery touches only the debris of dead owners', () => {
  /** A journal as a build in progress writes it: one folder staged beside dist-data/. */
  const journalOf = (root: string, pid: number) => {
    const token = `${pid}-0123456789ab`
    const staged = join(root, `dist-data.staging-${token}`)
    mkdirSync(staged)
    writeFileSync(join(staged, 'acts.json'), '{"half": ')
    const owner = { pid, host: hostname(), thread: 0, start: null, token, since: '' }
    const entry = { kind: 'folder', target: join(root, 'dist-data'), staged, backup: join(root, `dist-data.previous-${token}`), existed: true }
    writeFileSync(join(root, `.khojaly-build.${token}.journal`), JSON.stringify({ owner, state: 'staging', entries: [entry] }))
    return staged
  }

  it("a live build's staging folder and journal are left alone; a dead one's are removed", () => {
    const root = fixtureRoot()
    expect(build({ root }).ok).toBe(true)
    const live = sleeper()
    const liveStaged = journalOf(root, live.pid!)
    const deadStaged = journalOf(root, deadPid())
    recoverOutputs(root)
    expect(existsSync(liveStaged)).toBe(true)
    expect(existsSync(join(root, `.khojaly-build.${live.pid}-0123456789ab.journal`))).toBe(true)
    expect(existsSync(deadStaged)).toBe(false)
    expect(existsSync(join(root, 'dist-data', 'acts.json'))).toBe(true)
  })
})
