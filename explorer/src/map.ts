/**
 * The map: countries and US states, each filled by the strongest term among its acts of the
 * whole body, a committee or an executive that were adopted, signed or published; acts of
 * members, drafts and acts still in procedure are marks, never fills, so the map never makes a
 * claim stronger than the acts are. Organizations and other units, which have no shape, are
 * listed beside it.
 */
import { characterizationMarks, characterizations, characterizationStrength } from '../../src/schema/vocabularies.js'
import type { AtlasMap } from '../atlas.js'
import { strongestTerm, type ActSummary, type Data, type Term } from './data.js'
import { html, raw, type Html } from './html.js'

/** Actors whose acts fill a jurisdiction. */
export const fillingActors: ReadonlySet<string> = new Set(['body', 'committee', 'executive'])
/** Stages at which an act fills its jurisdiction. */
export const fillingStages: ReadonlySet<string> = new Set(['adopted', 'signed', 'published'])

/** Whether an act fills its jurisdiction on the map (otherwise it is a mark). */
export function fills(act: ActSummary): boolean {
  return fillingActors.has(act.actor) && fillingStages.has(act.stage)
}

/** What the map says of one jurisdiction. */
export interface Jurisdiction {
  code: string
  name: string
  type: ActSummary['jurisdictionType']
  /** The strongest term of its filling acts; null when they use none (or there are none). */
  fill: Term | null
  /** How many of its acts fill, and how many are marks only. */
  filling: number
  marks: number
}

/** Every jurisdiction of the record, by code. */
export function jurisdictions(data: Data): Map<string, Jurisdiction> {
  const out = new Map<string, Jurisdiction>()
  const terms = new Map<string, string[]>()
  for (const { act } of data.rows) {
    let j = out.get(act.jurisdiction)
    if (!j) {
      j = { code: act.jurisdiction, name: act.jurisdictionName, type: act.jurisdictionType, fill: null, filling: 0, marks: 0 }
      out.set(act.jurisdiction, j)
      terms.set(act.jurisdiction, [])
    }
    if (fills(act)) {
      j.filling++
      terms.get(act.jurisdiction)!.push(...act.characterization)
    } else j.marks++
  }
  for (const [code, j] of out) j.fill = strongestTerm(terms.get(code)!)
  return out
}

/** Fill colours from strongest to weakest; the term's letter is drawn on every filled shape too, so colour is never the only sign. */
const palette = ['#3f007d', '#6f4fb0', '#8c6bc4', '#a38bd0', '#b3acd6', '#c7c2e2', '#d2cee8', '#dcd9ee', '#e3e1f2', '#eae8f5', '#f0eff8']
/** A jurisdiction whose filling acts use no term. */
const noTermFill = '#f2dfb8'
const emptyFill = '#f4f4f4'

/** The fill colour of a term (or of filling acts without one). */
export function fillColour(term: Term | null, filling: boolean): string {
  if (!filling) return emptyFill
  return term === null ? noTermFill : palette[characterizationStrength.indexOf(term)]!
}

const letter = (term: Term | null) => (term === null ? '–' : characterizationMarks[term])

/** One map as SVG: shapes filled, a letter on each filled one, a ring on each with marks. */
function mapSvg(map: AtlasMap, found: Map<string, Jurisdiction>, id: string, title: string, description: string): Html {
  const shapes: string[] = []
  const labels: string[] = []
  for (const s of map.shapes) {
    const j = s.code === null ? undefined : found.get(s.code)
    const filling = (j?.filling ?? 0) > 0
    const colour = fillColour(j?.fill ?? null, filling)
    shapes.push(
      `<path d="${s.d}" fill="${colour}"${s.code ? ` data-code="${s.code}"` : ''}${j ? ` data-fill="${filling ? (j.fill ?? 'none') : ''}" class="has-acts"` : ''}/>`
    )
    if (!j) continue
    if (s.small) labels.push(`<circle cx="${s.x}" cy="${s.y}" r="4" fill="${colour}" stroke="#111" stroke-width="1"/>`)
    if (filling) labels.push(`<text x="${s.x}" y="${s.y + 4}" class="map-letter">${letter(j.fill)}</text>`)
    if (j.marks > 0) labels.push(`<circle cx="${s.x + (filling ? 8 : 0)}" cy="${s.y - (filling ? 8 : 0)}" r="3" class="map-mark"/>`)
  }
  return html`<svg viewBox="0 0 ${map.width} ${map.height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="map" id="${id}">
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${description}</desc>
    <g class="shapes">${raw(shapes.join(''))}</g>
    <g class="labels" aria-hidden="true">${raw(labels.join(''))}</g>
  </svg>`
}

/** "genocide (G)". */
const termLabel = (term: Term | null) => (term === null ? 'no term' : `${term} (${characterizationMarks[term]})`)

/** In words: how many jurisdictions of a map are filled by each term, and how many have marks only. */
function describe(list: readonly Jurisdiction[], what: string): string {
  const filled = list.filter((j) => j.filling > 0)
  const byTerm = new Map<string, number>()
  for (const j of filled) byTerm.set(termLabel(j.fill), (byTerm.get(termLabel(j.fill)) ?? 0) + 1)
  const parts = [...byTerm].map(([t, n]) => `${n} by ${t}`)
  const marksOnly = list.filter((j) => j.filling === 0).length
  return `${list.length} ${what} with acts: ${filled.length} filled (${parts.join(', ') || 'none'}); ${marksOnly} with acts of members, drafts or acts in procedure only (marks). The table of jurisdictions below gives each one.`
}

