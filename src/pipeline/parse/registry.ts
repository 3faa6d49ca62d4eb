/** The registry of organizations (sources/organizations.yaml), read and checked as data. */
import { dirname } from 'node:path'
import { z } from 'zod'
import { capDiagnostics, diagnostic, type Diagnostic } from '../diagnostics/index.js'
import { maxRegistryBytes, readTextFile } from './read-text-file.js'
import { readYaml } from './yaml.js'

/** Longest name or alias, in UTF-16 units: the names make one regular expression, which has a limit of its own. */
export const maxNameLength = 200
/** Most aliases of one organization. */
export const maxAliases = 100

/** One organization of the registry. */
export const OrganizationSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,10}$/),
    name: z.string().min(1).max(maxNameLength),
    /** Only an intergovernmental organization can be the jurisdiction of an act. */
    intergovernmental: z.boolean(),
    aliases: z.array(z.string().min(1).max(maxNameLength)).min(1).max(maxAliases)
  })
  .strict()

/** An organization of the registry. */
export type Organization = z.infer<typeof OrganizationSchema>

/** Reads and validates the registry at `path` (`file` names it in diagnostics). */
export function readOrganizations(path: string, file: string): { organizations: Organization[]; diagnostics: Diagnostic[] } {
  const read = readTextFile(path, file, { maxBytes: maxRegistryBytes, symlinks: 'within', within: dirname(path) })
  if (!read.ok) return { organizations: [], diagnostics: read.diagnostics.map((d) => ({ ...d, ruleId: 'registry-invalid', severity: 'error' })) }
  const yaml = readYaml(read.text, file, 'registry-invalid')
  if (!yaml.ok) return { organizations: [], diagnostics: yaml.diagnostics }
  const parsed = z.array(OrganizationSchema).safeParse(yaml.data)
  if (parsed.success) return { organizations: parsed.data, diagnostics: [] }
  const diagnostics = parsed.error.issues.map((issue) => {
    const place = yaml.placeOf(issue.path)
    return diagnostic(file, place.start, place.end, 'registry-invalid', `${issue.path.join('.') || '(registry)'}: ${issue.message}`)
  })
  return { organizations: [], diagnostics: capDiagnostics(diagnostics) }
}
