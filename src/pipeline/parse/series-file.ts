/**
 * The series searched for acts (sources/record/series.yaml): for each series (a body's
 * sessions, a country's parliament, a state's legislature, a year of the Congressional
 * Record), what was searched, in which languages, and what each item gave. The coverage
 * report is generated from it.
 */
import { z } from 'zod'
import { edtfString, notes, recordId, verbatimText } from '../../schema/fields.js'
import { languageTag } from '../../schema/citation.js'
import { readYamlList, type YamlItems } from './record-files.js'

/** What one item of a series gave. */
export const seriesStatuses = {
  found: 'an act of record was found and entered',
  'not-found': 'nothing was found for this item',
  'claimed-not-found': 'a document claims an act, but no evidence of the act itself was found'
} as const

/** One item of a series: a session, a year, a country. */
export const SeriesItemSchema = z
  .object({
    label: verbatimText,
    period: edtfString.nullable().default(null),
    status: z.enum(['found', 'not-found', 'claimed-not-found']),
    acts: z.array(recordId).default([]),
    claim: recordId.nullable().default(null),
    notes: notes.default(null)
  })
  .strict()

/** One series searched. */
export const SeriesSchema = z
  .object({
    id: recordId,
    title: verbatimText,
    searched: verbatimText,
    languages: z.array(languageTag).min(1),
    items: z.array(SeriesItemSchema),
    notes: notes.default(null)
  })
  .strict()

/** A series as written. */
export type Series = z.infer<typeof SeriesSchema>

/** Reads the series file at `path`; no file means no series. */
export function readSeries(path: string, file: string): YamlItems<Series> {
  return readYamlList(path, file, SeriesSchema, 'record-yaml', 'series')
}
