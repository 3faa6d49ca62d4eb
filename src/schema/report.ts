/**
 * Reports: what a source text says of an act (the acts of version 1), with provenance, and a
 * link to the act of record it tells of.
 */
import { z } from 'zod'
import { cleanText, dateFields, jurisdictionCode, jurisdictionType, notes, recordId, verbatimText } from './fields.js'
import { provenanceList } from './provenance.js'
import { actors, actTypes, characterizations, levels, stages, stances, valuesOf } from './vocabularies.js'

/** A person the source names in connection with the act it reports. */
export const ReportPersonSchema = z
  .object({
    name: cleanText.meta({ description: 'Name in its correct, common English spelling.', examples: ['Chris Christie'] }),
    nameAsWritten: verbatimText.meta({ description: 'The name exactly as the source writes it.', examples: ['Chris Christy'] }),
    role: cleanText
      .nullable()
      .meta({ description: 'Office or part in the act, as the source gives it; null when not given.', examples: ['Governor of New Jersey'] })
  })
  .strict()
  .meta({ title: 'ReportPerson' })

/** A person of a report. */
export type ReportPerson = z.infer<typeof ReportPersonSchema>

/** What one source text reports of one act. */
export const ReportSchema = z
  .object({
    id: recordId,
    act: recordId.nullable().meta({
      description: 'Id of the act of record this report tells of; null when public material shows no such act (a check on `act` says what was looked for).',
      examples: ['us-ma-house-citation-2010-02-25']
    }),
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
    actor: z
      .enum(valuesOf(actors))
      .nullable()
      .meta({
        description: 'Who the source says acted (the body, a committee, members, one member, an executive); null when it does not say.',
        examples: ['body']
      }),
    actType: z
      .enum(valuesOf(actTypes))
      .nullable()
      .meta({ description: 'What kind of act the source reports; null when it names none.', examples: ['resolution'] }),
    stage: z
      .enum(valuesOf(stages))
      .nullable()
      .meta({ description: 'The stage the source says the act reached (adopted, signed…); null when it does not say.', examples: ['adopted'] }),
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
    people: z.array(ReportPersonSchema).meta({ description: 'People the source names as taking part in the act. In CSV: JSON text.' }),
    notes,
    provenance: provenanceList
  })
  .strict()
  .meta({ title: 'Report', description: 'What a source text reports of an act, with provenance, linked to the act of record it tells of.' })

/** A report record. */
export type Report = z.infer<typeof ReportSchema>
