/** Places where the source's spelling differs from the correct form. */
import { z } from 'zod'
import { cleanText, recordId, verbatimText } from './fields.js'
import { provenanceList } from './provenance.js'
import { confidences, correctionKinds, valuesOf } from './vocabularies.js'

/** One correction of the source's spelling; never of its facts. */
export const CorrectionSchema = z
  .object({
    id: recordId,
    asWritten: verbatimText.meta({ description: 'The form in the source, exactly.', examples: ['Кhojaly'] }),
    normalized: cleanText.meta({ description: 'The correct form.', examples: ['Khojaly'] }),
    kind: z.enum(valuesOf(correctionKinds)).meta({ description: 'What kind of error it is.', examples: ['homoglyph'] }),
    confidence: z.enum(valuesOf(confidences)).meta({ description: 'How sure the correction is.', examples: ['certain'] }),
    reason: verbatimText.meta({
      description: 'Why the correct form is the one given (free text; may quote the letters at fault).',
      examples: ['Cyrillic letter К (U+041A) inside a Latin word']
    }),
    provenance: provenanceList
  })
  .strict()
  .meta({ title: 'Correction', description: 'A misspelt or mistransliterated word of the source with its correct form.' })

/** Inferred type of a correction record. */
export type Correction = z.infer<typeof CorrectionSchema>
