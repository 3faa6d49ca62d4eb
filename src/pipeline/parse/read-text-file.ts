/**
 * The one guarded reader of every file the pipeline (and `validate`) reads. It opens regular
 * files only: a FIFO, a device, a socket or a folder is refused before a byte is read (a FIFO
 * would block, `/dev/zero` never ends); a symbolic link is refused, or followed only where it
 * stays inside the folder it is read from; the size is capped while reading (the size `stat`
 * gives is a hint, never trusted: a file may grow, `/proc` files say 0); text is strict UTF-8.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs'
import { isAbsolute, relative } from 'node:path'
import { diagnostic, fileStart, type Diagnostic, type Point, type RuleId } from '../diagnostics/index.js'

/** Largest source file read, in bytes; larger ones get `file-too-large`. */
export const maxSourceFileBytes = 16 * 1024 * 1024
/** Largest registry of organizations read (its names make one regular expression). */
export const maxRegistryBytes = 1024 * 1024

/** How a file is to be read. */
export interface ReadOptions {
  /** Most bytes read; one more is a refusal (default: 16 MiB). */
  maxBytes?: number
  /**
   * A symbolic link is `refuse`d (the default), followed only when it resolves inside the
   * folder `within`, or followed wherever it leads (`follow`: a user's file for `validate`);
   * whatever it leads to must still be a regular file.
   */
  symlinks?: 'refuse' | 'within' | 'follow'
  within?: string
  /** `strip` drops a leading byte-order mark; `refuse` (the default) makes it a problem. */
  bom?: 'refuse' | 'strip'
}

/** Why a file was not read, in the reader's own terms (each caller names its rule). */
export type ReadProblem =
  | { kind: 'missing' | 'not-regular' | 'symlink' | 'too-large' | 'unreadable' | 'empty' | 'bom'; message: string }
  | { kind: 'not-utf8'; message: string; at: Point }

/** The bytes of a file, or why there are none. */
export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; problem: ReadProblem }

const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)
const noFollow = constants.O_NOFOLLOW ?? 0

/** What a file that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isSocket()) return 'a socket'
  if (stat.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

/** The reason of a file-system error, in words, with its code. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  const words: Record<string, string> = {
    ENOENT: 'it does not exist',
    ENOTDIR: 'a part of its path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exhausted',
    EISDIR: 'it is a folder',
    ELOOP: 'it is a symbolic link (or a loop of them)',
    EMFILE: 'too many open files',
    ENAMETOOLONG: 'the name is too long',
    EIO: 'an input/output error of the device',
    EBUSY: 'the file is busy',
    EEXIST: 'it already exists',
    ENOTEMPTY: 'the folder is not empty',
    EXDEV: 'it is on another device'
  }
  if (code && Object.hasOwn(words, code)) return `${words[code]} (${code})`
  return code ? code : ((error as Error | null)?.message ?? String(error)).split('\n')[0]!
}

/** Whether `path` lies inside the folder `dir` (both real paths). */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** Reads the bytes of the regular file at `path`, with the bound and the link policy of `options`. */
export function readBoundedBytes(path: string, options: ReadOptions = {}): BytesResult {
  const maxBytes = options.maxBytes ?? maxSourceFileBytes
  const symlinks = options.symlinks ?? 'refuse'
  const fail = (kind: Exclude<ReadProblem['kind'], 'not-utf8'>, message: string): BytesResult => ({ ok: false, problem: { kind, message } })
  let target = path
  let stat: Stats
  try {
    stat = lstatSync(path)
    if (stat.isSymbolicLink()) {
      if (symlinks === 'refuse') return fail('symlink', 'is a symbolic link; put the file itself there')
      let real: string
      try {
        real = realpathSync(path)
      } catch {
        return fail('missing', 'is a symbolic link to nothing')
      }
      if (symlinks === 'within' && !inside(realpathSync(options.within ?? '.'), real)) return fail('symlink', 'is a symbolic link to a file outside its folder')
      target = real
      stat = statSync(target)
    }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing', 'does not exist')
    return fail('unreadable', `could not be read: ${describeFsError(error)}`)
  }
  // Refused before it is opened: opening a FIFO or a device may block or have effects of its own.
  if (!stat.isFile()) return fail('not-regular', `is ${kindOf(stat)}, not a regular file`)
  if (stat.size > maxBytes) return fail('too-large', `has ${stat.size} bytes, over the limit of ${maxBytes}`)
  let fd: number
  try {
    fd = openSync(target, openFlags | (target === path && symlinks !== 'follow' ? noFollow : 0))
  } catch (error) {
    return fail('unreadable', `could not be read: ${describeFsError(error)}`)
  }
  try {
    // The path may have been swapped since it was looked at: what was opened decides.
    const opened = fstatSync(fd)
    if (!opened.isFile()) return fail('not-regular', `is ${kindOf(opened)}, not a regular file`)
    let buffer = Buffer.allocUnsafe(Math.min(opened.size, maxBytes) + 1)
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return fail('too-large', `has more than ${maxBytes} bytes, the limit`)
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1))
        buffer.copy(grown, 0, 0, length)
        buffer = grown
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    if (length > maxBytes) return fail('too-large', `has more than ${maxBytes} bytes, the limit`)
    return { ok: true, bytes: buffer.subarray(0, length) }
  } catch (error) {
    return fail('unreadable', `could not be read: ${describeFsError(error)}`)
  } finally {
    closeSync(fd)
  }
}

