/** The dataset as the pipeline passes it on: source by source to a sink, or whole. */
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

/** The records one source yields, by entity. */
export interface SourceRecords {
  instruments: Instrument[]
  acts: Act[]
  figures: Figure[]
  corrections: Correction[]
}

/**
 * Where validated sources go, one at a time and in order, while nothing is wrong: `build`
 * writes each to disk and lets it go, `check` keeps them to return the whole dataset.
 */
export interface DatasetSink {
  addSource(source: Source, records: SourceRecords, verbatim: { name: string; bytes: Buffer }): void
}

/** A sink that keeps every source's records: the whole dataset, for `check`. */
export class DatasetCollector implements DatasetSink {
  readonly dataset: Dataset

  constructor(version: string) {
    this.dataset = { version, sources: [], instruments: [], acts: [], figures: [], corrections: [], checks: [] }
  }

  addSource(source: Source, records: SourceRecords): void {
    this.dataset.sources.push(source)
    this.dataset.instruments.push(...records.instruments)
    this.dataset.acts.push(...records.acts)
    this.dataset.figures.push(...records.figures)
    this.dataset.corrections.push(...records.corrections)
  }
}
