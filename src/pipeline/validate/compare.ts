/**
 * When two values of a field differ, by RECORD.md's rule: lists are different sets, dates are
 * bounds that do not overlap, a body differs when it is neither the act's body nor one of its
 * aliases; any other value differs when it is not equal. Null or empty values are never
 * differences (coverage counts them).
 */
import { edtfBounds } from '../recognize/dates.js'

/** Whether a value is null, undefined or an empty list: nothing to compare. */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0)
}

/** Whether two lists hold the same set of values. */
export function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const left = new Set(a.map((v) => JSON.stringify(v)))
  const right = new Set(b.map((v) => JSON.stringify(v)))
  return left.size === right.size && [...left].every((v) => right.has(v))
}

/** Whether two EDTF dates can mean a common day (their bounds overlap); invalid dates never do. */
export function datesOverlap(a: string, b: string): boolean {
  const x = edtfBounds(a)
  const y = edtfBounds(b)
  return x !== undefined && y !== undefined && x.start <= y.end && y.start <= x.end
}

/** The names a body goes by: its name and its aliases. */
export function bodyNames(act: { body: string | null; bodyAliases: readonly string[] }): Set<string> {
  return new Set([...(act.body === null ? [] : [act.body]), ...act.bodyAliases])
}

/**
 * Whether value `a` of `field` differs from `b`, for an act whose body goes by `names`.
 * Two bodies agree when both are names of the act's body, or are equal.
 */
export function differs(field: string, a: unknown, b: unknown, names: ReadonlySet<string>): boolean {
  if (isEmpty(a) || isEmpty(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return !sameSet(a, b)
  if (field === 'date' && typeof a === 'string' && typeof b === 'string') return !datesOverlap(a, b)
  if (field === 'body') return a !== b && !(names.has(String(a)) && names.has(String(b)))
  return JSON.stringify(a) !== JSON.stringify(b)
}

/** A check's correctValue read as the value of `field`: a list field's values are joined by ", ". */
export function correctValueMatches(field: string, correctValue: string | null, actValue: unknown): boolean {
  if (correctValue === null) return false
  if (Array.isArray(actValue))
    return sameSet(
      correctValue.split(/,\s*/).filter((v) => v !== ''),
      actValue
    )
  return correctValue === actValue
}
