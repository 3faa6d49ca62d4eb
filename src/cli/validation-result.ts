/**
 * What `validate` answers: the verdict on a file and its errors, each with its place, and the
 * pieces every kind of file shares (the cap on errors, how a record's id is shown, the
 * primary keys seen so far).
 */
import { echo } from '../pipeline/diagnostics/printable.js'

/** Most errors reported for one file: validation stops there, so time and memory stay bounded. */
export const maxValidateErrors = 100

/** One problem of a validated file. */
export interface ValidationError {
  /** Where, for people: a JSON pointer (`/records/3/date`), or `row N, column C` of a CSV, then the record's id when it has one. */
  place: string
  message: string
  ruleId: 'validate-read' | 'validate-parse' | 'validate-shape' | 'validate-schema' | 'validate-key-duplicate' | 'validate-date-bounds'
  /** The record's index in the file, from 0 (a JSON array's or the envelope's `records`, a CSV's data rows). */
  record?: number
  /** The record's id, when it has one. */
  id?: string
  /** The field, as a JSON pointer inside the record (`/date`, `/evidence/0/voice`). */
  field?: string
  /** The CSV row, the header being row 1. */
  row?: number
  /** The CSV column: its name, or its number in the header row. */
  column?: string
}

/** The verdict on a file. */
export interface ValidationResult {
  valid: boolean
  entity?: string
  records?: number
  errors: ValidationError[]
}

/** A record's id in a place, when it has one. */
export function idLabel(id: string | undefined): string {
  return id === undefined ? '' : ` (record "${echo(id)}")`
}

/** The primary keys seen so far in a file: the first record of each. */
export class PrimaryKeys {
  private readonly first = new Map<string, number>()
  constructor(readonly fields: readonly string[]) {}
  /** The key of `record` as text. */
  show(record: Record<string, unknown>): string {
    return JSON.stringify(this.fields.map((field) => record[field])).slice(1, -1)
  }
  /** Remembers `record` (number `index`); the index of an earlier record with the same key, if one had it. */
  add(record: Record<string, unknown>, index: number): number | undefined {
    const key = this.show(record)
    const earlier = this.first.get(key)
    if (earlier === undefined) this.first.set(key, index)
    return earlier
  }
}
