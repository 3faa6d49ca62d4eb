/**
 * The escaping rule of overlays: verbatim text made safe to paste into an overlay, so that
 * no markdown or directive syntax swallows any of it. Every ASCII punctuation character
 * that markdown or directives give a meaning is backslash-escaped (CommonMark allows a
 * backslash before any ASCII punctuation), and so are the characters that would open a
 * block (`#`, `+`, `-`, `=`, a numbered list marker) at the start of a line. Indentation
 * of four spaces or a tab would open a code block, so a line's leading whitespace becomes at
 * most three spaces (any whitespace run may stand for any other).
 */
export function escapeOverlayText(text: string): string {
  return text
    .replace(/^[ \t]+/gm, (indent) => ' '.repeat(Math.min(3, indent.length)))
    .replace(/[\\`*_[\]{}<>!|~&:]/g, (char) => `\\${char}`)
    .replace(/^([ \t]*)([#+\-=>])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
}
