/**
 * What lives where inside the sources folder: the overlays (`*.md`) with their verbatim
 * texts, the organization registry and the curated checks. One place, so the corpus runner,
 * the tests and the benchmarks agree on the layout.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** File names inside sources/. */
export const sourcesLayout = {
  /** The registry of organizations that may stand as a jurisdiction. */
  registry: 'organizations.yaml',
  /** The curated checks of the records against public evidence. */
  checks: 'checks.yaml'
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
