/** Small source folders written to a temporary directory, for tests that need their own input. */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Writes `verbatim` and an overlay whose body is `body` (frontmatter added, with the right
 * sha256) to a fresh folder; returns the folder, usable as `root` and `sourcesDir`.
 */
export function writeSource(verbatim: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-fixture-'))
  writeFileSync(join(dir, 'doc.txt'), verbatim)
  const sha = createHash('sha256').update(verbatim).digest('hex')
  writeFileSync(
    join(dir, 'doc.md'),
    `---\nid: fixture\ntitle: Fixture\nlanguage: en\ntext: doc.txt\nsha256: ${sha}\norigin: not stated\nrights: test text written for this test\n---\n\n${body}`
  )
  copyFileSync(new URL('../../sources/organizations.yaml', import.meta.url), join(dir, 'organizations.yaml'))
  return dir
}
