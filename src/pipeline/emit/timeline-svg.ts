/**
 * The timeline figure (dist-data/timeline.svg): the acts of record, time across and
 * jurisdictions down, one mark per dated act spanning the days its date can mean. What an
 * act calls the events is written as letters beside its mark (never by colour alone); the
 * actor and stage are in the mark's shape and its label; counter-acts (stance `rejects`)
 * are marked; the hover title says which reports tell the act. Undated acts are listed apart.
 * Deterministic: the same acts and checks give the same bytes.
 */
import type { Act, Check } from '../../schema/index.js'
import { characterizationMarks, levels, stages } from '../../schema/vocabularies.js'

/** One report that tells an act, for the act's hover title. */
export interface ReportOfAct {
  act: string
  report: string
  sourceTitle: string
}

/** Fields whose correction or dispute puts a sign on the act. */
const keyFields = new Set<string | null>([null, 'characterization', 'stance', 'body', 'date', 'actType', 'jurisdiction', 'identifier', 'actor', 'stage'])
/** The level order of the rows, from the vocabulary. */
const levelOrder = Object.keys(levels)
/** One letter per stage, for labels. */
const stageMarks: Readonly<Record<keyof typeof stages, string>> = {
  draft: 'd',
  introduced: 'i',
  committee: 'c',
  adopted: 'a',
  signed: 's',
  published: 'p',
  unknown: '?'
}

const width = 1200
const left = 330
const right = 40
const top = 70
const rowHeight = 40
/** Text made safe for XML: markup characters as entities, and what XML 1.0 forbids (most controls, lone surrogates) as U+FFFD. */
const escape = (text: string) =>
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
const fixed = (n: number) => (Math.round(n * 10) / 10).toString()
const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The sign for an act's checks: "!" corrected, "?" disputed, "" neither. */
function signOf(relevant: readonly Check[]): string {
  if (relevant.some((c) => c.verdict === 'corrected')) return '!'
  if (relevant.some((c) => c.verdict === 'disputed')) return '?'
  return ''
}

/** The label beside an act's mark: its terms' letters, its stage, a counter-act's ✕, its check sign. */
function labelOf(act: Act, sign: string): string {
  const terms = act.characterization.map((c) => characterizationMarks[c]).join('') || '–'
  return `${act.stance.includes('rejects') ? '✕' : ''}${terms}·${stageMarks[act.stage]}${sign ? ` ${sign}` : ''}`
}

