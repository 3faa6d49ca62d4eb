/**
 * Acts of record: one record per real act concerning Khojaly that public material documents,
 * whoever reports it, each backed by evidence entries that say which document shows which
 * field, in whose words.
 */
import { z } from 'zod'
import { cleanText, dateFieldsWithoutWords, edtfString, jurisdictionCode, jurisdictionType, notes, quoteText, recordId } from './fields.js'
import { ProvenanceSchema } from './provenance.js'
import { actors, actTypes, characterizationBases, characterizations, levels, stages, stances, valuesOf, voices } from './vocabularies.js'

/** A person who took part in an act, by name and office. */
export const PersonSchema = z
  .object({
    name: cleanText.meta({ description: 'Name in its common English spelling.', examples: ['Paul Gosar'] }),
    role: cleanText
      .nullable()
      .meta({ description: 'Office or part in the act; null when the evidence gives none.', examples: ['U.S. Representative from Arizona'] })
  })
  .strict()
  .meta({ title: 'Person' })

/** A person of an act. */
export type Person = z.infer<typeof PersonSchema>

const count = z.int().min(0).nullable()

/** A vote's counts, each null when no count is known. */
export const VotesSchema = z
  .object({
    for: count.meta({ description: 'Votes for; null when not known.' }),
    against: count.meta({ description: 'Votes against; null when not known.' }),
    abstentions: count.meta({ description: 'Abstentions; null when not known.' })
  })
  .strict()
  .meta({ title: 'Votes' })

/** The fields of an act that evidence can support (beside each characterization term and stance). */
export const evidenceFields = ['date', 'jurisdiction', 'body', 'actor', 'actType', 'stage', 'votes', 'people', 'identifier', 'session', 'place'] as const

/** What an evidence entry may support: a field, or one characterization term or stance (`characterization:genocide`). */
export const supportKeys = [
  ...evidenceFields,
  ...valuesOf(characterizations).map((term) => `characterization:${term}` as const),
  ...valuesOf(stances).map((stance) => `stance:${stance}` as const)
] as const

/** What one document gives for the fields it supports, where documents may disagree. */
export const GivesSchema = z
  .object({
    date: edtfString.optional().meta({ description: 'The date the document gives (EDTF).' }),
    jurisdiction: jurisdictionCode.optional(),
    body: cleanText.optional().meta({ description: 'The body as the document names it (normalized English).' }),
    actor: z.enum(valuesOf(actors)).optional(),
    actType: z.enum(valuesOf(actTypes)).optional(),
    stage: z.enum(valuesOf(stages)).optional(),
    identifier: cleanText.optional(),
    session: cleanText.optional(),
    place: cleanText.optional(),
    votes: VotesSchema.optional(),
    people: z.array(cleanText).optional().meta({ description: 'The names the document gives.' }),
    characterization: z
      .array(z.enum(valuesOf(characterizations)))
      .optional()
      .meta({ description: 'The terms the document says the act uses.' }),
    stance: z.array(z.enum(valuesOf(stances))).optional()
  })
  .strict()
  .meta({ title: 'Gives', description: 'The value the document gives for each field it supports; fields it does not give are absent.' })

/** One piece of evidence for an act: a citation (or an anchor into a shipped text), whose words, and what they support. */
export const EvidenceSchema = z
  .object({
    citation: recordId.nullable().meta({ description: 'Id of the citation the evidence was read in; null for an anchor.', examples: ['cite-azernews-191191'] }),
    report: recordId.nullable().meta({
      description: 'Id of the report whose anchor this is, when the evidence is a shipped text’s report of the act; else null.',
      examples: ['us-ma-house-2010']
    }),
    anchor: ProvenanceSchema.nullable().meta({ description: 'Where in a shipped verbatim text the evidence stands (as provenance); null for a citation.' }),
    voice: z.enum(valuesOf(voices)).meta({ description: 'Whose words the quote is: the act’s own, or the publisher’s.', examples: ['act'] }),
    supports: z.array(z.enum(supportKeys)).meta({
      description:
        'The fields this entry backs, each characterization term and stance named one by one; empty for an entry that only records what a document gives against the act (see gives).',
      examples: [['date', 'body', 'characterization:genocide']]
    }),
    gives: GivesSchema,
    quote: quoteText.meta({ description: 'The document’s own words that back them, as written there, in its language (at most 300 code points).' }),
    notes
  })
  .strict()
  .meta({ title: 'Evidence' })

