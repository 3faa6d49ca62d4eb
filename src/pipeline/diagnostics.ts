/**
 * Diagnostics: every problem the pipeline finds is a value with a place and a rule id,
 * collected and reported together, never an exception thrown from deep inside.
 */
import { rules, type RuleId } from './rules.js'

/** A 1-based place in a file, columns counted in Unicode code points. */
export interface Point {
  line: number
  column: number
}

/** One problem found in the input. */
export interface Diagnostic {
  /** Path of the file, relative to the working directory where possible. */
  file: string
  start: Point
  end: Point
  severity: 'error' | 'warning'
  ruleId: RuleId
  message: string
}

/** Builds a diagnostic; the severity comes from the rule's definition. */
export function diagnostic(file: string, start: Point, end: Point | undefined, ruleId: RuleId, message: string): Diagnostic {
  return { file, start, end: end ?? start, severity: rules[ruleId].severity, ruleId, message }
}

/** The start of a file, for problems that concern the whole file. */
export const fileStart: Point = { line: 1, column: 1 }

/** Diagnostics sorted by file, then place, then rule, so reports are stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compare(a.file, b.file) || a.start.line - b.start.line || a.start.column - b.start.column || compare(a.ruleId, b.ruleId) || compare(a.message, b.message)
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** True when any diagnostic is an error (the build then writes nothing). */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error')
}

/** Formats diagnostics for people, in the manner of vfile-reporter: `file:l:c-l:c severity message (rule)`. */
export function formatDiagnostics(list: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(list).map(
    (d) => `${d.file}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}: ${d.severity}: ${d.message} (${d.ruleId})`
  )
  const errors = list.filter((d) => d.severity === 'error').length
  const warnings = list.length - errors
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  return lines.join('\n')
}
