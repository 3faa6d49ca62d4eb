/**
 * The published entities: each name, its record schema, the file stem its records are
 * written under, and the input that yields its records. Every list or type that goes entity
 * by entity (the data entry, the sinks, the writers, the validator, the vocabularies, the
 * test helpers) derives from this one list.
 */
import type { z } from 'zod'
import { ActSchema } from './act.js'
import { CheckSchema } from './check.js'
import { CorrectionSchema } from './correction.js'
import { FigureSchema } from './figure.js'
import { InstrumentSchema } from './instrument.js'
import { SourceSchema } from './source.js'

/** Entities in the order files, docs and the Data Package list them. */
export const entities = [
  { name: 'sources', recordName: 'source', schema: SourceSchema, input: 'frontmatter', description: 'The verbatim source documents.' },
  { name: 'instruments', recordName: 'instrument', schema: InstrumentSchema, input: 'overlay', description: 'Legal instruments the sources cite.' },
  {
    name: 'acts',
    recordName: 'act',
    schema: ActSchema,
    input: 'overlay',
    description: 'Acts of legislatures, governments, officials and intergovernmental bodies that the sources report.'
  },
  { name: 'figures', recordName: 'figure', schema: FigureSchema, input: 'overlay', description: 'Quantities the sources state.' },
  {
    name: 'corrections',
    recordName: 'correction',
    schema: CorrectionSchema,
    input: 'overlay',
    description: "Where the sources' spelling differs from the correct form."
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

/** Records of the entities `E`, one list each. */
export type RecordLists<E extends EntityName = EntityName> = { [K in E]: RecordOf<K>[] }

/** Whether an entity's records are made by an overlay's directives. */
function isOverlayEntity(entity: Entity): entity is Extract<Entity, { input: 'overlay' }> {
  return entity.input === 'overlay'
}

/** The entities whose records an overlay's directives make, in list order. */
export const overlayEntityNames: readonly OverlayEntityName[] = entities.filter(isOverlayEntity).map((e) => e.name)

/** Empty lists of records for `names`. */
export function emptyLists<E extends EntityName>(names: readonly E[]): RecordLists<E> {
  const lists = {} as RecordLists<E>
  for (const name of names) lists[name] = []
  return lists
}
