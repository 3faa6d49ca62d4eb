// What a user may do with an array export of the data entry, one operation per entry, each a
// function of the array. test/package/data-entry-lazy.test.ts applies them to the records of a
// dist-data/ file it reads itself, and test/helpers/lazy-entry-child.mjs applies them to the
// entry's exports in a fresh process, each as the first use of a fresh export: the two results
// must be equal. A result must survive JSON (the child sends its results as JSON), so each is
// wrapped by `run` as `{ value }`, which keeps `undefined` apart from a missing result.
import { inspect } from 'node:util'

/** @type {Record<string, (a: any[]) => unknown>} */
export const operations = {
  isArray: (a) => Array.isArray(a),
  length: (a) => a.length,
  first: (a) => a[0],
  last: (a) => a[a.length - 1],
  pastTheEnd: (a) => a[a.length],
  stringIndex: (a) => a['1'],
  at: (a) => a.at(-1),
  forOf: (a) => {
    const ids = []
    for (const record of a) ids.push(record.id)
    return ids
  },
  spread: (a) => [...a],
  destructure: (a) => {
    const [first, second, ...others] = a
    return [first, second, others.length]
  },
  arrayFrom: (a) => Array.from(a),
  concat: (a) => [].concat(a),
  entries: (a) => [...a.entries()].map(([i, record]) => [i, record.id]),
  forEach: (a) => {
    const seen = []
    a.forEach((record, i) => seen.push(`${i}:${record.id}`))
    return seen
  },
  filter: (a) => a.filter((_, i) => i % 3 === 0),
  find: (a) => a.find((_, i) => i === 2),
  findLast: (a) => a.findLast((record) => record.id < 'm'),
  findIndex: (a) => a.findIndex((record) => record.id === a[a.length - 1].id),
  map: (a) => a.map((record) => record.id),
  someEvery: (a) => [a.some((record) => record.id.startsWith('a')), a.every((record) => typeof record.id === 'string')],
  reduce: (a) => a.reduce((sum, record) => sum + JSON.stringify(record).length, 0),
  slice: (a) => a.slice(1, 4),
  includesIndexOf: (a) => [a.includes(a[a.length - 1]), a.indexOf(a[a.length - 1]), a.includes({})],
  join: (a) => a.map((record) => record.id).join(','),
  jsonStringify: (a) => JSON.stringify(a),
  objectKeys: (a) => Object.keys(a),
  objectValues: (a) => Object.values(a),
  objectEntries: (a) => Object.entries(a).map(([key, record]) => [key, record.id]),
  ownKeys: (a) => Reflect.ownKeys(a).map(String),
  lengthDescriptor: (a) => Object.getOwnPropertyDescriptor(a, 'length'),
  indexDescriptor: (a) => Object.getOwnPropertyDescriptor(a, String(a.length - 1)),
  in: (a) => [0 in a, String(a.length - 1) in a, a.length in a, 'length' in a, 'filter' in a],
  prototype: (a) => Object.getPrototypeOf(a) === Array.prototype,
  instanceOf: (a) => a instanceof Array,
  constructor: (a) => a.constructor === Array,
  toStringTag: (a) => Object.prototype.toString.call(a),
  frozenExtensible: (a) => [Object.isFrozen(a), Object.isExtensible(a)],
  inspect: (a) => inspect(a, { depth: 0 })
}

/** Operations that read nothing of the array, so they need not load it. */
export const readsNothing = new Set(['isArray'])

/** The result of `name` on `array`, as JSON will carry it. */
export function run(name, array) {
  return JSON.parse(JSON.stringify({ value: operations[name](array) }))
}
