/**
 * Writes a build's outputs all at once or not at all. Every emitter registers what it writes
 * with one manifest (`StagedOutputs`): whole folders (dist-data/, schemas/) are written into a
 * staging folder beside each, single files that sit beside hand-written ones (the generated
 * docs in docs/, README.md, CITATION.cff) into a staging file beside each, every one read back
 * and compared. Only then is everything swapped in, folder by folder and file by file (never a
 * folder that also holds hand-written files as a whole, never through a symbolic link). A
 * journal beside the outputs lists every staged path and backup before it exists: a build
 * that dies before the journal says `committed` is rolled back by the next build, one that
 * dies after it is finished. Recovery touches only the debris of builds whose owner is dead.
 * Every name a build leaves carries its owner's token.
 */
import { createHash, type Hash } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats
} from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { RuleId } from '../diagnostics/index.js'
import { buildFilePrefix, isAlive, parseOwner, removeDeadLockDebris, type Owner } from './build-lock.js'
import { readBoundedBytes } from '../parse/read-text-file.js'
import { fileNameKey } from './output-names.js'

/**
 * Test-only: throw after this many files opened (`failAfterWrites`), or kill the process with
 * SIGKILL at a point of the commit (`crashAt`: `staged`, before the first swap; `commit-<k>`,
 * after the k-th; `committed`, after the journal says so), to prove that a failure leaves the
 * old output whole and that the next build puts an interrupted one right.
 */
export interface FaultInjection {
  failAfterWrites?: number
  crashAt?: string
}

/**
 * `error` with `path` when it is a file-system error that does not say which file (a write
 * that fails for want of space names none): what the diagnostic needs to say where.
 */
export function withPath(error: unknown, path: string): unknown {
  if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' && (error as { path?: unknown }).path === undefined)
    (error as { path?: string }).path = path
  return error
}

/** A problem of the outputs that the person running the build can act on: it becomes a diagnostic. */
export class OutputError extends Error {
  constructor(
    readonly ruleId: RuleId,
    readonly path: string,
    message: string
  ) {
    super(message)
  }
}

/** Size and SHA-256 (hex) of a file's bytes. */
export interface WrittenFile {
  bytes: number
  sha256: string
}

/**
 * One file of a staging folder, written in pieces: a large output is appended a source at a
 * time instead of being held whole in memory. Its size and hash are kept as it grows, and
 * `close` reads the file back and compares, as a whole-file write does.
 */
export class StagedFile {
  #fd: number | undefined
  readonly #hash: Hash = createHash('sha256')
  #bytes = 0

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true })
    // A new file only: never one that is there already, nor through a link standing in its place.
    this.#fd = openSync(path, 'wx')
  }

  /** Appends `content` (a string is written as UTF-8). */
  append(content: string | Buffer): void {
    if (this.#fd === undefined) throw new Error(`${this.path} is closed`)
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(this.#fd, bytes, done, bytes.length - done)
    } catch (error) {
      throw withPath(error, this.path)
    }
    this.#hash.update(bytes)
    this.#bytes += bytes.length
  }

  /** Closes the file and checks that it reads back as written; returns its size and hash. */
  close(): WrittenFile {
    this.release()
    const written = { bytes: this.#bytes, sha256: this.#hash.digest('hex') }
    const read = hashOfFile(this.path)
    if (read.bytes !== written.bytes || read.sha256 !== written.sha256) throw new Error(`${this.path} does not read back as written`)
    return written
  }

  /** Closes the file descriptor, if still open (on abort). */
  release(): void {
    if (this.#fd !== undefined) closeSync(this.#fd)
    this.#fd = undefined
  }
}

/** Size and hash of a file on disk, read a megabyte at a time. */
function hashOfFile(path: string): WrittenFile {
  const hash = createHash('sha256')
  const chunk = Buffer.allocUnsafe(1 << 20)
  const fd = openSync(path, 'r')
  let bytes = 0
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n))
      bytes += n
    }
  } finally {
    closeSync(fd)
  }
  return { bytes, sha256: hash.digest('hex') }
}

