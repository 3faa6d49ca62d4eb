/**
 * The overlay's YAML frontmatter: which verbatim file it annotates, its recorded hash and
 * what is known of the document, read by the one safe YAML reader.
 */
import { z } from 'zod'
import { SourceSchema } from '../../schema/source.js'
import { diagnostic, type Diagnostic, type Place, type Point } from '../diagnostics/index.js'
import { readYaml } from './yaml.js'

/** Fields of an overlay's frontmatter: the `sources` record less what the build measures. */
export const FrontmatterSchema = z
  .object({
    id: SourceSchema.shape.id,
    title: SourceSchema.shape.title,
    language: SourceSchema.shape.language,
    text: z.string().min(1),
    sha256: SourceSchema.shape.sha256,
    origin: SourceSchema.shape.origin,
    side: SourceSchema.shape.side,
    rights: SourceSchema.shape.rights,
    notes: SourceSchema.shape.notes.optional()
  })
  .strict()

/** The frontmatter's fields, as the overlay gives them. */
export type Frontmatter = z.infer<typeof FrontmatterSchema>

/** The frontmatter, and where each of its keys stands (for diagnostics about a value). */
export interface ParsedFrontmatter {
  frontmatter: Frontmatter
  placeOfKey(key: keyof Frontmatter): Place
}

/**
 * Parses the YAML between the `---` lines. `origin` is the point of the first YAML line in
 * the overlay, so problems are reported where they are.
 */
export function parseFrontmatter(yamlText: string, file: string, origin: Point): { parsed?: ParsedFrontmatter; diagnostics: Diagnostic[] } {
  const yaml = readYaml(yamlText, file, 'frontmatter-yaml', origin)
  if (!yaml.ok) return { diagnostics: yaml.diagnostics.map((d) => ({ ...d, message: `frontmatter: ${d.message}` })) }
  const result = FrontmatterSchema.safeParse(yaml.data)
  if (!result.success) {
    return {
      diagnostics: result.error.issues.map((issue) => {
        const place = yaml.placeOfKey(issue.path.slice(0, 1))
        return diagnostic(file, place.start, undefined, 'frontmatter-field', `frontmatter field \`${issue.path.join('.') || '(root)'}\`: ${issue.message}`)
      })
    }
  }
  return { parsed: { frontmatter: result.data, placeOfKey: (key) => yaml.placeOfKey([key]) }, diagnostics: [] }
}
