/**
 * The timeline of acts: years across, one row per strongest term (so the term is read from the
 * row's label, never from a colour), one mark per act stacked within its year. The mark's shape
 * gives the stage: filled when adopted, signed or published, hollow when introduced, in
 * committee, a draft or unknown; a counter-act (stance `rejects`) is a cross. Every mark has a
 * title and opens the act; the table below the chart gives the same counts as text.
 */
import { characterizationMarks, characterizationStrength } from '../../src/schema/vocabularies.js'
import type { ActRow, Data, Term } from './data.js'
import { html, raw, type Html } from './html.js'

const reached = new Set(['adopted', 'signed', 'published'])
const width = 960
const left = 190
const right = 10
const top = 28
const mark = 6
const gap = 1.5
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/** A drawn mark: its top-left corner and its act. */
interface Mark {
  x: number
  y: number
  row: ActRow
}
/** The marks of the timeline drawn last. */
let marks: Mark[] = []

/** The act whose mark is at (x, y) in the chart's coordinates, if any. */
export function actAt(x: number, y: number): ActRow | undefined {
  return marks.find((m) => x >= m.x - 0.5 && x <= m.x + mark + 0.5 && y >= m.y - 0.5 && y <= m.y + mark + 0.5)?.row
}

/** What a mark's tooltip says. */
export function markLabel(row: ActRow): string {
  const a = row.act
  return `${a.jurisdictionName}, ${a.body ?? a.actType ?? 'act'}, ${a.date ?? 'no date'}: ${a.actor}, ${a.stage}; terms: ${a.characterization.join(', ') || 'none'}${a.stance.includes('rejects') ? '; a counter-act' : ''}`
}

/** The row an act goes in: its strongest term's, or "none". */
const rowOf = (row: ActRow): Term | 'none' => row.strongest ?? 'none'

