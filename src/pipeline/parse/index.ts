/**
 * The parse stage of one source: read the overlay, parse its markdown and frontmatter, lint
 * its raw text, then find, read and verify the verbatim text it annotates.
 */
import { createHash } from 'node:crypto'
import { basename, dirname, relative } from 'node:path'
import type { Root } from 'mdast'
import { diagnostic, fileStart, type Diagnostic, type Point } from '../diagnostics/index.js'
import { CodePointText } from '../text/code-point-text.js'
import { parseFrontmatter, type Frontmatter } from './frontmatter.js'
import { lintOverlay } from './lint-overlay.js'
import { checkMarkupLimits } from './markup-limits.js'
import { parseMarkdown } from './parse-markdown.js'
import { readTextFile } from './read-text-file.js'
import { resolveVerbatimPath } from './resolve-verbatim-path.js'

export { readChecks, type ChecksFile } from './checks-file.js'
export { isOverlay, layoutPath, listCheckFiles, listOverlays, listRecordFiles, sourcesLayout } from './layout.js'
export { ActInputSchema, CitationInputSchema, readYamlList, type ActInput, type CitationInput, type EvidenceInput, type YamlItems } from './record-files.js'
export { readSeries, seriesStatuses, type Series } from './series-file.js'
export { readOrganizations, type Organization } from './registry.js'
export { readTextFile } from './read-text-file.js'
export { readYaml, type YamlText } from './yaml.js'

/** A source's verbatim text, read and verified against the hash its overlay records. */
export interface VerbatimText {
  /** The file's name, which it keeps in dist-data/. */
  name: string
  /** Its path relative to the working directory, for diagnostics. */
  file: string
  bytes: Buffer
  sha256: string
  text: CodePointText
}

/** An overlay parsed, with its verbatim text. */
export interface ParsedSource {
  ok: true
  /** The overlay's path relative to the working directory, for diagnostics. */
  file: string
  overlay: CodePointText
  /**
   * The syntax tree. The largest object of a source: the runner lets it go as soon as the
   * annotations are collected, before extraction allocates the records.
   */
  tree: Root | undefined
  frontmatter: Frontmatter
  /** Where the overlay names its verbatim file (its `text:` line). */
  textPlace: Point
  verbatim: VerbatimText
  /** What the lints found (warnings). */
  diagnostics: Diagnostic[]
}

/** The syntax tree of `parsed`; asking after the annotations have released it is a fault of the flow. */
export function treeOf(parsed: ParsedSource): Root {
  if (!parsed.tree) throw new Error(`the syntax tree of ${parsed.file} was already released`)
  return parsed.tree
}

/** Why a source could not be parsed: every problem found up to that point. */
export interface ParseFailure {
  ok: false
  diagnostics: Diagnostic[]
}

/** Parses the overlay at `overlayPath`; diagnostics name files relative to `cwd`. */
export function parseSource(overlayPath: string, cwd: string): ParsedSource | ParseFailure {
  const file = relative(cwd, overlayPath) || overlayPath
  const failed = (diagnostics: Diagnostic[]): ParseFailure => ({ ok: false, diagnostics })

  const sourcesDir = dirname(overlayPath)
  const read = readTextFile(overlayPath, file, { symlinks: 'within', within: sourcesDir })
  if (!read.ok) return failed(read.diagnostics)
  const overlay = new CodePointText(read.text)
  // Shapes of markup whose parse grows with the square of their size are refused before the parser sees them.
  const tooMuch = checkMarkupLimits(overlay, file)
  if (tooMuch) return failed([tooMuch])
  const tree = parseMarkdown(read.text)

  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
  if (!yamlNode)
    return failed([diagnostic(file, fileStart, undefined, 'frontmatter-missing', 'the overlay has no YAML frontmatter; start it with ---, the fields, ---')])
  const yamlOrigin = { line: (yamlNode.position?.start.line ?? 1) + 1, column: 1 }
  const { parsed, diagnostics: frontmatterProblems } = parseFrontmatter(yamlNode.value, file, yamlOrigin)
  if (!parsed) return failed(frontmatterProblems)
  const { frontmatter } = parsed
  const textPlace = parsed.placeOfKey('text').start
  const diagnostics: Diagnostic[] = lintOverlay(overlay, file, (yamlNode.position?.end.line ?? 0) + 1)

  const resolved = resolveVerbatimPath(sourcesDir, frontmatter.text)
  if (!resolved.ok) {
    return failed([
      ...diagnostics,
      diagnostic(file, textPlace, undefined, 'path-escapes', `text: ${resolved.reason}; name a file inside ${relative(cwd, sourcesDir) || '.'}`)
    ])
  }
  const verbatimFile = relative(cwd, resolved.path) || resolved.path
  const verbatimRead = readTextFile(resolved.path, verbatimFile)
  if (!verbatimRead.ok) {
    // A missing verbatim file is fixed in the overlay's `text:` line; other faults in the file itself.
    const placed = verbatimRead.diagnostics.map((d) => (d.ruleId === 'file-missing' ? { ...d, file, start: textPlace, end: textPlace } : d))
    return failed([...diagnostics, ...placed])
  }
  const sha256 = createHash('sha256').update(verbatimRead.bytes).digest('hex')
  if (sha256 !== frontmatter.sha256) {
    const message = `${verbatimFile} has sha256 ${sha256}, but ${file} records ${frontmatter.sha256}: the verbatim text changed; restore it, or review the change and record the new hash`
    return failed([...diagnostics, diagnostic(verbatimFile, fileStart, undefined, 'sha256-mismatch', message)])
  }
  const verbatim = { name: basename(resolved.path), file: verbatimFile, bytes: verbatimRead.bytes, sha256, text: new CodePointText(verbatimRead.text) }
  return { ok: true, file, overlay, tree, frontmatter, textPlace, verbatim, diagnostics }
}
