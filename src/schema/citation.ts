/** Citations: the public documents the record's evidence and the checks cite. */
import { z } from 'zod'
import { edtfString, notes, recordId, verbatimText } from './fields.js'
import { citationKinds, sides, valuesOf } from './vocabularies.js'

/** A web address as stored: WHATWG-serialized (`new URL(u).href`, non-ASCII percent-encoded), http or https. */
export const citationUrl = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/)
  .meta({
    description: 'Public address of the page the evidence was read on, WHATWG-serialized (non-ASCII percent-encoded).',
    examples: ['https://www.azernews.az/nation/191191.html']
  })

/** A BCP 47 language tag. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
  .meta({ description: 'Language (BCP 47).', examples: ['en'] })

/** One public document used as evidence. */
export const CitationSchema = z
  .object({
    id: recordId,
    title: verbatimText.meta({
      description: 'Title of the page or document, as it gives it, in its language and script.',
      examples: ['OIC adopts resolution on Khojaly']
    }),
    url: citationUrl,
    publisher: verbatimText.meta({ description: 'Who publishes the page, as it names itself.', examples: ['AzerNews'] }),
    published: edtfString.nullable().meta({ description: 'When the page was published (EDTF); null when it does not say.', examples: ['2022-03-24'] }),
    language: languageTag,
    kind: z.enum(valuesOf(citationKinds)).meta({ description: 'What kind of document it is, judged per document.', examples: ['report'] }),
    side: z
      .enum(valuesOf(sides))
      .meta({ description: 'Which side of the conflict its publisher is aligned with, whatever the page reports.', examples: ['az'] }),
    notes
  })
  .strict()
  .meta({ title: 'Citation', description: 'A public document used as evidence, with what kind of document it is and whose side its publisher is on.' })

/** A citation record. */
export type Citation = z.infer<typeof CitationSchema>
