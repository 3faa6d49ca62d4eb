/**
 * One source through the flow: read the overlay, parse it, read and verify the verbatim
 * text, align the two, collect the annotations, extract records, measure coverage.
 */
import { createHash } from 'node:crypto'
import { basename, dirname, join, relative } from 'node:path'
import type { Source } from '../schema/index.js'
import { alignToVerbatim } from './align/align-to-verbatim.js'
import { flattenOverlay } from './align/flatten-overlay.js'
import { measureCoverage, type RecognizerCoverage } from './coverage.js'
import { diagnostic, fileStart, hasErrors, type Diagnostic, type Point } from './diagnostics.js'
import { collectAnnotations } from './extract/annotations.js'
import { extractRecords, type ExtractedRecords } from './extract/records.js'
import { lintOverlay } from './lint-overlay.js'
import { generatedDataFileNames } from './output-names.js'
import { parseFrontmatter, type Frontmatter } from './parse/frontmatter.js'
import { parseMarkdown } from './parse/parse-markdown.js'
import { readTextFile } from './parse/read-text-file.js'
import { resolveVerbatimPath } from './parse/resolve-verbatim-path.js'
import type { CandidateFinder } from './recognize/candidates.js'
import { describeLetter, findMixedScriptWords } from './recognize/homoglyphs.js'
import type { Organization } from './recognize/organizations.js'
import { CodePointText } from './text-positions.js'

/** What one source yields: its record, its records, its coverage, and every problem found. */
export interface ProcessedSource {
  source?: Source
  /** The verbatim text, kept so provenance can be verified and the file copied out. */
  verbatim?: { name: string; bytes: Buffer; text: CodePointText; textField: Point }
  records?: Omit<ExtractedRecords, 'diagnostics'>
  coverage: RecognizerCoverage[]
  diagnostics: Diagnostic[]
}

/** What every source of a build shares: the registry and the candidate finder made from it. */
export interface SourceContext {
  organizations: readonly Organization[]
  findCandidates: CandidateFinder
}

/** Processes the overlay at `overlayPath`; diagnostics name files relative to `cwd`. */
export function processSource(overlayPath: string, { organizations, findCandidates }: SourceContext, cwd = process.cwd()): ProcessedSource {
  const annotated = annotateOverlay(overlayPath, cwd)
  if (!annotated.ok) return { coverage: [], diagnostics: annotated.diagnostics }
  const { file, frontmatter, verbatimPath, textField, verbatimFile, verbatimBytes, sha256, verbatim, collected, markers, diagnostics } = annotated
  const mixedScriptWords = findMixedScriptWords(verbatim.text)
  const { diagnostics: extractionProblems, ...records } = extractRecords(collected.annotations, {
    sourceId: frontmatter.id,
    file,
    verbatim,
    headings: collected.headings,
    organizations,
    mixedScriptWords
  })
  diagnostics.push(...extractionProblems)
  for (const word of mixedScriptWords) {
    if (word.normalized !== undefined) continue
    const start = verbatim.codePointOffset(word.start)
    diagnostics.push(
      diagnostic(
        verbatimFile,
        verbatim.pointAt(start),
        verbatim.pointAt(verbatim.codePointOffset(word.end)),
        'homoglyph-unmapped',
        `"${word.asWritten}" mixes scripts, but ${word.foreignLetters.map(describeLetter).join(', ')} has no Latin look-alike: no correction is made; check the word by hand`
      )
    )
  }

  const coverage = measureCoverage(findCandidates(verbatim), collected.annotations, markers)
  for (const { recognizer, uncovered } of coverage) {
    for (const candidate of uncovered) {
      const start = verbatim.pointAt(candidate.start)
      diagnostics.push(
        diagnostic(
          verbatimFile,
          start,
          verbatim.pointAt(candidate.end),
          'candidate-uncovered',
          `${recognizer} candidate "${candidate.text}" is not annotated; mark it in ${file} with a span or :nodata`
        )
      )
    }
  }

  const name = basename(verbatimPath)
  const source: Source = {
    id: frontmatter.id,
    title: frontmatter.title,
    language: frontmatter.language,
    path: name,
    sha256,
    bytes: verbatimBytes.length,
    characters: verbatim.length,
    origin: frontmatter.origin,
    rights: frontmatter.rights,
    notes: frontmatter.notes ?? null
  }
  return {
    source,
    verbatim: { name, bytes: verbatimBytes, text: verbatim, textField },
    records: hasErrors(diagnostics) ? undefined : records,
    coverage,
    diagnostics
  }
}

/** An overlay parsed, checked against its verbatim text, and its directives anchored there. */
interface AnnotatedOverlay {
  ok: true
  file: string
  frontmatter: Frontmatter
  verbatimPath: string
  /** Where the overlay names the verbatim file (its `text:` line). */
  textField: Point
  verbatimFile: string
  verbatimBytes: Buffer
  sha256: string
  verbatim: CodePointText
  collected: ReturnType<typeof collectAnnotations>
  /** Verbatim spans of list markers, which no recognizer counts as data. */
  markers: Array<[number, number]>
  diagnostics: Diagnostic[]
}

