/**
 * `node bench/make-corpus.mjs <N> [parent folder]`: writes a synthetic corpus of N copies of
 * the seed (see corpus.mjs) and prints its root, for profiling by hand. Remove it when done.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCorpus, readSeed } from './corpus.mjs'

const [n, parent] = process.argv.slice(2)
if (!(Number(n) >= 1)) {
  console.error('usage: node bench/make-corpus.mjs <N> [parent folder]')
  process.exit(2)
}
const corpus = makeCorpus(readSeed(join(fileURLToPath(new URL('..', import.meta.url)), 'sources')), Number(n), parent)
console.error(`${corpus.n} copies, ${(corpus.bytes / 1e6).toFixed(1)} MB`)
console.log(corpus.root)
