/**
 * The overview: how many records there are, the acts by term, stage and actor, the timeline,
 * the map, the table of every act, and the downloads with how to cite.
 */
import { actors, characterizations, characterizationStrength, stages } from '../../src/schema/vocabularies.js'
import type { Data } from './data.js'
import type { View } from './filters.js'
import { html, type Html } from './html.js'
import { mapSection } from './map.js'
import { filterForm, tableRegion } from './table.js'
import { timelineSection } from './timeline.js'

/** A table of counts with a bar each (the bar repeats the number; the number is the text). */
function countTable(id: string, caption: string, heading: string, entries: readonly [string, number, string][], total: number): Html {
  return html`<table class="counts" id="${id}">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${heading}</th>
        <th scope="col" class="num">Acts</th>
        <th scope="col"><span class="visually-hidden">Share</span></th>
      </tr>
    </thead>
    <tbody>
      ${entries.map(
        ([value, count, meaning]) =>
          html`<tr>
            <th scope="row"><span title="${meaning}">${value}</span></th>
            <td class="num" data-count="${id}:${value}">${count}</td>
            <td class="bar-cell"><span class="bar" style="width:${total > 0 ? ((100 * count) / total).toFixed(1) : 0}%"></span></td>
          </tr>`
      )}
    </tbody>
  </table>`
}

/** The counts section. */
function countsSection(data: Data): Html {
  const acts = data.rows.map((r) => r.act)
  const byTerm = characterizationStrength
    .map((t): [string, number, string] => [t, acts.filter((a) => (a.characterization as string[]).includes(t)).length, characterizations[t]])
    .filter(([, n]) => n > 0)
  const noTerm = acts.filter((a) => a.characterization.length === 0).length
  if (noTerm > 0) byTerm.push(['no term', noTerm, 'the act characterizes nothing'])
  const byStage = Object.entries(stages)
    .map(([s, meaning]): [string, number, string] => [s, acts.filter((a) => a.stage === s).length, meaning])
    .filter(([, n]) => n > 0)
  const byActor = Object.entries(actors)
    .map(([s, meaning]): [string, number, string] => [s, acts.filter((a) => a.actor === s).length, meaning])
    .filter(([, n]) => n > 0)
  const counter = acts.filter((a) => a.stance.includes('rejects')).length
  const total = (name: string, n: number, label: string) => html`<li><b data-count="${name}">${n}</b> ${label}</li>`
  return html`<section aria-labelledby="counts-heading">
    <h2 id="counts-heading">In numbers</h2>
    <ul class="totals">
      ${total('acts', acts.length, 'acts of record')} ${total('counter-acts', counter, 'of them counter-acts')}
      ${total('citations', data.counts.citations, 'documents cited as evidence')}
      ${total('reports', data.reports.length, 'reports of acts in the source texts')} ${total('checks', data.counts.checks, 'checks against public evidence')}
      ${total('sources', data.sources.length, data.sources.length === 1 ? 'source text' : 'source texts')}
    </ul>
    <p class="note">An act can use several terms, so the terms add up to more than the acts.</p>
    <div class="count-tables">
      ${countTable('by-term', 'Acts by term they use', 'Term', byTerm, acts.length)}
      ${countTable('by-stage', 'Acts by stage reached', 'Stage', byStage, acts.length)}
      ${countTable('by-actor', 'Acts by who acted', 'Actor', byActor, acts.length)}
    </div>
  </section>`
}

const size = (bytes: number | null) =>
  bytes === null ? '' : bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Downloads and how to cite. */
export function downloadsSection(data: Data): Html {
  const group = (title: string, test: (path: string) => boolean) => {
    const files = data.files.filter((f) => test(f.path))
    if (files.length === 0) return ''
    return html`<h3>${title}</h3>
      <ul class="files">
        ${files.map((f) => html`<li><a href="${f.path}" download>${f.path}</a> <span class="size">${size(f.bytes)}</span> — ${f.description}</li>`)}
      </ul>`
  }
  const wide = new Set(data.files.filter((f) => f.path.endsWith('.json') && f.path !== 'datapackage.json').map((f) => f.path.replace(/\.json$/, '.csv')))
  return html`<section aria-labelledby="downloads-heading" id="downloads">
    <h2 id="downloads-heading">Downloads and how to cite</h2>
    <p>The files sit beside this page in the same folder (dist-data/ of the package); the links open them from there.</p>
    ${group('Data Package', (p) => p === 'datapackage.json')} ${group('JSON', (p) => p.endsWith('.json') && p !== 'datapackage.json')}
    ${group('CSV, one table per entity', (p) => wide.has(p))} ${group('CSV, tidy tables (one value per cell)', (p) => p.endsWith('.csv') && !wide.has(p))}
    ${group('Source texts and figures', (p) => !p.endsWith('.csv') && !p.endsWith('.json'))}
    <h3>How to cite</h3>
    <blockquote class="cite" id="cite-text">
      ${data.cite.authors}. <i>${data.cite.title}</i> (version ${data.cite.version}) [Data set]. https://www.npmjs.com/package/khojaly-recognition
    </blockquote>
    <p>
      CITATION.cff in the package gives the same metadata with the release date. Say which version you used; when you quote an act, cite the documents its
      evidence cites and say its basis; when you quote a report, attribute it to its source text.
    </p>
  </section>`
}

/** The overview, with the table at `view`. */
export function overview(data: Data, view: View): Html {
  return html`<h1 id="page-title" tabindex="-1">Recognition of the Khojaly massacre: the acts of record</h1>
    <p class="lede">
      Every act of a parliament, government, official, court or international organization on the Khojaly massacre (26 February 1992) that public material
      documents, with its evidence, what source texts report of it, and the checks of those reports. Version ${data.version}.
    </p>
    ${countsSection(data)} ${timelineSection(data)} ${mapSection(data)}
    <section aria-labelledby="table-heading" id="acts">
      <h2 id="table-heading">Acts</h2>
      ${filterForm(data, view)}
      <div id="table-region">${tableRegion(data, view).html}</div>
    </section>
    ${downloadsSection(data)}`
}
