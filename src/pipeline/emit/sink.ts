/** Where validated sources go: source by source to a sink, which writes them (build) or keeps them (check). */
import { emptyLists, entities, layerEntityNames, overlayEntityNames, type LayerEntityName, type RecordLists, type RecordOf } from '../../schema/entities.js'
import type { Source } from '../../schema/index.js'
import type { OverlayRecords } from '../extract/index.js'

/** Every entity's records, in document order, and the dataset version. */
export type Dataset = { version: string } & RecordLists

/** The verbatim text of a source, copied into dist-data/ under its own name. */
export interface VerbatimFile {
  name: string
  bytes: Buffer
}

/**
 * Where validated sources go, one at a time and in order, while nothing is wrong: `build`
 * writes each to disk and lets it go, `check` keeps them to return the whole dataset.
 */
export interface DatasetSink {
  addSource(source: Source, records: OverlayRecords, verbatim: VerbatimFile): void
}

/** A sink that keeps every source's records: the whole dataset, for `check`. */
export class DatasetCollector implements DatasetSink {
  readonly dataset: Dataset

  constructor(version: string) {
    this.dataset = { version, ...emptyLists(entities.map((e) => e.name)) }
  }

  addSource(source: Source, records: OverlayRecords): void {
    this.dataset.sources.push(source)
    for (const name of overlayEntityNames) appendRecords(this.dataset, records, name)
  }

  /** Adds what spans sources: the citations, the acts of record and the checks. */
  addRecordLayer(layer: RecordLayerRecords): void {
    for (const name of layerEntityNames) appendLayer(this.dataset, layer, name)
  }
}

/** The records of the record layer, by entity. */
export type RecordLayerRecords = RecordLists<LayerEntityName>

function appendLayer<K extends keyof RecordLayerRecords>(to: RecordLists, from: RecordLayerRecords, name: K): void {
  const list: RecordOf<K>[] = to[name]
  for (const record of from[name]) list.push(record)
}

/** Appends one entity's records one by one: a spread of a long list into push can overflow the stack. */
function appendRecords<K extends keyof OverlayRecords>(to: RecordLists, from: OverlayRecords, name: K): void {
  const list: RecordOf<K>[] = to[name]
  for (const record of from[name]) list.push(record)
}
