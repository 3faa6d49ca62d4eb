/**
 * The explorer page (dist-data/explorer.html): the committed shell (explorer/shell.html,
 * bundled once by `npm run build:explorer`) with the dataset injected as
 * `<script type="application/json">` blocks, so the page opens from file:// with no request.
 * The data build needs no bundler: it only splices JSON into the shell at its two markers.
 * Before the page's script go what the overview draws from (each source's reports and text,
 * written a source at a time like the other files, and an index of the acts); after it, the
 * whole records, which the parser reads while the overview is already on the screen.
 */
import { readFileSync } from 'node:fs'
import { entities } from '../../schema/entities.js'
import type { Act, Check, Citation, Report, Source } from '../../schema/index.js'
import { comparedFields, reportDifferences } from '../validate/index.js'
import { citationTitle } from './project-docs.js'

/** The committed shell, at the project root and in the package. */
export const explorerShellUrl = new URL('../../../explorer/shell.html', import.meta.url)

/** Where the shell takes the data the overview draws from (before its script): this comment, exactly once. */
export const explorerDataMarker = '<!-- explorer:data -->'
/** Where the shell takes the whole records (after its script): this comment, exactly once. */
export const explorerRecordsMarker = '<!-- explorer:records -->'

/**
 * JSON text that is safe as the content of a `<script>` element: every `<` written `\u003c`
 * (so neither `</script>` nor `<!--` can occur), and U+2028 and U+2029 escaped too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** One data block of the page. */
function dataBlock(kind: 'reports' | 'text' | 'index' | 'record', value: unknown, source?: string): string {
  const of = source === undefined ? '' : ` data-source="${attribute(source)}"`
  return `<script type="application/json" data-explorer="${kind}"${of}>${scriptJson(value)}</script>\n`
}

/** A file of dist-data/ the page offers for download. */
export interface DownloadFile {
  path: string
  bytes: number | null
  description: string
}

/** What the page is finished with: the record layer, the sources and the files beside it. */
export interface ExplorerRecord {
  version: string
  sources: readonly Source[]
  acts: readonly Act[]
  citations: readonly Citation[]
  checks: readonly Check[]
  files: readonly DownloadFile[]
}

/** What the overview and the table need of an act: its fields less the long ones, with how much evidence it has and from which sides. */
export type ActSummary = Pick<
  Act,
  | 'id'
  | 'date'
  | 'dateStart'
  | 'jurisdiction'
  | 'jurisdictionType'
  | 'jurisdictionName'
  | 'body'
  | 'actor'
  | 'actType'
  | 'stage'
  | 'characterization'
  | 'characterizationBasis'
  | 'stance'
> & { evidenceCount: number; evidenceSides: Source['side'][] }

/** The index block: all the overview draws from, besides the reports and texts. */
export interface ExplorerIndex {
  version: string
  cite: { title: string; authors: string; version: string }
  counts: { citations: number; checks: number }
  sources: readonly Source[]
  comparedFields: readonly string[]
  files: readonly DownloadFile[]
  acts: ActSummary[]
}

/** The record block: the whole records, and each linked report's differences from its act by the build's own rule. */
export interface ExplorerRecords {
  acts: readonly Act[]
  citations: readonly Citation[]
  checks: readonly Check[]
  differences: Record<string, string[]>
}

/** An act's summary; `sideOf` gives the side of a citation or of a source text by id. */
function summaryOf(act: Act, sideOf: ReadonlyMap<string, Source['side']>): ActSummary {
  const sides = new Set<Source['side']>()
  for (const e of act.evidence) {
    const side = sideOf.get(e.citation ?? e.anchor?.sourceId ?? '')
    if (side) sides.add(side)
  }
  return {
    id: act.id,
    date: act.date,
    dateStart: act.dateStart,
    jurisdiction: act.jurisdiction,
    jurisdictionType: act.jurisdictionType,
    jurisdictionName: act.jurisdictionName,
    body: act.body,
    actor: act.actor,
    actType: act.actType,
    stage: act.stage,
    characterization: act.characterization,
    characterizationBasis: act.characterizationBasis,
    stance: act.stance,
    evidenceCount: act.evidence.length,
    evidenceSides: [...sides].sort()
  }
}

/** What a linked report is compared on, kept until the acts are known. */
type Compared = Pick<
  Report,
  'id' | 'act' | 'jurisdiction' | 'date' | 'dateStart' | 'dateEnd' | 'body' | 'actor' | 'actType' | 'stage' | 'characterization' | 'stance'
>

/** Where the page's text goes, piece by piece (a staged file, or a list in memory). */
export interface TextSink {
  append(text: string): void
}

/** The shell split at its two markers, each of which must occur exactly once, in that order. */
function splitShell(shell: string): [string, string, string] {
  const once = (marker: string) => {
    const at = shell.indexOf(marker)
    if (at < 0 || shell.indexOf(marker, at + 1) >= 0) throw new Error(`the explorer shell must hold ${marker} exactly once`)
    return at
  }
  const data = once(explorerDataMarker)
  const records = once(explorerRecordsMarker)
  if (records < data) throw new Error(`the explorer shell must hold ${explorerDataMarker} before ${explorerRecordsMarker}`)
  return [shell.slice(0, data), shell.slice(data + explorerDataMarker.length, records), shell.slice(records + explorerRecordsMarker.length)]
}

