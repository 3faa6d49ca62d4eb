/**
 * The overlay's YAML frontmatter: which verbatim file it annotates, its recorded hash and
 * what is known of the document. Aliases are refused outright, so no alias bomb expands.
 */
import YAML from 'yaml'
import { z } from 'zod'
import { diagnostic, type Diagnostic, type Point } from '../diagnostics.js'
import { SourceSchema } from '../../schema/source.js'

/** Fields of an overlay's frontmatter: the `sources` record less what the build measures. */
export const FrontmatterSchema = z
  .object({
    id: SourceSchema.shape.id,
    title: SourceSchema.shape.title,
    language: SourceSchema.shape.language,
    text: z.string().min(1),
    sha256: SourceSchema.shape.sha256,
    origin: SourceSchema.shape.origin,
    rights: SourceSchema.shape.rights,
    notes: SourceSchema.shape.notes.optional()
  })
  .strict()

/** Parsed frontmatter. */
export type Frontmatter = z.infer<typeof FrontmatterSchema>

/**
 * Parses the YAML between the `---` lines. `origin` is the point of the first YAML line in
 * the overlay, so problems are reported where they are.
 */
export function parseFrontmatter(yamlText: string, file: string, origin: Point): { frontmatter?: Frontmatter; diagnostics: Diagnostic[] } {
  const at = (line: number, column: number): Point => ({ line: origin.line + line - 1, column: line === 1 ? origin.column + column - 1 : column })
  const document = YAML.parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false })
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    const pos = lineColumn(yamlText, error.pos[0])
    return {
      diagnostics: [diagnostic(file, at(pos.line, pos.column), undefined, 'frontmatter-yaml', `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`)]
    }
  }
  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: 0 })
  } catch (error) {
    return {
      diagnostics: [diagnostic(file, origin, undefined, 'frontmatter-yaml', `frontmatter refused: ${(error as Error).message} (aliases are not allowed)`)]
    }
  }
  const parsed = FrontmatterSchema.safeParse(data)
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.map((issue) => {
        const key = issue.path[0]
        const pair =
          typeof key === 'string' && YAML.isMap(document.contents)
            ? document.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === key)
            : undefined
        const offset = pair && YAML.isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0
        const linePos = lineColumn(yamlText, offset)
        return diagnostic(
          file,
          at(linePos.line, linePos.column),
          undefined,
          'frontmatter-field',
          `frontmatter field \`${issue.path.join('.') || '(root)'}\`: ${issue.message}`
        )
      })
    }
  }
  return { frontmatter: parsed.data, diagnostics: [] }
}

function lineColumn(text: string, offset: number): Point {
  const before = Array.from(text.slice(0, offset))
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.filter((c) => c === '\n').length + 1, column: before.length - lastBreak }
}
