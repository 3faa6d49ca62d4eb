/**
 * Dates: English date phrases read into EDTF, and EDTF values bounded by the first and
 * last day they can mean. Sub-year groupings (seasons, quarters, semesters) are bounded
 * here, not by the `edtf` package, which maps northern seasons onto calendar quarters.
 */
import edtf from 'edtf'
import { monthNames, seasons } from './lexicon.js'
import { echo } from '../diagnostics/printable.js'

/** What a date phrase says, part by part; a part the words do not give is absent. */
export interface DateParts {
  year?: number
  month?: number
  day?: number
  /** Last day of a day range in one month ("November 15-17"). */
  dayEnd?: number
  /** EDTF level-2 sub-year grouping code: 27 autumn (northern), 41 second half, … */
  subYear?: number
}

const month = `(${monthNames.join('|')})`
const day = '(\\d{1,2})(?:st|nd|rd|th)?'
const year = '(\\d{4})'

/** Sub-year groupings: code → [first month, last month], months past 12 run into the next year. */
const subYearMonths: Readonly<Record<number, readonly [number, number]>> = {
  21: [3, 5],
  22: [6, 8],
  23: [9, 11],
  24: [12, 14],
  25: [3, 5],
  26: [6, 8],
  27: [9, 11],
  28: [12, 14],
  29: [9, 11],
  30: [12, 14],
  31: [3, 5],
  32: [6, 8],
  33: [1, 3],
  34: [4, 6],
  35: [7, 9],
  36: [10, 12],
  37: [1, 4],
  38: [5, 8],
  39: [9, 12],
  40: [1, 6],
  41: [7, 12]
}

/** Patterns tried in order; each returns the parts it reads. */
const patterns: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => DateParts]> = [
  [
    new RegExp(`${month}\\s+${day}\\s*[-–]\\s*${day},?\\s+${year}`, 'i'),
    (m) => ({ month: monthIndex(m[1]), day: Number(m[2]), dayEnd: Number(m[3]), year: Number(m[4]) })
  ],
  [new RegExp(`${month}\\s+${day},?\\s+${year}`, 'i'), (m) => ({ month: monthIndex(m[1]), day: Number(m[2]), year: Number(m[3]) })],
  [new RegExp(`${day}\\s+(?:of\\s+)?${month},?\\s+(?:of\\s+)?${year}`, 'i'), (m) => ({ day: Number(m[1]), month: monthIndex(m[2]), year: Number(m[3]) })],
  [
    new RegExp(`\\b(${Object.keys(seasons).join('|')})\\s+(?:of\\s+)?${year}`, 'i'),
    (m) => ({ subYear: seasons[m[1]!.toLowerCase()]!.code, year: Number(m[2]) })
  ],
  [new RegExp(`\\b(?:end|second half|latter half)\\s+of\\s+${year}`, 'i'), (m) => ({ subYear: 41, year: Number(m[1]) })],
  [new RegExp(`\\b(?:beginning|start|first half)\\s+of\\s+${year}`, 'i'), (m) => ({ subYear: 40, year: Number(m[1]) })],
  [new RegExp(`${month},?\\s+(?:of\\s+)?${year}`, 'i'), (m) => ({ month: monthIndex(m[1]), year: Number(m[2]) })],
  [new RegExp(`${month}\\s+${day}\\b`, 'i'), (m) => ({ month: monthIndex(m[1]), day: Number(m[2]) })],
  [new RegExp(`${day}\\s+(?:of\\s+)?${month}`, 'i'), (m) => ({ day: Number(m[1]), month: monthIndex(m[2]) })],
  [new RegExp(`\\b${year}\\b`), (m) => ({ year: Number(m[1]) })]
]

function monthIndex(name: string | undefined): number {
  return monthNames.findIndex((m) => m.toLowerCase() === name!.toLowerCase()) + 1
}

/** Reads a date phrase; undefined when no pattern matches. */
export function readDatePhrase(phrase: string): DateParts | undefined {
  for (const [pattern, read] of patterns) {
    const match = phrase.match(pattern)
    if (match) return read(match)
  }
  return undefined
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The EDTF string for complete parts (with a year); undefined when the year is missing. */
export function partsToEdtf(parts: DateParts): string | undefined {
  if (parts.year === undefined) return undefined
  const y = pad(parts.year, 4)
  if (parts.subYear !== undefined) return `${y}-${parts.subYear}`
  if (parts.month === undefined) return y
  const m = `${y}-${pad(parts.month)}`
  if (parts.day === undefined) return m
  if (parts.dayEnd !== undefined) return `${m}-${pad(parts.day)}/${m}-${pad(parts.dayEnd)}`
  return `${m}-${pad(parts.day)}`
}

/** The parts an EDTF string of this dataset's forms says (the start of an interval, with its end day). */
export function edtfToParts(value: string): DateParts | undefined {
  const match = value.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:\/(\d{4})-(\d{2})-(\d{2}))?$/)
  if (!match) return undefined
  const y = Number(match[1])
  const second = match[2] === undefined ? undefined : Number(match[2])
  if (second !== undefined && second > 12) return match[3] === undefined ? { year: y, subYear: second } : undefined
  const parts: DateParts = { year: y }
  if (second !== undefined) parts.month = second
  if (match[3] !== undefined) parts.day = Number(match[3])
  if (match[6] !== undefined && Number(match[4]) === y && Number(match[5]) === second) parts.dayEnd = Number(match[6])
  return parts
}

/** Parts the phrase gives that the EDTF value contradicts, by name. */
export function disagreements(phrase: DateParts, value: DateParts): string[] {
  return (['year', 'month', 'day', 'dayEnd', 'subYear'] as const).filter((key) => phrase[key] !== undefined && phrase[key] !== value[key])
}

