/**
 * Lints on the overlay's raw text for markup that silently swallows words: a colon between
 * letters or digits (`10:30` starts a directive named `30`) and a closing bracket with no
 * opening one (it ends a label early).
 */
import { diagnostic, type Diagnostic } from './diagnostics.js'
import type { CodePointText } from './text-positions.js'

/** Lints `overlay` (the whole file, frontmatter included: its lines are skipped). */
export function lintOverlay(overlay: CodePointText, file: string, bodyStartLine: number): Diagnostic[] {
  const found: Diagnostic[] = []
  const lines = overlay.text.split('\n')
  lines.forEach((line, index) => {
    const lineNumber = index + 1
    if (lineNumber < bodyStartLine) return
    const at = (utf16Column: number) => ({ line: lineNumber, column: Array.from(line.slice(0, utf16Column)).length + 1 })
    for (const match of line.matchAll(/(?<=[\p{L}\p{N}])(?<!\\):(?=[\p{L}\p{N}])/gu)) {
      found.push(diagnostic(file, at(match.index), at(match.index + 1), 'unescaped-colon', 'a colon between letters or digits starts a text directive and swallows text; write "\\:"'))
    }
    let depth = 0
    for (let i = 0; i < line.length; i++) {
      const char = line[i]
      if (char === '\\') i++
      else if (char === '[') depth++
      else if (char === ']') {
        if (depth === 0) found.push(diagnostic(file, at(i), at(i + 1), 'bracket-in-label', 'a "]" with no "[" before it: inside a label it ends the label early; escape it as "\\]"'))
        else depth--
      }
    }
  })
  return found
}
