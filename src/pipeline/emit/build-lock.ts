/**
 * One build at a time: an exclusive lock file beside the output (`.khojaly-build.lock` in the
 * project root), naming its owner (process id, host, thread, start). A build that finds the
 * lock held by a live process is refused; a lock whose owner is dead (killed, crashed) is
 * taken over. The lock is made whole before it appears (written to a file of its own, then
 * hard-linked into place), so a reader never sees half an owner; a takeover is guarded by a
 * second lock named after the dead owner, so two builds that find the same dead lock cannot
 * both take it over. A process id that is alive but whose start time differs from the one
 * recorded is a reused id: its owner is dead.
 */
import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'

/** Name of the lock file in the project root. */
export const lockFileName = '.khojaly-build.lock'
/** Prefix of every name the build leaves beside its outputs while it runs (lock, journal, staging). */
export const buildFilePrefix = '.khojaly-build.'

/** Who holds a lock or wrote a journal. */
export interface Owner {
  pid: number
  host: string
  thread: number
  /** The process's start as the kernel counts it (/proc), when known: it tells a reused process id. */
  start: string | null
  /** Unique to this owner. */
  token: string
  /** When it started (ISO 8601), for the message. */
  since: string
}

/** Tokens of the locks this thread holds now. */
const held = new Set<string>()

/** The start time of process `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat); null where there is no /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    // The command name (field 2) is in parentheses and may hold spaces: count the fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

/** An owner for this process and thread, with a fresh token. */
export function newOwner(): Owner {
  return {
    pid: process.pid,
    host: hostname(),
    thread: threadId,
    start: processStart(process.pid),
    token: `${process.pid}-${randomBytes(6).toString('hex')}`,
    since: new Date().toISOString()
  }
}

/**
 * Whether `owner` may still be running. Another host's process cannot be asked, so it counts
 * as alive; in this process, another thread counts as alive and this thread only while it holds
 * the lock.
 */
export function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true
  if (owner.pid === process.pid) return owner.thread !== threadId || held.has(owner.token)
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    // EPERM: the process exists but is another user's.
    if ((error as { code?: string }).code !== 'EPERM') return false
  }
  const start = processStart(owner.pid)
  return owner.start === null || start === null || start === owner.start
}

/** Parses an owner written by `newOwner`; undefined when the text is not one. */
export function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>
    if (typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.host === 'string')
      return { thread: 0, start: null, since: '', ...value } as Owner
  } catch {
    // not an owner
  }
  return undefined
}

/** The owner written in the file at `path`; undefined when it is missing or not an owner. */
function ownerAt(path: string): Owner | undefined {
  try {
    return parseOwner(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

/** Creates `path` holding `owner`, whole, only if nothing is there: false when something is. */
function createExclusive(path: string, draft: string): boolean {
  try {
    linkSync(draft, path)
    return true
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false
    throw error
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** A lock held by this thread. */
export class BuildLock {
  constructor(
    readonly path: string,
    readonly owner: Owner
  ) {}

  /** Releases the lock: removes the file, if it is still this owner's. */
  release(): void {
    held.delete(this.owner.token)
    if (ownerAt(this.path)?.token === this.owner.token) unlinkSync(this.path)
  }
}

/** The lock, or who holds it. */
export type LockResult = { ok: true; lock: BuildLock } | { ok: false; path: string; holder: Owner | undefined }

/** Takes the lock of the project root `root`, taking it over from a dead owner; refused while a live one holds it. */
export function acquireBuildLock(root: string): LockResult {
  const path = join(root, lockFileName)
  const owner = newOwner()
  const draft = `${path}.${owner.token}.new`
  try {
    writeFileSync(draft, `${JSON.stringify(owner)}\n`, { flag: 'wx' })
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') {
      try {
        unlinkSync(draft)
      } catch {
        // nothing was made, or it cannot be removed either: the error below says why
      }
    }
    if (error && typeof error === 'object' && (error as { path?: unknown }).path === undefined) (error as { path?: string }).path = draft
    throw error
  }
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (createExclusive(path, draft)) {
        held.add(owner.token)
        return { ok: true, lock: new BuildLock(path, owner) }
      }
      const holder = ownerAt(path)
      // A file that names no owner was not made by a build (they are written whole): nobody holds it.
      if (holder && isAlive(holder)) return { ok: false, path, holder }
      if (!removeIfStill(path, holder?.token, draft)) pause(5)
    }
    return { ok: false, path, holder: ownerAt(path) }
  } finally {
    unlinkSync(draft)
  }
}

/**
 * Removes the file at `path` if it still names the dead owner `token` (undefined: a file
 * naming no owner), under a guard that only one process can hold; true when the way is clear
 * to try again, false when another process is taking it over now.
 */
function removeIfStill(path: string, token: string | undefined, draft: string): boolean {
  const guard = `${path}.${token ?? 'unowned'}.takeover`
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(guard, draft)) {
      try {
        if (ownerAt(path)?.token === token) unlinkRemoved(path)
      } finally {
        unlinkRemoved(guard)
      }
      return true
    }
    const guardOwner = ownerAt(guard)
    if (guardOwner && isAlive(guardOwner)) {
      pause(5)
      continue
    }
    // The guard's owner died while taking over: its guard is removed the same way, one level down.
    removeIfStill(guard, guardOwner?.token, draft)
  }
  return false
}

function unlinkRemoved(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error
  }
}

/** Lock debris of dead owners in `root` (drafts and takeover guards): removed by the lock's holder. */
export function removeDeadLockDebris(root: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(`${lockFileName}.`) || !(name.endsWith('.new') || name.endsWith('.takeover'))) continue
    const owner = ownerAt(join(root, name))
    if (!owner || !isAlive(owner)) unlinkRemoved(join(root, name))
  }
}

/** The one line that says who holds the lock. */
export function describeHolder(holder: Owner | undefined): string {
  if (!holder) return 'another build'
  const since = holder.since ? ` since ${holder.since}` : ''
  return `the build of process ${holder.pid} on ${holder.host}${since}`
}
