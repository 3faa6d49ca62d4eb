/**
 * Synthetic corpus: N copies of the annotated seed overlay (sources/*.md) with its verbatim
 * text, each copy with a distinct source id, a distinct verbatim file name and every
 * directive id (`{#id …}`) and id reference (`by=<id>`, other than `by=act`) suffixed, so ids
 * stay unique across copies. Written to a temporary folder; never committed.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The seed: the one overlay of sources/, its verbatim text and the organization registry. */
export function readSeed(sourcesDir) {
  const overlays = readdirSync(sourcesDir)
    .filter((n) => n.endsWith('.md'))
    .sort()
  if (overlays.length !== 1) throw new Error(`expected one seed overlay in ${sourcesDir}, found ${overlays.length}`)
  const overlayName = overlays[0]
  const overlay = readFileSync(join(sourcesDir, overlayName), 'utf8')
  const textName = /^text:\s*(\S+)\s*$/m.exec(overlay)?.[1]
  if (!textName) throw new Error('seed overlay has no text: field')
  const checksPath = join(sourcesDir, 'checks.yaml')
  const checks = existsSync(checksPath) ? readFileSync(checksPath, 'utf8') : undefined
  return { sourcesDir, overlayName, overlay, textName, checks }
}

/**
 * The curated checks (one file, read whole, at most 16 MB) are not multiplied: the corpus
 * carries the seed's checks once, their ids and record ids rewritten to copy 1.
 */
export function copyChecks(seed, k = 1) {
  return seed.checks
    ?.replace(/^(-\s+id:\s*)([a-z0-9-]+)\s*$/gm, (_, key, id) => `${key}${id}-c${k}`)
    .replace(/^(\s+recordId:\s*)([a-z0-9-]+)\s*$/gm, (_, key, id) => `${key}${id}-c${k}`)
}

/** The overlay of copy `k` (1-based): source id, verbatim name and record ids suffixed with `-c<k>`. */
export function copyOverlay(seed, k) {
  const suffix = `-c${k}`
  const stem = seed.textName.replace(/\.txt$/, '')
  const end = seed.overlay.indexOf('\n---', 3)
  const frontmatter = seed.overlay
    .slice(0, end)
    .replace(/^id:\s*(\S+)\s*$/m, (_, id) => `id: ${id}${suffix}`)
    .replace(/^text:\s*(\S+)\s*$/m, () => `text: ${stem}${suffix}.txt`)
  const body = seed.overlay
    .slice(end)
    .replace(/\{#([a-z0-9-]+)/g, (_, id) => `{#${id}${suffix}`)
    .replace(/(?<=[\s{])by=([a-z0-9-]+)/g, (match, id) => (id === 'act' ? match : `by=${id}${suffix}`))
  return { overlayName: `${String(k).padStart(5, '0')}_${stem}${suffix}.md`, textName: `${stem}${suffix}.txt`, overlay: frontmatter + body }
}

/**
 * Writes a project root with `sources/` holding `n` copies; returns its path and the bytes
 * of the sources. Call `removeCorpus(root)` when done.
 */
export function makeCorpus(seed, n, parent = tmpdir()) {
  const root = mkdtempSync(join(parent, `khojaly-bench-n${n}-`))
  const sources = join(root, 'sources')
  mkdirSync(sources)
  copyFileSync(join(seed.sourcesDir, 'organizations.yaml'), join(sources, 'organizations.yaml'))
  let bytes = statSync(join(sources, 'organizations.yaml')).size
  const checks = copyChecks(seed)
  if (checks !== undefined) {
    writeFileSync(join(sources, 'checks.yaml'), checks)
    bytes += Buffer.byteLength(checks)
  }
  let overlayBytes = 0
  for (let k = 1; k <= n; k++) {
    const copy = copyOverlay(seed, k)
    writeFileSync(join(sources, copy.overlayName), copy.overlay)
    copyFileSync(join(seed.sourcesDir, seed.textName), join(sources, copy.textName))
    const size = Buffer.byteLength(copy.overlay)
    overlayBytes += size
    bytes += size + statSync(join(sources, copy.textName)).size
  }
  return { root, sources, n, bytes, overlayBytes }
}

export function removeCorpus(root) {
  rmSync(root, { recursive: true, force: true })
}