/** SVG text of the timeline. */
export function renderTimeline(acts: readonly Act[], checks: readonly Check[], reports: readonly ReportOfAct[]): string {
  // The checks on each act's key claims, gathered in one pass: filtering every check for every
  // act grew with their product (17 s of a build of 1,000 copies of the corpus).
  const keyChecks = new Map<string, Check[]>()
  for (const c of checks) {
    if (c.recordType !== 'act' || !keyFields.has(c.field)) continue
    const list = keyChecks.get(c.recordId)
    if (list) list.push(c)
    else keyChecks.set(c.recordId, [c])
  }
  const told = new Map<string, string[]>()
  for (const r of reports) told.set(r.act, [...(told.get(r.act) ?? []), `${r.report} (${r.sourceTitle})`])
  const dated = acts.filter((a) => a.dateStart !== null && a.dateEnd !== null)
  const undated = acts.filter((a) => a.dateStart === null)
  const rowKey = (a: Act) => `${a.level}|${a.jurisdictionName}`
  const rows = [...new Set(dated.map(rowKey))].sort((a, b) => levelOrder.indexOf(a.split('|')[0]!) - levelOrder.indexOf(b.split('|')[0]!) || compareText(a, b))
  // A loop, not Math.min(...list): spreading a very long list overflows the call stack.
  const firstYear = dated.reduce((min, a) => Math.min(min, Number(a.dateStart!.slice(0, 4))), Infinity)
  const lastYear = dated.reduce((max, a) => Math.max(max, Number(a.dateEnd!.slice(0, 4))), -Infinity) + 1
  const t0 = Date.UTC(Number.isFinite(firstYear) ? firstYear : 1992, 0, 1)
  const t1 = Date.UTC(Number.isFinite(lastYear) ? lastYear : 1993, 0, 1)
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - right)
  const chartBottom = top + rows.length * rowHeight
  const legendY = chartBottom + 30
  const listTop = legendY + 130
  const height = listTop + 20 + undated.length * 18 + 20
  const counterActs = acts.filter((a) => a.stance.includes('rejects')).length
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="12">`,
    '<title id="title">Acts of record concerning Khojaly, by jurisdiction and date</title>',
    `<desc id="desc">${dated.length} dated acts of record on a time axis from ${firstYear} to ${lastYear - 1}, one row per jurisdiction; letters give the terms each act uses, a dot and a letter its stage, a cross marks the ${counterActs} counter-acts; filled marks are acts of a body, committee or executive, hollow ones acts of members; ! marks an act whose key claims a check corrects, ? one a check disputes. ${undated.length} undated acts are listed below the chart.</desc>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="${left}" y="24" font-size="15" font-weight="bold">Acts of record (${acts.length} acts; ${undated.length} undated, listed below)</text>`
  ]
  for (let year = firstYear; year <= lastYear && Number.isFinite(year); year++) {
    const gx = fixed(x(Date.UTC(year, 0, 1)))
    out.push(`<line x1="${gx}" y1="${top - 10}" x2="${gx}" y2="${chartBottom}" stroke="#cccccc" stroke-width="1"/>`)
    if (year < lastYear && (year % 2 === 0 || lastYear - firstYear < 15))
      out.push(`<text x="${fixed(x(Date.UTC(year, 6, 1)))}" y="${top - 16}" text-anchor="middle" fill="#333333">${year}</text>`)
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + rowHeight / 2
    const [level, name] = row.split('|')
    out.push(`<text x="${left - 10}" y="${fixed(y + 4)}" text-anchor="end">${escape(name!)}</text>`)
    out.push(`<text x="${left - 10}" y="${fixed(y + 16)}" text-anchor="end" fill="#555555" font-size="10">${level}</text>`)
    out.push(`<line x1="${left}" y1="${fixed(y)}" x2="${width - right}" y2="${fixed(y)}" stroke="#eeeeee"/>`)
    const inRow = dated.filter((a) => rowKey(a) === row).sort((a, b) => compareText(a.dateStart!, b.dateStart!) || compareText(a.id, b.id))
    inRow.forEach((act, k) => {
      const x1 = x(day(act.dateStart!))
      const x2 = Math.max(x(day(act.dateEnd!) + 86_400_000), x1 + 3)
      const sign = signOf(keyChecks.get(act.id) ?? [])
      const byMembers = act.actor === 'members' || act.actor === 'member'
      const tellers = told.get(act.id) ?? []
      const title = `${act.id}: ${act.body ?? act.jurisdictionName}, ${act.date}; ${act.actor}, ${act.actType ?? 'type unknown'}, ${act.stage}; terms: ${act.characterization.join(', ') || 'none'} (basis ${act.characterizationBasis})${act.stance.includes('rejects') ? '; a counter-act' : ''}${sign === '!' ? '; a check corrects a key claim' : sign === '?' ? '; a check disputes a key claim' : ''}${tellers.length > 0 ? `; reported by ${tellers.join('; ')}` : ''}`
      const fill = byMembers ? '#ffffff' : act.characterization.includes('genocide') ? '#5b3a8a' : '#4a7bb7'
      out.push(
        `<g><title>${escape(title)}</title>` +
          `<rect x="${fixed(x1)}" y="${fixed(y - 5)}" width="${fixed(x2 - x1)}" height="10" fill="${fill}" stroke="${act.stance.includes('rejects') ? '#b00020' : '#000000'}" stroke-width="${sign || byMembers ? 1.5 : 0.5}"${sign ? ' stroke-dasharray="3 2"' : ''}/>` +
          `<text x="${fixed(x1)}" y="${fixed(k % 2 === 0 ? y - 8 : y + 17)}" font-size="10" font-weight="bold">${escape(labelOf(act, sign))}</text></g>`
      )
    })
  })
  out.push(`<text x="${left}" y="${legendY}" font-weight="bold">Legend</text>`)
  const terms = Object.entries(characterizationMarks)
    .map(([term, mark]) => `${mark} ${term}`)
    .join(', ')
  const legend = [
    `Letters: the terms the act uses (${terms}); – none.`,
    `After the dot, the stage: ${Object.entries(stageMarks)
      .map(([stage, mark]) => `${mark} ${stage}`)
      .join(', ')}.`,
    '✕ and a red outline: a counter-act (it rejects a characterization). Hollow marks: acts of members or of one member.',
    '! a check corrects a key claim of the act, ? a check disputes one (both drawn with a dashed outline).',
    'A bar spans every day the date can mean; the dark fill repeats the letter G. Data: acts.json and checks.json.'
  ]
  legend.forEach((line, i) => out.push(`<text x="${left}" y="${legendY + 18 * (i + 1)}">${escape(line)}</text>`))
  out.push(`<text x="${left}" y="${listTop}" font-weight="bold">Undated acts</text>`)
  undated.forEach((act, i) => {
    out.push(
      `<text x="${left}" y="${listTop + 20 + i * 18}">${escape(`${act.jurisdictionName}: ${act.body ?? act.actType ?? 'act'} (${labelOf(act, signOf(keyChecks.get(act.id) ?? []))}) — ${act.id}`)}</text>`
    )
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}
