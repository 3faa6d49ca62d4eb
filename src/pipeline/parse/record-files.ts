/**
 * The curated record: sources/citations.yaml (the documents) and sources/record/*.yaml (the
 * acts of record), read by the one safe YAML reader, each item parsed with its input schema
 * and placed at its line, so a bad entry is reported where it is written. The build derives
 * what curators never type: bounds, jurisdiction names, the characterization basis,
 * serialized URLs, the evidence anchors of reports.
 */
import { lstatSync } from 'node:fs'
import { z } from 'zod'
import { ActSchema, EvidenceSchema, GivesSchema } from '../../schema/act.js'
import { CitationSchema } from '../../schema/citation.js'
import { recordId } from '../../schema/fields.js'
import { capDiagnostics, diagnostic, echo, fileStart, type Diagnostic, type Place, type RuleId } from '../diagnostics/index.js'
import { readTextFile } from './read-text-file.js'
import { readYaml } from './yaml.js'

/** A citation as curators write it: any http(s) address, serialized by the build. */
export const CitationInputSchema = CitationSchema.extend({
  url: z.string().regex(/^https?:\/\//, 'must start with http:// or https://'),
  notes: CitationSchema.shape.notes.default(null)
}).strict()

/** A citation as written. */
export type CitationInput = z.infer<typeof CitationInputSchema>

/** An evidence entry as curators write it: exactly one of `citation`, `report` (that report's anchor) or `anchor` (a span of a shipped text). */
export const EvidenceInputSchema = z
  .object({
    citation: recordId.optional(),
    report: recordId.optional(),
    anchor: z
      .object({ sourceId: recordId, start: z.int().min(0), end: z.int().min(1) })
      .strict()
      .optional(),
    voice: EvidenceSchema.shape.voice,
    supports: EvidenceSchema.shape.supports,
    gives: GivesSchema.default({}),
    quote: EvidenceSchema.shape.quote,
    notes: EvidenceSchema.shape.notes.default(null)
  })
  .strict()

/** An evidence entry as written. */
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>

/** An act of record as curators write it: the fields the build derives left out, lists and nulls optional. */
export const ActInputSchema = z
  .object({
    id: ActSchema.shape.id,
    date: ActSchema.shape.date,
    jurisdiction: ActSchema.shape.jurisdiction,
    body: ActSchema.shape.body,
    bodyAliases: ActSchema.shape.bodyAliases.default([]),
    actor: ActSchema.shape.actor,
    actType: ActSchema.shape.actType,
    stage: ActSchema.shape.stage,
    identifier: ActSchema.shape.identifier.default(null),
    session: ActSchema.shape.session.default(null),
    place: ActSchema.shape.place.default(null),
    people: ActSchema.shape.people.default([]),
    votes: ActSchema.shape.votes.default(null),
    characterization: ActSchema.shape.characterization.default([]),
    stance: ActSchema.shape.stance.default([]),
    concernsKhojaly: ActSchema.shape.concernsKhojaly,
    evidence: z.array(EvidenceInputSchema).min(1),
    notes: ActSchema.shape.notes.default(null)
  })
  .strict()

/** An act of record as written. */
export type ActInput = z.infer<typeof ActInputSchema>

/** Items of one kind read from YAML lists, where each stands, and what was wrong. */
export interface YamlItems<T> {
  items: T[]
  places: WeakMap<object, Place>
  diagnostics: Diagnostic[]
}

/**
 * Reads the YAML list at `path` (`file` names it in diagnostics), each item parsed by
 * `schema`; a problem of the file is `fileRule`, a problem of an item `record-invalid` at
 * the item's own key. No file means no items.
 */
export function readYamlList<T extends object>(path: string, file: string, schema: z.ZodType<T>, fileRule: RuleId, what: string): YamlItems<T> {
  const result: YamlItems<T> = { items: [], places: new WeakMap(), diagnostics: [] }
  if (!present(path)) return result
  const read = readTextFile(path, file)
  if (!read.ok) return { ...result, diagnostics: read.diagnostics }
  const yaml = readYaml(read.text, file, fileRule)
  if (!yaml.ok) return { ...result, diagnostics: yaml.diagnostics }
  if (yaml.data === null) return result
  if (!Array.isArray(yaml.data))
    return { ...result, diagnostics: [diagnostic(file, fileStart, undefined, fileRule, `the file must be a YAML list of ${what}s`)] }
  yaml.data.forEach((item: unknown, index: number) => {
    const place = yaml.placeOf([index])
    const parsed = schema.safeParse(item)
    if (!parsed.success) {
      const id = typeof (item as { id?: unknown } | null)?.id === 'string' ? ` "${echo((item as { id: string }).id)}"` : ''
      for (const issue of parsed.error.issues) {
        const at = yaml.placeOf([index, ...issue.path])
        const keys = 'keys' in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(', ')})` : ''
        result.diagnostics.push(
          diagnostic(file, at.start, at.end, 'record-invalid', `${what} ${index + 1}${id}: ${issue.path.join('.') || `(${what})`}: ${issue.message}${keys}`)
        )
      }
      return
    }
    result.places.set(parsed.data, place)
    result.items.push(parsed.data)
  })
  result.diagnostics = capDiagnostics(result.diagnostics)
  return result
}

/** Whether anything (a file, a link, a folder) stands at `path`: the reader then says what is wrong with it. */
function present(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch (error) {
    const code = (error as { code?: string }).code
    return code !== 'ENOENT' && code !== 'ENOTDIR'
  }
}