/** Bounds already computed, by EDTF value: parsing EDTF is costly and a corpus repeats few dates. */
const boundsCache = new Map<string, Readonly<{ start: string; end: string }> | undefined>()

/**
 * First and last day (ISO dates) an EDTF value can mean; undefined if it is not valid EDTF.
 * Remembered per value, and frozen, since every caller shares the result.
 */
export function edtfBounds(value: string): Readonly<{ start: string; end: string }> | undefined {
  if (boundsCache.has(value)) return boundsCache.get(value)
  if (boundsCache.size >= 10_000) boundsCache.clear()
  const bounds = computeBounds(value)
  boundsCache.set(value, bounds && Object.freeze(bounds))
  return bounds
}

function computeBounds(value: string): { start: string; end: string } | undefined {
  // A closed interval runs from the first day of its first endpoint to the last day of its second.
  const slash = value.indexOf('/')
  if (slash >= 0) {
    const first = boundsOfOne(value.slice(0, slash))
    const last = boundsOfOne(value.slice(slash + 1))
    return first && last && first.start <= last.start ? { start: first.start, end: last.end } : undefined
  }
  return boundsOfOne(value)
}

/** Bounds of one EDTF value that is not an interval. */
function boundsOfOne(value: string): { start: string; end: string } | undefined {
  if (!/^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$/.test(value)) return undefined
  const parts = edtfToParts(value)
  if (parts?.subYear !== undefined) {
    const range = subYearMonths[parts.subYear]
    if (!range) return undefined
    const [first, last] = range
    const start = isoDay(parts.year!, first, 1)
    const endYear = parts.year! + Math.floor((last - 1) / 12)
    const endMonth = ((last - 1) % 12) + 1
    return { start, end: isoDay(endYear, endMonth, daysInMonth(endYear, endMonth)) }
  }
  // The edtf package rolls impossible days over (2011-02-29 becomes 1 March): refuse them here.
  if (!parts || (parts.month !== undefined && (parts.month < 1 || parts.month > 12))) return undefined
  if (parts.day !== undefined && (parts.day < 1 || parts.day > daysInMonth(parts.year!, parts.month!))) return undefined
  if (parts.dayEnd !== undefined && (parts.dayEnd < parts.day! || parts.dayEnd > daysInMonth(parts.year!, parts.month!))) return undefined
  let parsed
  try {
    parsed = edtf(value)
  } catch {
    return undefined
  }
  return { start: new Date(parsed.min).toISOString().slice(0, 10), end: new Date(parsed.max).toISOString().slice(0, 10) }
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

/** The date fields of a record, as the contract names them. */
export interface DateFields {
  date: string | null
  dateStart: string | null
  dateEnd: string | null
  dateAsWritten: string | null
}

/** No date: every date field null. */
export const noDate: DateFields = { date: null, dateStart: null, dateEnd: null, dateAsWritten: null }

/** A problem with a date span, by the rule it breaks. */
export interface DateProblem {
  ruleId: 'date-invalid' | 'date-mismatch' | 'date-unparsed' | 'date-incomplete' | 'attribute-missing'
  message: string
}

/**
 * The date fields a date span gives: its words read into EDTF, completed or confirmed by an
 * `edtf` attribute that must agree with every part the words give. An `edtf` that completes
 * the words needs a note saying where the rest comes from; without one the date still stands
 * and the missing note is a problem. Any other problem voids the date.
 */
export function resolveDate(phrase: string, given: string | undefined, hasNote: boolean): { fields: DateFields; problems: DateProblem[] } {
  const parts = readDatePhrase(phrase)
  const voided = (problem: DateProblem) => ({ fields: noDate, problems: [problem] })
  const problems: DateProblem[] = []
  let value: string | undefined
  if (given !== undefined) {
    const givenParts = edtfToParts(given)
    if (!givenParts || !edtfBounds(given))
      return voided({ ruleId: 'date-invalid', message: `edtf="${echo(given)}" is not a valid EDTF date of the forms this dataset uses` })
    const contradicted = parts ? disagreements(parts, givenParts) : []
    if (contradicted.length > 0) {
      const said = partsToEdtf({ ...givenParts, ...parts }) ?? JSON.stringify(parts)
      return voided({
        ruleId: 'date-mismatch',
        message: `the words "${echo(phrase)}" say ${said}, but edtf="${echo(given)}" (${contradicted.join(' and ')} ${contradicted.length === 1 ? 'differs' : 'differ'})`
      })
    }
    const read = parts && partsToEdtf(parts)
    if (read !== undefined && read !== given)
      return voided({ ruleId: 'date-mismatch', message: `the words "${echo(phrase)}" give ${read}; drop edtf="${echo(given)}" or make it agree` })
    if (read === undefined && !hasNote) {
      problems.push({
        ruleId: 'attribute-missing',
        message: `edtf="${echo(given)}" completes the words "${echo(phrase)}": add a note saying where the rest of the date comes from`
      })
    }
    value = given
  } else if (!parts) {
    return voided({ ruleId: 'date-unparsed', message: `"${echo(phrase)}" is not a date phrase this pipeline reads; give edtf and a note` })
  } else {
    value = partsToEdtf(parts)
    if (value === undefined)
      return voided({
        ruleId: 'date-incomplete',
        message: `"${echo(phrase)}" gives no year; give the full date as edtf with a note saying where it comes from`
      })
  }
  const bounds = edtfBounds(value)
  if (!bounds) return voided({ ruleId: 'date-invalid', message: `"${echo(phrase)}" gives ${value}, which is not a day of the calendar` })
  return { fields: { date: value, dateStart: bounds.start, dateEnd: bounds.end, dateAsWritten: phrase }, problems }
}
