/**
 * The table of every act: the filter form, the sortable table of one page, and the pager.
 */
import { actors, characterizationBases, characterizationStrength, sides, stages } from '../../src/schema/vocabularies.js'
import { loadRecords, type ActRow, type Data } from './data.js'
import { applyView, pageCount, pageSize, type SortKey, type View } from './filters.js'
import { html, type Html } from './html.js'

/** Column headings, by sort key. */
const columns: [SortKey, string][] = [
  ['body', 'Act'],
  ['date', 'Date'],
  ['jurisdiction', 'Jurisdiction'],
  ['actor', 'Actor'],
  ['stage', 'Stage'],
  ['term', 'Terms'],
  ['basis', 'Basis'],
  ['evidence', 'Evidence']
]

const sideNames: Record<string, string> = { independent: 'independent', az: 'aligned with Azerbaijan', am: 'aligned with Armenia' }

function options(values: readonly { value: string; label: string }[], selected: string, any: string): Html {
  return html`<option value="">${any}</option>
    ${values.map((o) => html`<option value="${o.value}" ${selected === o.value ? html` selected` : ''}>${o.label}</option>`)}`
}

/** How many acts have each value, for the options' labels. */
function tally(rows: readonly ActRow[], values: (row: ActRow) => readonly string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of rows) for (const v of values(r)) out.set(v, (out.get(v) ?? 0) + 1)
  return out
}

/** The filter form, set to `view`. */
export function filterForm(data: Data, view: View): Html {
  const terms = tally(data.rows, (r) => (r.act.characterization.length > 0 ? r.act.characterization : ['none']))
  const stageCounts = tally(data.rows, (r) => [r.act.stage])
  const actorCounts = tally(data.rows, (r) => [r.act.actor])
  const sideCounts = tally(data.rows, (r) => [...r.sides])
  const years = tally(data.rows, (r) => (r.year === null ? [] : [String(r.year)]))
  const places = new Map<string, string>()
  for (const r of data.rows) places.set(r.act.jurisdiction, r.act.jurisdictionName)
  const jurisdictionCounts = tally(data.rows, (r) => [r.act.jurisdiction])
  const n = (map: Map<string, number>, v: string) => map.get(v) ?? 0
  return html`<form class="filters" role="search" aria-label="Filter the acts" id="filters">
      <label
        >Term
        <select name="term">
          ${options(
            [...characterizationStrength.filter((t) => terms.has(t)), ...(terms.has('none') ? ['none'] : [])].map((t) => ({
              value: t,
              label: `${t === 'none' ? 'no term' : t} (${n(terms, t)})`
            })),
            view.term,
            'any term'
          )}
        </select></label
      >
      <label
        >Stage
        <select name="stage">
          ${options(
            Object.keys(stages)
              .filter((s) => stageCounts.has(s))
              .map((s) => ({ value: s, label: `${s} (${n(stageCounts, s)})` })),
            view.stage,
            'any stage'
          )}
        </select></label
      >
      <label
        >Actor
        <select name="actor">
          ${options(
            Object.keys(actors)
              .filter((a) => actorCounts.has(a))
              .map((a) => ({ value: a, label: `${a} (${n(actorCounts, a)})` })),
            view.actor,
            'any actor'
          )}
        </select></label
      >
      <label
        >Jurisdiction
        <select name="jurisdiction">
          ${options(
            [...places]
              .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
              .map(([code, name]) => ({ value: code, label: `${name} (${code}, ${n(jurisdictionCounts, code)})` })),
            view.jurisdiction,
            'any jurisdiction'
          )}
        </select></label
      >
      <label
        >Year
        <select name="year">
          ${options(
            [...years.keys()].sort().map((y) => ({ value: y, label: `${y} (${n(years, y)})` })),
            view.year,
            'any year'
          )}
        </select></label
      >
      <label
        >Evidence side
        <select name="side">
          ${options(
            Object.keys(sides).map((s) => ({ value: s, label: `${sideNames[s]} (${n(sideCounts, s)})` })),
            view.side,
            'any side'
          )}
        </select></label
      >
      <label class="search"
        >Search <input type="search" name="q" value="${view.q}" placeholder="body, place, person, words of the evidence" autocomplete="off"
      /></label>
      <button type="button" data-action="clear">Clear filters</button>
    </form>
    <p class="hint">
      Evidence side: the acts with at least one evidence entry from a publisher of that side. The search looks in names, bodies, identifiers, people, notes and
      the evidence quotes.
    </p>`
}