/** The map section: both maps, the legend, the units without a shape, the caption and the table of every jurisdiction. */
export function mapSection(data: Data): Html {
  const found = jurisdictions(data)
  const all = [...found.values()]
  const countries = all.filter((j) => j.type === 'iso-3166-1')
  const states = all.filter((j) => j.type === 'iso-3166-2' && j.code.startsWith('US-'))
  const shaped = new Set([...data.atlas.countries.shapes, ...data.atlas.states.shapes].map((s) => s.code))
  const elsewhere = all.filter((j) => !shaped.has(j.code)).sort((a, b) => (a.name < b.name ? -1 : 1))
  const used = characterizationStrength.filter((t) => all.some((j) => j.filling > 0 && j.fill === t))
  const legend = html`<ul class="legend">
    ${used.map((t) => html`<li><span class="swatch" style="background:${fillColour(t, true)}"></span> <b>${characterizationMarks[t]}</b> ${t}</li>`)}
    ${all.some((j) => j.filling > 0 && j.fill === null) ? html`<li><span class="swatch" style="background:${noTermFill}"></span> <b>–</b> acts that use no term</li>` : ''}
    <li><span class="swatch" style="background:${emptyFill}"></span> no act that fills</li>
    <li>
      <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="3" class="map-mark" /></svg> acts of members, drafts or acts in procedure (a mark,
      never a fill)
    </li>
  </ul>`
  const row = (j: Jurisdiction) =>
    html`<tr>
      <th scope="row">${j.name}</th>
      <td>${j.code}</td>
      <td>${j.filling > 0 ? termLabel(j.fill) : '—'}</td>
      <td class="num">${j.filling}</td>
      <td class="num">${j.marks}</td>
      <td>
        <a href="#/?jurisdiction=${encodeURIComponent(j.code)}">acts<span class="visually-hidden"> of ${j.name}</span></a>
      </td>
    </tr>`
  const head = html`<thead>
    <tr>
      <th scope="col">Jurisdiction</th>
      <th scope="col">Code</th>
      <th scope="col">Fill: strongest term</th>
      <th scope="col">Acts that fill</th>
      <th scope="col">Marks</th>
      <th scope="col"><span class="visually-hidden">Link</span></th>
    </tr>
  </thead>`
  return html`<section aria-labelledby="map-heading" id="map-section">
    <h2 id="map-heading">Map</h2>
    <p>
      Each country and US state is filled by the strongest term among its acts by the <b>whole body, a committee or an executive</b> that were
      <b>adopted, signed or published</b>, terms ranked ${characterizationStrength.slice(0, 5).join(' › ')} › … A letter on the shape repeats the term. Acts of
      members, of one member, drafts and acts still in procedure are marks (○), never fills. Click a shape, or use the lists, to see its acts in the table.
    </p>
    <div class="map-layout">
      <div class="maps">
        <figure>
          ${mapSvg(data.atlas.countries, found, 'map-world', 'Countries filled by the strongest term of their acts', describe(countries, 'countries'))}
          <figcaption>Countries. Boundaries: ${data.atlas.credits.countries}. Shown as drawn there; they imply no position on any border.</figcaption>
        </figure>
        <figure>
          ${mapSvg(data.atlas.states, found, 'map-states', 'US states filled by the strongest term of their acts', describe(states, 'US states'))}
          <figcaption>
            US states (Alaska and Hawaii moved and scaled; territories are on the map of countries). Boundaries: ${data.atlas.credits.states}.
          </figcaption>
        </figure>
        ${legend}
      </div>
      <div class="beside">
        <h3 id="units-heading">Organizations and other units</h3>
        <p>Acts of organizations, and of units the maps have no shape for, by the same rule.</p>
        <ul class="units">
          ${elsewhere.map(
            (j) =>
              html`<li>
                <b>${j.name}</b> <span class="code">${j.code}</span><br />${j.filling > 0 ? html`fill: ${termLabel(j.fill)}` : 'no act that fills'};
                ${j.filling} ${j.filling === 1 ? 'act fills' : 'acts fill'}, ${j.marks} ${j.marks === 1 ? 'mark' : 'marks'}.
                <a href="#/?jurisdiction=${encodeURIComponent(j.code)}">Show its acts<span class="visually-hidden"> (${j.name})</span></a>
              </li>`
          )}
        </ul>
      </div>
    </div>
    <details>
      <summary>Every jurisdiction on the maps, as a table (${countries.length + states.length} with acts)</summary>
      <div class="scroll" role="region" aria-label="Jurisdictions on the maps" tabindex="0">
        <table class="compact">
          <caption class="visually-hidden">
            Jurisdictions on the maps, with the strongest term of their acts
          </caption>
          ${head}
          <tbody>
            ${[...countries, ...states].sort((a, b) => (a.name < b.name ? -1 : 1)).map(row)}
          </tbody>
        </table>
      </div>
    </details>
    <p class="note">
      Terms:
      ${Object.entries(characterizations)
        .filter(([t]) => used.includes(t as Term))
        .map(([t, meaning]) => `${t}: ${meaning}`)
        .join('; ')}.
    </p>
  </section>`
}
