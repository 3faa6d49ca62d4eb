// Imports the module named by argv[2] and writes every module URL the import loads, one a
// line, to the file named by argv[3]. The resolve hook runs in the loader thread, so it
// appends to the file rather than printing. Modules an entry loads with require() (ES
// modules too, from Node 20.19) pass no resolve hook: they are taken from require.cache.
import { appendFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'
import { pathToFileURL } from 'node:url'

const [, , target, log] = process.argv
const hooks = `
import { appendFileSync } from 'node:fs'
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n')
  return result
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)
await import(target)
const required = Object.keys(createRequire(import.meta.url).cache).map((path) => pathToFileURL(path).href)
if (required.length > 0) appendFileSync(log, required.join('\n') + '\n')
