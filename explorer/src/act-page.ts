/**
 * An act's page: every field, its evidence (quotes, voice, kind, side, links out), the reports
 * of it with their quotes marked inside the verbatim text, every difference between a report
 * and the act, and the checks with their verdicts.
 */
import { voices, sides } from '../../src/schema/vocabularies.js'
import type { Act, Data, Records, Report } from './data.js'
import { html, type Html } from './html.js'
import { checkList, excerpt, externalLink, kindOf, term, value } from './parts.js'

type Evidence = Act['evidence'][number]

/** The act's fields in the order of the record, evidence apart. */
function fieldsTable(act: Act): Html {
  const rows = Object.entries(act).filter(([field]) => field !== 'evidence')
  return html`<table class="fields">
    <caption>
      Every field of the act
    </caption>
    <tbody>
      ${rows.map(
        ([field, v]) =>
          html`<tr>
            <th scope="row">${field}</th>
            <td data-field="${field}">${value(field, v)}</td>
          </tr>`
      )}
    </tbody>
  </table>`
}

/** What an evidence entry gives, as "field: value" lines. */
function gives(entry: Evidence): Html {
  const given = Object.entries(entry.gives)
  if (given.length === 0) return html``
  return html`<dt>Gives</dt>
    <dd>
      <ul class="values">
        ${given.map(([f, v]) => html`<li>${f}: ${typeof v === 'string' ? v : JSON.stringify(v)}</li>`)}
      </ul>
    </dd>`
}

function evidenceItem(data: Data, full: Records, entry: Evidence, i: number): Html {
  const citation = entry.citation === null ? undefined : full.citationById.get(entry.citation)
  const anchorSource = entry.anchor === null ? undefined : data.sourceById.get(entry.anchor.sourceId)
  const language = citation?.language ?? anchorSource?.language ?? ''
  const side = citation?.side ?? anchorSource?.side
  return html`<li class="evidence" id="evidence-${i + 1}">
    <blockquote class="evidence-quote" ${language ? html` lang="${language}"` : ''}>${entry.quote}</blockquote>
    <dl class="meta">
      <dt>Voice</dt>
      <dd>${entry.voice} <span class="meaning">(${voices[entry.voice]})</span></dd>
      ${
        citation
          ? html`<dt>Document</dt>
              <dd>
                ${externalLink(citation.url, citation.title)} — ${citation.publisher}${citation.published ? `, ${citation.published}` : ''}
                <span class="id">${citation.id}</span>
              </dd>
              <dt>Kind</dt>
              <dd>${kindOf(citation.kind)}</dd>`
          : ''
      }
      ${
        entry.anchor && anchorSource
          ? html`<dt>Document</dt>
              <dd>
                the source text “${anchorSource.title}”${entry.report ? html`, report <span class="id">${entry.report}</span>` : ''} (<a
                  href="#/source/${encodeURIComponent(anchorSource.id)}?report=${encodeURIComponent(entry.report ?? '')}"
                  >see it in the text</a
                >)
              </dd>`
          : ''
      }
      ${
        side
          ? html`<dt>Side</dt>
              <dd>${side} <span class="meaning">(${sides[side]})</span></dd>`
          : ''
      }
      <dt>Supports</dt>
      <dd>${entry.supports.length > 0 ? entry.supports.join(', ') : 'nothing (it records what the document gives against the act)'}</dd>
      ${gives(entry)}
      ${
        entry.notes
          ? html`<dt>Notes</dt>
              <dd>${entry.notes}</dd>`
          : ''
      }
    </dl>
    ${entry.anchor ? excerpt(data, entry.anchor.sourceId, { start: entry.anchor.start, end: entry.anchor.end, key: entry.report ?? `evidence-${i + 1}` }) : ''}
  </li>`
}

const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0)