/** One path the manifest replaces: what it is, where its new content is staged, where the old one goes during the swap. */
interface Entry {
  /** A folder replaced whole; a file replaced beside others; a folder made to hold such files. */
  kind: 'folder' | 'file' | 'made-folder'
  target: string
  staged: string
  backup: string
  /** Whether the target was there when the entry was made. */
  existed: boolean
}

/** The journal: who writes, how far the commit got, and every path staged. */
interface Journal {
  owner: Owner
  state: 'staging' | 'committing' | 'committed'
  entries: Entry[]
}

/** The journal as written: its paths relative to the root, so a project moved after a crash is still put right. */
function journalOnDisk(journal: Journal, root: string): Journal {
  const rel = (path: string) => relative(root, path)
  return { ...journal, entries: journal.entries.map((e) => ({ ...e, target: rel(e.target), staged: rel(e.staged), backup: rel(e.backup) })) }
}

const journalPathOf = (root: string, token: string) => join(root, `${buildFilePrefix}${token}.journal`)
const discardOf = (entry: Entry, token: string) => `${entry.target}.discard-${token}`
const lstatOrUndefined = (path: string): Stats | undefined => lstatSync(path, { throwIfNoEntry: false })

/** Where the build writes a folder: it must be a folder or nothing, never a link or a file. */
function checkFolder(path: string): boolean {
  const stat = lstatOrUndefined(path)
  if (!stat) return false
  if (stat.isSymbolicLink())
    throw new OutputError(
      'output-symlink',
      path,
      `${path} is a symbolic link where the build writes a folder; it never writes through a link: put a folder there`
    )
  if (!stat.isDirectory()) throw new OutputError('output-wrong-kind', path, `${path} is a file where the build writes a folder; move it away`)
  return true
}

/**
 * The manifest of a build's outputs: the folders it replaces whole (named, as `dirs` maps
 * them) and the single files it replaces beside hand-written ones; `commit` swaps every one
 * in, `abort` (or any failure) leaves every output as it was and no staged path behind.
 */
export class StagedOutputs {
  #opened = 0
  readonly #files = new Set<StagedFile>()
  readonly #journal: Journal
  readonly #journalPath: string
  readonly #folders = new Map<string, Entry>()

  /** `dirs` maps a folder name to the folder it replaces; the journal goes into `root`, owned by `owner`. */
  constructor(
    readonly root: string,
    readonly dirs: Readonly<Record<string, string>>,
    owner: Owner,
    readonly fault: FaultInjection = {}
  ) {
    this.#journal = { owner, state: 'staging', entries: [] }
    this.#journalPath = journalPathOf(root, owner.token)
    for (const [name, dir] of Object.entries(dirs)) {
      const existed = checkFolder(dir)
      const entry = this.#register({ kind: 'folder', target: dir, staged: `${dir}.staging-${owner.token}`, backup: `${dir}.previous-${owner.token}`, existed })
      mkdirSync(entry.staged)
      this.#folders.set(name, entry)
    }
  }

