/**
 * The overlay lints against a plain statement of what they report: per line of the body, each
 * colon with a letter or digit on both sides, then each "]" with no "[" open before it (a
 * backslash escaping the next unit); columns count code points.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lintOverlay } from '../../src/pipeline/parse/lint-overlay.js'
import { CodePointText } from '../../src/pipeline/text/code-point-text.js'

type Found = { ruleId: string; line: number; column: number; endColumn: number }

function reference(text: string, bodyStartLine: number): Found[] {
  const found: Found[] = []
  text.split('\n').forEach((line, index) => {
    if (index + 1 < bodyStartLine) return
    const column = (utf16: number) => Array.from(line.slice(0, utf16)).length + 1
    const report = (ruleId: string, at: number) => found.push({ ruleId, line: index + 1, column: column(at), endColumn: column(at + 1) })
    for (const match of line.matchAll(/(?<=[\p{L}\p{N}]):(?=[\p{L}\p{N}])/gu)) report('unescaped-colon', match.index)
    let depth = 0
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') i++
      else if (line[i] === '[') depth++
      else if (line[i] === ']') depth === 0 ? report('bracket-in-label', i) : depth--
    }
  })
  return found
}

const unit = fc.constantFrom('a', 'Z', '7', '٣', 'К', '𝔸', '😀', '\u0301', '\uD800', '\uDC00', ':', ':', '[', ']', ']', '\\', '\n', '\r', ' ', '-')

describe('overlay lints', () => {
  it('report the colons and brackets of the reference, in its order and at its columns', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.integer({ min: 0, max: 4 }), (text, bodyStartLine) => {
        const lints = lintOverlay(new CodePointText(text), 'doc.md', bodyStartLine)
        expect(lints.map((d) => ({ ruleId: d.ruleId, line: d.start.line, column: d.start.column, endColumn: d.end.column }))).toEqual(
          reference(text, bodyStartLine)
        )
        for (const d of lints) expect(d.end.line).toBe(d.start.line)
      }),
      { numRuns: 3000 }
    )
  })

  it('counts columns in code points after an astral character', () => {
    expect(lintOverlay(new CodePointText('😀a:b ]'), 'doc.md', 1).map((d) => [d.ruleId, d.start.column, d.end.column])).toEqual([
      ['unescaped-colon', 3, 4],
      ['bracket-in-label', 6, 7]
    ])
  })
})