/** One evidence entry. */
export type Evidence = z.infer<typeof EvidenceSchema>

/** One act of record. */
export const ActSchema = z
  .object({
    id: recordId,
    ...dateFieldsWithoutWords,
    jurisdiction: jurisdictionCode,
    jurisdictionType,
    jurisdictionName: cleanText.meta({ description: 'The jurisdiction in plain English (ISO 3166 or registry name).', examples: ['Pakistan'] }),
    level: z.enum(valuesOf(levels)).meta({ description: 'Level of the body that acted.', examples: ['national'] }),
    body: cleanText.nullable().meta({
      description: 'The chamber, committee, organization or office that acted, in normal English form; null only with a note saying what is unknown.',
      examples: ['Foreign Relations Committee of the Senate of Pakistan']
    }),
    bodyAliases: z
      .array(cleanText)
      .meta({ description: 'Other names the documents and reports use for the body. In CSV: JSON text.', examples: [['Senate of Pakistan']] }),
    actor: z
      .enum(valuesOf(actors))
      .meta({ description: 'Who acted: the body as such, a committee, members, one member, an executive, a court.', examples: ['committee'] }),
    actType: z
      .enum(valuesOf(actTypes))
      .nullable()
      .meta({ description: 'What kind of act it is; null only with a note.', examples: ['resolution'] }),
    stage: z.enum(valuesOf(stages)).meta({ description: 'The stage the act reached in the procedure of whoever acted; never null.', examples: ['adopted'] }),
    identifier: cleanText.nullable().meta({ description: 'Number or title of the act; null when none is known.', examples: ['51/47-POL'] }),
    session: cleanText.nullable().meta({ description: 'Session of the body at which the act was taken; null when not known.', examples: ['47th session'] }),
    place: cleanText.nullable().meta({ description: 'City where the act was taken; null when not known.', examples: ['Niamey'] }),
    people: z.array(PersonSchema).meta({ description: 'People who took part in the act (a member who spoke, an official who signed). In CSV: JSON text.' }),
    votes: VotesSchema.nullable().meta({ description: 'The vote, when one is known; null when no count is known.' }),
    characterization: z.array(z.enum(valuesOf(characterizations))).meta({
      description: 'What the evidence says the act calls the events, term by term (see characterizationBasis). Empty when none. In CSV: JSON text.',
      examples: [['genocide']]
    }),
    characterizationBasis: z.enum(valuesOf(characterizationBases)).meta({
      description:
        'Computed: for each term, the strongest evidence that shows it (primary, quoted, reported); the act’s basis is the weakest of those, so a term never rides on evidence that only shows another; none when there is no term.',
      examples: ['primary']
    }),
    stance: z
      .array(z.enum(valuesOf(stances)))
      .meta({ description: 'What the act does, per the evidence. Empty when none. In CSV: JSON text.', examples: [['condemns']] }),
    concernsKhojaly: z
      .boolean()
      .meta({ description: 'False for an act a report needs that is about something else (the status of Karabakh, a renaming).', examples: [true] }),
    evidence: z
      .array(EvidenceSchema)
      .min(1)
      .meta({ description: 'The evidence, at least one entry. In CSV: JSON text; one row per entry in act-evidence.csv.' }),
    notes
  })
  .strict()
  .meta({
    title: 'Act',
    description: 'An act of record: what a legislature, government, official, court or intergovernmental body did or said, with its evidence.'
  })

/** An act of record. */
export type Act = z.infer<typeof ActSchema>
