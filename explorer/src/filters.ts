/**
 * The table's view: its filters, sort and page, kept in the address (`#/?term=genocide&page=2`)
 * so that a link restores the view; and the rows that view shows.
 */
import { actors, characterizationBases, characterizationStrength, sides, stages } from '../../src/schema/vocabularies.js'
import { haystackOf, type ActRow, type Records } from './data.js'

/** Rows a page of the table shows. */
export const pageSize = 50

/** The filters, each empty when not set. */
export interface Filters {
  term: string
  stage: string
  actor: string
  jurisdiction: string
  year: string
  side: string
  q: string
}

/** Columns the table sorts on. */
export const sortKeys = ['date', 'jurisdiction', 'body', 'actor', 'stage', 'term', 'basis', 'evidence'] as const
export type SortKey = (typeof sortKeys)[number]

/** A view of the table. */
export interface View extends Filters {
  sort: SortKey
  dir: 'asc' | 'desc'
  /** 1-based. */
  page: number
}

export const filterNames = ['term', 'stage', 'actor', 'jurisdiction', 'year', 'side', 'q'] as const

/** The default view: every act, by date, first page. */
export function defaultView(): View {
  return { term: '', stage: '', actor: '', jurisdiction: '', year: '', side: '', q: '', sort: 'date', dir: 'asc', page: 1 }
}

/** The view a query string gives (unknown values are dropped). */
export function viewFromQuery(query: string): View {
  const params = new URLSearchParams(query)
  const view = defaultView()
  for (const name of filterNames) view[name] = params.get(name) ?? ''
  const sort = params.get('sort')
  if ((sortKeys as readonly string[]).includes(sort ?? '')) view.sort = sort as SortKey
  if (params.get('dir') === 'desc') view.dir = 'desc'
  const page = Number(params.get('page'))
  if (Number.isInteger(page) && page > 0) view.page = page
  return view
}

/** The query string of a view: only what differs from the default, in a fixed order. */
export function queryOfView(view: View): string {
  const params = new URLSearchParams()
  for (const name of filterNames) if (view[name] !== '') params.set(name, view[name])
  if (view.sort !== 'date') params.set('sort', view.sort)
  if (view.dir !== 'asc') params.set('dir', view.dir)
  if (view.page !== 1) params.set('page', String(view.page))
  return params.toString()
}

/** Whether an act passes every filter of the view. */
function passes(row: ActRow, view: View, words: readonly string[], full: Records | undefined): boolean {
  const a = row.act
  if (view.term && !(view.term === 'none' ? a.characterization.length === 0 : (a.characterization as string[]).includes(view.term))) return false
  if (view.stage && a.stage !== view.stage) return false
  if (view.actor && a.actor !== view.actor) return false
  if (view.jurisdiction && a.jurisdiction !== view.jurisdiction) return false
  if (view.year && String(row.year ?? '') !== view.year) return false
  if (view.side && !row.sides.has(view.side as keyof typeof sides)) return false
  if (words.length > 0) {
    const text = haystackOf(row, full)
    for (const w of words) if (!text.includes(w)) return false
  }
  return true
}

const order = (list: readonly string[]) => new Map(list.map((v, i) => [v, i]))
const stageOrder = order(Object.keys(stages))
const actorOrder = order(Object.keys(actors))
const termOrder = order(characterizationStrength)
const basisOrder = order(Object.keys(characterizationBases))
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** How two rows compare on a column; ties are broken by date, then id, so the order is total. */
function compare(key: SortKey, x: ActRow, y: ActRow): number {
  const a = x.act
  const b = y.act
  switch (key) {
    case 'jurisdiction':
      return text(a.jurisdictionName, b.jurisdictionName)
    case 'body':
      return text(a.body ?? '', b.body ?? '')
    case 'actor':
      return actorOrder.get(a.actor)! - actorOrder.get(b.actor)!
    case 'stage':
      return stageOrder.get(a.stage)! - stageOrder.get(b.stage)!
    case 'term':
      return (x.strongest === null ? 99 : termOrder.get(x.strongest)!) - (y.strongest === null ? 99 : termOrder.get(y.strongest)!)
    case 'basis':
      return basisOrder.get(a.characterizationBasis)! - basisOrder.get(b.characterizationBasis)!
    case 'evidence':
      return a.evidenceCount - b.evidenceCount
    case 'date':
      return 0
  }
}

/** The rows the view shows, filtered and sorted (every page). */
export function applyView(rows: readonly ActRow[], view: View, full?: Records): ActRow[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean)
  const kept = rows.filter((row) => passes(row, view, words, full))
  // The rows come in the default order (date, then id): that view needs no sort.
  if (view.sort === 'date' && view.dir === 'asc') return kept
  const sign = view.dir === 'desc' ? -1 : 1
  return kept.sort((x, y) => sign * (compare(view.sort, x, y) || text(x.act.dateStart ?? '9999', y.act.dateStart ?? '9999')) || text(x.act.id, y.act.id))
}

/** How many pages `count` rows fill (at least one). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / pageSize))
}