/** Why an overlay could not be annotated. */
interface AnnotationFailure {
  ok: false
  diagnostics: Diagnostic[]
}

/**
 * Reads, parses and aligns the overlay and collects its annotations. The syntax tree and its
 * flattening live only inside this function: they are the largest objects of a source, and
 * letting them go before extraction keeps them from being copied by every young-generation
 * garbage collection that extraction triggers.
 */
function annotateOverlay(overlayPath: string, cwd: string): AnnotatedOverlay | AnnotationFailure {
  const file = relative(cwd, overlayPath) || overlayPath
  const done = (diagnostics: Diagnostic[]): AnnotationFailure => ({ ok: false, diagnostics })

  const read = readTextFile(overlayPath, file)
  if (!read.ok) return done(read.diagnostics)
  const overlay = new CodePointText(read.text)
  const tree = parseMarkdown(read.text)

  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
  if (!yamlNode)
    return done([diagnostic(file, fileStart, undefined, 'frontmatter-missing', 'the overlay has no YAML frontmatter; start it with ---, the fields, ---')])
  const yamlOrigin = { line: (yamlNode.position?.start.line ?? 1) + 1, column: 1 }
  const { frontmatter, diagnostics: frontmatterProblems } = parseFrontmatter(yamlNode.value, file, yamlOrigin)
  if (!frontmatter) return done(frontmatterProblems)
  const diagnostics: Diagnostic[] = [...lintOverlay(overlay, file, (yamlNode.position?.end.line ?? 0) + 1)]

  const sourcesDir = dirname(overlayPath)
  const resolved = resolveVerbatimPath(sourcesDir, frontmatter.text)
  if (!resolved.ok)
    return done([
      ...diagnostics,
      diagnostic(
        file,
        fieldPoint(overlay, 'text'),
        undefined,
        'path-escapes',
        `text: ${resolved.reason}; name a file inside ${relative(cwd, sourcesDir) || '.'}`
      )
    ])
  const textField = fieldPoint(overlay, 'text')
  if (generatedDataFileNames.has(basename(resolved.path))) {
    return done([
      ...diagnostics,
      diagnostic(
        file,
        textField,
        undefined,
        'verbatim-name-taken',
        `text: "${basename(resolved.path)}" is the name of a file the build writes into dist-data/; rename the verbatim file`
      )
    ])
  }
  const verbatimFile = relative(cwd, resolved.path) || resolved.path
  const verbatimRead = readTextFile(resolved.path, verbatimFile)
  if (!verbatimRead.ok) {
    // A missing or unreadable verbatim file is fixed in the overlay's `text:` line; other faults in the file itself.
    const placed = verbatimRead.diagnostics.map((d) =>
      d.ruleId === 'file-missing' ? { ...d, file, start: fieldPoint(overlay, 'text'), end: fieldPoint(overlay, 'text') } : d
    )
    return done([...diagnostics, ...placed])
  }
  const sha256 = createHash('sha256').update(verbatimRead.bytes).digest('hex')
  if (sha256 !== frontmatter.sha256) {
    return done([
      ...diagnostics,
      diagnostic(
        verbatimFile,
        fileStart,
        undefined,
        'sha256-mismatch',
        `${verbatimFile} has sha256 ${sha256}, but ${file} records ${frontmatter.sha256}: the verbatim text changed; restore it, or review the change and record the new hash`
      )
    ])
  }
  const verbatim = new CodePointText(verbatimRead.text)

  const flat = flattenOverlay(tree, read.text)
  const alignment = alignToVerbatim(flat, verbatim)
  if (!alignment.ok) {
    const { failure } = alignment
    let offset = -1
    for (let i = Math.min(failure.overlayIndex, flat.overlayOffsets.length - 1); i >= 0 && offset < 0; i--) offset = flat.overlayOffsets[i]!
    const at = overlay.pointAtUtf16(Math.max(offset, 0))
    const inVerbatim = verbatim.pointAt(failure.verbatimOffset)
    return done([
      ...diagnostics,
      diagnostic(file, at, undefined, failure.ruleId, `${failure.message} (verbatim ${verbatimFile}:${inVerbatim.line}:${inVerbatim.column})`)
    ])
  }

  const collected = collectAnnotations(tree, overlay, file, flat, alignment.verbatimOffsets)
  diagnostics.push(...collected.diagnostics)
  const markers = flat.listMarkers.map(([first, end]): [number, number] => [alignment.verbatimOffsets[first]!, alignment.verbatimOffsets[end - 1]! + 1])
  return {
    ok: true,
    file,
    frontmatter,
    verbatimPath: resolved.path,
    textField,
    verbatimFile,
    verbatimBytes: verbatimRead.bytes,
    sha256,
    verbatim,
    collected,
    markers,
    diagnostics
  }
}

/** Point of a top-level frontmatter key, for diagnostics about its value. */
function fieldPoint(overlay: CodePointText, key: string) {
  const index = overlay.text.search(new RegExp(`^${key}:`, 'm'))
  return index < 0 ? fileStart : overlay.pointAtUtf16(index)
}

/** Path of the organization registry beside the overlays. */
export function organizationsPath(sourcesDir: string): string {
  return join(sourcesDir, 'organizations.yaml')
}
