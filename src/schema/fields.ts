/**
 * Field shapes shared by several entities. Each carries its meaning in `.meta`, so the
 * JSON Schemas and the codebook say the same thing the types do.
 */
import { z } from 'zod'
import { jurisdictionTypes, valuesOf } from './vocabularies.js'

/** Letters that must never survive into a normalized value: Greek, Cyrillic, no-break space. */
const foreignOrHardSpace = '\\u0370-\\u03ff\\u0400-\\u04ff\\u00a0'
/** C0 and C1 control characters other than tab, line feed and carriage return. */
const controls = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f'
/** Bidi embeddings, overrides and isolates: they reorder what a reader sees. */
const bidiControls = '\\u202a-\\u202e\\u2066-\\u2069'
/** Bidi marks (left-to-right, right-to-left, Arabic letter mark): allowed in quotes only. */
const bidiMarks = '\\u200e\\u200f\\u061c'
/** Zero-width characters: space, joiners, word joiner, byte-order mark. */
const zeroWidth = '\\u200b-\\u200d\\u2060\\ufeff'
/** Zero-width joiners and non-joiners, allowed only between letters (the scripts that need them). */
const joinerOutsideWord = /(?<![\p{L}\p{M}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}])/u

/** Whether a string is well-formed Unicode in NFC: no lone surrogate, nothing a normalization would change. */
export function isWellFormedNfc(text: string): boolean {
  return text.isWellFormed() && text === text.normalize('NFC')
}

/**
 * A normalized text value: NFC, non-empty, no leading, trailing or doubled whitespace, no line
 * breaks, no control, bidi or zero-width character, no Cyrillic or Greek letter and no no-break
 * space. (The pattern is in the JSON Schema; NFC and well-formedness are checked by zod and by
 * `validate`, which JSON Schema cannot state.)
 */
const cleanTextPattern = new RegExp(
  `^(?!.*  )[^\\s${foreignOrHardSpace}${controls}${bidiControls}${bidiMarks}${zeroWidth}](?:[^\\t\\n\\r${foreignOrHardSpace}${controls}${bidiControls}${bidiMarks}${zeroWidth}]*[^\\s${foreignOrHardSpace}${controls}${bidiControls}${bidiMarks}${zeroWidth}])?$`
)
export const cleanText = z.string().regex(cleanTextPattern).refine(isWellFormedNfc, 'must be well-formed Unicode in NFC')

/**
 * A verbatim value: the document's words in its own script, never empty; NFC, no control
 * character (tab and line breaks aside), no bidi control or mark; zero-width joiners only
 * between letters.
 */
const verbatimTextPattern = new RegExp(`^[^${controls}${bidiControls}${bidiMarks}\\u200b\\u2060\\ufeff]+$`)
export const verbatimText = z
  .string()
  .regex(verbatimTextPattern)
  .refine((text) => isWellFormedNfc(text) && !joinerOutsideWord.test(text), 'must be well-formed Unicode in NFC, with joiners only between letters')

/** A quote: a verbatim value that may also hold bidi marks (right-to-left scripts need them). */
const quoteTextPattern = new RegExp(`^[^${controls}${bidiControls}\\u200b\\u2060\\ufeff]+$`)
export const quoteText = z
  .string()
  .regex(quoteTextPattern)
  .refine((text) => isWellFormedNfc(text) && !joinerOutsideWord.test(text), 'must be well-formed Unicode in NFC, with joiners only between letters')

/** A record id: lowercase ASCII words joined by hyphens; stable across versions. */
export const recordId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .meta({ description: 'Stable identifier of the record; never reused for another record.', examples: ['us-ma-house-2010'] })

/** Free text written by the curators, or null. */
export const notes = verbatimText
  .nullable()
  .meta({ description: 'What the curators add: values inferred from the text and why, doubts, context. Null when there is nothing to add.' })

/** A leap year of the Gregorian calendar: a multiple of 4 that is not a century, or a multiple of 400. */
const leapYear = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)'
/**
 * A day of the calendar, by the pattern alone: month 01–12, a day the month has, and 29
 * February only in a leap year (so JSON Schema validators refuse 2011-02-29 as zod does).
 */
