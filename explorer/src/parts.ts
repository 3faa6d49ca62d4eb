/**
 * Pieces the act's page and the source view share: values in words, a check with its
 * verdict and citations, and an excerpt of a verbatim text with its quotes marked.
 */
import {
  actors,
  actTypes,
  characterizationBases,
  characterizations,
  citationKinds,
  independences,
  jurisdictionTypes,
  levels,
  sides,
  stages,
  stances,
  verdicts,
  type Vocabulary
} from '../../src/schema/vocabularies.js'
import type { Check, Data, Records } from './data.js'
import { escapeHtml, html, raw, type Html } from './html.js'
import { codePoints, excerptBounds, segments, type Span } from './text.js'

/** The vocabulary of each field that takes one, for the meaning beside a value. */
export const vocabularyOf: Readonly<Record<string, Vocabulary>> = {
  actor: actors,
  actType: actTypes,
  stage: stages,
  level: levels,
  jurisdictionType: jurisdictionTypes,
  characterizationBasis: characterizationBases,
  characterization: characterizations,
  stance: stances
}

/** One value of a vocabulary, with its meaning as a title and in words for screen readers. */
export function term(field: string, value: string): Html {
  const meaning = vocabularyOf[field]?.[value]
  return meaning ? html`<span class="term-value">${value}</span> <span class="meaning">(${meaning})</span>` : html`${value}`
}

/** A field's value in words. */
export function value(field: string, v: unknown): Html {
  if (v === null || v === undefined) return html`<span class="none">none (null)</span>`
  if (typeof v === 'boolean') return html`${v ? 'yes' : 'no'}`
  if (Array.isArray(v)) {
    if (v.length === 0) return html`<span class="none">none</span>`
    if (v.every((x) => typeof x === 'string'))
      return html`<ul class="values">
        ${(v as string[]).map((x) => html`<li>${term(field, x)}</li>`)}
      </ul>`
    if (field === 'people')
      return html`<ul class="values">
        ${(v as { name: string; role: string | null; nameAsWritten?: string }[]).map(
          (p) =>
            html`<li>
              ${p.name}${p.nameAsWritten && p.nameAsWritten !== p.name ? html` (written “${p.nameAsWritten}”)` : ''}${p.role ? html` — ${p.role}` : ''}
            </li>`
        )}
      </ul>`
    return html`<code>${JSON.stringify(v)}</code>`
  }
  if (field === 'votes' && typeof v === 'object') {
    const votes = v as { for: number | null; against: number | null; abstentions: number | null }
    const n = (x: number | null) => (x === null ? 'not known' : String(x))
    return html`for ${n(votes.for)}, against ${n(votes.against)}, abstentions ${n(votes.abstentions)}`
  }
  if (typeof v === 'object') return html`<code>${JSON.stringify(v)}</code>`
  return term(field, String(v))
}

/** A link out to a public document. */
export function externalLink(url: string, text: string): Html {
  return html`<a href="${url}" rel="noopener noreferrer" class="external">${text}</a>`
}

/** A check: verdict, finding, the right value, and what it cites. */
export function checkItem(full: Records, check: Check): Html {
  return html`<li class="check" id="check-${check.id}">
    <p>
      <span class="verdict verdict-${check.verdict}">${check.verdict}</span> <span class="meaning">(${verdicts[check.verdict]})</span> on
      <b>${check.field ?? 'the whole record'}</b> <span class="id">${check.id}</span>
    </p>
    <p>${check.finding}</p>
    ${check.correctValue !== null ? html`<p>Right value: <b>${check.correctValue}</b></p>` : ''}
    <p>
      Evidence:
      ${check.independence === null ? 'nothing cited' : html`${check.independence} <span class="meaning">(${independences[check.independence]})</span>`}${check.primaryEvidence ? '; cites the act’s own text' : ''}.
    </p>
    ${
      check.citations.length > 0
        ? html`<ul class="cited">
            ${check.citations.map((c) => {
              const citation = full.citationById.get(c.citation)
              if (!citation) return html`<li>${c.citation}</li>`
              return html`<li>
                ${externalLink(citation.url, citation.title)} — ${citation.publisher}${citation.published ? `, ${citation.published}` : ''}; ${citation.kind},
                side ${citation.side} <span class="meaning">(${sides[citation.side]})</span>${c.notes ? html`: ${c.notes}` : ''}
              </li>`
            })}
          </ul>`
        : ''
    }
  </li>`
}

/** The checks of a record, or a line saying there are none. */
export function checkList(full: Records, checks: readonly Check[] | undefined, none: string): Html {
  if (!checks || checks.length === 0) return html`<p>${none}</p>`
  return html`<ul class="checks">
    ${checks.map((c) => checkItem(full, c))}
  </ul>`
}

/** A kind of citation, in words. */
export const kindOf = (kind: keyof typeof citationKinds) => html`${kind} <span class="meaning">(${citationKinds[kind]})</span>`

/**
 * Code points `from`–`to` of a source's text with `spans` marked; `current` marks the spans
 * of one key more strongly. The text is given as the source has it, newlines and all.
 */
export function markedText(data: Data, sourceId: string, from: number, to: number, spans: readonly Span[], current?: string): Html {
  const points = codePoints(data.texts.get(sourceId) ?? '')
  // Built as plain strings, not a template: inside the slice every character is the source's own (white-space: pre-wrap).
  let out = `<span class="verbatim-slice" data-source="${escapeHtml(sourceId)}" data-from="${from}">`
  for (const s of segments(points, from, to, spans)) {
    if (s.keys.length === 0) out += escapeHtml(s.text)
    else {
      const strong = current !== undefined && s.keys.includes(current) ? ' current' : ''
      out += `<mark class="quote${strong}" data-reports="${escapeHtml(s.keys.join(' '))}" data-start="${s.start}">${escapeHtml(s.text)}</mark>`
    }
  }
  return raw(`${out}</span>`)
}

/** An excerpt around [start, end) of a source's text, the span marked, with an ellipsis where it is cut. */
export function excerpt(data: Data, sourceId: string, span: Span): Html {
  const points = codePoints(data.texts.get(sourceId) ?? '')
  const [from, to] = excerptBounds(points, span.start, span.end)
  return html`<p class="excerpt">
    ${from > 0 ? html`<span aria-hidden="true">… </span>` : ''}${markedText(data, sourceId, from, to, [span])}${
      to < points.length ? html`<span aria-hidden="true"> …</span>` : ''
    }
  </p>`
}
