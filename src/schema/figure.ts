/** Quantities the source states. */
import { z } from 'zod'
import { notes, recordId, verbatimText } from './fields.js'
import { provenanceList } from './provenance.js'
import { measures, qualifiers, units, valuesOf } from './vocabularies.js'

/** One quantity the source states. */
export const FigureSchema = z
  .object({
    id: recordId,
    value: z
      .number()
      .nullable()
      .meta({ description: 'The number read from the text; null for vague amounts such as "hundreds".', examples: [613] }),
    valueAsWritten: verbatimText.meta({ description: 'The words that give the number, exactly as written.', examples: ['613', 'hundreds', '1 million'] }),
    qualifier: z.enum(valuesOf(qualifiers)).meta({ description: 'How exact the source says the number is.', examples: ['exact'] }),
    unit: z.enum(valuesOf(units)).meta({ description: 'What is counted.', examples: ['people'] }),
    measure: z.enum(valuesOf(measures)).meta({ description: 'What the number measures.', examples: ['killed'] }),
    statedBy: recordId.nullable().meta({
      description: 'Id of the report whose act the source attributes the figure to; null when the source states it in its own voice.',
      examples: ['us-me-house-2012']
    }),
    notes,
    provenance: provenanceList
  })
  .strict()
  .meta({ title: 'Figure', description: 'A quantity the source states, with what it measures and who states it.' })

/** Inferred type of a figure record. */
export type Figure = z.infer<typeof FigureSchema>
