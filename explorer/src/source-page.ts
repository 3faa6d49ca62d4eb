/**
 * A source view: the whole verbatim text, every report's quote marked where its code-point
 * offsets put it, one report's marked more strongly when the address names it.
 */
import { sides } from '../../src/schema/vocabularies.js'
import type { Data } from './data.js'
import { html, type Html } from './html.js'
import { markedText } from './parts.js'
import { codePoints, type Span } from './text.js'

/** The source view of `id`, `current` the report to show first. */
export function sourcePage(data: Data, id: string, current: string | undefined, back: string): Html {
  const source = data.sourceById.get(id)
  if (!source)
    return html`<h1 id="page-title" tabindex="-1">No source text “${id}”</h1>
      <p><a href="${back}">Back to the acts</a></p>`
  const reports = data.reports.filter((r) => r.provenance.some((p) => p.sourceId === id))
  const spans: Span[] = reports.flatMap((r) => r.provenance.filter((p) => p.sourceId === id).map((p) => ({ start: p.start, end: p.end, key: r.id })))
  const length = codePoints(data.texts.get(id) ?? '').length
  const focused = current ? data.reportById.get(current) : undefined
  return html`<p class="back"><a href="${back}">← Back to the acts</a></p>
    <h1 id="page-title" tabindex="-1">Source text: ${source.title}</h1>
    <dl class="meta">
      <dt>Id</dt>
      <dd>${source.id}</dd>
      <dt>Language</dt>
      <dd>${source.language}</dd>
      <dt>Origin</dt>
      <dd>${source.origin}</dd>
      <dt>Side</dt>
      <dd>${source.side} <span class="meaning">(${sides[source.side]})</span></dd>
      <dt>Length</dt>
      <dd>${source.characters} code points, ${source.bytes} bytes (sha256 <span class="id">${source.sha256}</span>)</dd>
      <dt>File</dt>
      <dd><a href="${source.path}" download>${source.path}</a></dd>
      <dt>Rights</dt>
      <dd>${source.rights}</dd>
    </dl>
    ${
      focused
        ? html`<p class="current-report">
            Marked strongly: the quote of report <span class="id">${focused.id}</span>${
              focused.act ? html`, which tells of <a href="#/act/${encodeURIComponent(focused.act)}">act ${focused.act}</a>` : ', which names no act of record'
            }. <a href="#quote-start" data-jump="quote-start">Go to it</a>.
          </p>`
        : ''
    }
    <h2 id="reports-heading">The reports in this text (${reports.length})</h2>
    <details>
      <summary>List of the reports, with the acts they tell of</summary>
      <ul class="report-list">
        ${reports.map(
          (r) =>
            html`<li>
              <a href="#/source/${encodeURIComponent(id)}?report=${encodeURIComponent(r.id)}">${r.id}</a>:
              ${r.body ?? r.jurisdictionName ?? ''}${r.date ? `, ${r.date}` : ''} —
              ${r.act ? html`act <a href="#/act/${encodeURIComponent(r.act)}">${r.act}</a>` : 'no act of record'}
            </li>`
        )}
      </ul>
    </details>
    <h2 id="text-heading">The verbatim text</h2>
    <p class="hint">Marked: the words each report quotes (its provenance, in code points). ${length} code points.</p>
    <div class="verbatim" lang="${source.language}" role="region" aria-labelledby="text-heading" tabindex="0">
      ${markedText(data, id, 0, length, spans, current)}
    </div>`
}
