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
  const cells = new Map<string, ActRow[]>()
  for (const r of dated) {
    const key = `${rowOf(r)}|${r.year}`
    const list = cells.get(key)
    if (list) list.push(r)
    else cells.set(key, [r])
  }
  const rows = terms.filter((t) => dated.some((r) => rowOf(r) === t))
  const heights = rows.map((t) => {
    let most = 0
    for (let y = firstYear; y <= lastYear; y++) most = Math.max(most, cells.get(`${t}|${y}`)?.length ?? 0)
    return Math.max(1, Math.ceil(most / perLine)) * (mark + gap) + 12
  })
  const height = top + heights.reduce((a, b) => a + b, 0) + 24
  const out: string[] = []
  for (let y = firstYear; y <= lastYear + 1 && years > 0; y++) {
    const x = left + (y - firstYear) * band
    out.push(`<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${height - 20}" class="grid"/>`)
    if (y <= lastYear && (y - firstYear) % (years > 20 ? 4 : 2) === 0)
      out.push(`<text x="${(x + band / 2).toFixed(1)}" y="${top - 10}" class="year">${y}</text>`)
  }
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
        const x = left + (y - firstYear) * band + gap + (k % perLine) * (mark + gap)
        const y0 = rowTop + 6 + Math.floor(k / perLine) * (mark + gap)
        const a = r.act
        const title = `${a.jurisdictionName}, ${a.body ?? a.actType ?? 'act'}, ${a.date ?? 'no date'}: ${a.actor}, ${a.stage}; terms: ${a.characterization.join(', ') || 'none'}${a.stance.includes('rejects') ? '; a counter-act' : ''}`
        const shape = a.stance.includes('rejects')
          ? `<path d="M${x.toFixed(1)} ${y0}l${mark} ${mark}m0 -${mark}l-${mark} ${mark}" class="counter"/>`
          : `<rect x="${x.toFixed(1)}" y="${y0}" width="${mark}" height="${mark}" class="${reached.has(a.stage) ? 'done' : 'open'}"/>`
        out.push(`<g data-act="${esc(a.id)}"><title>${esc(title)}</title>${shape}</g>`)
      })
    }
    rowTop += h
  })
  const counters = data.rows.filter((r) => r.act.stance.includes('rejects')).length
  const open = data.rows.filter((r) => !reached.has(r.act.stage)).length
  const description = `${dated.length} dated acts from ${firstYear} to ${lastYear}, one row per strongest term (${rows
    .map((t) => `${t === 'none' ? 'no term' : t}: ${dated.filter((r) => rowOf(r) === t).length}`)
    .join(
      ', '
    )}). Filled squares: acts adopted, signed or published; hollow squares: ${open} acts introduced, in committee, drafts or of unknown stage; crosses: ${counters} counter-acts.${undated > 0 ? ` ${undated} undated acts are not drawn.` : ''} The table below gives the counts by year.`
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
      <figcaption>
        One mark per act, in the row of its strongest term, in the column of its year.
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
