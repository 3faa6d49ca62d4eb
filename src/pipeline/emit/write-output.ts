/**
 * Writes an output folder all at once or not at all. Files go to a staging folder beside the
 * output, are read back and compared, and only then swapped in by two renames. A run that
 * died between the renames is recovered by the next run: the previous output comes back.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
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

/**
 * Output folders replaced together: files are written one by one into a staging folder
 * beside each (and read back), then `commit` swaps every folder in; `abort` (or any
 * failure) leaves every folder as it was and no staging folder behind.
 */
export class StagedOutputs {
  #writes = 0

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

  /** Writes one file of folder `folder` into its staging folder. */
  write(folder: string, name: string, content: Buffer): void {
    const dir = this.dirs[folder]
    if (dir === undefined) throw new Error(`no output folder "${folder}"`)
    if (this.fault.failAfterWrites !== undefined && this.#writes >= this.fault.failAfterWrites) throw new Error(`injected failure after ${this.#writes} writes`)
    const path = join(stagingOf(dir), name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, content)
    this.#writes++
    if (!readFileSync(path).equals(content)) throw new Error(`${path} does not read back as written`)
  }

  /** Removes the staging folders; the outputs stay as they were. */
  abort(): void {
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
