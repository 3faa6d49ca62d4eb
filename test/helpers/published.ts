/** The published files, read straight from disk as a user would read them. */
import { readFileSync } from 'node:fs'
import { entities, type EntityName } from '../../src/schema/entities.js'

export type { EntityName } from '../../src/schema/entities.js'
export const root = new URL('../../', import.meta.url)
/** Every published entity, from the one list. */
export const entityNames: readonly EntityName[] = entities.map((e) => e.name)

export type Json = Record<string, any>

/** The parsed `<entity>.json` of dist-data/. */
export function entityFile(name: EntityName): { version: string; records: Json[] } {
  return JSON.parse(readFileSync(new URL(`dist-data/${name}.json`, root), 'utf8'))
}

/** The verbatim text of a source, by its id, as dist-data/ ships it. */
export function verbatimText(sourceId: string): string {
  const source = entityFile('sources').records.find((s) => s.id === sourceId)
  if (!source) throw new Error(`no source ${sourceId}`)
  return readFileSync(new URL(`dist-data/${source.path}`, root), 'utf8')
}

/** Every record of every entity, with its entity name. */
export function allRecords(): Array<{ entity: EntityName; record: Json }> {
  return entityNames.flatMap((entity) => entityFile(entity).records.map((record) => ({ entity, record })))
}

/** 1-based line and column (code points) of a code-point offset, lines ending at LF. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = Array.from(text).slice(0, offset)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.filter((c) => c === '\n').length + 1, column: offset - lastBreak }
}
