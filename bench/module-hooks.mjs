/** Module hooks (run in the loader thread): append every resolved module URL to a file. */
import { appendFileSync } from 'node:fs'

let out

export function initialize(data) {
  out = data?.out
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  if (out) appendFileSync(out, `${resolved.url}\n`)
  return resolved
}
