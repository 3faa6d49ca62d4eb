/**
 * Diagnostics: every problem the pipeline finds is a value with a place and a rule id,
 * collected and reported together, never an exception thrown from deep inside.
 */
import type { Point } from '../text/code-point-text.js'
import { printableMessage } from './printable.js'
import { rules, type RuleId } from './rules.js'

export type { Point } from '../text/code-point-text.js'

/** One problem found in the input. */
export interface Diagnostic {
  /** Path of the file, relative to the working directory where possible. */
  file: string
  start: Point
  end: Point
  severity: 'error' | 'warning'
  ruleId: RuleId
  message: string
  /** On the line that stands for diagnostics left out (past the first 100 of a rule in a file): how many. */
  omitted?: number
}

/**
 * Builds a diagnostic; the severity comes from the rule's definition. The message is made
 * printable (controls and invisible characters of the input shown as escapes, one line) and
 * a very long one is cut in its middle.
 */
export function diagnostic(file: string, start: Point, end: Point | undefined, ruleId: RuleId, message: string): Diagnostic {
  return { file, start, end: end ?? start, severity: rules[ruleId].severity, ruleId, message: printableMessage(message) }
}

/** The start of a file, for problems that concern the whole file. */
export const fileStart: Point = { line: 1, column: 1 }

/** Where a record's directive (or YAML item) stands, for diagnostics of later stages. */
export interface Place {
  file: string
  start: Point
  end: Point
}
