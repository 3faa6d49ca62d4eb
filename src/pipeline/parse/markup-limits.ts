/**
 * Limits on the markup of an overlay, checked on its raw text before the markdown parser
 * sees it. The parser's cost grows with the square of some shapes of markup (200,000 nested
 * `[` take minutes, 20,000 nested `>` seconds and a deep tree, a few thousand `*` in one
 * paragraph seconds), and no overlay needs them: the escaping rule escapes every bracket,
 * asterisk, underscore and `>` of the verbatim text, so what is left is the curator's markup.
 * One pass over the lines and the markup characters, in the order they stand; the first limit
 * passed is reported and the overlay is not parsed. The limits are documented in
 * docs/annotating.md.
 */
import { diagnostic, type Diagnostic, type Point, type RuleId } from '../diagnostics/index.js'
import type { CodePointText } from '../text/code-point-text.js'

/** The limits. */
export const markupLimits = {
  /** `[` open at once (not yet closed by `]`) within one paragraph: nested directive labels and links. */
  bracketDepth: 32,
  /** Block-quote (`>`) and list markers at the start of one line: nested quotes and lists. */
  lineNesting: 32,
  /** Container directives (`:::name` … `:::`) open at once. */
  containerDepth: 32,
  /** Markup characters `[`, `]`, `*`, `_`, `<` (unescaped) in one paragraph. */
  paragraphMarkup: 400,
  /** Lines that start with a block-quote marker `>` in the whole overlay. */
  quotedLines: 1000,
  /** Lines of `=` or `-` under a line of text (setext headings; write `#` headings) in the whole overlay. */
  underlines: 100
} as const

/** Characters the scan stops at: line ends, escapes and the markup characters. */
const interesting = /[\n\\[\]*_<]/g

const isBlank = (text: string, from: number): boolean => {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) return true
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false
  }
  return true
}

/** Where the YAML frontmatter ends (UTF-16 offset of the line after its closing `---`), 0 when there is none. */
function bodyStart(text: string): number {
  const match = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/.exec(text)
  return match ? match[0].length : 0
}

/** The first limit of `markupLimits` the overlay's text passes, as a diagnostic; undefined when none is. */
export function checkMarkupLimits(overlay: CodePointText, file: string): Diagnostic | undefined {
  const text = overlay.text
  const report = (offset: number, ruleId: RuleId, message: string): Diagnostic => {
    const at: Point = overlay.pointAtUtf16(offset)
    return diagnostic(file, at, undefined, ruleId, message)
  }
  let bracketDepth = 0
  let paragraphMarkup = 0
  let containerDepth = 0
  let quotedLines = 0
  let underlines = 0
  let previousBlank = true

  /** What the start of the line at `start` opens: markers, containers, underlines; a diagnostic when a limit is passed. */
  const lineStart = (start: number): Diagnostic | undefined => {
    const blank = isBlank(text, start)
    if (blank) {
      // A blank line ends the paragraph: its brackets can no longer close.
      bracketDepth = 0
      paragraphMarkup = 0
      previousBlank = true
      return undefined
    }
    let i = start
    let markers = 0
    let quoted = false
    for (;;) {
      while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++
      const marker = i
      const c = text.charCodeAt(i)
      const next = text.charCodeAt(i + 1)
      if (c === 0x3e) {
        markers++
        quoted = true
        i++
      } else if ((c === 0x2d || c === 0x2a || c === 0x2b) && (next === 0x20 || next === 0x09)) {
        markers++
        i += 2
      } else if (c >= 0x30 && c <= 0x39) {
        let j = i
        while (j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++
        const after = text.charCodeAt(j)
        const space = text.charCodeAt(j + 1)
        if ((after === 0x2e || after === 0x29) && (space === 0x20 || space === 0x09)) {
          markers++
          i = j + 2
        } else break
      } else break
      if (markers > markupLimits.lineNesting)
        return report(
          marker,
          'nesting-too-deep',
          `more than ${markupLimits.lineNesting} block-quote or list markers open at the start of this line (the limit); nest less deeply`
        )
    }
    if (quoted && ++quotedLines > markupLimits.quotedLines)
      return report(
        start,
        'markup-too-dense',
        `more than ${markupLimits.quotedLines} lines start with a block-quote marker ">" (the limit); escape them as "\\>"`
      )
    const c = text.charCodeAt(i)
    if (c === 0x3a && text.startsWith(':::', i)) {
      let j = i
      while (text.charCodeAt(j) === 0x3a) j++
      if (isBlank(text, j)) containerDepth = Math.max(0, containerDepth - 1)
      else if (++containerDepth > markupLimits.containerDepth)
        return report(i, 'nesting-too-deep', `more than ${markupLimits.containerDepth} container directives are open here (the limit); close some with ":::"`)
    } else if (!previousBlank && markers === 0 && (c === 0x3d || c === 0x2d) && /^(?:=+|-+)[ \t]*\r?$/.test(lineAt(text, i))) {
      if (++underlines > markupLimits.underlines)
        return report(
          start,
          'markup-too-dense',
          `more than ${markupLimits.underlines} setext headings (a line of = or - under text; the limit); write "# " headings`
        )
    }
    previousBlank = false
    return undefined
  }

  let problem = lineStart(bodyStart(text))
  if (problem) return problem
  interesting.lastIndex = bodyStart(text)
  for (let match = interesting.exec(text); match; match = interesting.exec(text)) {
    const at = match.index
    switch (text.charCodeAt(at)) {
      case 0x0a:
        problem = lineStart(at + 1)
        if (problem) return problem
        break
      case 0x5c:
        // A backslash escapes the character after it (a line end after it is a hard break, still a line end).
        if (text.charCodeAt(at + 1) !== 0x0a) interesting.lastIndex = at + 2
        break
      case 0x5b:
        if (++bracketDepth > markupLimits.bracketDepth)
          return report(
            at,
            'nesting-too-deep',
            `more than ${markupLimits.bracketDepth} "[" are open here in one paragraph (the limit); nest directives less deeply`
          )
      // falls through: a bracket is markup too
      default:
        if (text.charCodeAt(at) === 0x5d) bracketDepth = Math.max(0, bracketDepth - 1)
        if (++paragraphMarkup > markupLimits.paragraphMarkup)
          return report(
            at,
            'markup-too-dense',
            `more than ${markupLimits.paragraphMarkup} markup characters ([ ] * _ <) in one paragraph (the limit); split it with a blank line, or escape them`
          )
    }
  }
  return undefined
}

/** The line of `text` from `from` to its end. */
function lineAt(text: string, from: number): string {
  const end = text.indexOf('\n', from)
  return text.slice(from, end < 0 ? text.length : end)
}
