/**
 * Text from the input, made safe to print. A message or a file name may hold what the input
 * held: terminal escape sequences (which retitle a window or clear the screen, so a file can
 * hide its own errors), line breaks (a diagnostic is one line), bidirectional overrides and
 * invisible characters (which make the text read otherwise than it is). Each is shown as an
 * escape (`\x1B`, `\n`, `\u202E`); a long echo of input is cut, with an ellipsis.
 */

/**
 * What is never printed as it is: C0 and C1 controls and DEL, bidirectional marks, overrides
 * and isolates, zero-width characters and the byte-order mark, line and paragraph separators,
 * and lone surrogates (a string that is not well-formed Unicode).
 */
const unprintable =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const unprintableTest = new RegExp(unprintable.source)

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** The escape that shows one unprintable UTF-16 unit. */
function escapeOf(char: string): string {
  if (Object.hasOwn(named, char)) return named[char]!
  const code = char.charCodeAt(0)
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** `text` with every unprintable character shown as an escape; the same string when there is none. */
export function printable(text: string): string {
  return unprintableTest.test(text) ? text.replace(unprintable, escapeOf) : text
}

/** Whether `text` holds a character `printable` would escape. */
export function hasUnprintable(text: string): boolean {
  return unprintableTest.test(text)
}

/** Longest echo of input in a message, in code points. */
export const maxEchoLength = 80

/** Input quoted in a message: cut to `max` code points (with an ellipsis) and made printable. */
export function echo(text: string, max = maxEchoLength): string {
  if (text.length <= max) return printable(text)
  const points = Array.from(text)
  return printable(points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`)
}

/** Longest message kept whole, in UTF-16 units; a longer one keeps its start and its end. */
export const maxMessageLength = 1000

/** A message made printable and, when very long (an echo no one cut), cut in its middle. */
export function printableMessage(message: string): string {
  if (message.length <= maxMessageLength) return printable(message)
  const points = Array.from(message)
  if (points.length <= maxMessageLength) return printable(message)
  return printable(`${points.slice(0, 700).join('')} … ${points.slice(-200).join('')}`)
}
