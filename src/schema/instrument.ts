/** Legal instruments the source cites. */
import { z } from 'zod'
import { cleanText, dateFields, jurisdictionCode, jurisdictionType, notes, recordId, verbatimText } from './fields.js'
import { provenanceList } from './provenance.js'
import { instrumentKinds, valuesOf } from './vocabularies.js'

/** One legal instrument cited by the source. */
export const InstrumentSchema = z
  .object({
    id: recordId,
    name: cleanText.meta({
      description: 'Name of the instrument in common English form.',
      examples: ['Convention on the Prevention and Punishment of the Crime of Genocide']
    }),
    nameAsWritten: verbatimText.meta({
      description: 'The name exactly as the source writes it (homoglyphs and misspellings kept).',
      examples: ['Convention “Оn the Prevention and Punishment of the Crime of Genocide”']
    }),
    kind: z.enum(valuesOf(instrumentKinds)).meta({ description: 'What kind of instrument it is.', examples: ['convention'] }),
    adoptedBy: cleanText
      .nullable()
      .meta({ description: 'The body that adopted it, as the source names it, made clean; null when not given.', examples: ['UN General Assembly'] }),
    ...dateFields,
    identifier: cleanText
      .nullable()
      .meta({ description: 'Number of the instrument or of the resolution that adopted it; null when not given.', examples: ['260 (III)'] }),
    provision: cleanText.nullable().meta({ description: 'The provision the source cites, in normal form; null when none.', examples: ['Article 4'] }),
    provisionAsWritten: verbatimText.nullable().meta({ description: 'The provision exactly as the source writes it.', examples: ['par. 4'] }),
    jurisdiction: jurisdictionCode
      .nullable()
      .meta({ description: 'Country whose law it is (ISO 3166-1); null for international instruments.', examples: ['AZ'] }),
    jurisdictionType: jurisdictionType.nullable(),
    notes,
    provenance: provenanceList
  })
  .strict()
  .meta({ title: 'Instrument', description: 'A legal instrument the source cites, as the source cites it.' })

/** Inferred type of an instrument record. */
export type Instrument = z.infer<typeof InstrumentSchema>
