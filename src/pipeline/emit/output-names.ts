/**
 * Names of the files a build writes into dist-data/ besides the verbatim texts. A verbatim
 * text is copied there under its own name, so it must not take one of these.
 */
import { entities } from '../../schema/entities.js'

/** The Data Package descriptor. */
export const dataPackageFileName = 'datapackage.json'
/** The timeline figure. */
export const timelineFileName = 'timeline.svg'
/** The SQLite database of every table. */
export const sqliteFileName = 'khojaly-recognition.sqlite'
/** The spreadsheet workbook of every table. */
export const workbookFileName = 'khojaly-recognition.xlsx'
/** The explorer page. */
export const explorerFileName = 'explorer.html'

/** Every name the build gives a file of its own in dist-data/. */
export const generatedDataFileNames: ReadonlySet<string> = new Set([
  ...entities.flatMap((e) => [`${e.name}.json`, `${e.name}.csv`]),
  dataPackageFileName,
  timelineFileName,
  sqliteFileName,
  workbookFileName,
  explorerFileName
])

/**
 * The key under which two file names are one file on some file system: case ignored (macOS,
 * Windows) and Unicode normalization ignored (macOS). Names the build writes must differ in it.
 */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase()
}