/** The report beside the act, field by field, on the fields the build compares. */
function comparison(data: Data, full: Records, report: Report, act: Act): Html {
  const differing = new Set(full.differences[report.id] ?? [])
  const checks = full.checksOf.get(`report:${report.id}`) ?? []
  const rows = data.comparedFields.map((field) => {
    const said = (report as unknown as Record<string, unknown>)[field]
    const own = (act as unknown as Record<string, unknown>)[field]
    const status = differing.has(field) ? 'differs' : empty(said) ? 'not given by the report' : 'agrees'
    const explained = checks.filter((c) => c.field === field)
    return html`<tr class="${differing.has(field) ? 'differs' : ''}" data-compared="${field}" data-status="${status}">
      <th scope="row">${field}</th>
      <td>${value(field, said)}</td>
      <td>${value(field, own)}</td>
      <td>${differing.has(field) ? html`<b>differs</b>` : status}</td>
      <td>
        ${explained.length > 0 ? explained.map((c) => html`<a href="#check-${c.id}" data-jump="check-${c.id}">${c.verdict}</a> `) : differing.has(field) ? 'no check' : ''}
      </td>
    </tr>`
  })
  const count = differing.size
  return html`<div class="scroll" role="region" aria-label="The report against the act" tabindex="0">
    <table class="compare">
      <caption>
        The report against the act: ${count === 0 ? 'no difference' : count === 1 ? 'one difference' : `${count} differences`} on the fields compared
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">The report says</th>
          <th scope="col">The act of record</th>
          <th scope="col">Result</th>
          <th scope="col">Check</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}

function reportItem(data: Data, full: Records, report: Report, act: Act): Html {
  const source = data.sourceById.get(report.provenance[0]?.sourceId ?? '')
  const asWritten = [
    ['dateAsWritten', report.dateAsWritten],
    ['bodyAsWritten', report.bodyAsWritten]
  ].filter(([, v]) => v)
  return html`<article class="report" aria-labelledby="report-${report.id}">
    <h3 id="report-${report.id}">Report <span class="id">${report.id}</span>${source ? html` in “${source.title}”` : ''}</h3>
    ${asWritten.length > 0 ? html`<p>As written: ${asWritten.map(([f, v]) => html`${f} “${v}”; `)}</p>` : ''}
    <h4>Where the text says it</h4>
    ${report.provenance.map(
      (p) =>
        html`${excerpt(data, p.sourceId, { start: p.start, end: p.end, key: report.id })}
          <p class="where">
            Code points ${p.start}–${p.end}, line ${p.line}, column ${p.column}${p.section ? `, section “${p.section}”` : ''}.
            <a href="#/source/${encodeURIComponent(p.sourceId)}?report=${encodeURIComponent(report.id)}">Open it in the whole text</a>
          </p>`
    )}
    <h4>Compared with the act</h4>
    ${comparison(data, full, report, act)}
    <h4>Checks of this report</h4>
    ${checkList(full, full.checksOf.get(`report:${report.id}`), 'No check of this report.')}
  </article>`
}

/** An act's page. */
export function actPage(data: Data, full: Records, id: string, back: string): Html {
  const act = full.actById.get(id)
  if (!act)
    return html`<h1 id="page-title" tabindex="-1">No act “${id}”</h1>
      <p><a href="${back}">Back to the acts</a></p>`
  const reports = data.reportsByAct.get(act.id) ?? []
  return html`<p class="back"><a href="${back}">← Back to the acts</a></p>
    <h1 id="page-title" tabindex="-1">${act.body ?? act.actType ?? 'Act'} — ${act.jurisdictionName}${act.date ? `, ${act.date}` : ''}</h1>
    <p class="lede">
      ${term('actor', act.actor)}; ${act.actType ?? 'type not known'}; stage ${term('stage', act.stage)}. Terms:
      ${act.characterization.length > 0 ? act.characterization.join(', ') : 'none'} (basis
      ${act.characterizationBasis}).${act.stance.includes('rejects') ? ' A counter-act: it rejects a characterization.' : ''}
    </p>
    <nav aria-label="On this page" class="on-page">
      <ul>
        <li><a href="#fields" data-jump="fields">Fields</a></li>
        <li><a href="#evidence" data-jump="evidence">Evidence (${act.evidence.length})</a></li>
        <li><a href="#reports" data-jump="reports">Reports (${reports.length})</a></li>
        <li><a href="#checks" data-jump="checks">Checks</a></li>
      </ul>
    </nav>
    <section id="fields" aria-labelledby="fields-heading">
      <h2 id="fields-heading">Fields</h2>
      ${fieldsTable(act)}
    </section>
    <section id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence (${act.evidence.length})</h2>
      <ol class="evidence-list">
        ${act.evidence.map((e, i) => evidenceItem(data, full, e, i))}
      </ol>
    </section>
    <section id="reports" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports of this act (${reports.length})</h2>
      ${reports.length === 0 ? html`<p>No source text reports this act.</p>` : reports.map((r) => reportItem(data, full, r, act))}
    </section>
    <section id="checks" aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks of the act</h2>
      ${checkList(full, full.checksOf.get(`act:${act.id}`), 'No check of the act itself.')}
    </section>`
}
