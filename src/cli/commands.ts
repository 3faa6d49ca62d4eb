/**
 * The CLI's commands. The pipeline and the validator are imported when a command runs, so
 * `--help` and `--version` work without the optional parser stack installed (a type import
 * costs nothing at run time).
 */
import type { BuildResult, CheckResult, PipelineOptions } from '../pipeline/index.js'
import { missingPeers, missingPeersCode, optionalPeers } from '../pipeline/peers.js'
import { printable } from '../pipeline/diagnostics/printable.js'

/** What every command receives. */
export interface CommandContext {
  format: 'text' | 'json'
  root: string | undefined
  out: NodeJS.WritableStream
  err: NodeJS.WritableStream
}

/** One command. */
interface Command {
  summary: string
  help: string
  run(args: string[], context: CommandContext): Promise<number>
}

/** Imports a module of the optional stack; undefined (after saying what to install) when it is missing. */
async function load<T>(importer: () => Promise<T>, context: CommandContext): Promise<T | undefined> {
  try {
    return await importer()
  } catch (error) {
    missingStack(error, context)
    return undefined
  }
}

const missingStack = (error: unknown, context: CommandContext): number => {
  const code = (error as { code?: string }).code
  if (code === missingPeersCode) {
    context.err.write(`this command needs the pipeline's dependencies: ${(error as Error).message}\n`)
    return 2
  }
  if (code === 'ERR_MODULE_NOT_FOUND') {
    const missing = missingPeers()
    context.err.write(
      `this command needs the pipeline's dependencies: npm install ${(missing.length > 0 ? missing : optionalPeers()).join(' ')}\n(${(error as Error).message.split('\n')[0]})\n`
    )
    return 2
  }
  throw error
}

/** Every command, by name. */
export const commands = {
  build: {
    summary: 'build dist-data/ and schemas/ from sources/',
    help: [
      'Usage: khojaly-recognition build [--root DIR] [--format text|json]',
      '',
      'Reads sources/*.md and their verbatim texts, checks everything, and writes dist-data/ and',
      'schemas/ only when there is no error (atomically: the last good output stays whole).',
      'Exit 0 on success, 1 on invalid input.'
    ].join('\n'),
    run: (args, context) => runPipeline('build', args, context)
  },
  check: {
    summary: 'check sources/ and report diagnostics and annotation coverage (writes nothing)',
    help: [
      'Usage: khojaly-recognition check [--root DIR] [--format text|json]',
      '',
      'Runs every check of build without writing, then reports every diagnostic (file:line:column,',
      'rule id) and, per recognizer, how many candidates it found and how many are annotated',
      'or marked not data. Exit 0 when there is no error, 1 otherwise.'
    ].join('\n'),
    run: (args, context) => runPipeline('check', args, context)
  },
  validate: {
    summary: 'validate a JSON file or a CSV file against the published JSON Schemas',
    help: 'Usage: khojaly-recognition validate FILE [--format text|json]\n\nValidates FILE against the JSON Schemas in schemas/. A .json file must be an entity file\n({ "version", "records" }) or an array of records; datapackage.json is checked against the\nFrictionless Data Package and Table Schema profiles; a .csv file is decoded by the CSV rule\n(empty cell = null, arrays and objects as JSON text) and its rows validated as records.\nThe entity is told from the file name (acts.json, figures.csv, …) or from the columns.\nEvery error says where: the record (its index and id) and the field, in a CSV the row\n(the header is row 1) and the column; a misspelt field comes with the nearest name. All\nerrors of the file are reported at once, up to 100. The database, the workbook and the\nexplorer page hold no records to validate: validate the JSON or CSV files instead.\nExit 0 when valid, 1 when not, 2 on a usage error.',
    async run(args, context) {
      if (args.length !== 1) return usageError(context, 'validate takes exactly one FILE')
      const validator = await load(() => import('./validate-file.js'), context)
      if (!validator) return 2
      const result = validator.validateFile(args[0]!)
      const file = printable(args[0]!)
      if (context.format === 'json') context.out.write(`${jsonText(result)}\n`)
      else if (result.valid)
        context.out.write(
          `${file}: valid (${result.entity === 'datapackage' ? `Data Package, ${result.records} resources` : `${result.entity}, ${result.records} records`})\n`
        )
      else context.err.write(`${result.errors.map((e) => `${file}:${printable(e.place)}: error: ${printable(e.message)} (${e.ruleId})`).join('\n')}\n`)
      return result.valid ? 0 : 1
    }
  }
} satisfies Record<string, Command>

/** Name of a command. */
export type CommandName = keyof typeof commands

/** The general usage text. */
export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  return `Usage: khojaly-recognition <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nOptions:\n  --help, -h      show help (of a command: khojaly-recognition <command> --help)\n  --version, -v   show the version\n  --format FMT    text (default) or json\n  --root DIR      project folder holding sources/ (default: the working directory)\n\nExit status: 0 ok, 1 invalid input, 2 usage error.`
}

function usageError(context: CommandContext, message: string): number {
  context.err.write(`${message}\n\n${usage()}\n`)
  return 2
}

/** Runs `build` or `check` of the pipeline and reports what it found. */
async function runPipeline(name: 'build' | 'check', args: string[], context: CommandContext): Promise<number> {
  if (args.length > 0) return usageError(context, `${name} takes no arguments`)
  const pipeline = await load(() => import('../pipeline/index.js'), context)
  if (!pipeline) return 2
  const options: PipelineOptions = context.root === undefined ? {} : { root: context.root }
  const result = pipeline[name](options)
  report(result, context, pipeline.formatDiagnostics, name === 'check')
  return result.ok ? 0 : 1
}

function report(result: BuildResult | CheckResult, context: CommandContext, format: (list: BuildResult['diagnostics']) => string, withCoverage: boolean) {
  if (context.format === 'json') {
    const coverage = result.coverage.map((c) => ({
      file: c.file,
      recognizers: c.recognizers.map(({ recognizer, found, covered }) => ({ recognizer, found, covered }))
    }))
    context.out.write(`${jsonText({ ok: result.ok, diagnostics: result.diagnostics, coverage })}\n`)
    return
  }
  if (result.diagnostics.length > 0) context.err.write(`${format(result.diagnostics)}\n`)
  if (withCoverage) {
    for (const source of result.coverage) {
      context.out.write(`coverage of ${printable(source.file)}:\n`)
      for (const r of source.recognizers)
        context.out.write(`  ${r.recognizer.padEnd(24)}${String(r.found).padStart(5)} found ${String(r.covered).padStart(5)} annotated or not data\n`)
    }
  }
  context.out.write(result.ok ? 'ok\n' : 'failed: see the errors above\n')
}

/**
 * JSON for the terminal as well as for programs: JSON.stringify escapes the C0 controls, but
 * not C1 controls, bidirectional overrides or invisible characters, which this escapes too
 * (the parsed value is the same).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
