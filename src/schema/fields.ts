/**
 * Field shapes shared by several entities. Each carries its meaning in `.meta`, so the
 * JSON Schemas and the codebook say the same thing the types do.
 */
import { z } from 'zod'
import { jurisdictionTypes, valuesOf } from './vocabularies.js'

/** Letters that must never survive into a normalized value: Greek, Cyrillic, no-break space. */
const foreignOrHardSpace = '\\u0370-\\u03ff\\u0400-\\u04ff\\u00a0'

/**
 * A normalized text value: non-empty, no leading, trailing or doubled whitespace, no line
 * breaks, no Cyrillic or Greek letter and no no-break space.
 */
export const cleanText = z.string().regex(new RegExp(`^(?!.*  )[^\\s${foreignOrHardSpace}](?:[^\\t\\n\\r${foreignOrHardSpace}]*[^\\s${foreignOrHardSpace}])?$`))

/** A verbatim value: exactly as the source writes it, never empty. */
export const verbatimText = z.string().min(1)

/** A record id: lowercase ASCII words joined by hyphens; stable across versions. */
export const recordId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .meta({ description: 'Stable identifier of the record; never reused for another record.', examples: ['us-ma-house-2010'] })

/** Free text written by the curators, or null. */
export const notes = z
  .string()
  .min(1)
  .nullable()
  .meta({ description: 'What the curators add: values inferred from the text and why, doubts, context. Null when there is nothing to add.' })

/** An EDTF string of the forms this dataset uses (day, month, year, level-2 sub-year groupings, closed intervals). */
export const edtfString = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/)

/** The date fields of an act or instrument. */
export const dateFields = {
  date: edtfString.nullable().meta({
    description: 'The date as EDTF (ISO 8601-2, Library of Congress EDTF), claiming no more than the words; null when the source gives none.',
    examples: ['2010-02-25', '2011-03', '2011-41', '2012-11-15/2012-11-17']
  }),
  dateStart: z.iso
    .date()
    .nullable()
    .meta({
      description: 'First day the EDTF date can mean (ISO 8601 date); null when date is null.',
      examples: ['2011-07-01']
    }),
  dateEnd: z.iso
    .date()
    .nullable()
    .meta({
      description: 'Last day the EDTF date can mean (ISO 8601 date); null when date is null.',
      examples: ['2011-12-31']
    }),
  dateAsWritten: verbatimText.nullable().meta({
    description: 'The words that give the date, exactly as the source writes them; null when it gives none.',
    examples: ['At the end of 2011']
  })
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
