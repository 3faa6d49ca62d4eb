/**
 * What lives where inside the sources folder: the overlays (`*.md`) with their verbatim
 * texts, the organization registry, the curated record (citations, acts of record, the series
 * searched) and the checks. One place, so the corpus runner, the tests and the benchmarks
 * agree on the layout.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** File names inside sources/. */
export const sourcesLayout = {
  /** The registry of organizations that may stand as a jurisdiction. */
  registry: 'organizations.yaml',
  /** The curated checks of the records against public evidence. */
  checks: 'checks.yaml',
  /** More checks, split as curators find natural: every `*.yaml` of this folder, after checks.yaml. */
  checksFolder: 'checks',
  /** The documents the record's evidence and the checks cite. */
  citations: 'citations.yaml',
  /** The folder of the acts of record: every `*.yaml` in it but the series file. */
  record: 'record',
  /** The series searched, and what each gave, inside the record folder. */
  series: 'record/series.yaml'
} as const

/** Whether a file name of sources/ is an overlay. */
export const isOverlay = (name: string): boolean => name.endsWith('.md')

/** The overlays of `sourcesDir`, in the order the build reads them (by name). */
export function listOverlays(sourcesDir: string): string[] {
  return readdirSync(sourcesDir).filter(isOverlay).sort()
}

/** Path of a file of the layout inside `sourcesDir`. */
export function layoutPath(sourcesDir: string, name: keyof typeof sourcesLayout): string {
  return join(sourcesDir, sourcesLayout[name])
}

/** The files of acts of record, by name: every `*.yaml` of sources/record/ but series.yaml; none when the folder is absent. */
export function listRecordFiles(sourcesDir: string): string[] {
  const dir = layoutPath(sourcesDir, 'record')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && join(sourcesLayout.record, name) !== sourcesLayout.series)
    .sort()
    .map((name) => join(dir, name))
}

/** The files of checks, in the order they are read: checks.yaml, then every `*.yaml` of sources/checks/ by name. */
export function listCheckFiles(sourcesDir: string): string[] {
  const dir = layoutPath(sourcesDir, 'checksFolder')
  const more = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => join(dir, name))
    : []
  return [layoutPath(sourcesDir, 'checks'), ...more]
}
