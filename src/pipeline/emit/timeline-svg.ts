/**
 * The timeline figure (dist-data/timeline.svg): time across, jurisdictions down, one mark per
 * dated act, spanning the days its date can mean. What an act is reported to call the events
 * is written as letters beside its mark (not shown by colour alone), acts whose key claims a
 * check corrects or disputes carry a sign, and undated acts are listed apart. Deterministic:
 * the same acts and checks give the same bytes.
 */
import type { Act, Check } from '../../schema/index.js'

/** What the timeline draws of an act: the build keeps this much of each act, not the record. */
export type TimelineAct = Pick<
  Act,
  'id' | 'date' | 'dateStart' | 'dateEnd' | 'dateAsWritten' | 'level' | 'jurisdictionName' | 'body' | 'actType' | 'characterization'
>

/**
 * The timeline's fields of `act`, as a copy with strings of their own: a value sliced from a
 * source text keeps the whole text alive in V8, and the build lets the texts go.
 */
export function timelineActOf(act: Act): TimelineAct {
  const { id, date, dateStart, dateEnd, dateAsWritten, level, jurisdictionName, body, actType, characterization } = act
  return JSON.parse(JSON.stringify({ id, date, dateStart, dateEnd, dateAsWritten, level, jurisdictionName, body, actType, characterization })) as TimelineAct
}

/** One letter per characterization, in the legend's order. */
const letters: Readonly<Record<Act['characterization'][number], string>> = {
  genocide: 'G',
  'crime-against-humanity': 'H',
  massacre: 'M',
  tragedy: 'T',
  'grave-crime': 'C'
}

/** Fields whose correction or dispute puts a sign on the act. */
const keyFields = new Set<string | null>([null, 'characterization', 'stance', 'body', 'date', 'actType', 'jurisdiction', 'identifier'])

const width = 1100
const left = 310
const right = 40
const top = 70
const rowHeight = 46
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

/** The sign for an act's checks: "!" corrected, "?" disputed, "" neither. */
function signOf(act: TimelineAct, checks: readonly Check[]): string {
  const relevant = checks.filter((c) => c.recordType === 'act' && c.recordId === act.id && keyFields.has(c.field))
  if (relevant.some((c) => c.verdict === 'corrected')) return '!'
  if (relevant.some((c) => c.verdict === 'disputed')) return '?'
  return ''
}

