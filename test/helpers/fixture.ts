/** Small source folders written to a temporary directory, for tests that need their own input. */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Writes `verbatim` and an overlay whose body is `body` (frontmatter added, with the right
 * sha256) to a fresh folder; returns the folder, usable as `root` and `sourcesDir`. A report
 * that names no act of record (no `act=`) gets an `unverified` check on its `act`, so the
 * record's linking rule is met; tests of that rule write their own checks.
 */
export function writeSource(verbatim: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'khojaly-fixture-'))
  writeFileSync(join(dir, 'doc.txt'), verbatim)
  const sha = createHash('sha256').update(verbatim).digest('hex')
  writeFileSync(
    join(dir, 'doc.md'),
    `---\nid: fixture\ntitle: Fixture\nlanguage: en\ntext: doc.txt\nsha256: ${sha}\norigin: not stated\nside: independent\nrights: test text written for this test\n---\n\n${body}`
  )
  copyFileSync(new URL('../../sources/organizations.yaml', import.meta.url), join(dir, 'organizations.yaml'))
  writeFileSync(join(dir, 'checks.yaml'), unlinkedReportChecks(body))
  return dir
}

/** An unverified check on the `act` of every report of `body` that names none (a YAML list, possibly empty). */
export function unlinkedReportChecks(body: string): string {
  const ids = [...body.matchAll(/:::report\{#([a-z0-9-]+)([^}]*)\}/g)].filter(([, , rest]) => !/\bact=/.test(rest!)).map(([, id]) => id!)
  if (ids.length === 0) return '[]\n'
  return ids
    .map(
      (id) =>
        `- id: check-${id}-act\n  recordType: report\n  recordId: ${id}\n  field: act\n  verdict: unverified\n  finding: A test text; no act of record is looked for.\n  correctValue: null\n  citations: []\n`
    )
    .join('')
}
