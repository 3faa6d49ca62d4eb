/**
 * The dataset as the page holds it: read from the page's `<script type="application/json">`
 * blocks (written by the data build into the shell), with the indexes the views need.
 */
import type { Act, Check, Citation, Report, Source } from '../../src/schema/index.js'
import { characterizationStrength, type sides } from '../../src/schema/vocabularies.js'
import type { Atlas } from '../atlas.js'

export type { Act, Check, Citation, Report, Source }
export type Term = (typeof characterizationStrength)[number]
export type Side = keyof typeof sides

/** A file of dist-data/ offered for download. */
export interface DownloadFile {
  path: string
  bytes: number | null
  description: string
}

/** The record block, as src/pipeline/emit/explorer-page.ts writes it. */
interface RecordBlock {
  version: string
  cite: { title: string; authors: string; version: string }
  sources: Source[]
  acts: Act[]
  citations: Citation[]
  checks: Check[]
  comparedFields: string[]
  differences: Record<string, string[]>
  files: DownloadFile[]
}

/** One act with what the table sorts and filters on, computed once. */
export interface ActRow {
  act: Act
  year: number | null
  /** Its strongest term, by the vocabulary's order; null when it uses none. */
  strongest: Term | null
  /** The sides of its evidence: a citation's side, or the side of the text an anchor points into. */
  sides: ReadonlySet<Side>
  /** Lower-case text that the search looks in, made on the first search. */
  haystack?: string
}

/** Everything the views read. */
export interface Data extends RecordBlock {
  atlas: Atlas
  reports: Report[]
  rows: ActRow[]
  actById: Map<string, ActRow>
  citationById: Map<string, Citation>
  sourceById: Map<string, Source>
  reportById: Map<string, Report>
  reportsByAct: Map<string, Report[]>
  /** Checks by `${recordType}:${recordId}`. */
  checksOf: Map<string, Check[]>
  /** Verbatim texts by source id. */
  texts: Map<string, string>
}

const strength = new Map<string, number>(characterizationStrength.map((t, i) => [t, i]))

/** The strongest of some terms, by the vocabulary's order; null for none. */
export function strongestTerm(terms: readonly string[]): Term | null {
  let best: Term | null = null
  for (const t of terms) if (best === null || strength.get(t)! < strength.get(best)!) best = t as Term
  return best
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function parseBlock<T>(element: Element | null, what: string): T {
  if (!element?.textContent) throw new Error(`the page has no ${what} data`)
  return JSON.parse(element.textContent) as T
}

/** Reads the page's data blocks. */
export function loadData(doc: Document): Data {
  const record = parseBlock<RecordBlock>(doc.querySelector('script[data-explorer="record"]'), 'record')
  const atlas = parseBlock<Atlas>(doc.querySelector('script[data-explorer="atlas"]'), 'atlas')
  const reports: Report[] = []
  for (const block of doc.querySelectorAll('script[data-explorer="reports"]')) for (const r of parseBlock<Report[]>(block, 'reports')) reports.push(r)
  const texts = new Map<string, string>()
  for (const block of doc.querySelectorAll('script[data-explorer="text"]'))
    texts.set(block.getAttribute('data-source') ?? '', parseBlock<string>(block, 'text'))
  const citationById = new Map(record.citations.map((c) => [c.id, c]))
  const sourceById = new Map(record.sources.map((s) => [s.id, s]))
  const rows = record.acts.map((act): ActRow => {
    const rowSides = new Set<Side>()
    for (const e of act.evidence) {
      const side = e.citation !== null ? citationById.get(e.citation)?.side : e.anchor !== null ? sourceById.get(e.anchor.sourceId)?.side : undefined
      if (side) rowSides.add(side)
    }
    return { act, year: act.dateStart === null ? null : Number(act.dateStart.slice(0, 4)), strongest: strongestTerm(act.characterization), sides: rowSides }
  })
  const reportsByAct = new Map<string, Report[]>()
  for (const r of reports) if (r.act !== null) push(reportsByAct, r.act, r)
  const checksOf = new Map<string, Check[]>()
  for (const c of record.checks) push(checksOf, `${c.recordType}:${c.recordId}`, c)
  return {
    ...record,
    atlas,
    reports,
    rows,
    actById: new Map(rows.map((r) => [r.act.id, r])),
    citationById,
    sourceById,
    reportById: new Map(reports.map((r) => [r.id, r])),
    reportsByAct,
    checksOf,
    texts
  }
}

/** The text the search looks in: ids, names, body and its aliases, identifier, session, place, people, notes and evidence quotes. */
export function haystackOf(row: ActRow): string {
  if (row.haystack === undefined) {
    const a = row.act
    const parts = [a.id, a.jurisdiction, a.jurisdictionName, a.body, ...a.bodyAliases, a.actType, a.identifier, a.session, a.place, a.notes, a.date]
    for (const p of a.people) parts.push(p.name, p.role)
    for (const e of a.evidence) parts.push(e.quote)
    row.haystack = parts
      .filter((p): p is string => typeof p === 'string')
      .join('\n')
      .toLowerCase()
  }
  return row.haystack
}
