// Imports the module named by argv[2] and writes every module URL the import loads, one a
// line, to the file named by argv[3]. The resolve hook runs in the loader thread, so it
// appends to the file rather than printing.
import { register } from 'node:module'

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
