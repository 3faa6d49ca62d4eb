/**
 * Diagnostics capped per rule and file: a file that breaks one rule a hundred thousand times
 * (a valid 6 MB source nobody has annotated yet, a line of 300,000 `]`) gets its first 100
 * diagnostics of that rule and one more line saying how many were left out, so a report stays
 * readable and its size stays bounded. The line keeps the rule and its severity.
 */
import { diagnostic, type Diagnostic, type Point } from './diagnostic.js'
import { sortDiagnostics } from './format.js'
import type { RuleId } from './rules.js'

/** Most diagnostics of one rule listed for one file. */
export const maxDiagnosticsPerRuleAndFile = 100

/** The line that stands for the `omitted` diagnostics of `ruleId` in `file` after the first `max`, placed at the first of them. */
export function omittedDiagnostic(file: string, at: Point, ruleId: RuleId, omitted: number, max = maxDiagnosticsPerRuleAndFile): Diagnostic {
  const what = `${ruleId} ${omitted === 1 ? 'diagnostic' : 'diagnostics'}`
  return { ...diagnostic(file, at, undefined, ruleId, `and ${omitted} more ${what} in this file from here on (only the first ${max} are listed)`), omitted }
}

const keyOf = (d: Diagnostic) => `${d.file}\u0000${d.ruleId}`

/**
 * `list` with at most `max` diagnostics of each rule in each file (the first, in report
 * order) and, where some were left out, the line that counts them. Lines from an earlier cap
 * are kept, and add to the count.
 */
export function capDiagnostics(list: readonly Diagnostic[], max = maxDiagnosticsPerRuleAndFile): Diagnostic[] {
  const counts = new Map<string, number>()
  let over = false
  for (const d of list) {
    if (d.omitted !== undefined) continue
    const n = (counts.get(keyOf(d)) ?? 0) + 1
    counts.set(keyOf(d), n)
    if (n > max) over = true
  }
  if (!over) return [...list]
  const kept: Diagnostic[] = []
  const left = new Map<string, { first: Diagnostic; omitted: number }>()
  const seen = new Map<string, number>()
  for (const d of sortDiagnostics(list)) {
    const key = keyOf(d)
    const earlier = d.omitted
    const n = earlier === undefined ? (seen.get(key) ?? 0) + 1 : 0
    if (earlier === undefined) seen.set(key, n)
    if (earlier === undefined && n <= max) {
      kept.push(d)
      continue
    }
    const entry = left.get(key)
    if (entry) entry.omitted += earlier ?? 1
    else left.set(key, { first: d, omitted: earlier ?? 1 })
  }
  for (const { first, omitted } of left.values()) kept.push(omittedDiagnostic(first.file, first.start, first.ruleId, omitted, max))
  return sortDiagnostics(kept)
}

/**
 * Collects diagnostics for a producer that may find very many (the lints, coverage): past
 * `max` of a rule in a file it only counts them, so memory holds `max` of each. `add` must
 * be called in report order within each rule and file.
 */
export class CappedDiagnostics {
  readonly list: Diagnostic[] = []
  readonly #left = new Map<string, { file: string; at: Point; ruleId: RuleId; omitted: number }>()
  readonly #counts = new Map<string, number>()

  constructor(readonly max = maxDiagnosticsPerRuleAndFile) {}

  /** Adds the diagnostic `make` makes when it is among the first `max` of its rule in its file; past them, only counts it. */
  add(file: string, ruleId: RuleId, make: () => Diagnostic): void {
    const key = `${file}\u0000${ruleId}`
    const n = (this.#counts.get(key) ?? 0) + 1
    this.#counts.set(key, n)
    if (n <= this.max) {
      this.list.push(make())
      return
    }
    const entry = this.#left.get(key)
    if (entry) entry.omitted++
    else this.#left.set(key, { file, at: make().start, ruleId, omitted: 1 })
  }

  /** The diagnostics, with a line for each rule and file whose diagnostics were left out. */
  done(): Diagnostic[] {
    for (const { file, at, ruleId, omitted } of this.#left.values()) this.list.push(omittedDiagnostic(file, at, ruleId, omitted, this.max))
    this.#left.clear()
    return this.list
  }
}