const edtfDay = `(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|${leapYear}-02-29)`
/** A month (01–12) or an EDTF level-2 sub-year grouping (21–41: seasons, quarters, quadrimesters, semesters). */
const edtfMonth = '[0-9]{4}-(?:0[1-9]|1[0-2]|2[1-9]|3[0-9]|4[01])'
/** A plain month (01–12): an interval's endpoint is a day, such a month or a year. */
const edtfPlainMonth = '[0-9]{4}-(?:0[1-9]|1[0-2])'
const edtfEndpoint = `(?:${edtfDay}|${edtfPlainMonth}|[0-9]{4})`
/**
 * An EDTF string of the forms this dataset uses: a day, a month or sub-year grouping, a year,
 * or a closed interval of days, months or years; every day a day of the calendar. Written with
 * [0-9], never \d (Python reads \d as any Unicode digit).
 */
const edtfPattern = new RegExp(`^(?:${edtfEndpoint}/${edtfEndpoint}|${edtfDay}|${edtfMonth}|[0-9]{4})$`)
export const edtfString = z.string().regex(edtfPattern)

const isoDayPattern = new RegExp(`^${edtfDay}$`)
/** A calendar day, ISO 8601 (`YYYY-MM-DD`): a real day of the calendar by its pattern (written with [0-9]), and `format: date`. */
export const isoDay = z.string().regex(isoDayPattern).meta({ format: 'date' })

/**
 * What each long pattern of the emitted JSON Schemas asks, in words, keyed by the pattern as
 * the schemas carry it: `validate` says these words rather than print a regular expression
 * of hundreds of characters.
 */
export const patternMeanings: ReadonlyMap<string, string> = new Map([
  [
    cleanTextPattern.source,
    'normalized text: no line break, tab, control, bidi or zero-width character, no Cyrillic or Greek letter, no no-break space, no double space, no space at either end'
  ],
  [verbatimTextPattern.source, 'verbatim text: not empty, no control character but tab and line breaks, no bidi control or mark, no zero-width space'],
  [quoteTextPattern.source, 'a quote: not empty, no control character but tab and line breaks, no bidi control, no zero-width space'],
  [
    edtfPattern.source,
    'an EDTF date of the forms this dataset uses (YYYY-MM-DD, YYYY-MM, a season or other sub-year grouping YYYY-21…41, YYYY, or an interval of days, months or years A/B), every day a day of the calendar'
  ],
  [isoDayPattern.source, 'a day of the calendar, YYYY-MM-DD (29 February only in a leap year)']
])

/** The date fields of an act or instrument. */
export const dateFields = {
  date: edtfString.nullable().meta({
    description: 'The date as EDTF (ISO 8601-2, Library of Congress EDTF), claiming no more than the words; null when the source gives none.',
    examples: ['2010-02-25', '2011-03', '2011-41', '2012-11-15/2012-11-17']
  }),
  dateStart: isoDay.nullable().meta({
    description: 'First day the EDTF date can mean (ISO 8601 date); null when date is null.',
    examples: ['2011-07-01']
  }),
  dateEnd: isoDay.nullable().meta({
    description: 'Last day the EDTF date can mean (ISO 8601 date); null when date is null.',
    examples: ['2011-12-31']
  }),
  dateAsWritten: verbatimText.nullable().meta({
    description: 'The words that give the date, exactly as the source writes them; null when it gives none.',
    examples: ['At the end of 2011']
  })
}

/** The date fields of an act of record: the EDTF date and its bounds (no words: the evidence holds them). */
export const dateFieldsWithoutWords = {
  date: edtfString.nullable().meta({
    description:
      'The date of the act at its recorded stage (EDTF), claiming no more than the evidence; null only with a note. Other dates (signature, publication) are in notes.',
    examples: ['2012-02-01', '2022-03-22/2022-03-23', '2013']
  }),
  dateStart: dateFields.dateStart,
  dateEnd: dateFields.dateEnd
}

/** The jurisdiction fields of an act or instrument. */
export const jurisdictionCode = z
  .string()
  .regex(/^(?:[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3}|[A-Z]{2,10})$/)
  .meta({
    description: 'Code of the jurisdiction: ISO 3166-1 alpha-2, ISO 3166-2, or an organization code of the registry (see jurisdictionType).',
    examples: ['US-MA', 'PK', 'OIC']
  })

/** Which kind of code `jurisdiction` holds. */
export const jurisdictionType = z
  .enum(valuesOf(jurisdictionTypes))
  .meta({ description: 'Which code list `jurisdiction` comes from.', examples: ['iso-3166-2'] })
