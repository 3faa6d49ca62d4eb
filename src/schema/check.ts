/**
 * Checks: what public records say about a claim of the source. A check sits beside the
 * record it is about and never changes it; the records keep saying what the source says.
 */
import { z } from 'zod'
import { cleanText, recordId, verbatimText } from './fields.js'
import { independences, recordTypes, valuesOf, verdicts } from './vocabularies.js'

/** One piece of evidence a check cites. */
export const CitationSchema = z
  .object({
    title: cleanText.meta({ description: 'Title of the page or document cited.', examples: ['35th Session of the CFM, 18-20 June 2008, Kampala'] }),
    url: z
      .string()
      .regex(/^https?:\/\/[^\s/?#]+\.[^\s/?#]+[^\s]*$/)
      .meta({
        description: 'Absolute http(s) address of the evidence, the original publisher’s where known.',
        examples: ['https://www.sesric.org/event-details.php?id=121']
      }),
    publisher: cleanText.meta({ description: 'Who publishes the evidence.', examples: ['SESRIC'] }),
    note: verbatimText
      .nullable()
      .meta({ description: 'What to know about the citation: a mirror, a machine translation, a party-aligned outlet; null when nothing.' })
  })
  .strict()
  .meta({ title: 'Citation' })

/** Inferred type of a citation. */
export type Citation = z.infer<typeof CitationSchema>

/** One check of one record (or one field of it) against public evidence. */
export const CheckSchema = z
  .object({
    id: recordId,
    recordType: z.enum(valuesOf(recordTypes)).meta({ description: 'Which entity the checked record belongs to.', examples: ['act'] }),
    recordId: recordId.meta({ description: 'Id of the checked record in the entity recordType names.', examples: ['us-ma-house-2010'] }),
    field: z
      .string()
      .regex(/^[a-z][A-Za-z]*$/)
      .nullable()
      .meta({ description: 'The field of the record the check concerns; null when it concerns the whole record.', examples: ['characterization'] }),
    verdict: z.enum(valuesOf(verdicts)).meta({ description: 'What the evidence says of the claim.', examples: ['corrected'] }),
    finding: verbatimText.meta({ description: 'What the evidence shows, in one or two sentences of the project’s own words.' }),
    correctValue: verbatimText
      .nullable()
      .meta({ description: 'The value the evidence supports, when the verdict is corrected; null otherwise.', examples: ['massacre'] }),
    independence: z
      .enum(valuesOf(independences))
      .meta({ description: 'Whether the evidence comes only from sources aligned with one side.', examples: ['independent'] }),
    citations: z.array(CitationSchema).meta({ description: 'The evidence; at least one unless the verdict is unverified. In CSV: JSON text.' })
  })
  .strict()
  .meta({ title: 'Check', description: 'What public evidence says about a claim of the source, beside the record it is about.' })

/** Inferred type of a check record. */
export type Check = z.infer<typeof CheckSchema>
