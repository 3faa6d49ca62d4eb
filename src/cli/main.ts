#!/usr/bin/env node
/**
 * The command line: `build`, `check` and `validate <file>`. Exit 0 when all is well, 1 on
 * invalid input, 2 on a usage error.
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { packageVersion } from '../package-version.js'
import { printable } from '../pipeline/diagnostics/printable.js'
import { commands, usage, type CommandName } from './commands.js'

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' }, format: { type: 'string' }, root: { type: 'string' } }
    })
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${usage()}\n`)
    return 2
  }
  const { values, positionals } = parsed
  const [name, ...rest] = positionals
  if (values.version) {
    out.write(`${packageVersion()}\n`)
    return 0
  }
  if (!name) {
    ;(values.help ? out : err).write(`${usage()}\n`)
    return values.help ? 0 : 2
  }
  if (!Object.hasOwn(commands, name)) {
    err.write(`unknown command "${name}"\n\n${usage()}\n`)
    return 2
  }
  const command = commands[name as CommandName]
  if (values.help) {
    out.write(`${command.help}\n`)
    return 0
  }
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'text') {
    err.write(`--format must be "text" or "json"\n`)
    return 2
  }
  try {
    return await command.run(rest, { format: values.format === 'json' ? 'json' : 'text', root: values.root, out, err })
  } catch (error) {
    // Whatever escaped the commands' own diagnostics ends in one line, never in a stack trace.
    err.write(`${internalError(error)}\n`)
    return 1
  }
}

/** One line for a failure no diagnostic describes: what failed, where, and that it is to be reported. */
export function internalError(error: unknown): string {
  const { code, path, message } = (error ?? {}) as { code?: string; path?: string; message?: string }
  const first = String(message ?? error).split('\n')[0]!
  const where = path ? `${printable(path)}: ` : ''
  return `khojaly-recognition: ${where}error: ${printable(first)}${code ? ` (${code})` : ''}; this is a fault of khojaly-recognition unless the message says otherwise: please report it (internal-error)`
}

// Run when this file is the program (also through npm's bin link), not when imported by a test.
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
// No top-level await: the module stays loadable by require().
if (invokedDirectly)
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
