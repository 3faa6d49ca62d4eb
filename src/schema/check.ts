/**
 * Checks: what public evidence says about a claim of a record. A check sits beside the
 * record it is about and never changes it; the records keep saying what their sources say.
 */
import { z } from 'zod'
import { notes, recordId, verbatimText } from './fields.js'
import { independences, recordTypes, valuesOf, verdicts } from './vocabularies.js'

/** One use of a citation by a check: which document, and what this use of it shows. */
export const CheckCitationSchema = z
  .object({
    citation: recordId.meta({ description: 'Id of the citation.', examples: ['cite-panarmenian-87241'] }),
    notes: notes.meta({ description: 'What this document shows for this check; null when the finding says it.' })
  })
  .strict()
  .meta({ title: 'CheckCitation' })

/** One use of a citation by a check. */
export type CheckCitation = z.infer<typeof CheckCitationSchema>

/** One check of one record (or one field of it) against public evidence. */
export const CheckSchema = z
  .object({
    id: recordId,
    recordType: z.enum(valuesOf(recordTypes)).meta({ description: 'Which entity the checked record belongs to.', examples: ['report'] }),
    recordId: recordId.meta({ description: 'Id of the checked record in the entity recordType names.', examples: ['us-ma-house-2010'] }),
    field: z
      .string()
      .regex(/^[a-z][A-Za-z]*$/)
      .nullable()
      .meta({ description: 'The field of the record the check concerns; null when it concerns the whole record.', examples: ['characterization'] }),
    verdict: z.enum(valuesOf(verdicts)).meta({ description: 'What the evidence says of the claim.', examples: ['corrected'] }),
    finding: verbatimText.meta({ description: 'What the evidence shows, in the project’s own words.' }),
    correctValue: verbatimText.nullable().meta({
      description: 'The value the evidence supports, when the verdict is corrected (for a list, its values joined by ", "); null otherwise.',
      examples: ['massacre']
    }),
    citations: z
      .array(CheckCitationSchema)
      .meta({ description: 'The documents cited, each with what it shows; at least one unless the verdict is unverified. In CSV: JSON text.' }),
    independence: z
      .enum(valuesOf(independences))
      .nullable()
      .meta({
        description: 'Derived from the cited documents’ sides: independent, aligned-one-side or aligned-both-sides; null when nothing is cited.',
        examples: ['independent']
      }),
    primaryEvidence: z.boolean().meta({ description: 'Derived: true when a cited document is an act’s own text (kind primary or copy).', examples: [false] })
  })
  .strict()
  .meta({ title: 'Check', description: 'What public evidence says about a claim of a record, beside the record it is about.' })

/** A check record. */
export type Check = z.infer<typeof CheckSchema>

/** A check as curators write it in sources/checks.yaml: without the fields the build derives. */
export const CheckInputSchema = CheckSchema.omit({ independence: true, primaryEvidence: true })
/** A check as written. */
export type CheckInput = z.infer<typeof CheckInputSchema>
