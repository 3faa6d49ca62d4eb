/** The verbatim source documents. */
import { z } from 'zod'
import { cleanText, notes, recordId } from './fields.js'
import { sides, valuesOf } from './vocabularies.js'

/** One verbatim source document. */
export const SourceSchema = z
  .object({
    id: recordId,
    title: cleanText.meta({
      description: 'Title of the document (its first heading where it has no other).',
      examples: ['International legal bases of recognition of genocide']
    }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
      .meta({ description: 'Language of the text (BCP 47).', examples: ['en'] }),
    path: z
      .string()
      .regex(/^[A-Za-z0-9._-]+\.txt$/)
      .meta({ description: 'File name of the verbatim text, beside the data files (dist-data/) and in sources/.', examples: ['000_fbe07255233e0e6a.txt'] }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: 'SHA-256 of the verbatim bytes, lowercase hex.' }),
    bytes: z
      .int()
      .min(0)
      .meta({ description: 'Size of the verbatim text in bytes.', examples: [15645] }),
    characters: z
      .int()
      .min(0)
      .meta({ description: 'Length of the verbatim text in Unicode code points: the unit of provenance offsets.', examples: [15538] }),
    origin: cleanText.meta({ description: 'What is known of where the text came from; "not stated" where nothing is.' }),
    side: z.enum(valuesOf(sides)).meta({
      description: 'Which side of the conflict the text is aligned with, so that evidence anchored in it has a side too (the seed is az).',
      examples: ['az']
    }),
    rights: cleanText.meta({ description: "Who holds the text's rights; it is reproduced only so provenance can be checked, outside the project's licences." }),
    notes
  })
  .strict()
  .meta({ title: 'Source', description: 'A verbatim source document from which records are taken.' })

/** Inferred type of a source record. */
export type Source = z.infer<typeof SourceSchema>
