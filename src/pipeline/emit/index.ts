/** The emit stage: the sinks validated sources go to, and the files a build writes. */
export { decodeCsv, encodeCsv } from './csv-codec.js'
export { DatasetWriter } from './dataset-writer.js'
export { DatasetCollector, type Dataset, type DatasetSink, type VerbatimFile } from './sink.js'
export { isBuildDebris, OutputError, outputPathOf, recoverOutputs, StagedOutputs, type FaultInjection } from './write-output.js'
export { acquireBuildLock, describeHolder, lockFileName, type Owner } from './build-lock.js'
export { projectDocuments, type DatasetSummary } from './project-docs.js'
