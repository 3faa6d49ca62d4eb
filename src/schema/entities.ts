/**
 * The published entities: each name, its record schema, the file stem its records are
 * written under, and the input that yields its records. Every list or type that goes entity
 * by entity (the data entry, the sinks, the writers, the validator, the vocabularies, the
 * test helpers) derives from this one list.
 */
import type { z } from 'zod'
import { ActSchema } from './act.js'
import { CheckSchema } from './check.js'
import { CitationSchema } from './citation.js'
import { CorrectionSchema } from './correction.js'
import { FigureSchema } from './figure.js'
import { InstrumentSchema } from './instrument.js'
import { ReportSchema } from './report.js'
import { SourceSchema } from './source.js'

/** Entities in the order files, docs and the Data Package list them. */
export const entities = [
  { name: 'sources', recordName: 'source', schema: SourceSchema, input: 'frontmatter', description: 'The verbatim source texts the reports come from.' },
  {
    name: 'citations',
    recordName: 'citation',
    schema: CitationSchema,
    input: 'record',
    description: 'The public documents the evidence and the checks cite, each with its kind and its side.'
  },
  {
    name: 'acts',
    recordName: 'act',
    schema: ActSchema,
    input: 'record',
    description: 'The acts of record: one per real act concerning Khojaly that public material documents, with its evidence.'
  },
  {
    name: 'reports',
    recordName: 'report',
    schema: ReportSchema,
    input: 'overlay',
    description: 'What the source texts report of acts, with provenance, each linked to its act of record.'
  },
  { name: 'instruments', recordName: 'instrument', schema: InstrumentSchema, input: 'overlay', description: 'Legal instruments the source texts cite.' },
  { name: 'figures', recordName: 'figure', schema: FigureSchema, input: 'overlay', description: 'Quantities the source texts state.' },
  {
    name: 'corrections',
    recordName: 'correction',
    schema: CorrectionSchema,
    input: 'overlay',
    description: "Where the source texts' spelling differs from the correct form."
  },
  {
    name: 'checks',
    recordName: 'check',
    schema: CheckSchema,
    input: 'checks',
    description: 'What public evidence says about the claims of the records, beside them.'
  }
] as const

/** One entity of the list. */
export type Entity = (typeof entities)[number]
/** Name of a published entity. */
export type EntityName = Entity['name']
/** The entity of a name. */
export type EntityOf<E extends EntityName> = Extract<Entity, { name: E }>
/** The record type of an entity. */
export type RecordOf<E extends EntityName> = z.infer<EntityOf<E>['schema']>
/** Name of a record type (`act`, `figure`…). */
export type RecordName = Entity['recordName']
/** Entities whose records an overlay's directives make. */
export type OverlayEntityName = Extract<Entity, { input: 'overlay' }>['name']
/** Entities of the record layer: curated YAML (citations, acts of record) and the checks, made once every source has run. */
export type LayerEntityName = Extract<Entity, { input: 'record' | 'checks' }>['name']

/** Records of the entities `E`, one list each. */
export type RecordLists<E extends EntityName = EntityName> = { [K in E]: RecordOf<K>[] }

/** Whether an entity's records are made by an overlay's directives. */
function isOverlayEntity(entity: Entity): entity is Extract<Entity, { input: 'overlay' }> {
  return entity.input === 'overlay'
}

/** The entities whose records an overlay's directives make, in list order. */
export const overlayEntityNames: readonly OverlayEntityName[] = entities.filter(isOverlayEntity).map((e) => e.name)

function isLayerEntity(entity: Entity): entity is Extract<Entity, { input: 'record' | 'checks' }> {
  return entity.input === 'record' || entity.input === 'checks'
}

/** The entities of the record layer, in list order. */
export const layerEntityNames: readonly LayerEntityName[] = entities.filter(isLayerEntity).map((e) => e.name)

/** Empty lists of records for `names`. */
export function emptyLists<E extends EntityName>(names: readonly E[]): RecordLists<E> {
  const lists = {} as RecordLists<E>
  for (const name of names) lists[name] = []
  return lists
}
