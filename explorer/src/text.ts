/**
 * Verbatim texts addressed as the data addresses them: in code points. A provenance offset
 * counts code points (an astral character such as 𝔸 is one), so texts are split with
 * Array.from and never sliced by UTF-16 index.
 */

const split = new Map<string, string[]>()

/** The code points of a text (kept, since the same source is read again and again). */
export function codePoints(text: string): string[] {
  let points = split.get(text)
  if (!points) {
    points = Array.from(text)
    split.set(text, points)
  }
  return points
}

/** Code points `start` to `end` of a text. */
export function slice(points: readonly string[], start: number, end: number): string {
  return points.slice(start, end).join('')
}

/** A span to mark: code points [start, end), and who it belongs to. */
export interface Span {
  start: number
  end: number
  key: string
}

/** A run of text and the spans that cover it. */
export interface Segment {
  text: string
  start: number
  keys: string[]
}

/** Code points `from` to `to` cut at every edge of a span, each run with the spans covering it. */
export function segments(points: readonly string[], from: number, to: number, spans: readonly Span[]): Segment[] {
  const edges = new Set([from, to])
  for (const s of spans) {
    if (s.start > from && s.start < to) edges.add(s.start)
    if (s.end > from && s.end < to) edges.add(s.end)
  }
  const cuts = [...edges].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!
    const end = cuts[i + 1]!
    const keys = spans.filter((s) => s.start <= start && s.end >= end && s.end > s.start).map((s) => s.key)
    out.push({ text: slice(points, start, end), start, keys })
  }
  return out
}

/**
 * Where an excerpt around [start, end) begins and ends: out to the paragraph around it (a blank
 * line), but at most `context` code points either side.
 */
export function excerptBounds(points: readonly string[], start: number, end: number, context = 280): [number, number] {
  let from = start
  const floor = Math.max(0, start - context)
  while (from > floor && !(points[from - 1] === '\n' && points[from - 2] === '\n')) from--
  let to = end
  const ceiling = Math.min(points.length, end + context)
  while (to < ceiling && !(points[to] === '\n' && points[to + 1] === '\n')) to++
  return [from, to]
}
