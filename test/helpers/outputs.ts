/** What a build leaves on disk: snapshots of its outputs, and the debris of a write in progress. */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { build } from '../../src/pipeline/build.js'
import { formatDiagnostics } from '../../src/pipeline/diagnostics/index.js'
import { copyBuildFixture, temporaryDir } from './rule-fixtures.js'

/** sha256 of every file under `dir`, by relative path; folders listed too, so an added empty one shows. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        out[`${path}/`] = 'dir'
        walk(path)
      } else {
        out[path] = createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex')
      }
    }
  }
  walk('')
  return out
}

/** Everything a build writes: dist-data/, schemas/ and the generated files in docs/. */
export function outputsOf(root: string) {
  return { data: snapshot(join(root, 'dist-data')), schemas: snapshot(join(root, 'schemas')), docs: snapshot(join(root, 'docs')) }
}

/** Folders a write in progress or an interrupted swap leaves beside the outputs. */
export function leftovers(root: string): string[] {
  const beside = readdirSync(root).filter((entry) => entry.endsWith('.staging') || entry.endsWith('.previous'))
  const partial = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((entry) => entry.endsWith('.partial')) : []
  return [...beside, ...partial.map((entry) => `docs/${entry}`)]
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
