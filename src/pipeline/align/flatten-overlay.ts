/**
 * Flattens a parsed overlay into the plain text it stands for: the characters of its text
 * nodes, list markers as written, and one space between blocks. Each character keeps the
 * UTF-16 offset it came from in the overlay, so alignment errors point into the .md file.
 * Characters are counted in code points: index k is the k-th code point of `text`.
 */
import type { Nodes, Root } from 'mdast'
import { isHighSurrogate, isLowSurrogate } from '../text/code-points.js'

/** The overlay's plain text, addressed in code points. */
export interface FlatOverlay {
  /** The plain text. */
  text: string
  /** Number of code points of `text`. */
  length: number
  /** The code points of `text`, as strings of one or two UTF-16 units (a new array on each read). */
  readonly chars: string[]
  /** UTF-16 offset in the overlay of each character; -1 for the spaces standing between blocks. */
  overlayOffsets: Int32Array
  /** Range [first, end) of the characters that each node's text occupies. */
  ranges: Map<Nodes, [number, number]>
  /** Ranges of the characters holding list-item markers ("1."): structure of the text, never data. */
  listMarkers: Array<[number, number]>
}

const blockSeparator = ' '
const blockSeparatorCode = 0x20

/** Flattens `tree`, parsed from `overlay`. */
export function flattenOverlay(tree: Root, overlay: string): FlatOverlay {
  const parts: string[] = []
  let length = 0
  /** Code point of the last character, -1 before the first. */
  let last = -1
  let overlayOffsets = new Int32Array(Math.max(overlay.length, 16))
  const ranges = new Map<Nodes, [number, number]>()
  const listMarkers: Array<[number, number]> = []

  const offsetAt = (index: number, offset: number) => {
    if (index === overlayOffsets.length) {
      const grown = new Int32Array(overlayOffsets.length * 2)
      grown.set(overlayOffsets)
      overlayOffsets = grown
    }
    overlayOffsets[index] = offset
  }

  const separate = () => {
    if (length > 0 && last !== blockSeparatorCode) {
      parts.push(blockSeparator)
      offsetAt(length++, -1)
      last = blockSeparatorCode
    }
  }

  /** Pushes `value`, mapping each character back to where it stands in `overlay` from `from`. */
  const pushMapped = (value: string, from: number, to: number) => {
    if (value.length === 0) return
    parts.push(value)
    let at = from
    for (let k = 0; k < value.length; k++) {
      // One code point: a single UTF-16 unit, or a surrogate pair taken whole.
      const unit = value.charCodeAt(k)
      const pair = isHighSurrogate(unit) && k + 1 < value.length && isLowSurrogate(value.charCodeAt(k + 1))
      // Skip what markdown removed: backslashes of escapes, stripped indentation.
      let probe = at
      if (pair) {
        const next = value.charCodeAt(k + 1)
        while (probe < to && !(overlay.charCodeAt(probe) === unit && overlay.charCodeAt(probe + 1) === next)) probe++
      } else {
        while (probe < to && overlay.charCodeAt(probe) !== unit) probe++
      }
      if (probe < to) at = probe
      offsetAt(length++, at)
      last = pair ? value.codePointAt(k)! : unit
      at += pair ? 2 : 1
      if (pair) k++
    }
  }

  /** Block nodes: one space stands between each and what is around it. */
  const isBlock = (type: Nodes['type']) =>
    type === 'paragraph' ||
    type === 'heading' ||
    type === 'containerDirective' ||
    type === 'leafDirective' ||
    type === 'blockquote' ||
    type === 'table' ||
    type === 'tableRow' ||
    type === 'tableCell'

  // Depth first, in document order, with an explicit stack (recursion overflows the call
  // stack on deeply nested markup): a node is entered with -1 as its first character, and
  // left when it is on top again, its children done.
  const nodes: Nodes[] = [tree]
  const firsts: number[] = [-1]
  const pushChildren = (node: Nodes) => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!)
      firsts.push(-1)
    }
  }
  while (nodes.length > 0) {
    const top = nodes.length - 1
    const node = nodes[top]!
    const first = firsts[top]!
    if (first < 0) {
      firsts[top] = length
      const start = node.position?.start.offset ?? 0
      const end = node.position?.end.offset ?? start
      switch (node.type) {
        case 'yaml':
        case 'definition':
          break
        case 'text':
        case 'inlineCode':
        case 'html':
        case 'code':
          pushMapped(node.value, start, end)
          break
        case 'break':
          separate()
          break
        case 'listItem': {
          separate()
          const firstChild = node.children[0]
          const markerEnd = firstChild?.position?.start.offset ?? end
          const marker = overlay.slice(start, markerEnd).trim()
          const markerStart = length
          pushMapped(marker, start, markerEnd)
          listMarkers.push([markerStart, length])
          separate()
          pushChildren(node)
          break
        }
        default:
          if (isBlock(node.type)) separate()
          pushChildren(node)
      }
      continue
    }
    nodes.pop()
    firsts.pop()
    if (node.type === 'listItem' || isBlock(node.type)) separate()
    ranges.set(node, [first, length])
  }
  const text = parts.join('')
  return {
    text,
    length,
    get chars() {
      return Array.from(text)
    },
    overlayOffsets: overlayOffsets.slice(0, length),
    ranges,
    listMarkers
  }
}