  /** Starts file `name` of folder `folder` in its staging folder, to be appended to and closed. */
  open(folder: string, name: string): StagedFile {
    const entry = this.#folders.get(folder)
    if (entry === undefined) throw new Error(`no output folder "${folder}"`)
    if (this.fault.failAfterWrites !== undefined && this.#opened >= this.fault.failAfterWrites) throw new Error(`injected failure after ${this.#opened} writes`)
    const file = new StagedFile(join(entry.staged, name))
    this.#opened++
    this.#files.add(file)
    return file
  }

  /** Writes one whole file of folder `folder`; returns its size and hash. */
  write(folder: string, name: string, content: string | Buffer): WrittenFile {
    const file = this.open(folder, name)
    file.append(content)
    return file.close()
  }

  /** The staging folder of folder `folder`, where its files are written until `commit`. */
  folder(folder: string): string {
    const entry = this.#folders.get(folder)
    if (entry === undefined) throw new Error(`no output folder "${folder}"`)
    return entry.staged
  }

  /**
   * Stages the file at `path`, which sits beside files written by hand (docs/, the project
   * root): it is replaced on commit, alone. A file that already holds `content` is left alone.
   * Its folder must be a folder (made when missing), the file a file, and no other file of the
   * folder may have its name but for case (one file on macOS and Windows).
   */
  file(path: string, content: string | Buffer): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    const dir = dirname(path)
    const name = basename(path)
    const token = this.#journal.owner.token
    if (!checkFolder(dir)) {
      const made = this.#register({ kind: 'made-folder', target: dir, staged: dir, backup: dir, existed: false })
      mkdirSync(made.target)
    }
    const twin = readdirSync(dir).find((other) => other !== name && fileNameKey(other) === fileNameKey(name) && !other.startsWith('.'))
    if (twin)
      throw new OutputError(
        'output-name-collision',
        path,
        `${path}: the build writes this file, and ${join(dir, twin)} has the same name but for case or Unicode normalization (one file on macOS and Windows); rename or remove ${twin}`
      )
    const stat = lstatOrUndefined(path)
    if (stat?.isSymbolicLink())
      throw new OutputError('output-symlink', path, `${path} is a symbolic link; the build never writes through a link: put the file itself there`)
    if (stat && !stat.isFile())
      throw new OutputError('output-wrong-kind', path, `${path} is not a file (a folder?) where the build writes a file; move it away`)
    if (stat && stat.size === bytes.length) {
      const read = readBoundedBytes(path, { maxBytes: bytes.length })
      if (read.ok && read.bytes.equals(bytes)) return
    }
    const entry = this.#register({
      kind: 'file',
      target: path,
      staged: join(dir, `.${name}.${token}.staged`),
      backup: join(dir, `.${name}.${token}.previous`),
      existed: stat !== undefined
    })
    const file = new StagedFile(entry.staged)
    this.#files.add(file)
    file.append(bytes)
    file.close()
  }

  /** Removes everything staged; the outputs stay as they were. */
  abort(): void {
    for (const file of this.#files) file.release()
    rollBack(this.#journal)
    rmSync(this.#journalPath, { force: true })
  }

  /** Swaps every staged folder and file in; on a failure part-way, swaps back what was swapped, and throws. */
  commit(): void {
    this.#crashAt('staged')
    this.#journal.state = 'committing'
    this.#save()
    try {
      let done = 0
      for (const entry of this.#journal.entries) {
        swapIn(entry)
        this.#crashAt(`commit-${++done}`)
      }
      this.#journal.state = 'committed'
      this.#save()
    } catch (error) {
      rollBack(this.#journal)
      rmSync(this.#journalPath, { force: true })
      throw error
    }
    this.#crashAt('committed')
    finish(this.#journal)
    rmSync(this.#journalPath, { force: true })
  }

  /** Adds `entry` to the journal, on disk before anything exists at its staged path. */
  #register(entry: Entry): Entry {
    this.#journal.entries.push(entry)
    this.#save()
    return entry
  }

  /** Writes the journal whole: to a file of its own, renamed over the last. */
  #save(): void {
    const draft = `${this.#journalPath}.new`
    try {
      writeFileSync(draft, `${JSON.stringify(journalOnDisk(this.#journal, this.root))}\n`)
    } catch (error) {
      rmSync(draft, { force: true })
      throw withPath(error, draft)
    }
    renameSync(draft, this.#journalPath)
  }

  #crashAt(point: string): void {
    if (this.fault.crashAt === point) process.kill(process.pid, 'SIGKILL')
  }
}

/** Swaps one staged path in: the old folder aside (a file: a second link to it), then the new one in by a rename. */
function swapIn(entry: Entry): void {
  if (entry.kind === 'made-folder') return
  if (entry.kind === 'folder') {
    if (existsSync(entry.target)) renameSync(entry.target, entry.backup)
  } else if (existsSync(entry.target)) {
    // A reader never sees the file missing: the old content stays linked under the backup name while the new one is renamed over it.
    try {
      linkSync(entry.target, entry.backup)
    } catch {
      copyFileSync(entry.target, entry.backup)
    }
  }
  renameSync(entry.staged, entry.target)
}

/** Puts every path of `journal` back as it was before the build, from whatever point it reached. */
function rollBack(journal: Journal): void {
  const token = journal.owner.token
  for (const entry of [...journal.entries].reverse()) {
    if (entry.kind === 'made-folder') {
      // Made by this build for its files: removed when they are gone and it is empty.
      try {
        rmdirSync(entry.target)
      } catch {
        // not empty, or already gone: left alone
      }
      continue
    }
    const discard = discardOf(entry, token)
    if (existsSync(entry.backup)) {
      if (entry.kind === 'folder') {
        if (existsSync(entry.target)) renameSync(entry.target, discard)
        renameSync(entry.backup, entry.target)
      } else renameSync(entry.backup, entry.target)
    } else if (!entry.existed && existsSync(entry.target) && !existsSync(entry.staged)) {
      // The build put in a path that was not there before: it goes again.
      renameSync(entry.target, discard)
    }
    rmSync(entry.staged, { recursive: true, force: true })
    rmSync(discard, { recursive: true, force: true })
  }
}

/** After a commit: the backups (and anything a rollback left) removed. */
function finish(journal: Journal): void {
  for (const entry of journal.entries) {
    if (entry.kind === 'made-folder') continue
    rmSync(entry.backup, { recursive: true, force: true })
    rmSync(entry.staged, { recursive: true, force: true })
    rmSync(discardOf(entry, journal.owner.token), { recursive: true, force: true })
  }
}

/**
 * Puts the outputs of `root` in order after builds that died: each journal whose owner is dead
 * is rolled back (or, when it says `committed`, finished) and removed, with the lock debris of
 * dead owners. Call it holding the lock. The journals of live owners are left alone.
 */
export function recoverOutputs(root: string): void {
  removeDeadLockDebris(root)
  for (const name of readdirSync(root)) {
    if (!name.startsWith(buildFilePrefix)) continue
    const path = join(root, name)
    if (name.endsWith('.journal.new')) {
      // A journal being rewritten when its owner died: the journal itself, if any, holds the rest.
      if (!tokenAlive(root, name.slice(buildFilePrefix.length, -'.journal.new'.length))) rmSync(path, { force: true })
      continue
    }
    if (!name.endsWith('.journal')) continue
    const journal = readJournal(path, root)
    if (journal && isAlive(journal.owner)) continue
    if (journal) {
      if (journal.state === 'committed') finish(journal)
      else rollBack(journal)
    }
    rmSync(path, { force: true })
  }
}

/** Whether the build of `token` (`<pid>-<hex>`) may still be running: its journal's owner says, or else its process id. */
function tokenAlive(root: string, token: string): boolean {
  const journal = readJournal(journalPathOf(root, token), root)
  if (journal) return isAlive(journal.owner)
  const pid = Number(token.split('-')[0])
  if (!Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/** The journal at `path`, its paths resolved against `root`; undefined when it is not one. */
function readJournal(path: string, root: string): Journal | undefined {
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal
    if (!parseOwner(JSON.stringify(journal.owner)) || !Array.isArray(journal.entries)) return undefined
    const abs = (p: string) => resolve(root, p)
    return { ...journal, entries: journal.entries.map((e) => ({ ...e, target: abs(e.target), staged: abs(e.staged), backup: abs(e.backup) })) }
  } catch {
    return undefined
  }
}

/**
 * The output a path of a build in progress stands for, as a person knows it: a file staged
 * for dist-data/ or docs/ is shown as that file, a draft of the lock as the lock.
 */
export function outputPathOf(path: string): string {
  return path
    .replace(/\.(?:staging|previous|discard)-\d+-[0-9a-f]+(?=[\\/]|$)/, '')
    .replace(/(^|[\\/])\.([^\\/]+)\.\d+-[0-9a-f]+\.(?:staged|previous)$/, '$1$2')
    .replace(/(\.khojaly-build\.lock)\.[^\\/]+\.(?:new|takeover)$/, '$1')
}

/** Folders a build of `root` may leave while it runs, or after dying: for tests and tools. */
export function isBuildDebris(name: string): boolean {
  return (
    name.startsWith(buildFilePrefix) || /\.(?:staging|previous|discard)-\d+-[0-9a-f]+$/.test(name) || /^\..+\.\d+-[0-9a-f]+\.(?:staged|previous)$/.test(name)
  )
}
