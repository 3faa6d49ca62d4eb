/**
 * Lints on the overlay's raw text for markup that silently swallows words: a colon between
 * letters or digits (`10:30` starts a directive named `30`) and a closing bracket with no
 * opening one (it ends a label early).
 */
import { CappedDiagnostics, diagnostic, type Diagnostic, type Point } from '../diagnostics/index.js'
import type { CodePointText } from '../text/code-point-text.js'

/** A colon with a letter or digit on either side; sticky, so it is tried only at the colons found. */
const colonInWord = /(?<=[\p{L}\p{N}])(?<!\\):(?=[\p{L}\p{N}])/uy

/** Lints `overlay` (the whole file, frontmatter included: its lines are skipped); at most 100 diagnostics of each rule, and a line counting the rest. */
export function lintOverlay(overlay: CodePointText, file: string, bodyStartLine: number): Diagnostic[] {
  const found = new CappedDiagnostics()
  let lineStart = 0
  overlay.text.split('\n').forEach((line, index) => {
    const lineNumber = index + 1
    const start = lineStart
    lineStart += line.length + 1
    if (lineNumber < bodyStartLine) return
    // Columns count code points; the overlay's table turns the UTF-16 offset into one without reading the line again.
    const at = (utf16Column: number): Point => ({ line: lineNumber, column: overlay.codePointOffset(start + utf16Column) - overlay.codePointOffset(start) + 1 })
    colonsInWords(line, (index) =>
      found.add(file, 'unescaped-colon', () =>
        diagnostic(
          file,
          at(index),
          at(index + 1),
          'unescaped-colon',
          'a colon between letters or digits starts a text directive and swallows text; write "\\:"'
        )
      )
    )
    unopenedBrackets(line, (index) =>
      found.add(file, 'bracket-in-label', () =>
        diagnostic(
          file,
          at(index),
          at(index + 1),
          'bracket-in-label',
          'a "]" with no "[" before it: inside a label it ends the label early; escape it as "\\]"'
        )
      )
    )
  })
  return found.done()
}

/** Calls `found` with the UTF-16 offset of each colon of `line` between letters or digits; most lines have no colon at all. */
function colonsInWords(line: string, found: (offset: number) => void): void {
  for (let index = line.indexOf(':'); index >= 0; index = line.indexOf(':', index + 1)) {
    colonInWord.lastIndex = index
    if (colonInWord.test(line)) found(index)
  }
}

/** Calls `found` with the UTF-16 offset of each `]` of `line` with no `[` open before it; a backslash escapes the unit after it. */
function unopenedBrackets(line: string, found: (offset: number) => void): void {
  // Only a "]" can be reported: a line without one needs no count of brackets.
  if (!line.includes(']')) return
  let depth = 0
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i)
    if (unit === 0x5c) i++
    else if (unit === 0x5b) depth++
    else if (unit === 0x5d) {
      if (depth === 0) found(i)
      else depth--
    }
  }
}
