/**
 * The one reader of YAML inputs (frontmatter, the registry, checks, the record and its
 * citations). YAML is data here, never code: aliases are refused (no alias bomb expands),
 * duplicate keys are refused (the last would silently win), unknown tags are refused (a
 * `!!js/function` would otherwise be dropped and its text kept), and every problem is placed
 * at its own line and column, counted in code points.
 */
import YAML, { type Document, type Node as YamlNode } from 'yaml'
import { diagnostic, type Diagnostic, type Place, type Point, type RuleId } from '../diagnostics/index.js'
import { CodePointText } from '../text/code-point-text.js'

/** A parsed YAML text, with the means to place any part of it. */
export interface YamlText {
  ok: true
  data: unknown
  document: Document.Parsed
  /** Where the value at `path` (keys and indexes) stands; the nearest existing parent when it is absent. */
  placeOf(path: readonly PropertyKey[]): Place
  /** Where the key of the entry at `path` stands (the value's place when it has no key, in a list). */
  placeOfKey(path: readonly PropertyKey[]): Place
}

/** Why a YAML text could not be read. */
export interface YamlFailure {
  ok: false
  diagnostics: Diagnostic[]
}

/**
 * Parses `text` (from `file`, reported under `ruleId`). `origin` is where the text's first
 * character stands in its file, for YAML embedded in another file (frontmatter).
 */
export function readYaml(text: string, file: string, ruleId: RuleId, origin: Point = { line: 1, column: 1 }): YamlText | YamlFailure {
  const positions = new CodePointText(text)
  const pointAt = (utf16Offset: number): Point => {
    const p = positions.pointAtUtf16(utf16Offset)
    return { line: origin.line + p.line - 1, column: p.line === 1 ? origin.column + p.column - 1 : p.column }
  }
  const fail = (offset: number, message: string): YamlFailure => ({ ok: false, diagnostics: [diagnostic(file, pointAt(offset), undefined, ruleId, message)] })
  const document = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true })
  const error = document.errors[0]
  if (error) return fail(error.pos[0], `not valid YAML: ${firstLine(error.message)}`)
  const unknownTag = document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED')
  if (unknownTag) return fail(unknownTag.pos[0], `${firstLine(unknownTag.message)}: tags other than YAML's own are refused`)
  let alias: number | undefined
  YAML.visit(document, {
    Alias(_, node) {
      alias = node.range?.[0] ?? 0
      return YAML.visit.BREAK
    }
  })
  if (alias !== undefined) return fail(alias, 'an alias (*name): aliases are refused, so that no alias bomb expands; write the value out')
  const placeOfNode = (node: { range?: [number, number, number] | null } | null | undefined): Place => {
    const [start, end] = node?.range ?? [0, 0]
    return { file, start: pointAt(start), end: pointAt(end) }
  }
  return {
    ok: true,
    data: document.toJS({ maxAliasCount: 0 }),
    document,
    placeOf(path) {
      let node: unknown = document.contents
      for (const key of path) {
        const child = YAML.isCollection(node) ? (node.get(YAML.isSeq(node) ? Number(key) : key, true) as YamlNode | undefined) : undefined
        if (child === undefined) {
          // The key is missing or its value empty: point at the key when it is there, else at the parent.
          const pair = YAML.isMap(node) ? node.items.find((item) => YAML.isScalar(item.key) && item.key.value === key) : undefined
          return placeOfNode(pair && YAML.isScalar(pair.key) ? pair.key : (node as YamlNode | null))
        }
        node = child
      }
      return placeOfNode(node as YamlNode | null)
    },
    placeOfKey(path) {
      const parent: unknown = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents
      const key = path[path.length - 1]
      const pair = YAML.isMap(parent) ? parent.items.find((item) => YAML.isScalar(item.key) && item.key.value === key) : undefined
      return pair && YAML.isScalar(pair.key) ? placeOfNode(pair.key) : this.placeOf(path)
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!
}
