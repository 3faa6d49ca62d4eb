import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from '../src/pipeline/build.js'
import { rules, type RuleId } from '../src/pipeline/rules.js'
import { validateSourceRecords } from '../src/pipeline/validate/validate-records.js'
import { CodePointText } from '../src/pipeline/text-positions.js'
import { writeSource } from './helpers/fixture.js'

const ruleIdsOf = (root: string) => check({ root, sourcesDir: root }).diagnostics.map((d) => d.ruleId)

describe('rules that the catalogue of invalid inputs does not reach', () => {
  it('homoglyph-unmapped: a Latin word with a Cyrillic letter that has no Latin look-alike', () => {
    expect(ruleIdsOf(writeSource('The Khoжaly events.\n', 'The Khoжaly events.\n'))).toContain('homoglyph-unmapped')
  })

  it('candidate-uncovered: a number inside an act that no span covers', () => {
    const root = writeSource(
      'In 2011 the Senate of Pakistan adopted 3 resolutions.\n',
      ':::act{#pk type=resolution jurisdiction=PK}\nIn :date[2011] the :body[Senate of Pakistan] adopted 3 resolutions.\n:::\n'
    )
    const result = check({ root, sourcesDir: root })
    expect(result.ok).toBe(true) // a warning, not an error
    expect(result.diagnostics.find((d) => d.ruleId === 'candidate-uncovered')?.message).toMatch(/"3"/)
  })

  it('bracket-in-label: a closing bracket with no opening one', () => {
    expect(ruleIdsOf(writeSource('It said a ] b.\n', 'It said :nodata[a ] b].\n'))).toContain('bracket-in-label')
  })

  it('file-unreadable: the verbatim path names a folder', () => {
    const root = writeSource('Text.\n', 'Text.\n')
    mkdirSync(join(root, 'folder.txt'))
    const overlay = readFileSync(join(root, 'doc.md'), 'utf8').replace('text: doc.txt', 'text: folder.txt')
    writeFileSync(join(root, 'doc.md'), overlay)
    expect(ruleIdsOf(root)).toContain('file-unreadable')
  })

  it('provenance-mismatch and as-written-outside-quote: the validate stage catches a tampered record', () => {
    const verbatim = new CodePointText('On March 4, 2011, the Senate of Pakistan adopted it.\n')
    const act = {
      id: 'pk',
      date: '2011-03-04',
      dateStart: '2011-03-04',
      dateEnd: '2011-03-04',
      dateAsWritten: 'March 5, 2011',
      jurisdiction: 'PK',
      jurisdictionType: 'iso-3166-1',
      jurisdictionName: 'Pakistan',
      level: 'national',
      body: 'Senate of Pakistan',
      bodyAsWritten: 'Senate of Pakistan',
      actType: 'resolution',
      identifier: null,
      session: null,
      place: null,
      characterization: [],
      stance: [],
      people: [],
      notes: null,
      provenance: [{ sourceId: 'doc', start: 0, end: 52, quote: 'On March 4, 2011, the Senate of Pakistan adopted it!', line: 1, column: 1, section: null }]
    }
    const ids = validateSourceRecords({ acts: [act] }, { sourceId: 'doc', file: 'doc.txt', text: verbatim }).map((d) => d.ruleId)
    expect(ids).toContain('provenance-mismatch')
    expect(ids).toContain('as-written-outside-quote')
  })
})

describe('every rule is documented and tested', () => {
  const testText = [
    ...readdirSync(new URL('.', import.meta.url))
      .filter((n) => n.endsWith('.test.ts'))
      .map((n) => readFileSync(new URL(n, import.meta.url), 'utf8')),
    ...readdirSync(new URL('fixtures/invalid/', import.meta.url)).map((n) =>
      readFileSync(new URL(`fixtures/invalid/${n}/expected.json`, import.meta.url), 'utf8')
    )
  ].join('\n')
  const docs = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')

  for (const id of Object.keys(rules) as RuleId[]) {
    it(id, () => {
      expect(docs).toContain(`| \`${id}\` | ${rules[id].severity} |`)
      // The id appears in a test or an expected-diagnostics file other than this list.
      expect(testText.split(`'${id}'`).length + testText.split(`"${id}"`).length - 2, `${id} has no test`).toBeGreaterThan(0)
    })
  }
})