/** SVG text of the timeline. */
export function renderTimeline(acts: readonly TimelineAct[], checks: readonly Check[], sourceCount: number): string {
  const reportedBy = sourceCount === 1 ? '1 source text' : `${sourceCount} source texts`
  const theSourcesReport = sourceCount === 1 ? 'the source reports' : 'the sources report'
  const dated = acts.filter((a) => a.dateStart !== null && a.dateEnd !== null)
  const undated = acts.filter((a) => a.dateStart === null)
  const rows = [...new Set(dated.map((a) => `${a.level}|${a.jurisdictionName}`))].sort((a, b) => levelOrder(a) - levelOrder(b) || (a < b ? -1 : 1))
  // A loop, not Math.min(...list): spreading a very long list overflows the call stack.
  const firstYear = dated.reduce((min, a) => Math.min(min, Number(a.dateStart!.slice(0, 4))), Infinity)
  const lastYear = dated.reduce((max, a) => Math.max(max, Number(a.dateEnd!.slice(0, 4))), -Infinity) + 1
  const t0 = Date.UTC(firstYear, 0, 1)
  const t1 = Date.UTC(lastYear, 0, 1)
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - right)
  const chartBottom = top + rows.length * rowHeight
  const listTop = chartBottom + 140
  const height = listTop + 20 + undated.length * 18 + 20
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="12">`,
    `<title id="title">Acts reported by ${reportedBy}, by jurisdiction and date</title>`,
    `<desc id="desc">${dated.length} dated acts placed on a time axis from ${firstYear} to ${lastYear - 1}, one row per jurisdiction; letters give how ${theSourcesReport} each act characterizing the events; ! marks an act whose key claims a check corrects, ? one that a check disputes. ${undated.length} undated acts are listed below the chart.</desc>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="${left}" y="24" font-size="15" font-weight="bold">Acts as ${reportedBy} ${sourceCount === 1 ? 'reports' : 'report'} them (${acts.length} acts; ${undated.length} undated, listed below)</text>`
  ]
  for (let year = firstYear; year <= lastYear; year++) {
    const gx = fixed(x(Date.UTC(year, 0, 1)))
    out.push(`<line x1="${gx}" y1="${top - 10}" x2="${gx}" y2="${chartBottom}" stroke="#cccccc" stroke-width="1"/>`)
    if (year < lastYear) out.push(`<text x="${fixed(x(Date.UTC(year, 6, 1)))}" y="${top - 16}" text-anchor="middle" fill="#333333">${year}</text>`)
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + rowHeight / 2
    const [level, name] = row.split('|')
    out.push(`<text x="${left - 10}" y="${fixed(y + 4)}" text-anchor="end">${escape(name!)}</text>`)
    out.push(`<text x="${left - 10}" y="${fixed(y + 17)}" text-anchor="end" fill="#666666" font-size="10">${level}</text>`)
    out.push(`<line x1="${left}" y1="${fixed(y)}" x2="${width - right}" y2="${fixed(y)}" stroke="#eeeeee"/>`)
    const inRow = dated
      .filter((a) => `${a.level}|${a.jurisdictionName}` === row)
      .sort((a, b) => (a.dateStart! < b.dateStart! ? -1 : a.dateStart! > b.dateStart! ? 1 : a.id < b.id ? -1 : 1))
    inRow.forEach((act, k) => {
      const x1 = x(day(act.dateStart!))
      const x2 = Math.max(x(day(act.dateEnd!) + 86_400_000), x1 + 3)
      const sign = signOf(act, checks)
      const label = (act.characterization.map((c) => letters[c]).join('') || '–') + (sign ? ` ${sign}` : '')
      const labelY = k % 2 === 0 ? y - 9 : y + 19
      out.push(
        `<g><title>${escape(`${act.id}: ${act.body ?? act.jurisdictionName}, ${act.dateAsWritten ?? ''} (${act.date}); characterization: ${act.characterization.join(', ') || 'none'}${sign === '!' ? '; a check corrects a key claim' : sign === '?' ? '; a check disputes a key claim' : ''}`)}</title>` +
          `<rect x="${fixed(x1)}" y="${fixed(y - 5)}" width="${fixed(x2 - x1)}" height="10" fill="${act.characterization.includes('genocide') ? '#5b3a8a' : '#4a7bb7'}" stroke="#000000" stroke-width="${sign ? 2 : 0.5}"${sign ? ' stroke-dasharray="3 2"' : ''}/>` +
          `<text x="${fixed(x1)}" y="${fixed(labelY)}" font-weight="bold">${escape(label)}</text></g>`
      )
    })
  })
  const legendY = chartBottom + 30
  out.push(`<text x="${left}" y="${legendY}" font-weight="bold">Legend</text>`)
  const legend = [
    `Letters: ${theSourcesReport} the act calling the events G genocide, H crime against humanity,`,
    'M massacre, T tragedy, C grave crime; – none. ! a check corrects a key claim of the act,',
    '? a check disputes one (both also drawn with a dashed, thick outline). A bar spans every day',
    'the date can mean. The dark fill repeats the letter G. Data: acts.json and checks.json.'
  ]
  legend.forEach((line, i) => out.push(`<text x="${left}" y="${legendY + 18 * (i + 1)}">${escape(line)}</text>`))
  out.push(`<text x="${left}" y="${listTop}" font-weight="bold">Undated acts</text>`)
  undated.forEach((act, i) => {
    const sign = signOf(act, checks)
    out.push(
      `<text x="${left}" y="${listTop + 20 + i * 18}">${escape(`${act.jurisdictionName}: ${act.body ?? act.actType} (${act.characterization.map((c) => letters[c]).join('') || '–'}${sign ? ` ${sign}` : ''}) — ${act.id}`)}</text>`
    )
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

function levelOrder(row: string): number {
  return ['international', 'national', 'subnational'].indexOf(row.split('|')[0]!)
}
