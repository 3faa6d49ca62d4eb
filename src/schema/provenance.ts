/** Where a record's words stand in the verbatim source text. */
import { z } from 'zod'
import { recordId, verbatimText } from './fields.js'

/** One anchor of a record in a verbatim source text (a W3C text position and quote selector in spirit). */
export const ProvenanceSchema = z
  .object({
    sourceId: recordId.meta({ description: 'Id of the `sources` record whose verbatim text this points into.', examples: ['khojaly-recognition-en'] }),
    start: z
      .int()
      .min(0)
      .meta({ description: 'Offset of the first character of the quote, in Unicode code points from the start of the verbatim text.', examples: [5230] }),
    end: z
      .int()
      .min(1)
      .meta({ description: 'Offset just after the last character of the quote, in code points (end exclusive).', examples: [5410] }),
    quote: verbatimText.meta({ description: 'The verbatim text from start to end, exactly.', examples: ['On February 25, 2010, House of Representatives …'] }),
    line: z
      .int()
      .min(1)
      .meta({ description: '1-based line of `start` in the verbatim text (lines end at LF).', examples: [56] }),
    column: z
      .int()
      .min(1)
      .meta({ description: '1-based column of `start`, counted in code points.', examples: [1] }),
    section: verbatimText.nullable().meta({
      description: "The source's heading above the quote, as written: the source's voice, not a claim of the record. Null before the first heading.",
      examples: ['Recognition of the Khojaly Genocide by the U.S.']
    })
  })
  .strict()
  .meta({ title: 'Provenance', description: 'An anchor of a record in a verbatim source text.' })

/** Inferred type of one provenance entry. */
export type Provenance = z.infer<typeof ProvenanceSchema>

/** At least one anchor per record. */
export const provenanceList = z
  .array(ProvenanceSchema)
  .min(1)
  .meta({ description: 'Where the record comes from: one or more spans of the verbatim source text. In CSV: JSON text.' })
