/**
 * The dataset as the page holds it, from the page's `<script type="application/json">` blocks
 * (written by the data build into the shell): the index, the reports and the texts come before
 * the page's script and are read at once; the whole records come after it and are read when a
 * view first needs them, once the parser has reached them.
 */
import type { ActSummary, DownloadFile, ExplorerIndex, ExplorerRecords } from '../../src/pipeline/emit/explorer-page.js'
import type { Act, Check, Citation, Report, Source } from '../../src/schema/index.js'
import { characterizationStrength, type sides } from '../../src/schema/vocabularies.js'
import type { Atlas } from '../atlas.js'

export type { Act, ActSummary, Check, Citation, DownloadFile, Report, Source }
export type Term = (typeof characterizationStrength)[number]
export type Side = keyof typeof sides

/** One act with what the table sorts and filters on, computed once. */
export interface ActRow {
  act: ActSummary
  year: number | null
  /** Its strongest term, by the vocabulary's order; null when it uses none. */
  strongest: Term | null
  /** The sides of its evidence: a citation's side, or the side of the text an anchor points into. */
  sides: ReadonlySet<Side>
  /** Lower-case text that the search looks in, made on the first search. */
  haystack?: string
}

/** What the overview and the table read. */
export interface Data extends Omit<ExplorerIndex, 'acts'> {
  atlas: Atlas
  reports: Report[]
  rows: ActRow[]
  rowById: Map<string, ActRow>
  sourceById: Map<string, Source>
  reportById: Map<string, Report>
  reportsByAct: Map<string, Report[]>
  /** Verbatim texts by source id. */
  texts: Map<string, string>
}

/** The whole records, for an act's page, a source view and the search. */
export interface Records {
  actById: Map<string, Act>
  citationById: Map<string, Citation>
  /** Checks by `${recordType}:${recordId}`. */
  checksOf: Map<string, Check[]>
  differences: Record<string, string[]>
}

const strength = new Map<string, number>(characterizationStrength.map((t, i) => [t, i]))

/** The strongest of some terms, by the vocabulary's order; null for none. */
export function strongestTerm(terms: readonly string[]): Term | null {
  let best: Term | null = null
  for (const t of terms) if (best === null || strength.get(t)! < strength.get(best)!) best = t as Term
  return best
}

/** Rows by the first day their date can mean; undated last. */
export function byDate(x: ActRow, y: ActRow): number {
  const a = x.act.dateStart ?? '9999'
  const b = y.act.dateStart ?? '9999'
  return a < b ? -1 : a > b ? 1 : 0
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

/** Reads the blocks that come before the page's script. */
export function loadData(doc: Document): Data {
  const index = parseBlock<ExplorerIndex>(doc.querySelector('script[data-explorer="index"]'), 'index')
  const atlas = parseBlock<Atlas>(doc.querySelector('script[data-explorer="atlas"]'), 'atlas')
  const reports: Report[] = []
  for (const block of doc.querySelectorAll('script[data-explorer="reports"]')) for (const r of parseBlock<Report[]>(block, 'reports')) reports.push(r)
  const texts = new Map<string, string>()
  for (const block of doc.querySelectorAll('script[data-explorer="text"]'))
    texts.set(block.getAttribute('data-source') ?? '', parseBlock<string>(block, 'text'))
  // Kept in the table's default order (by date, then id), so that a filter in that order needs no sort.
  const rows = index.acts.map((act): ActRow => ({
    act,
    year: act.dateStart === null ? null : Number(act.dateStart.slice(0, 4)),
    strongest: strongestTerm(act.characterization),
    sides: new Set(act.evidenceSides)
  }))
  rows.sort((x, y) => byDate(x, y) || (x.act.id < y.act.id ? -1 : x.act.id > y.act.id ? 1 : 0))
  const reportsByAct = new Map<string, Report[]>()
  for (const r of reports) if (r.act !== null) push(reportsByAct, r.act, r)
  const { acts: _acts, ...rest } = index
  return {
    ...rest,
    atlas,
    reports,
    rows,
    rowById: new Map(rows.map((r) => [r.act.id, r])),
    sourceById: new Map(index.sources.map((s) => [s.id, s])),
    reportById: new Map(reports.map((r) => [r.id, r])),
    reportsByAct,
    texts
  }
}

let records: Records | undefined

/** The whole records; undefined while the parser has not reached them. */
export function loadRecords(doc: Document): Records | undefined {
  if (records) return records
  const block = doc.querySelector('script[data-explorer="record"]')
  if (!block || doc.readyState === 'loading') return undefined
  const full = parseBlock<ExplorerRecords>(block, 'record')
  const checksOf = new Map<string, Check[]>()
  for (const c of full.checks) push(checksOf, `${c.recordType}:${c.recordId}`, c)
  records = {
    actById: new Map(full.acts.map((a) => [a.id, a])),
    citationById: new Map(full.citations.map((c) => [c.id, c])),
    checksOf,
    differences: full.differences
  }
  return records
}

/** The text the search looks in: ids, names, body and its aliases, identifier, session, place, people, notes and evidence quotes (only the summary's fields before the records are read). */
export function haystackOf(row: ActRow, full: Records | undefined): string {
  if (row.haystack !== undefined) return row.haystack
  const a = full?.actById.get(row.act.id)
  const s = row.act
  const parts: (string | null)[] = [s.id, s.jurisdiction, s.jurisdictionName, s.body, s.actType, s.date]
  if (a) {
    parts.push(...a.bodyAliases, a.identifier, a.session, a.place, a.notes)
    for (const p of a.people) parts.push(p.name, p.role)
    for (const e of a.evidence) parts.push(e.quote)
  }
  const text = parts
    .filter((p): p is string => typeof p === 'string')
    .join('\n')
    .toLowerCase()
  if (a) row.haystack = text
  return text
}
