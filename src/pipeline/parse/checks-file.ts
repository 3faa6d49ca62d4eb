/**
 * The curated checks (sources/checks.yaml): read as data, each item parsed with its zod
 * schema and placed at its line, so a bad check is reported where it is written.
 */
import { lstatSync } from 'node:fs'
import { dirname } from 'node:path'
import { CheckSchema, type Check } from '../../schema/check.js'
import { capDiagnostics, diagnostic, echo, fileStart, type Diagnostic, type Place } from '../diagnostics/index.js'
import { readTextFile } from './read-text-file.js'
import { readYaml } from './yaml.js'

/** The checks, where each stands, and what was wrong. */
export interface ChecksFile {
  checks: Check[]
  places: WeakMap<object, Place>
  diagnostics: Diagnostic[]
}

/** Reads the checks file at `path` (`file` names it in diagnostics); no file means no checks. */
export function readChecks(path: string, file: string): ChecksFile {
  const result: ChecksFile = { checks: [], places: new WeakMap(), diagnostics: [] }
  if (!present(path)) return result
  const read = readTextFile(path, file, { symlinks: 'within', within: dirname(path) })
  if (!read.ok) return { ...result, diagnostics: read.diagnostics }
  const yaml = readYaml(read.text, file, 'checks-yaml')
  if (!yaml.ok) return { ...result, diagnostics: yaml.diagnostics }
  if (!Array.isArray(yaml.data))
    return { ...result, diagnostics: [diagnostic(file, fileStart, undefined, 'checks-yaml', 'the checks file must be a YAML list of checks')] }
  yaml.data.forEach((item: unknown, index: number) => {
    const place = yaml.placeOf([index])
    const parsed = CheckSchema.safeParse(item)
    if (!parsed.success) {
      const id = typeof (item as { id?: unknown } | null)?.id === 'string' ? ` "${echo((item as { id: string }).id)}"` : ''
      for (const issue of parsed.error.issues) {
        result.diagnostics.push(
          diagnostic(file, place.start, place.end, 'record-invalid', `check ${index + 1}${id}: ${issue.path.join('.') || '(check)'}: ${issue.message}`)
        )
      }
      return
    }
    result.places.set(parsed.data, place)
    result.checks.push(parsed.data)
  })
  result.diagnostics = capDiagnostics(result.diagnostics)
  return result
}

/** Whether anything (a file, a link, a folder) stands at `path`: the reader says what is wrong with it. */
function present(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch (error) {
    const code = (error as { code?: string }).code
    return code !== 'ENOENT' && code !== 'ENOTDIR'
  }
}
