/** The registry of organizations (sources/organizations.yaml), read and checked as data. */
import { readFileSync } from 'node:fs'
import YAML from 'yaml'
import { z } from 'zod'

/** One organization of the registry. */
export const OrganizationSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,10}$/),
    name: z.string().min(1),
    /** Only an intergovernmental organization can be the jurisdiction of an act. */
    intergovernmental: z.boolean(),
    aliases: z.array(z.string().min(1)).min(1)
  })
  .strict()

/** An organization of the registry. */
export type Organization = z.infer<typeof OrganizationSchema>

/** Reads and validates the registry; throws a message naming the file when it is malformed. */
export function readOrganizations(path: string): Organization[] {
  const data: unknown = YAML.parse(readFileSync(path, 'utf8'), { maxAliasCount: 0 })
  const parsed = z.array(OrganizationSchema).safeParse(data)
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}
