/**
 * The one rule tying a record's `dateStart` and `dateEnd` to its EDTF `date`: they are the
 * first and last day the date can mean, and null when it is null. JSON Schema cannot state
 * it, so the validate stage and the `validate` command both ask this module.
 */
import { edtfBounds } from '../recognize/dates.js'
import { echo } from '../diagnostics/printable.js'

/** A bound that disagrees with its date: which field, and what it should say. */
export interface DateBoundProblem {
  field: 'dateStart' | 'dateEnd'
  message: string
}

/** Whether a record has the date fields this rule is about. */
export function hasDateBounds(record: object): record is { date: unknown; dateStart: unknown; dateEnd: unknown } {
  return 'date' in record && 'dateStart' in record && 'dateEnd' in record
}

/**
 * The bounds of `record` that are not the first and last day of its `date`. A `date` that is
 * not EDTF of the dataset's forms is the schema's error, not this rule's: it gives none here.
 */
export function dateBoundProblems(record: { date: unknown; dateStart: unknown; dateEnd: unknown }): DateBoundProblem[] {
  const { date } = record
  if (date === null) {
    return (['dateStart', 'dateEnd'] as const)
      .filter((field) => record[field] !== null)
      .map((field) => ({ field, message: `must be null, since date is null (it is "${echo(String(record[field]))}")` }))
  }
  if (typeof date !== 'string') return []
  const bounds = edtfBounds(date)
  if (!bounds) return []
  const problems: DateBoundProblem[] = []
  const expected = { dateStart: bounds.start, dateEnd: bounds.end } as const
  for (const field of ['dateStart', 'dateEnd'] as const) {
    const value = record[field]
    if (value === expected[field]) continue
    const which = field === 'dateStart' ? 'first' : 'last'
    problems.push({
      field,
      message: `must be ${expected[field]}, the ${which} day date "${echo(date)}" can mean (it is ${value === null ? 'null' : `"${echo(String(value))}"`})`
    })
  }
  return problems
}
