/**
 * The files derived from the tables once every CSV is written: the SQLite database and the
 * spreadsheet workbook. Both are built from the tabular resources of datapackage.json and
 * their CSVs (decoded by the Table Schemas, which is lossless), never from a list of
 * entities.
 *
 * sql.js and write-excel-file only work asynchronously (WebAssembly and ZIP streams), and
 * the build is synchronous: the files are made in a worker thread while the build waits for
 * it (Atomics.wait), then taken back with receiveMessageOnPort. The worker runs
 * `renderDerivedFiles` of this very module.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { decodeCsv } from './csv-codec.js'
import { profileReason } from './frictionless-readers.js'
import { sqliteFileName, workbookFileName } from './output-names.js'
import { sqliteSchema, writeSqliteDatabase, type SqlJs } from './sqlite-database.js'
import { tabularResources, type RowSource, type TableRows, type TabularResource } from './tabular-resources.js'
import { repackZip, workbookSheets, type WorkbookSheet, type Zip } from './workbook.js'

/** What the derived files are made from: the version, the tabular resources, and the folder holding their CSVs. */
export interface DerivedFilesInput {
  version: string
  resources: TabularResource[]
  dir: string
}

/** How each derived file is described in datapackage.json (beside its bytes and hash). */
export const derivedResources: ReadonlyArray<{ path: string; resource: Record<string, string> }> = [
  {
    path: sqliteFileName,
    resource: {
      name: 'sqlite',
      format: 'sqlite',
      mediatype: 'application/vnd.sqlite3',
      description:
        'The tables above as one SQLite database (needs SQLite 3.37 or later: STRICT tables): one typed table per CSV, NULL for null, arrays and objects as JSON text, primary and foreign keys declared and checked when built (turn on PRAGMA foreign_keys to have them enforced), indexes on the foreign keys, and views for common questions.'
    }
  },
  {
    path: workbookFileName,
    resource: {
      name: 'workbook',
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      description:
        'The tables above as one spreadsheet workbook: a first sheet "columns" saying what every column holds, then one sheet per CSV, header row frozen; every text value is a text cell, so no spreadsheet turns it into a date or a number.'
    }
  }
]

/** The input for a descriptor's tabular resources, whose CSVs are in `dir`. */
export function derivedFilesInput(version: string, descriptor: { resources?: unknown }, dir: string): DerivedFilesInput {
  return { version, resources: tabularResources(descriptor), dir }
}

/** What the codebook says of the derived files and of the descriptor's reader-facing properties, one paragraph an entry. */
export const derivedFilesText: readonly string[] = [
  `\`dist-data/${sqliteFileName}\` holds every CSV as a typed SQLite table (needs SQLite 3.37 or later: the tables are STRICT): integer → INTEGER, number → REAL, boolean → INTEGER 0/1, string and date → TEXT, array and object → TEXT holding the JSON text, null → NULL. Primary and foreign keys are declared and were checked when the file was built; SQLite enforces foreign keys only after \`PRAGMA foreign_keys = ON\`. A check's record is also in one key column per record type (\`actId\`, \`figureId\`, …), exactly one of them set. Views: \`<table>_<field>_items\` (one row per entry of an array field) and views for common questions. \`PRAGMA user_version\` is the dataset version as major × 1,000,000 + minor × 1,000 + patch.`,
  '',
  `\`dist-data/${workbookFileName}\` holds every CSV as a sheet, after a sheet \`columns\` that describes every column. Text values (strings, dates, and the JSON text of arrays and objects) are text cells formatted as Text, numbers number cells, booleans TRUE/FALSE; null is an empty cell. The formula guard of the CSVs is not needed there: a text cell is never a formula.`,
  '',
  profileReason
]

/** Each table's rows, decoded from its CSV by its Table Schema when asked for and not kept, so one table is in memory at a time. */
function rowsOf(input: DerivedFilesInput): RowSource {
  const byName = new Map(input.resources.map((r) => [r.name, r]))
  return {
    get(name: string): TableRows | undefined {
      const resource = byName.get(name)
      return resource && decodeCsv(readFileSync(join(input.dir, resource.path), 'utf8'), resource.schema)
    }
  }
}

