/**
 * The curated checks (sources/checks.yaml): read as data, each item parsed with its input
 * schema (without the fields the build derives) and placed at its line, so a bad check is
 * reported where it is written.
 */
import { CheckInputSchema, type CheckInput } from '../../schema/check.js'
import { readYamlList, type YamlItems } from './record-files.js'

/** The checks as written, where each stands, and what was wrong. */
export type ChecksFile = YamlItems<CheckInput>

/** Reads the checks file at `path` (`file` names it in diagnostics); no file means no checks. */
export function readChecks(path: string, file: string): ChecksFile {
  return readYamlList(path, file, CheckInputSchema, 'checks-yaml', 'check')
}
