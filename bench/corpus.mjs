/**
 * Synthetic corpus: N copies of the annotated overlays of sources/ (however many there are)
 * with their verbatim texts, each copy of each overlay with a distinct source id, a distinct
 * verbatim file name and every directive id (`{#id …}`) and id reference (`by=<id>`, other
 * than `by=report`) suffixed, so ids stay unique across copies. Written to a temporary folder;
 * never committed.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'

/** The seed: every overlay of sources/ with its verbatim text's name, the checks, and the folder they are in. */
export function readSeed(sourcesDir) {
  const overlays = readdirSync(sourcesDir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((overlayName) => {
      const overlay = readFileSync(join(sourcesDir, overlayName), 'utf8')
      const textName = /^text:\s*(\S+)\s*$/m.exec(overlay)?.[1]
      if (!textName) throw new Error(`${overlayName} has no text: field`)
      return { overlayName, overlay, textName }
    })
  if (overlays.length === 0) throw new Error(`no overlay (*.md) in ${sourcesDir}`)
  const checksPath = join(sourcesDir, 'checks.yaml')
  const checks = existsSync(checksPath) ? readFileSync(checksPath, 'utf8') : undefined
  const citationsPath = join(sourcesDir, 'citations.yaml')
  const citations = existsSync(citationsPath) ? readFileSync(citationsPath, 'utf8') : undefined
  const recordDir = join(sourcesDir, 'record')
  const record = existsSync(recordDir)
    ? readdirSync(recordDir)
        .filter((n) => n.endsWith('.yaml'))
        .map((name) => ({ name, text: readFileSync(join(recordDir, name), 'utf8') }))
    : []
  return { sourcesDir, overlays, checks, citations, record }
}

/** Record types whose records come from the overlays, and so are copied (and renamed) with them. */
const copiedRecordTypes = new Set(['report', 'instrument', 'figure', 'correction'])

/**
 * The curated checks for `n` copies, as files of sources/: checks.yaml holds the checks of
 * acts of record and citations (they are not copied), and sources/checks/<k>.yaml the checks
 * of copy `k`'s overlay records (a report, instrument, figure or correction), their ids and
 * record ids suffixed like the copy's. One file per copy keeps each under the size cap of a
 * source file however many copies there are.
 */
export function copyCheckFiles(seed, n = 1) {
  if (seed.checks === undefined) return []
  const checks = YAML.parse(seed.checks) ?? []
  const text = (list) => YAML.stringify(list, { lineWidth: 0, aliasDuplicateObjects: false })
  const files = [['checks.yaml', text(checks.filter((check) => !copiedRecordTypes.has(check.recordType)))]]
  const perCopy = checks.filter((check) => copiedRecordTypes.has(check.recordType))
  for (let k = 1; k <= n && perCopy.length > 0; k++)
    files.push([
      join('checks', `${String(k).padStart(5, '0')}.yaml`),
      text(perCopy.map((check) => ({ ...check, id: `${check.id}-c${k}`, recordId: `${check.recordId}-c${k}` })))
    ])
  return files
}

/** A file of acts of record, its anchors into reports (`report: <id>`) pointed at copy 1. */
export function copyRecordFile(text, k = 1) {
  return text.replace(/^(\s+(?:- )?report:\s*)([a-z0-9-]+)\s*$/gm, (_, key, id) => `${key}${id}-c${k}`)
}

/** Copy `k` (1-based) of one overlay of the seed: source id, verbatim name and record ids suffixed with `-c<k>`. */
export function copyOverlay(source, k) {
  const suffix = `-c${k}`
  const stem = source.textName.replace(/\.txt$/, '')
  const end = source.overlay.indexOf('\n---', 3)
  const frontmatter = source.overlay
    .slice(0, end)
    .replace(/^id:\s*(\S+)\s*$/m, (_, id) => `id: ${id}${suffix}`)
    .replace(/^text:\s*(\S+)\s*$/m, () => `text: ${stem}${suffix}.txt`)
  const body = source.overlay
    .slice(end)
    .replace(/\{#([a-z0-9-]+)/g, (_, id) => `{#${id}${suffix}`)
    .replace(/(?<=[\s{])by=([a-z0-9-]+)/g, (match, id) => (id === 'report' ? match : `by=${id}${suffix}`))
  const overlayStem = source.overlayName.replace(/\.md$/, '')
  return { overlayName: `${String(k).padStart(5, '0')}_${overlayStem}${suffix}.md`, textName: `${stem}${suffix}.txt`, overlay: frontmatter + body }
}

/**
 * Writes a project root with `sources/` holding `n` copies of every overlay; returns its
 * path and the bytes of the sources. Call `removeCorpus(root)` when done.
 */
export function makeCorpus(seed, n, parent = tmpdir()) {
  const root = mkdtempSync(join(parent, `khojaly-bench-n${n}-`))
  const sources = join(root, 'sources')
  mkdirSync(sources)
  copyFileSync(join(seed.sourcesDir, 'organizations.yaml'), join(sources, 'organizations.yaml'))
  let bytes = statSync(join(sources, 'organizations.yaml')).size
  const checkFiles = copyCheckFiles(seed, n)
  if (checkFiles.length > 1) mkdirSync(join(sources, 'checks'))
  for (const [name, text] of checkFiles) {
    writeFileSync(join(sources, name), text)
    bytes += Buffer.byteLength(text)
  }
  if (seed.citations !== undefined) {
    writeFileSync(join(sources, 'citations.yaml'), seed.citations)
    bytes += Buffer.byteLength(seed.citations)
  }
  if (seed.record.length > 0) mkdirSync(join(sources, 'record'))
  for (const file of seed.record) {
    const text = file.name === 'series.yaml' ? file.text : copyRecordFile(file.text)
    writeFileSync(join(sources, 'record', file.name), text)
    bytes += Buffer.byteLength(text)
  }
  let overlayBytes = 0
  for (let k = 1; k <= n; k++) {
    for (const source of seed.overlays) {
      const copy = copyOverlay(source, k)
      writeFileSync(join(sources, copy.overlayName), copy.overlay)
      copyFileSync(join(seed.sourcesDir, source.textName), join(sources, copy.textName))
      const size = Buffer.byteLength(copy.overlay)
      overlayBytes += size
      bytes += size + statSync(join(sources, copy.textName)).size
    }
  }
  return { root, sources, n, bytes, overlayBytes }
}

export function removeCorpus(root) {
  rmSync(root, { recursive: true, force: true })
}
