/**
 * Annotation coverage: which candidates of each recognizer an annotation covers. A
 * candidate is covered when it lies inside a span directive or a `:::nodata` container;
 * lying inside a report container alone does not count, because the report's fields are spans.
 */
import type { Annotation } from '../extract/annotations.js'
import type { Candidate, RecognizerName } from '../recognize/candidates.js'

/** Coverage of one recognizer. */
export interface RecognizerCoverage {
  recognizer: RecognizerName
  found: number
  covered: number
  uncovered: Candidate[]
}

/**
 * Coverage of every recognizer over one source. `structure` holds verbatim spans that are
 * markup of the text itself (list markers), which cover their candidates too.
 */
export function measureCoverage(
  candidates: readonly Candidate[],
  annotations: readonly Annotation[],
  structure: ReadonlyArray<[number, number]> = []
): RecognizerCoverage[] {
  const intervals: Array<[number, number]> = [...structure]
  // An explicit stack, not recursion: annotations nest as deep as the overlay's markup.
  const stack = [...annotations]
  for (let a = stack.pop(); a; a = stack.pop()) {
    if (a.name !== 'report') intervals.push([a.start, a.end])
    for (const child of a.children) stack.push(child)
  }
  intervals.sort((x, y) => x[0] - y[0])
  // Longest end reached by any interval starting at or before each position, for a binary search.
  const reach: number[] = []
  intervals.forEach(([, end], i) => reach.push(Math.max(end, i > 0 ? reach[i - 1]! : 0)))
  const isCovered = (c: Candidate) => {
    let low = 0
    let high = intervals.length - 1
    let last = -1
    while (low <= high) {
      const mid = (low + high) >> 1
      if (intervals[mid]![0] <= c.start) {
        last = mid
        low = mid + 1
      } else high = mid - 1
    }
    return last >= 0 && reach[last]! >= c.end
  }
  const byRecognizer = new Map<RecognizerName, RecognizerCoverage>()
  for (const name of ['numerals', 'spelled-numbers', 'date-phrases', 'names', 'characterization-terms'] as const) {
    byRecognizer.set(name, { recognizer: name, found: 0, covered: 0, uncovered: [] })
  }
  for (const candidate of candidates) {
    const entry = byRecognizer.get(candidate.recognizer)!
    entry.found++
    if (isCovered(candidate)) entry.covered++
    else entry.uncovered.push(candidate)
  }
  return [...byRecognizer.values()]
}
