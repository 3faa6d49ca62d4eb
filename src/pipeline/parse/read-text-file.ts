/**
 * Reads a source file as UTF-8 text, refusing what would make offsets untrustworthy:
 * invalid bytes, a byte-order mark, an empty or oversized file.
 */
import { lstatSync, readFileSync } from 'node:fs'
import { diagnostic, fileStart, type Diagnostic, type RuleId } from '../diagnostics/index.js'

/** Largest source file read, in bytes; larger ones get `file-too-large` without being read. */
export const maxSourceFileBytes = 16 * 1024 * 1024

/** The text of a file, or the diagnostics that explain why there is none. */
export type TextFileResult = { ok: true; text: string; bytes: Buffer } | { ok: false; diagnostics: Diagnostic[] }

/** Reads and decodes one file; `label` is the path shown in diagnostics. */
export function readTextFile(path: string, label: string): TextFileResult {
  const fail = (ruleId: RuleId, message: string, at = fileStart): TextFileResult => ({
    ok: false,
    diagnostics: [diagnostic(label, at, at, ruleId, message)]
  })
  let size: number
  try {
    const stat = lstatSync(path)
    if (!stat.isFile()) return fail('file-unreadable', `${label} is not a regular file`)
    size = stat.size
  } catch {
    return fail('file-missing', `${label} does not exist`)
  }
  if (size > maxSourceFileBytes) return fail('file-too-large', `${label} has ${size} bytes, over the limit of ${maxSourceFileBytes}`)
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    return fail('file-unreadable', `${label} could not be read: ${(error as Error).message}`)
  }
  if (bytes.length === 0) return fail('file-empty', `${label} is empty`)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return fail('file-bom', `${label} starts with a byte-order mark; remove it`)
  const text = decodeUtf8(bytes)
  if (text === undefined) {
    const at = firstInvalidPoint(bytes)
    return fail('file-not-utf8', `${label} is not valid UTF-8 (first bad byte on line ${at.line}); re-save it as UTF-8`, at)
  }
  return { ok: true, text, bytes }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return undefined
  }
}

/** Line and column (code points) of the first invalid byte: the longest prefix of its line that decodes. */
function firstInvalidPoint(bytes: Buffer): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decodeUtf8(bytes.subarray(lineStart, i)) === undefined) {
        let good = lineStart
        while (good < i && decodeUtf8(bytes.subarray(lineStart, good + 1)) !== undefined) good++
        // A valid prefix may end inside a multi-byte sequence that a later byte breaks.
        const prefix = new TextDecoder().decode(bytes.subarray(lineStart, good)).replace(/\uFFFD$/, '')
        return { line, column: Array.from(prefix).length + 1 }
      }
      line++
      lineStart = i + 1
    }
  }
  return { line: 1, column: 1 }
}
