/** The markdown parser of overlays: CommonMark with YAML frontmatter and generic directives. */
import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective)

/** Parses an overlay into mdast (positions in UTF-16 units, as mdast has them). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text)
}
