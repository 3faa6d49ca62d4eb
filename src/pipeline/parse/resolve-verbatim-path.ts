/**
 * Resolves the frontmatter's `text` path to a file inside the sources folder, refusing
 * anything that could read elsewhere: absolute paths, `..`, symbolic links.
 */
import { lstatSync, realpathSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { echo } from '../diagnostics/printable.js'

/** The resolved path, or why it is refused. */
export type ResolvedPath = { ok: true; path: string } | { ok: false; reason: string }

/** Resolves `name` inside `sourcesDir`. */
export function resolveVerbatimPath(sourcesDir: string, name: string): ResolvedPath {
  if (isAbsolute(name) || /^[A-Za-z]:|^[\\/]/.test(name)) return { ok: false, reason: `"${echo(name)}" is an absolute path` }
  if (name.split(/[\\/]/).includes('..')) return { ok: false, reason: `"${echo(name)}" climbs out with ..` }
  const base = resolve(sourcesDir)
  const path = resolve(base, name)
  const rel = relative(base, path)
  if (rel.startsWith('..') || isAbsolute(rel)) return { ok: false, reason: `"${echo(name)}" is outside ${sourcesDir}` }
  let current = base
  for (const part of rel.split(sep)) {
    current = join(current, part)
    try {
      if (lstatSync(current).isSymbolicLink()) return { ok: false, reason: `"${echo(name)}" goes through a symbolic link` }
    } catch {
      return { ok: true, path } // missing: reported by the reader as file-missing
    }
  }
  const real = realpathSync(path)
  if (relative(realpathSync(base), real).startsWith('..')) return { ok: false, reason: `"${echo(name)}" resolves outside ${sourcesDir}` }
  return { ok: true, path }
}
