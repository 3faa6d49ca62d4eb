import { describe, expect, it } from 'vitest'
import { allRecords } from '../helpers/published.js'

/**
 * Fields that keep a document's own text, or free prose (RECORD.md: title, publisher, quotes,
 * every …AsWritten); every other string is a normalized value. A source's title is normalized.
 */
const verbatimFields = new Set(['quote', 'section', 'asWritten', 'reason', 'notes', 'rights', 'origin', 'finding', 'correctValue'])
const verbatimOfCitations = new Set(['title', 'publisher'])
const isVerbatim = (key: string, entity: string) =>
  verbatimFields.has(key) || key.endsWith('AsWritten') || (entity === 'citations' && verbatimOfCitations.has(key))

function strings(value: unknown, key: string, out: Array<[string, string]>) {
  if (typeof value === 'string') out.push([key, value])
  else if (Array.isArray(value)) value.forEach((v) => strings(v, key, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, k, out)
  return out
}

describe('normalized values are clean and verbatim values are the source’s own', () => {
  it('no normalized field holds a Cyrillic or Greek letter or a no-break space', () => {
    let checked = 0
    for (const { entity, record } of allRecords()) {
      for (const [key, value] of strings(record, '', [])) {
        if (isVerbatim(key, entity)) continue
        checked++
        expect(value, `${record.id}.${key}`).not.toMatch(/[\u0370-\u03ff\u0400-\u04ff\u00a0]/)
        expect(value, `${record.id}.${key}`).toBe(value.normalize('NFC'))
      }
    }
    expect(checked).toBeGreaterThan(300)
  })

  it('the source does hold Cyrillic letters and no-break spaces, so the test above can fail', () => {
    const quotes = allRecords().flatMap(({ record }) => (record.provenance ?? []).map((p: any) => p.quote as string))
    expect(quotes.some((q) => /[\u0400-\u04ff]/.test(q))).toBe(true)
    expect(quotes.some((q) => q.includes('\u00a0'))).toBe(true)
  })

  it('every …AsWritten value occurs inside its record’s own provenance quotes', () => {
    let checked = 0
    for (const { record } of allRecords()) {
      const quotes = (record.provenance ?? []).map((p: any) => p.quote as string)
      for (const [key, value] of strings({ ...record, provenance: undefined }, '', [])) {
        if (!(key.endsWith('AsWritten') || key === 'asWritten')) continue
        checked++
        expect(
          quotes.some((q: string) => q.includes(value)),
          `${record.id}.${key} "${value}"`
        ).toBe(true)
      }
    }
    expect(checked).toBeGreaterThan(50)
  })
})
