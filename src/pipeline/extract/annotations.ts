/**
 * Annotations: the overlay's directives with their spans in the verbatim text (code
 * points) and their places in the overlay. Structural rules are checked here: known
 * directives and attributes, containers closed, spans where they may stand.
 */
import type { Heading, Nodes, Root } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import type { FlatOverlay } from '../align/flatten-overlay.js'
import { diagnostic, echo, type Diagnostic, type Point, type RuleId } from '../diagnostics/index.js'
import type { CodePointText } from '../text/code-point-text.js'
import { textProblem } from '../text/invisible.js'
import { didYouMean } from '../text/nearest-name.js'
import { attributeNamesAt, duplicateNames } from './directive-source.js'
import { directiveSpec, isRecordDirective, proseAttributes } from './directives.js'

/** A directive of the overlay, anchored in the verbatim text. */
export interface Annotation {
  name: string
  attributes: Readonly<Record<string, string>>
  /** Code-point span in the verbatim text; start === end for a span with no text. */
  start: number
  end: number
  /** Place of the directive in the overlay. */
  place: { start: Point; end: Point }
  children: Annotation[]
  parent: Annotation | undefined
}

/** A heading of the source, anchored in the verbatim text. */
export interface SectionHeading {
  start: number
  end: number
}

/** Everything extraction needs from the overlay. */
export interface AnnotatedOverlay {
  annotations: Annotation[]
  headings: SectionHeading[]
  diagnostics: Diagnostic[]
}

type Directive = ContainerDirective | LeafDirective | TextDirective

