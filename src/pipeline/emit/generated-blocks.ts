/**
 * Generated blocks inside hand-written files (the README, docs/annotating.md, the
 * datasheet): the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` is
 * written by the build from the data and the code's tables, so counts and tables are never
 * edited by hand and never drift; CI fails when a committed block differs from a build's.
 */

const open = (name: string) => `<!-- generated:${name} (written by npm run build; do not edit) -->`
const close = (name: string) => `<!-- /generated:${name} -->`

/** `text` with the block `name` replaced by `content`; throws when the file lacks the block's markers. */
export function replaceGeneratedBlock(text: string, name: string, content: string, file: string): string {
  const start = text.indexOf(`<!-- generated:${name} `)
  const end = text.indexOf(close(name))
  if (start < 0 || end < start) throw new Error(`${file} has no generated block "${name}": add the lines ${open(name)} and ${close(name)}`)
  return `${text.slice(0, start)}${open(name)}\n${content.trimEnd()}\n${text.slice(end)}`
}
