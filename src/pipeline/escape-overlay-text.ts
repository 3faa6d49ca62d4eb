/**
 * The escaping rule of overlays: verbatim text made safe to paste into an overlay, so that
 * no markdown or directive syntax swallows any of it. Every ASCII punctuation character
 * that markdown or directives give a meaning is backslash-escaped (CommonMark allows a
 * backslash before any ASCII punctuation), and so are the characters that would open a
 * block (`#`, `+`, `-`, `=`, a numbered list marker) at the start of a line.
 */
export function escapeOverlayText(text: string): string {
  return text
    .replace(/[\\`*_[\]{}<>!|~&:]/g, (char) => `\\${char}`)
    .replace(/^([ \t]*)([#+\-=>])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
}