/** The derived files, made in this thread (asynchronously): file name → bytes. */
export async function renderDerivedFiles(input: DerivedFilesInput): Promise<Map<string, Uint8Array>> {
  const [sqlJs, excel, fflate] = await Promise.all([import('sql.js'), import('write-excel-file/node'), import('fflate')])
  const rows = rowsOf(input)
  const sql = (await sqlJs.default()) as SqlJs
  const database = writeSqliteDatabase(sql, sqliteSchema(input.resources), rows, input.version)
  const sheets: WorkbookSheet[] = workbookSheets(input.resources, rows)
  const written = await excel.default(sheets as Parameters<typeof excel.default>[0]).toBuffer()
  const workbook = repackZip(fflate as unknown as Zip, new Uint8Array(written))
  return new Map([
    [sqliteFileName, database],
    [workbookFileName, workbook]
  ])
}

/** How long the build waits for the worker before it gives up. */
const workerTimeoutMs = 10 * 60_000

/**
 * The worker's code: it imports this module (TypeScript, in the tests, through tsx's loader)
 * once, then for each request on its port makes the files, posts them or the error, and
 * wakes the waiting thread. Loading errors are answered too, so a wait always ends.
 */
const workerCode = `
const { workerData } = require('node:worker_threads')
const { port, done, module, loader } = workerData
const loaded = (async () => {
  if (loader) (await import(loader)).register()
  return import(module)
})()
const describe = (error) => (error && error.code === 'ERR_MODULE_NOT_FOUND' ? 'a package the database or the workbook needs is missing: ' : '') + String((error && error.message) || error)
port.on('message', (input) => {
  loaded
    .then(({ renderDerivedFiles }) => renderDerivedFiles(input))
    .then((files) => ({ files: [...files] }), (error) => ({ error: describe(error) }))
    .then((message) => { port.postMessage(message); Atomics.store(done, 0, 1); Atomics.notify(done, 0) })
})
`

/** tsx's loader, when this module runs as TypeScript (the tests); none for the compiled JavaScript. */
function typescriptLoader(): string | undefined {
  if (!fileURLToPath(import.meta.url).endsWith('.ts')) return undefined
  // tsx/esm/api's ES module ("import" condition), found beside tsx's package.json.
  return new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href
}

/** The worker of this thread: started on first use, kept (without holding the process open) for the next build. */
let helper: { worker: Worker; port: MessagePort; done: Int32Array } | undefined

function worker() {
  if (helper) return helper
  const { port1, port2 } = new MessageChannel()
  const done = new Int32Array(new SharedArrayBuffer(4))
  const workerData = { port: port2, done, module: import.meta.url, loader: typescriptLoader() }
  const started = new Worker(workerCode, { eval: true, workerData, transferList: [port2] })
  started.unref()
  port1.unref()
  // A worker that stops (killed, out of memory) is replaced on the next build.
  started.on('exit', () => {
    if (helper?.worker === started) helper = undefined
  })
  helper = { worker: started, port: port1, done }
  return helper
}

/** The derived files, made in a worker thread while this one waits: file name → bytes. */
export function buildDerivedFiles(input: DerivedFilesInput): Map<string, Uint8Array> {
  const { worker: thread, port, done } = worker()
  Atomics.store(done, 0, 0)
  port.postMessage(input)
  const waited = Atomics.wait(done, 0, 0, workerTimeoutMs)
  const message = receiveMessageOnPort(port)?.message as { files?: Array<[string, Uint8Array]>; error?: string } | undefined
  if (!message) {
    helper = undefined
    void thread.terminate()
    throw new Error(
      waited === 'timed-out'
        ? 'writing the database and the workbook took too long'
        : 'the worker writing the database and the workbook stopped without an answer'
    )
  }
  if (message.error !== undefined) throw new Error(message.error)
  return new Map(message.files)
}