/** Reads the committed shell. */
export function readExplorerShell(): string {
  return readFileSync(explorerShellUrl, 'utf8')
}

/**
 * Writes the page into `sink`: the shell's head now, each source's blocks as they come, and at
 * `finish` the index, the shell's script, the records and the shell's end.
 */
export class ExplorerPage {
  readonly #middle: string
  readonly #tail: string
  readonly #compared: Compared[] = []

  constructor(
    readonly sink: TextSink,
    shell: string = readExplorerShell()
  ) {
    const [head, middle, tail] = splitShell(shell)
    this.#middle = middle
    this.#tail = tail
    sink.append(head)
  }

  /** A source's reports and its verbatim text (UTF-8 bytes, as published). */
  addSource(source: Source, reports: readonly Report[], verbatim: Uint8Array | string): void {
    const text = typeof verbatim === 'string' ? verbatim : new TextDecoder('utf-8', { ignoreBOM: true }).decode(verbatim)
    this.sink.append(dataBlock('reports', reports, source.id))
    this.sink.append(dataBlock('text', text, source.id))
    for (const r of reports) {
      if (r.act === null) continue
      const { id, act, jurisdiction, date, dateStart, dateEnd, body, actor, actType, stage, characterization, stance } = r
      this.#compared.push({ id, act, jurisdiction, date, dateStart, dateEnd, body, actor, actType, stage, characterization, stance })
    }
  }

  /** The index, the shell's script, the records (with every report's differences from its act) and the rest of the shell. */
  finish(record: ExplorerRecord): void {
    const acts = new Map(record.acts.map((a) => [a.id, a]))
    const differences: Record<string, string[]> = {}
    for (const report of this.#compared) {
      const act = acts.get(report.act!)
      if (act) differences[report.id] = reportDifferences(report, act)
    }
    const sideOf = new Map<string, Source['side']>([
      ...record.citations.map((c): [string, Source['side']] => [c.id, c.side]),
      ...record.sources.map((s): [string, Source['side']] => [s.id, s.side])
    ])
    const index: ExplorerIndex = {
      version: record.version,
      cite: { title: citationTitle, authors: 'khojaly-recognition contributors', version: record.version },
      counts: { citations: record.citations.length, checks: record.checks.length },
      sources: record.sources,
      comparedFields,
      files: record.files,
      acts: record.acts.map((a) => summaryOf(a, sideOf))
    }
    const records: ExplorerRecords = { acts: record.acts, citations: record.citations, checks: record.checks, differences }
    this.sink.append(dataBlock('index', index))
    this.sink.append(this.#middle)
    this.sink.append(dataBlock('record', records))
    this.sink.append(this.#tail)
  }
}

/** A whole dataset held in memory, for `renderExplorerPage`. */
export interface ExplorerDataset extends Omit<ExplorerRecord, 'files'> {
  reports: readonly Report[]
  /** Each source's verbatim text, by source id. */
  texts: ReadonlyMap<string, string>
  files?: readonly DownloadFile[]
}

/** The page for a dataset held in memory (a fixture, the bench's larger record): the same blocks as a build writes. */
export function renderExplorerPage(dataset: ExplorerDataset, shell: string = readExplorerShell()): string {
  const parts: string[] = []
  const page = new ExplorerPage({ append: (text) => parts.push(text) }, shell)
  for (const source of dataset.sources) {
    const text = dataset.texts.get(source.id)
    if (text === undefined) throw new Error(`no text for source ${source.id}`)
    page.addSource(
      source,
      dataset.reports.filter((r) => r.provenance[0]?.sourceId === source.id),
      text
    )
  }
  page.finish({ ...dataset, files: dataset.files ?? downloadFiles(new Map(), [], dataset.sources) })
  return parts.join('')
}

/**
 * The files of dist-data/ the page links to, with what each holds: the Data Package, each
 * entity's JSON and CSV, the tidy tables, the verbatim texts and the timeline.
 */
export function downloadFiles(
  written: ReadonlyMap<string, { bytes: number }>,
  tidy: readonly { name: string; description: string }[],
  sources: readonly Source[]
): DownloadFile[] {
  const bytes = (path: string) => written.get(path)?.bytes ?? null
  const files: DownloadFile[] = [
    { path: 'datapackage.json', bytes: null, description: 'The Frictionless Data Package: every file below, its schema, size and hash.' }
  ]
  for (const e of entities) files.push({ path: `${e.name}.json`, bytes: bytes(`${e.name}.json`), description: e.description })
  for (const e of entities) files.push({ path: `${e.name}.csv`, bytes: bytes(`${e.name}.csv`), description: e.description })
  for (const t of tidy) files.push({ path: `${t.name}.csv`, bytes: bytes(`${t.name}.csv`), description: t.description })
  for (const s of sources)
    files.push({
      path: s.path,
      bytes: bytes(s.path),
      description: `The verbatim text of "${s.title}", against which provenance offsets are counted (code points).`
    })
  const listed = new Set(files.map((f) => f.path))
  for (const [path, file] of written)
    if (!listed.has(path))
      files.push({ path, bytes: file.bytes, description: path.endsWith('.svg') ? 'The timeline of the acts of record (SVG).' : 'A file of the dataset.' })
  return files
}