/** Collects the directives of `tree` (parsed from `overlay`, flattened and aligned). */
export function collectAnnotations(tree: Root, overlay: CodePointText, file: string, flat: FlatOverlay, verbatimOffsets: Int32Array): AnnotatedOverlay {
  const diagnostics: Diagnostic[] = []
  const headings: SectionHeading[] = []
  const annotations: Annotation[] = []

  const placeOf = (node: Nodes) => ({
    start: overlay.pointAtUtf16(node.position?.start.offset ?? 0),
    end: overlay.pointAtUtf16(node.position?.end.offset ?? 0)
  })

  /** Verbatim span of a node: from its first aligned character to just after its last. */
  const spanOf = (node: Nodes): { start: number; end: number } => {
    const [first, end] = flat.ranges.get(node) ?? [0, 0]
    let start = -1
    let last = -1
    for (let i = first; i < end; i++) {
      const offset = verbatimOffsets[i]!
      if (offset < 0) continue
      if (start < 0) start = offset
      last = offset
    }
    return start < 0 ? { start: 0, end: 0 } : { start, end: last + 1 }
  }

  /**
   * Visits the tree depth first, in document order, with an explicit stack: recursion would
   * overflow the call stack on deeply nested markup. Each entry is a node with the innermost
   * annotation and record directive around it.
   */
  const walk = (root: Root) => {
    const stack: Array<{ node: Nodes; parent: Annotation | undefined; record: Annotation | undefined }> = [{ node: root, parent: undefined, record: undefined }]
    const pushChildren = (node: Nodes, parent: Annotation | undefined, record: Annotation | undefined) => {
      if (!('children' in node)) return
      const children = node.children as Nodes[]
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, parent, record })
    }
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const { node, parent, record } = entry
      if (node.type === 'heading') {
        headings.push(spanOf(node as Heading))
        if (record)
          diagnostics.push(
            diagnostic(
              file,
              placeOf(node).start,
              placeOf(node).end,
              'directive-misplaced',
              `a heading stands inside ${record.name} "${record.attributes.id ?? ''}"; close the ${record.name} before the heading`
            )
          )
      }
      if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
        const annotation = toAnnotation(node, parent, record)
        if (annotation) {
          ;(parent ? parent.children : annotations).push(annotation)
          pushChildren(node, annotation, isRecordDirective(annotation.name) ? annotation : record)
          continue
        }
      }
      pushChildren(node, parent, record)
    }
  }

  const toAnnotation = (node: Directive, parent: Annotation | undefined, record: Annotation | undefined): Annotation | undefined => {
    const place = placeOf(node)
    const report = (ruleId: RuleId, message: string) => diagnostic(file, place.start, place.end, ruleId, message)
    const spec = directiveSpec(node.name)
    if (!spec) {
      diagnostics.push(report('directive-unknown', `unknown directive "${echo(node.name)}"; see docs/annotating.md for the directives`))
      return undefined
    }
    const form = node.type === 'containerDirective' ? 'container' : 'span'
    if (node.type === 'leafDirective' || (spec.form !== 'either' && spec.form !== form)) {
      diagnostics.push(
        report(
          'directive-misplaced',
          `"${node.name}" is written as ${node.type === 'leafDirective' ? 'a leaf (::)' : form === 'container' ? 'a container (:::)' : 'a span (:)'}; write it as ${spec.form === 'container' ? 'a container `:::' : 'a span `:'}${node.name}`
        )
      )
    }
    if (node.type === 'containerDirective' && !closesWithFence(node, overlay.text)) {
      diagnostics.push(report('container-unclosed', `container "${node.name}" is not closed; add a line ":::" after its last paragraph`))
    }
    if (isRecordDirective(node.name) && record) {
      diagnostics.push(report('directive-misplaced', `${node.name} inside ${record.name} "${record.attributes.id ?? ''}": records do not nest`))
    }
    if (spec.within && (!record || !isRecordDirective(record.name) || !spec.within.includes(record.name))) {
      diagnostics.push(report('directive-misplaced', `"${node.name}" must stand inside ${spec.within.map((name) => `an ${name}`).join(' or ')}`))
    }
    const notData = notDataAround(parent)
    if (notData && !spec.notData && !spec.inNotData)
      diagnostics.push(
        report(
          'directive-misplaced',
          `"${node.name}" stands inside :${notData.name}, whose words are not data (the source's own voice, or words marked not data); move it out, or drop it`
        )
      )
    // remark-directive keeps the last of an attribute given twice: the overlay's own text says whether one was.
    if (node.attributes && Object.keys(node.attributes).length > 0) {
      for (const name of duplicateNames(attributeNamesAt(overlay.text, node.position?.start.offset ?? 0)))
        diagnostics.push(
          report('attribute-duplicate', `"${node.name}" gives ${name === 'id' ? 'an id (#id)' : `the attribute "${echo(name)}"`} more than once; give it once`)
        )
    }
    // No prototype: a name from the input can only ever find an attribute it gave.
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>
    for (const [key, value] of Object.entries(node.attributes ?? {})) {
      if (value === null || value === undefined) continue
      const attribute = Object.hasOwn(spec.attributes, key) ? spec.attributes[key] : undefined
      if (!attribute) {
        diagnostics.push(report('attribute-unknown', `"${node.name}" takes no attribute "${echo(key)}"${didYouMean(key, Object.keys(spec.attributes))}`))
        continue
      }
      if (attribute.vocabulary && !Object.hasOwn(attribute.vocabulary, value)) {
        diagnostics.push(report('attribute-invalid', `${key}="${echo(value)}" is not one of: ${Object.keys(attribute.vocabulary).join(', ')}`))
        continue
      }
      const problem = textProblem(value, proseAttributes.has(key))
      if (problem) {
        diagnostics.push(report('attribute-invalid', `${key}="${echo(value)}" ${problem}`))
        continue
      }
      attributes[key] = compact(value)
    }
    for (const [key, attribute] of Object.entries(spec.attributes)) {
      if (attribute.required && !(key in attributes) && !(key in (node.attributes ?? {}))) {
        diagnostics.push(report('attribute-missing', `"${node.name}" needs the attribute ${key === 'id' ? '#id' : key}`))
      }
    }
    const span = spanOf(node)
    if (span.start === span.end && node.name !== 'nodata') diagnostics.push(report('span-empty', `"${node.name}" marks no text`))
    return { name: node.name, attributes, start: span.start, end: span.end, place, children: [], parent }
  }

  walk(tree)
  return { annotations, headings, diagnostics }
}

/** The innermost annotation around `parent` (itself included) whose words are not data (`:voice`, `:nodata`). */
function notDataAround(parent: Annotation | undefined): Annotation | undefined {
  for (let a = parent; a; a = a.parent) if (directiveSpec(a.name)?.notData) return a
  return undefined
}

/**
 * The same text, held in one piece. The directive parser builds an attribute value one
 * character at a time, as a rope of one-character strings, and every record that keeps the
 * value would keep the whole rope (some 50 bytes a character); taking a substring makes V8
 * copy the text into one flat string.
 */
function compact(value: string): string {
  return value.length < 2 ? value : `${value} `.slice(0, -1)
}

/** A container directive is closed when its source ends with a fence of colons. */
function closesWithFence(node: ContainerDirective, text: string): boolean {
  const end = node.position?.end.offset ?? 0
  const start = node.position?.start.offset ?? 0
  const source = text.slice(start, end).trimEnd()
  const lastLine = source.slice(source.lastIndexOf('\n') + 1).trim()
  return source.includes('\n') && /^:{3,}$/.test(lastLine)
}
