/** Diagnostics in order and in words: how `check`, `build` and the CLI report them. */
import type { Diagnostic } from './diagnostic.js'
import { printable } from './printable.js'

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

/**
 * Formats diagnostics for people, in the manner of vfile-reporter: `file:l:c-l:c severity
 * message (rule)`, one line each, with controls and invisible characters of file names shown
 * as escapes (messages are made printable when they are made).
 */
export function formatDiagnostics(list: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(list).map(
    (d) => `${printable(d.file)}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}: ${d.severity}: ${printable(d.message)} (${d.ruleId})`
  )
  const errors = list.filter((d) => d.severity === 'error').length
  const warnings = list.length - errors
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  return lines.join('\n')
}
