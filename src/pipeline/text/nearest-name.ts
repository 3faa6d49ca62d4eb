/** "Did you mean …?": the known name nearest a misspelt one, for messages about names that come from input. */

/** The known name within two edits of `name`, the closest first; undefined when none is that close. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of known) {
    const distance = editDistance(candidate, name)
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  return best
}

/** ` (did you mean "x"?)` when a known name is close to `name`, else the empty string. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = nearestName(name, known)
  return close ? ` (did you mean "${close}"?)` : ''
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}
