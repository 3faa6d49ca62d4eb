/**
 * Writes an output folder all at once or not at all. Files go to a staging folder beside the
 * output, are read back and compared, and only then swapped in by two renames. A run that
 * died between the renames is recovered by the next run: the previous output comes back.
 */
import { createHash, type Hash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Test-only: throw after this many files written, to prove a failure leaves the old output whole. */
export interface FaultInjection {
  failAfterWrites?: number
}

const stagingOf = (dir: string) => `${dir}.staging`
const previousOf = (dir: string) => `${dir}.previous`

/** Puts a folder back in order after an interrupted run. */
export function recoverOutput(dir: string): void {
  const previous = previousOf(dir)
  if (existsSync(previous)) {
    if (existsSync(dir)) rmSync(previous, { recursive: true, force: true })
    else renameSync(previous, dir)
  }
  rmSync(stagingOf(dir), { recursive: true, force: true })
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
    this.#fd = openSync(path, 'w')
  }

  /** Appends `content` (a string is written as UTF-8). */
  append(content: string | Buffer): void {
    if (this.#fd === undefined) throw new Error(`${this.path} is closed`)
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    for (let done = 0; done < bytes.length;) done += writeSync(this.#fd, bytes, done, bytes.length - done)
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

/**
 * Output folders replaced together: files are written into a staging folder beside each
 * (and read back), then `commit` swaps every folder in; `abort` (or any failure) leaves
 * every folder as it was and no staging folder behind.
 */
export class StagedOutputs {
  #opened = 0
  readonly #files = new Set<StagedFile>()

  /** `dirs` maps a folder name to the folder it replaces. */
  constructor(
    readonly dirs: Readonly<Record<string, string>>,
    readonly fault: FaultInjection = {}
  ) {
    for (const dir of Object.values(dirs)) {
      recoverOutput(dir)
      mkdirSync(stagingOf(dir), { recursive: true })
    }
  }

  /** Starts file `name` of folder `folder` in its staging folder, to be appended to and closed. */
  open(folder: string, name: string): StagedFile {
    const dir = this.dirs[folder]
    if (dir === undefined) throw new Error(`no output folder "${folder}"`)
    if (this.fault.failAfterWrites !== undefined && this.#opened >= this.fault.failAfterWrites) throw new Error(`injected failure after ${this.#opened} writes`)
    const file = new StagedFile(join(stagingOf(dir), name))
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
    const dir = this.dirs[folder]
    if (dir === undefined) throw new Error(`no output folder "${folder}"`)
    return stagingOf(dir)
  }

  /** Removes the staging folders; the outputs stay as they were. */
  abort(): void {
    for (const file of this.#files) file.release()
    for (const dir of Object.values(this.dirs)) rmSync(stagingOf(dir), { recursive: true, force: true })
  }

  /** Swaps every staging folder in, each by a rename aside and a rename in. */
  commit(): void {
    for (const dir of Object.values(this.dirs)) {
      if (existsSync(dir)) renameSync(dir, previousOf(dir))
      renameSync(stagingOf(dir), dir)
      rmSync(previousOf(dir), { recursive: true, force: true })
    }
  }
}

/**
 * Writes single files into a folder that also holds files written by hand (docs/): each
 * file goes to a temporary name beside it and is renamed over the old one, so a reader
 * never sees half a file. Stale temporary files of an interrupted run are removed first.
 */
export function writeFilesBeside(dir: string, files: ReadonlyMap<string, Buffer>): void {
  mkdirSync(dir, { recursive: true })
  for (const name of readdirSync(dir)) if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true })
  for (const [name, content] of files) {
    const path = join(dir, name)
    if (existsSync(path) && readFileSync(path).equals(content)) continue
    writeFileSync(`${path}.partial`, content)
    renameSync(`${path}.partial`, path)
  }
}
