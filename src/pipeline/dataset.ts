/** The dataset as the pipeline holds it between validation and emission. */
import type { Act, Check, Correction, Figure, Instrument, Source } from '../schema/index.js'

/** Every entity's records, in document order, and the dataset version. */
export interface Dataset {
  version: string
  sources: Source[]
  instruments: Instrument[]
  acts: Act[]
  figures: Figure[]
  corrections: Correction[]
  /** Curated checks of the records against public evidence (sources/checks.yaml). */
  checks: Check[]
}
