/** The shape of every `<entity>.json` file: the dataset version and the records. */
import { z } from 'zod'

/** Semantic version of the dataset. */
export const datasetVersion = z
  .string()
  .regex(/^[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/)
  .meta({ description: 'Version of the dataset (semver); the same in every file of a release.', examples: ['2.0.0'] })

/** The envelope of an entity file whose records follow `record`. */
export function envelopeOf<T extends z.ZodType>(record: T) {
  return z.object({ version: datasetVersion, records: z.array(record) }).strict()
}
