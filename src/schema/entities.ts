/**
 * The published entities: each name, its record schema, and the file stem its records are
 * written under. Emitters, the codebook and the API all iterate this one list.
 */
import { ActSchema } from './act.js'
import { CheckSchema } from './check.js'
import { CorrectionSchema } from './correction.js'
import { FigureSchema } from './figure.js'
import { InstrumentSchema } from './instrument.js'
import { SourceSchema } from './source.js'

/** Entities in the order files, docs and the Data Package list them. */
export const entities = [
  { name: 'sources', recordName: 'source', schema: SourceSchema, description: 'The verbatim source documents.' },
  { name: 'instruments', recordName: 'instrument', schema: InstrumentSchema, description: 'Legal instruments the sources cite.' },
  {
    name: 'acts',
    recordName: 'act',
    schema: ActSchema,
    description: 'Acts of legislatures, governments, officials and intergovernmental bodies that the sources report.'
  },
  { name: 'figures', recordName: 'figure', schema: FigureSchema, description: 'Quantities the sources state.' },
  { name: 'corrections', recordName: 'correction', schema: CorrectionSchema, description: "Where the sources' spelling differs from the correct form." },
  { name: 'checks', recordName: 'check', schema: CheckSchema, description: 'What public evidence says about the claims of the records, beside them.' }
] as const

/** Name of a published entity. */
export type EntityName = (typeof entities)[number]['name']
