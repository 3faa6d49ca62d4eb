/**
 * The package's version, read from its package.json: the one place the CLI (`--version`), the
 * pipeline (the dataset version it stamps on every file) and the data entry (its `version`)
 * learn it.
 */

// node:fs through process.getBuiltinModule, as in src/index.ts (which imports this module):
// an ES import of node:fs would cost the data entry about 3 ms.
const { readFileSync } = process.getBuiltinModule('node:fs')

/** The version of this package, which is the version of the dataset it builds. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}
