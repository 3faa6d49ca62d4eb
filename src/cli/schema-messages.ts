/**
 * Ajv's errors for one record, said so that a user can act on them: each names the field
 * (a JSON pointer inside the record); an unknown field gets the nearest known name; a
 * nullable field's failed alternatives collapse into one error; a long pattern is said in
 * words (patternMeanings of the schema's fields) rather than printed.
 */
import type { ErrorObject } from 'ajv'
import leven from 'leven'
import { patternMeanings } from '../schema/fields.js'
import { echo } from '../pipeline/diagnostics/printable.js'

/** A JSON Schema as this module reads it: plain objects, no `$ref` (the record schemas have none). */
type Schema = Record<string, unknown>

/** One problem of a record: the field it is about (a JSON pointer inside the record, '' for the record) and what is wrong. */
export interface FieldProblem {
  field: string
  message: string
}

/** Patterns shorter than this are printed as they are; longer ones without words are only pointed at. */
const longPattern = 80

/** The segments of a JSON pointer, unescaped. */
export function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** A JSON pointer one segment longer. */
function childPointer(pointer: string, key: string): string {
  return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let value = data
  for (const segment of pointerSegments(pointer)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}

/** The nearest of `names` to `name` (case ignored), when it is near enough to be a likely misspelling. */
export function nearestName(name: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const candidate of names) {
    const distance = leven(name.toLowerCase(), candidate.toLowerCase())
    if (!best || distance < best.distance) best = { name: candidate, distance }
  }
  // A third of the name's length, at least 2: "dat" → "date", "characterisation" → "characterization".
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined
}

/** What a value is, in a few words, for "it is …". */
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string "${echo(value)}"`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

/** The schema at a schema path of Ajv (`#/properties/date/anyOf/0`). */
function schemaAt(root: Schema, schemaPath: string): Schema | undefined {
  return valueAt(root, schemaPath.replace(/^#/, '')) as Schema | undefined
}

/** The problem one Ajv error describes. */
function describe(error: ErrorObject, record: unknown, root: Schema, noun: string): FieldProblem {
  const params = error.params as Record<string, unknown>
  const value = valueAt(record, error.instancePath)
  const here = error.instancePath === '' ? `${noun} records` : `the object at ${error.instancePath}`
  switch (error.keyword) {
    case 'required':
      return { field: childPointer(error.instancePath, String(params.missingProperty)), message: 'is missing; it is required' }
    case 'additionalProperties': {
      const name = String(params.additionalProperty)
      const parent = schemaAt(root, error.schemaPath.replace(/\/additionalProperties$/, ''))
      const known = Object.keys((parent?.properties as Schema | undefined) ?? {})
      const nearest = nearestName(name, known)
      return {
        field: childPointer(error.instancePath, name),
        message: `is not a field of ${here}; ${nearest ? `did you mean "${nearest}"?` : `the fields are: ${known.join(', ')}`}`
      }
    }
    case 'pattern': {
      const pattern = String(params.pattern)
      const meaning = patternMeanings.get(pattern)
      const shown = typeof value === 'string' ? `"${echo(value)}"` : kindOf(value)
      if (meaning) return { field: error.instancePath, message: `${shown} is not ${meaning}` }
      if (pattern.length < longPattern) return { field: error.instancePath, message: `${shown} does not match ${pattern}` }
      return { field: error.instancePath, message: `${shown} does not match the pattern at ${error.schemaPath}` }
    }
    case 'enum':
      return { field: error.instancePath, message: `${kindOf(value)} is not one of: ${(params.allowedValues as unknown[]).join(', ')}` }
    case 'type':
      return { field: error.instancePath, message: `must be ${String(params.type)} (it is ${kindOf(value)})` }
    case 'format':
      return { field: error.instancePath, message: `${kindOf(value)} is not a ${String(params.format)}` }
    default:
      return { field: error.instancePath, message: error.message ?? 'is invalid' }
  }
}

/**
 * The problems Ajv found in `record` against `root` (the record's own schema), one per field
 * and message. `noun` names the record kind ("act") for messages about the record itself.
 */
export function recordProblems(errors: readonly ErrorObject[], record: unknown, root: Schema, noun: string): FieldProblem[] {
  // A field that may be null fails both alternatives of its anyOf: drop "must be null" and the
  // anyOf error itself, and say the rest once ("must be string or null" when only types fail),
  // in the anyOf error's place.
  const dropped = new Set<ErrorObject>()
  const instead = new Map<ErrorObject, FieldProblem>()
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = errors.filter((e) => e !== anyOf && e.schemaPath.startsWith(`${anyOf.schemaPath}/`))
    const isNull = (e: ErrorObject) => e.keyword === 'type' && e.params.type === 'null' && e.instancePath === anyOf.instancePath
    if (!branches.some(isNull)) continue
    const rest = branches.filter((e) => !isNull(e))
    dropped.add(anyOf)
    for (const e of branches) if (isNull(e)) dropped.add(e)
    if (rest.length > 0 && rest.every((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath)) {
      for (const e of rest) dropped.add(e)
      const types = [...new Set(rest.map((e) => String(e.params.type)))].join(' or ')
      instead.set(anyOf, { field: anyOf.instancePath, message: `must be ${types} or null (it is ${kindOf(valueAt(record, anyOf.instancePath))})` })
    }
  }
  // A day that fails its pattern fails `format: date` too: say the pattern's words only.
  for (const error of errors)
    if (error.keyword === 'format' && errors.some((e) => e !== error && e.keyword === 'pattern' && e.instancePath === error.instancePath)) dropped.add(error)
  const problems: FieldProblem[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    const problem = instead.get(error) ?? (dropped.has(error) ? undefined : describe(error, record, root, noun))
    if (!problem) continue
    const key = `${problem.field}\u0000${problem.message}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push(problem)
  }
  return problems
}