/** The timeline section: the chart and its table. */
export function timelineSection(data: Data): Html {
  const dated = data.rows.filter((r) => r.year !== null)
  const undated = data.rows.length - dated.length
  const firstYear = dated.reduce((m, r) => Math.min(m, r.year!), Infinity)
  const lastYear = dated.reduce((m, r) => Math.max(m, r.year!), -Infinity)
  const years = Number.isFinite(firstYear) ? lastYear - firstYear + 1 : 0
  const band = years > 0 ? (width - left - right) / years : 0
  const perLine = Math.max(1, Math.floor((band - gap) / (mark + gap)))
  const terms: (Term | 'none')[] = [...characterizationStrength, 'none']
  // One pass: the marks of each row and year, how many each row has, and the fullest year of each row.
  const cells = new Map<string, ActRow[]>()
  const perRow = new Map<string, number>()
  const fullest = new Map<string, number>()
  for (const r of dated) {
    const term = rowOf(r)
    const key = `${term}|${r.year}`
    const list = cells.get(key)
    if (list) list.push(r)
    else cells.set(key, [r])
    perRow.set(term, (perRow.get(term) ?? 0) + 1)
    fullest.set(term, Math.max(fullest.get(term) ?? 0, cells.get(key)!.length))
  }
  const rows = terms.filter((t) => perRow.has(t))
  const heights = rows.map((t) => Math.max(1, Math.ceil(fullest.get(t)! / perLine)) * (mark + gap) + 12)
  const height = top + heights.reduce((a, b) => a + b, 0) + 24
  const out: string[] = []
  for (let y = firstYear; y <= lastYear + 1 && years > 0; y++) {
    const x = left + (y - firstYear) * band
    out.push(`<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${height - 20}" class="grid"/>`)
    if (y <= lastYear && (y - firstYear) % (years > 20 ? 4 : 2) === 0)
      out.push(`<text x="${(x + band / 2).toFixed(1)}" y="${top - 10}" class="year">${y}</text>`)
  }
  // All marks of a kind in one path: a record ten times larger stays a handful of elements. The pointer finds an act by its place (actAt).
  const done: string[] = []
  const open: string[] = []
  const counter: string[] = []
  marks = []
  let rowTop = top
  rows.forEach((term, i) => {
    const h = heights[i]!
    out.push(`<line x1="${left}" y1="${rowTop}" x2="${width - right}" y2="${rowTop}" class="row-line"/>`)
    out.push(`<text x="${left - 8}" y="${rowTop + 14}" class="term">${term === 'none' ? 'no term' : `${esc(term)} (${characterizationMarks[term]})`}</text>`)
    for (let y = firstYear; y <= lastYear; y++) {
      const list = cells.get(`${term}|${y}`)
      if (!list) continue
      list.sort((a, b) => (a.act.dateStart! < b.act.dateStart! ? -1 : a.act.dateStart! > b.act.dateStart! ? 1 : 0))
      list.forEach((r, k) => {
        const x = Math.round((left + (y - firstYear) * band + gap + (k % perLine) * (mark + gap)) * 10) / 10
        const y0 = Math.round((rowTop + 6 + Math.floor(k / perLine) * (mark + gap)) * 10) / 10
        const a = r.act
        if (a.stance.includes('rejects')) counter.push(`M${x} ${y0}l${mark} ${mark}m0 -${mark}l-${mark} ${mark}`)
        else (reached.has(a.stage) ? done : open).push(`M${x} ${y0}h${mark}v${mark}h-${mark}z`)
        marks.push({ x, y: y0, row: r })
      })
    }
    rowTop += h
  })
  out.push(`<path class="done" d="${done.join('')}"/><path class="open" d="${open.join('')}"/><path class="counter" d="${counter.join('')}"/>`)
  const counters = data.rows.filter((r) => r.act.stance.includes('rejects')).length
  const unfinished = data.rows.filter((r) => !reached.has(r.act.stage)).length
  const description = `${dated.length} dated acts from ${firstYear} to ${lastYear}, one row per strongest term (${rows
    .map((t) => `${t === 'none' ? 'no term' : t}: ${perRow.get(t)}`)
    .join(
      ', '
    )}). Filled squares: acts adopted, signed or published; hollow squares: ${unfinished} acts introduced, in committee, drafts or of unknown stage; crosses: ${counters} counter-acts.${undated > 0 ? ` ${undated} undated acts are not drawn.` : ''} The table below gives the counts by year.`
  const table = timelineTable(data, rows, firstYear, lastYear)
  return html`<section aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">Timeline</h2>
    <figure>
      <div class="chart-scroll" role="region" aria-label="Timeline chart (scrolls sideways on a narrow screen)" tabindex="0">
        <svg viewBox="0 0 ${width} ${height}" class="timeline" role="img" aria-labelledby="tl-title tl-desc">
          <title id="tl-title">Acts of record by year and strongest term</title>
          <desc id="tl-desc">${description}</desc>
          ${raw(out.join(''))}
        </svg>
      </div>
      <div id="timeline-tip" class="tip" aria-hidden="true" hidden></div>
      <figcaption>
        One mark per act, in the row of its strongest term, in the column of its year; point at a mark to name its act, click it to open it.
        <span class="key"
          ><svg width="14" height="10" aria-hidden="true"><rect x="2" y="2" width="6" height="6" class="done" /></svg> adopted, signed or published</span
        >
        <span class="key"
          ><svg width="14" height="10" aria-hidden="true"><rect x="2" y="2" width="6" height="6" class="open" /></svg> introduced, in committee, a draft or
          unknown</span
        >
        <span class="key"
          ><svg width="14" height="10" aria-hidden="true"><path d="M2 2l6 6m0 -6l-6 6" class="counter" /></svg> counter-act (rejects a characterization)</span
        >
        ${undated > 0 ? html`<span>${undated} undated acts are not drawn.</span>` : ''}
      </figcaption>
    </figure>
    ${table}
  </section>`
}

/** The chart's counts as a table: acts per year and row. */
function timelineTable(data: Data, rows: readonly (Term | 'none')[], firstYear: number, lastYear: number): Html {
  const count = new Map<string, number>()
  for (const r of data.rows) if (r.year !== null) count.set(`${r.year}|${rowOf(r)}`, (count.get(`${r.year}|${rowOf(r)}`) ?? 0) + 1)
  const years: number[] = []
  for (let y = firstYear; y <= lastYear; y++) if (rows.some((t) => count.has(`${y}|${t}`))) years.push(y)
  return html`<details>
    <summary>The timeline as a table (acts by year and strongest term)</summary>
    <div class="scroll" role="region" aria-label="Acts by year and strongest term" tabindex="0">
      <table class="compact">
        <caption class="visually-hidden">
          Acts of record by year and strongest term
        </caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            ${rows.map((t) => html`<th scope="col">${t === 'none' ? 'no term' : t}</th>`)}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          ${years.map(
            (y) =>
              html`<tr>
                <th scope="row">${y}</th>
                ${rows.map((t) => html`<td class="num">${count.get(`${y}|${t}`) ?? 0}</td>`)}
                <td class="num">${rows.reduce((s, t) => s + (count.get(`${y}|${t}`) ?? 0), 0)}</td>
              </tr>`
          )}
        </tbody>
      </table>
    </div>
  </details>`
}
