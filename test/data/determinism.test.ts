import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/pipeline/build.js'

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))])
  )
}

function buildCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'khojaly-build-'))
  cpSync(new URL('../../sources', import.meta.url), join(root, 'sources'), { recursive: true })
  const result = build({ root })
  expect(result.ok).toBe(true)
  return root
}

describe('the same input gives the same bytes', () => {
  it('two builds are byte-identical, and equal what is committed', () => {
    const first = buildCopy()
    const second = buildCopy()
    for (const folder of ['dist-data', 'schemas']) {
      const a = snapshot(join(first, folder))
      const b = snapshot(join(second, folder))
      expect([...a.keys()]).toEqual([...b.keys()])
      for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), `${folder}/${name}`).toBe(true)
      const committed = snapshot(new URL(`../../${folder}`, import.meta.url).pathname)
      expect([...committed.keys()]).toEqual([...a.keys()])
      for (const [name, bytes] of a) expect(bytes.equals(committed.get(name)!), `${folder}/${name} differs from the committed file`).toBe(true)
    }
  })
})
