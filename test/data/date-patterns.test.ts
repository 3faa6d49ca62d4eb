/**
 * One corpus of good and bad EDTF dates gets the same answers from zod, from Ajv and from
 * Python's jsonschema (Debian's /usr/bin/python3), where the rule is in the schema: the
 * `date` pattern of the act's JSON Schema, written with [0-9] so that Python does not read
 * \d as any Unicode digit. Every day must be a day of the calendar by the pattern alone: 29
 * February only in a leap year (a multiple of 4, of 400 for a century).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { edtfString, isoDay } from '../../src/schema/fields.js'

const schema = JSON.parse(readFileSync(new URL('../../schemas/act.schema.json', import.meta.url), 'utf8'))
const pattern: string = schema.properties.date.anyOf?.find((v: any) => v.type === 'string')?.pattern ?? schema.properties.date.pattern

/** [value, whether the schema's pattern admits it], the answer written by hand. */
const corpus: Array<[string, boolean]> = [
  ['2012', true],
  ['2012-02', true],
  ['2012-02-26', true],
  ['2011-41', true],
  ['2007-27', true],
  ['2012-11-15/2012-11-17', true],
  ['2012/2014', true],
  ['2013-05/2013-07', true],
  ['2012-02-29', true],
  ['2000-02-29', true],
  ['1996-02-29/1996-03-01', true],
  ['2011-02-29', false],
  ['1900-02-29', false],
  ['2100-02-29', false],
  ['2011-02-29/2011-03-01', false],
  ['2007-13-45', false],
  ['2012-13', false],
  ['2012-00', false],
  ['2012-02-30', false],
  ['2012-04-31', false],
  ['2012-42', false],
  ['2012-1-5', false],
  ['12-02-2012', false],
  ['٢٠١٢', false],
  ['２０１２', false],
  ['2012-02-26T10:00', false],
  ['', false],
  ['2012-41/2013', false]
]

describe('EDTF dates get the same answer from zod, Ajv and Python’s jsonschema', () => {
  it('the emitted pattern uses [0-9], never \\d', () => {
    expect(pattern).toBeTruthy()
    expect(pattern).not.toMatch(/\\d/)
    expect(JSON.stringify(schema)).not.toMatch(/\\\\d/)
  })

  it('zod and Ajv give the hand-written answer for every value', () => {
    const validate = new Ajv2020({ strict: false }).compile({ type: 'string', pattern })
    for (const [value, admitted] of corpus) {
      expect(edtfString.safeParse(value).success, `zod ${value}`).toBe(admitted)
      expect(validate(value), `Ajv ${value}`).toBe(admitted)
    }
  })

  it('the bounds (dateStart, dateEnd) are days of the calendar by their pattern too, in zod and in Ajv', () => {
    const dayPattern: string = schema.properties.dateStart.anyOf.find((v: any) => v.type === 'string').pattern
    const validate = new Ajv2020({ strict: false }).compile({ type: 'string', pattern: dayPattern })
    for (const [value, admitted] of [
      ['2012-02-29', true],
      ['2000-02-29', true],
      ['2011-12-31', true],
      ['2011-02-29', false],
      ['1900-02-29', false],
      ['2011-04-31', false],
      ['2007-13-45', false],
      ['2011-03', false]
    ] as const) {
      expect(isoDay.safeParse(value).success, `zod ${value}`).toBe(admitted)
      expect(validate(value), `Ajv ${value}`).toBe(admitted)
    }
  })

  const python = '/usr/bin/python3'
  const hasJsonschema = existsSync(python) && spawnSync(python, ['-c', 'import jsonschema']).status === 0
  it.runIf(hasJsonschema)('Python’s jsonschema gives the same answers', () => {
    const script =
      'import json, sys, jsonschema\nargs = json.load(sys.stdin)\nv = jsonschema.Draft202012Validator({"type": "string", "pattern": args["pattern"]})\nprint(json.dumps([v.is_valid(x) for x in args["values"]]))'
    const done = spawnSync(python, ['-c', script], { input: JSON.stringify({ pattern, values: corpus.map(([v]) => v) }), encoding: 'utf8' })
    expect(done.status, done.stderr).toBe(0)
    expect(JSON.parse(done.stdout)).toEqual(corpus.map(([, admitted]) => admitted))
  })
  it.skipIf(hasJsonschema)('is skipped: python3-jsonschema is not installed', () => {
    console.log('skipped: /usr/bin/python3 with jsonschema not installed')
  })
})