/** The first page number a view can show, given how many rows it keeps. */
export function clampPage(view: View, count: number): number {
  return Math.min(Math.max(1, view.page), pageCount(count))
}

const termsCell = (row: ActRow) => (row.act.characterization.length > 0 ? row.act.characterization.join(', ') : '—')

/** The table of one page of the view, with its count and pager. */
export function tableRegion(data: Data, view: View): { html: Html; shown: ActRow[] } {
  const kept = applyView(data.rows, view, loadRecords(document))
  const page = clampPage(view, kept.length)
  const pages = pageCount(kept.length)
  const shown = kept.slice((page - 1) * pageSize, page * pageSize)
  const from = kept.length === 0 ? 0 : (page - 1) * pageSize + 1
  const to = (page - 1) * pageSize + shown.length
  const head = columns.map(([key, label]) => {
    const sorted = view.sort === key
    const next = sorted && view.dir === 'asc' ? 'descending' : 'ascending'
    return html`<th scope="col" ${sorted ? html` aria-sort="${view.dir === 'asc' ? 'ascending' : 'descending'}"` : ''}>
      <button type="button" data-sort="${key}" aria-label="${label}: sort ${next}">
        ${label}<span aria-hidden="true">${sorted ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>`
  })
  const body = shown.map((row) => {
    const a = row.act
    return html`<tr>
      <td>
        <a href="#/act/${encodeURIComponent(a.id)}" data-act-link="${a.id}"
          >${a.body ?? a.actType ?? 'Act'}<span class="visually-hidden">, ${a.jurisdictionName}, ${a.date ?? 'no date'}</span></a
        ><span class="id">${a.id}</span>
      </td>
      <td class="date">${a.date ?? '—'}</td>
      <td>${a.jurisdictionName} <span class="code">${a.jurisdiction}</span></td>
      <td>${a.actor}</td>
      <td>${a.stage}${a.stance.includes('rejects') ? html` <span class="counter-tag">counter-act</span>` : ''}</td>
      <td>${termsCell(row)}</td>
      <td><span title="${characterizationBases[a.characterizationBasis]}">${a.characterizationBasis}</span></td>
      <td class="num">${a.evidenceCount}<span class="sides">${[...row.sides].map((s) => sideNames[s]).join(', ')}</span></td>
    </tr>`
  })
  const region = html`<p id="result-count" class="count" role="status">
      ${kept.length === 0 ? 'No act matches these filters.' : `Acts ${from}–${to} of ${kept.length}`}${kept.length !== data.rows.length ? ` (of ${data.rows.length} in all)` : ''};
      ${pageSize} acts a page.
    </p>
    <div class="scroll" role="region" aria-labelledby="acts-caption" tabindex="0">
      <table class="acts" data-kept="${kept.length}" data-page="${page}">
        <caption id="acts-caption" tabindex="-1">
          Acts of record, page ${page} of ${pages}, sorted by ${columns.find(([k]) => k === view.sort)![1].toLowerCase()}
          (${view.dir === 'asc' ? 'ascending' : 'descending'})
        </caption>
        <colgroup>
          <col class="c-act" />
          <col class="c-date" />
          <col class="c-place" />
          <col class="c-actor" />
          <col class="c-stage" />
          <col class="c-terms" />
          <col class="c-basis" />
          <col class="c-evidence" />
        </colgroup>
        <thead>
          <tr>
            ${head}
          </tr>
        </thead>
        <tbody>
          ${body}
        </tbody>
      </table>
    </div>
    <nav class="pager" aria-label="Pages of the table">
      <button type="button" data-page="${page - 1}" ${page <= 1 ? html` disabled` : ''}>Previous page</button>
      <span>Page ${page} of ${pages}</span>
      <button type="button" data-page="${page + 1}" ${page >= pages ? html` disabled` : ''}>Next page</button>
    </nav>`
  return { html: region, shown }
}
