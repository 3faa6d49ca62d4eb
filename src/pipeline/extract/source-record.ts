/** The `sources` record of a parsed overlay: its frontmatter, plus what the build measures of the verbatim text. */
import type { Source } from '../../schema/index.js'
import type { ParsedSource } from '../parse/index.js'

/** The record of the source `parsed` annotates. */
export function sourceRecordOf({ frontmatter, verbatim }: ParsedSource): Source {
  return {
    id: frontmatter.id,
    title: frontmatter.title,
    language: frontmatter.language,
    path: verbatim.name,
    sha256: verbatim.sha256,
    bytes: verbatim.bytes.length,
    characters: verbatim.text.length,
    origin: frontmatter.origin,
    side: frontmatter.side,
    rights: frontmatter.rights,
    notes: frontmatter.notes ?? null
  }
}
