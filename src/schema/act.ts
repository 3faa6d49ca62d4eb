/** Acts of legislatures, governments, officials and intergovernmental bodies that the source reports. */
import { z } from 'zod'
import { cleanText, dateFields, jurisdictionCode, jurisdictionType, notes, recordId, verbatimText } from './fields.js'
import { provenanceList } from './provenance.js'
import { actTypes, characterizations, levels, stances, valuesOf } from './vocabularies.js'

/** A person the source names in connection with an act. */
export const PersonSchema = z
  .object({
    name: cleanText.meta({ description: 'Name in its correct, common English spelling.', examples: ['Chris Christie'] }),
    nameAsWritten: verbatimText.meta({ description: 'The name exactly as the source writes it.', examples: ['Chris Christy'] }),
    role: cleanText
      .nullable()
      .meta({ description: 'Office or part in the act, as the source gives it; null when not given.', examples: ['Governor of New Jersey'] })
  })
  .strict()
  .meta({ title: 'Person' })

/** Inferred type of a person entry. */
export type Person = z.infer<typeof PersonSchema>

/** One act the source reports. */
export const ActSchema = z
  .object({
    id: recordId,
    ...dateFields,
    jurisdiction: jurisdictionCode,
    jurisdictionType,
    jurisdictionName: cleanText.meta({ description: 'The jurisdiction in plain English (ISO 3166 or registry name).', examples: ['Massachusetts'] }),
    level: z.enum(valuesOf(levels)).meta({ description: 'Level of the body that acted.', examples: ['subnational'] }),
    body: cleanText.nullable().meta({
      description: 'The body or office that acted, in normal form; null when the source names none.',
      examples: ['Massachusetts House of Representatives']
    }),
    bodyAsWritten: verbatimText
      .nullable()
      .meta({ description: 'The body exactly as the source writes it.', examples: ['House of Representatives of the state of Massachusetts'] }),
    actType: z.enum(valuesOf(actTypes)).meta({ description: 'What kind of act the source reports.', examples: ['resolution'] }),
    identifier: cleanText.nullable().meta({ description: 'Number or title of the act as the source gives it; null when none.', examples: ['Resolution 535'] }),
    session: cleanText.nullable().meta({ description: 'Session of the body at which the act was taken; null when not given.', examples: ['39th session'] }),
    place: cleanText.nullable().meta({ description: 'City where the act was taken; null when not given.', examples: ['Djibouti'] }),
    characterization: z.array(z.enum(valuesOf(characterizations))).meta({
      description:
        'How the source reports the act characterizing the events; only from words the act is reported to have said. Empty when none. In CSV: JSON text.',
      examples: [['genocide']]
    }),
    stance: z.array(z.enum(valuesOf(stances))).meta({
      description: 'What the source reports the act doing; only from words inside the act. Empty when none. In CSV: JSON text.',
      examples: [['recognizes']]
    }),
    people: z.array(PersonSchema).meta({ description: 'People the source names as taking part in the act. In CSV: JSON text.' }),
    notes,
    provenance: provenanceList
  })
  .strict()
  .meta({ title: 'Act', description: 'An act of a legislature, government, official or intergovernmental body, as the source reports it.' })

/** Inferred type of an act record. */
export type Act = z.infer<typeof ActSchema>
