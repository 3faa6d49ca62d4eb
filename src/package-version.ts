/**
 * The package's version, read from its package.json: the one place the CLI (`--version`) and
 * the pipeline (the dataset version it stamps on every file) learn it.
 */
import { readFileSync } from 'node:fs'

/** The version of this package, which is the version of the dataset it builds. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}
