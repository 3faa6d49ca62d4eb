/**
 * Flattens a parsed overlay into the plain text it stands for: the characters of its text
 * nodes, list markers as written, and one space between blocks. Each character keeps the
 * UTF-16 offset it came from in the overlay, so alignment errors point into the .md file.
 */
import type { Nodes, Root } from 'mdast'

/** The overlay's plain text, one code point per entry. */
export interface FlatOverlay {
  chars: string[]
  /** UTF-16 offset in the overlay of each character; -1 for the spaces standing between blocks. */
  overlayOffsets: number[]
  /** Range [first, end) of `chars` that each node's text occupies. */
  ranges: Map<Nodes, [number, number]>
  /** Ranges of `chars` holding list-item markers ("1."): structure of the text, never data. */
  listMarkers: Array<[number, number]>
}

const blockSeparator = ' '

/** Flattens `tree`, parsed from `overlay`. */
export function flattenOverlay(tree: Root, overlay: string): FlatOverlay {
  const chars: string[] = []
  const overlayOffsets: number[] = []
  const ranges = new Map<Nodes, [number, number]>()
  const listMarkers: Array<[number, number]> = []

  const separate = () => {
    if (chars.length > 0 && chars[chars.length - 1] !== blockSeparator) {
      chars.push(blockSeparator)
      overlayOffsets.push(-1)
    }
  }

  /** Pushes `value`, mapping each character back to where it stands in `overlay` from `from`. */
  const pushMapped = (value: string, from: number, to: number) => {
    let at = from
    for (const char of value) {
      // Skip what markdown removed: backslashes of escapes, stripped indentation.
      let probe = at
      while (probe < to && !overlay.startsWith(char, probe)) probe++
      if (probe < to) at = probe
      chars.push(char)
      overlayOffsets.push(at)
      at += char.length
    }
  }

  const visit = (node: Nodes) => {
    const first = chars.length
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
        const markerStart = chars.length
        pushMapped(marker, start, markerEnd)
        listMarkers.push([markerStart, chars.length])
        separate()
        for (const child of node.children) visit(child)
        separate()
        break
      }
      case 'paragraph':
      case 'heading':
      case 'containerDirective':
      case 'leafDirective':
      case 'blockquote':
      case 'table':
      case 'tableRow':
      case 'tableCell':
        separate()
        for (const child of node.children) visit(child as Nodes)
        separate()
        break
      default:
        if ('children' in node) for (const child of node.children) visit(child as Nodes)
    }
    ranges.set(node, [first, chars.length])
  }
  visit(tree)
  return { chars, overlayOffsets, ranges, listMarkers }
}
