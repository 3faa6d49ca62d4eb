/**
 * The pipeline's optional peer dependencies (the parser stack, the CSV, JSON Schema, SQLite
 * and spreadsheet packages): which are missing, and what to say about it. The list is
 * package.json's own, so it cannot drift from what npm installs.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The error code of a pipeline import whose optional packages are missing. */
export const missingPeersCode = 'ERR_KHOJALY_MISSING_PEERS'

/** Every optional peer dependency of the package, in package.json's order. */
export function optionalPeers(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    peerDependencies?: Record<string, string>
    peerDependenciesMeta?: Record<string, { optional?: boolean }>
  }
  return Object.keys(manifest.peerDependencies ?? {}).filter((name) => manifest.peerDependenciesMeta?.[name]?.optional)
}

/** Whether a package can be found from this package's folder (an unexported package.json still means it is there). */
function installed(name: string, require: NodeJS.Require): boolean {
  try {
    require.resolve(`${name}/package.json`)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED'
  }
}

/** The optional peers that are not installed. */
export function missingPeers(): string[] {
  const require = createRequire(import.meta.url)
  return optionalPeers().filter((name) => !installed(name, require))
}

/** The error for missing peers: names them and gives the install command. */
export function missingPeersError(missing: readonly string[]): Error & { code: string; missing: readonly string[] } {
  const error = new Error(
    `khojaly-recognition/pipeline needs packages that are not installed: ${missing.join(', ')}. Install them with: npm install ${missing.join(' ')}`
  ) as Error & { code: string; missing: readonly string[] }
  error.code = missingPeersCode
  error.missing = missing
  return error
}