/** The text of a file and its bytes, or why there is none. */
export type TextResult = { ok: true; text: string; bytes: Buffer } | { ok: false; problem: ReadProblem }

/** Reads a file as strict UTF-8 text: no invalid byte, no byte-order mark (unless `bom: 'strip'`), not empty. */
export function readText(path: string, options: ReadOptions = {}): TextResult {
  const read = readBoundedBytes(path, options)
  if (!read.ok) return read
  let { bytes } = read
  if (bytes.length === 0) return { ok: false, problem: { kind: 'empty', message: 'is empty' } }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    if (options.bom !== 'strip') return { ok: false, problem: { kind: 'bom', message: 'starts with a byte-order mark; remove it' } }
    bytes = bytes.subarray(3)
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) {
    const at = firstInvalidPoint(bytes)
    return { ok: false, problem: { kind: 'not-utf8', message: `is not valid UTF-8 (first bad byte on line ${at.line}); re-save it as UTF-8`, at } }
  }
  return { ok: true, text, bytes }
}

/** The text of a file, or the diagnostics that explain why there is none. */
export type TextFileResult = { ok: true; text: string; bytes: Buffer } | { ok: false; diagnostics: Diagnostic[] }

/** The rule of each problem of the reader, for files of the pipeline. */
const ruleOfProblem: Readonly<Record<ReadProblem['kind'], RuleId>> = {
  missing: 'file-missing',
  'not-regular': 'file-unreadable',
  symlink: 'path-escapes',
  'too-large': 'file-too-large',
  unreadable: 'file-unreadable',
  empty: 'file-empty',
  bom: 'file-bom',
  'not-utf8': 'file-not-utf8'
}

/** Reads and decodes one file of the pipeline; `label` is the path shown in diagnostics. */
export function readTextFile(path: string, label: string, options: ReadOptions = {}): TextFileResult {
  const read = readText(path, options)
  if (read.ok) return read
  const { problem } = read
  const at = problem.kind === 'not-utf8' ? problem.at : fileStart
  return { ok: false, diagnostics: [diagnostic(label, at, at, ruleOfProblem[problem.kind], `${label} ${problem.message}`)] }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return undefined
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length when none). */
function firstInvalidByte(bytes: Uint8Array): number {
  const continuation = (at: number, low = 0x80, high = 0xbf) => at < bytes.length && bytes[at]! >= low && bytes[at]! <= high
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!
    if (lead < 0x80) i++
    else if (lead >= 0xc2 && lead <= 0xdf && continuation(i + 1)) i += 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf]
      if (!continuation(i + 1, low, high) || !continuation(i + 2)) return i
      i += 3
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      const [low, high] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf]
      if (!continuation(i + 1, low, high) || !continuation(i + 2) || !continuation(i + 3)) return i
      i += 4
    } else return i
  }
  return bytes.length
}

/** Line and column (code points) of the first invalid byte, found in one pass. */
function firstInvalidPoint(bytes: Buffer): { line: number; column: number } {
  const bad = firstInvalidByte(bytes)
  const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1
  let line = 1
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < lineStart; i = bytes.indexOf(0x0a, i + 1)) line++
  const prefix = bytes.subarray(lineStart, bad).toString('utf8')
  let column = 1
  for (const _ of prefix) column++
  return { line, column }
}
