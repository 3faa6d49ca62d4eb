// Run by test/package/data-entry-lazy.test.ts in a fresh Node process, with the file URL of a
// data entry (dist/index.js) as argv[2] and the names of its array exports, comma-separated,
// as argv[3]. Records every fs.readFileSync call (the entry reads through node:fs's own
// object, which this patches before the entry is first imported). Then, for each export and
// each operation of array-operations.mjs, imports a fresh instance of the entry (a query
// string makes a new module) and takes the export from the module namespace, applies the
// operation to it as its first use, and applies `length` once more through the namespace.
// Writes, as JSON on stdout, for each export and operation: the dist-data/ files read by the
// import, by the operation and by the later use, whether the namespace's binding is a Proxy
// after the operation, the later length and the operation's result.
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { types } from 'node:util'
import { operations, run } from './array-operations.mjs'

const [, , entry, names] = process.argv
const packageRoot = fileURLToPath(new URL('..', entry))
const reads = []
const readFileSync = fs.readFileSync
fs.readFileSync = function (path, ...rest) {
  reads.push(path instanceof URL ? fileURLToPath(path) : String(path))
  return readFileSync.call(this, path, ...rest)
}
/** The dist-data/ files read between the `start`th and the `end`th read, relative to the package. */
const dataReads = (start, end = reads.length) =>
  reads
    .slice(start, end)
    .filter((path) => path.startsWith(packageRoot))
    .map((path) => path.slice(packageRoot.length))
    .filter((path) => path.startsWith('dist-data/'))

const out = {}
let instance = 0
for (const name of names.split(',')) {
  out[name] = {}
  for (const operation of Object.keys(operations)) {
    const start = reads.length
    const namespace = await import(`${entry}?fresh=${++instance}`)
    const afterImport = reads.length
    const result = run(operation, namespace[name])
    const afterOperation = reads.length
    const proxyAfter = types.isProxy(namespace[name])
    const laterLength = namespace[name].length
    out[name][operation] = {
      importReads: dataReads(start, afterImport),
      operationReads: dataReads(afterImport, afterOperation),
      laterReads: dataReads(afterOperation),
      proxyAfter,
      laterLength,
      result
    }
  }
}
process.stdout.write(JSON.stringify(out))
