/**
 * The curated checks (sources/checks.yaml): read as data, each item parsed with its zod
 * schema and placed at its line, so a bad check is reported where it is written.
 */
import { existsSync } from 'node:fs'
import YAML from 'yaml'
import { CheckSchema, type Check } from '../../schema/check.js'
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics.js'
import type { RecordPlace } from '../extract/records.js'
import { CodePointText } from '../text-positions.js'
import { readTextFile } from './read-text-file.js'

/** The checks, where each stands, and what was wrong. */
export interface ReadChecks {
  checks: Check[]
  places: WeakMap<object, RecordPlace>
  diagnostics: Diagnostic[]
}

/** Reads the checks file at `path` (`label` names it in diagnostics); no file means no checks. */
export function readChecks(path: string, label: string): ReadChecks {
  const result: ReadChecks = { checks: [], places: new WeakMap(), diagnostics: [] }
  if (!existsSync(path)) return result
  const read = readTextFile(path, label)
  if (!read.ok) return { ...result, diagnostics: read.diagnostics }
  const text = new CodePointText(read.text)
  const document = YAML.parseDocument(read.text, { uniqueKeys: true, prettyErrors: false })
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    return {
      ...result,
      diagnostics: [diagnostic(label, text.pointAtUtf16(error.pos[0]), undefined, 'checks-yaml', `not valid YAML: ${error.message.split('\n')[0]}`)]
    }
  }
  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: 0 })
  } catch (error) {
    return {
      ...result,
      diagnostics: [diagnostic(label, fileStart, undefined, 'checks-yaml', `refused: ${(error as Error).message} (aliases are not allowed)`)]
    }
  }
  if (!Array.isArray(data) || !YAML.isSeq(document.contents)) {
    return { ...result, diagnostics: [diagnostic(label, fileStart, undefined, 'checks-yaml', 'the checks file must be a YAML list of checks')] }
  }
  const items = document.contents.items
  data.forEach((item: unknown, index: number) => {
    const range = (items[index] as { range?: [number, number, number] } | undefined)?.range ?? [0, 0, 0]
    const place = { file: label, start: text.pointAtUtf16(range[0]), end: text.pointAtUtf16(range[1]) }
    const parsed = CheckSchema.safeParse(item)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        result.diagnostics.push(
          diagnostic(
            label,
            place.start,
            place.end,
            'record-invalid',
            `check ${index + 1}${typeof (item as { id?: unknown })?.id === 'string' ? ` "${(item as { id: string }).id}"` : ''}: ${issue.path.join('.') || '(check)'}: ${issue.message}`
          )
        )
      }
      return
    }
    result.places.set(parsed.data, place)
    result.checks.push(parsed.data)
  })
  return result
}
