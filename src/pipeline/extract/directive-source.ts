/**
 * The attributes of a directive as written in the overlay's text. remark-directive gives an
 * object, in which an attribute given twice keeps its last value without a word
 * (`jurisdiction=US-MA jurisdiction=US-TX` would publish the act as Texas'), so duplicates
 * are found here, from the directive's own source: the names in the order they are written,
 * by the grammar of micromark-extension-directive (name, balanced label, attribute block).
 */

const isNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
/** Characters that end an attribute name: whitespace, and punctuation other than - . : _ (ASCII is what the overlay's names use). */
const endsName = (c: number) =>
  Number.isNaN(c) || isSpace(c) || c === 0x3d || c === 0x7d || c === 0x23 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x60

/**
 * The names of the attributes of the directive whose source starts at UTF-16 offset `start`
 * of `text`, in the order written: `id` for `#x`, `class` for `.x`, the name for `name=value`
 * or a bare `name`. Empty when the directive has no attribute block.
 */
export function attributeNamesAt(text: string, start: number): string[] {
  let i = start
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++
  while (text.charCodeAt(i) === 0x3a) i++
  while (isNameChar(text.charCodeAt(i))) i++
  if (text.charCodeAt(i) === 0x5b) i = afterLabel(text, i)
  if (i < 0 || text.charCodeAt(i) !== 0x7b) return []
  return namesInBlock(text, i + 1)
}

/** Offset just after the `]` that closes the label opened at `open`, as micromark balances it; -1 when unclosed. */
function afterLabel(text: string, open: number): number {
  let balance = 0
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) {
      const next = text.charCodeAt(i + 1)
      if (next === 0x5b || next === 0x5c || next === 0x5d) i++
    } else if (c === 0x5b) balance++
    else if (c === 0x5d) {
      if (balance === 0) return i + 1
      balance--
    }
  }
  return -1
}

/** Names of the attribute block whose first character after `{` is at `from`. */
function namesInBlock(text: string, from: number): string[] {
  const names: string[] = []
  let i = from
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++
    const c = text.charCodeAt(i)
    if (Number.isNaN(c) || c === 0x7d) return names
    if (c === 0x23 || c === 0x2e) {
      // A shortcut: #id or .class, up to whitespace, the next shortcut or the block's end.
      names.push(c === 0x23 ? 'id' : 'class')
      i++
      while (i < text.length && !isSpace(text.charCodeAt(i)) && ![0x23, 0x2e, 0x7d].includes(text.charCodeAt(i))) i++
      continue
    }
    const nameStart = i
    while (!endsName(text.charCodeAt(i))) i++
    if (i === nameStart) return names // not the grammar's: stop rather than loop
    names.push(text.slice(nameStart, i))
    let j = i
    while (isSpace(text.charCodeAt(j))) j++
    if (text.charCodeAt(j) !== 0x3d) continue
    j++
    while (isSpace(text.charCodeAt(j))) j++
    const quote = text.charCodeAt(j)
    if (quote === 0x22 || quote === 0x27) {
      const close = text.indexOf(String.fromCharCode(quote), j + 1)
      if (close < 0) return names
      i = close + 1
    } else {
      while (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x7d) j++
      i = j
    }
  }
}

/** The names given more than once among `names` (classes add up, so `class` is never one), each once. */
export function duplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const name of names) {
    if (name === 'class') continue
    if (seen.has(name)) twice.add(name)
    seen.add(name)
  }
  return [...twice]
}
