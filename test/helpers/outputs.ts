/** What a build leaves on disk: snapshots of its outputs, and the debris of a write in progress. */
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { copyBuildFixture, temporaryDir } from './rule-fixtures.js'

/**
 * sha256 of every file under `dir`, by relative path; folders listed too, so an added empty one
 * shows, and links by where they point (never followed). A `dir` that is a file or a link is
 * itself the one entry, under ''.
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const describe = (path: string) => {
    const stat = lstatSync(path)
    if (stat.isSymbolicLink()) return `link -> ${readlinkSync(path)}`
    return createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  if (!existsSync(dir) && !lstatSync(dir, { throwIfNoEntry: false })) return out
  if (!lstatSync(dir).isDirectory()) return { '': describe(dir) }
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        out[`${path}/`] = 'dir'
        walk(path)
      } else out[path] = describe(join(dir, path))
    }
  }
  walk('')
  return out
}

/** Everything a build writes: dist-data/, schemas/ and the generated files in docs/. */
export function outputsOf(root: string) {
  const file = (name: string) => snapshot(join(root, name))['']
  return {
    data: snapshot(join(root, 'dist-data')),
    schemas: snapshot(join(root, 'schemas')),
    docs: snapshot(join(root, 'docs')),
    readme: file('README.md'),
    citation: file('CITATION.cff')
  }
}

/**
 * What a write in progress, an interrupted swap or a held lock leaves beside the outputs (in
 * the root and in docs/): the lock, journals, staged and previous folders and files, by the
 * patterns of their names, written out here rather than taken from the code under test.
 */
export function leftovers(root: string): string[] {
  const debris = (name: string) =>
    name.startsWith('.khojaly-build') || /\.(?:staging|previous|discard)(?:-|$)/.test(name) || /\.(?:staged|previous|partial)$/.test(name)
  const beside = readdirSync(root).filter(debris)
  const docs = lstatSync(join(root, 'docs'), { throwIfNoEntry: false })?.isDirectory() ? readdirSync(join(root, 'docs')).filter(debris) : []
  return [...beside, ...docs.map((entry) => `docs/${entry}`)]
}

/** A temporary root holding the build fixture `fixture`, built once, so dist-data/ and schemas/ exist. */
export function builtRoot(fixture = 'minimal'): string {
  const root = temporaryDir()
  copyBuildFixture(fixture, root)
  const result = build({ root })
  expect(result.ok, formatDiagnostics(result.diagnostics)).toBe(true)
  expect(Object.keys(outputsOf(root).data).length).toBeGreaterThan(0)
  expect(Object.keys(outputsOf(root).schemas).length).toBeGreaterThan(0)
  return root
}
