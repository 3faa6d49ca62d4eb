/**
 * Writes an output folder all at once or not at all. Files go to a staging folder beside the
 * output, are read back and compared, and only then swapped in by two renames. A run that
 * died between the renames is recovered by the next run: the previous output comes back.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** One folder to replace, with every file it must hold. */
export interface OutputFolder {
  dir: string
  files: ReadonlyMap<string, Buffer>
}

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

/** Replaces every folder in `outputs` with its files; on failure every folder is left as it was. */
export function writeOutputs(outputs: readonly OutputFolder[], fault: FaultInjection = {}): void {
  let writes = 0
  for (const { dir } of outputs) recoverOutput(dir)
  try {
    for (const { dir, files } of outputs) {
      const staging = stagingOf(dir)
      mkdirSync(staging, { recursive: true })
      for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (fault.failAfterWrites !== undefined && writes >= fault.failAfterWrites) throw new Error(`injected failure after ${writes} writes`)
        const path = join(staging, name)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, content)
        writes++
        if (!readFileSync(path).equals(content)) throw new Error(`${path} does not read back as written`)
      }
    }
  } catch (error) {
    for (const { dir } of outputs) rmSync(stagingOf(dir), { recursive: true, force: true })
    throw error
  }
  for (const { dir } of outputs) {
    if (existsSync(dir)) renameSync(dir, previousOf(dir))
    renameSync(stagingOf(dir), dir)
    rmSync(previousOf(dir), { recursive: true, force: true })
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
