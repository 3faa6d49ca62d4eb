/**
 * The parts of the project's own documents that come from the build: the directive tables of
 * docs/annotating.md (from the directive table), the sources and counts of the README and the
 * datasheet (from the records), and CITATION.cff. A document that is not there (a project
 * root made for a test) is left alone.
 */
import { join } from 'node:path'
import { entities, type Entity, type EntityName } from '../../schema/entities.js'
import type { Source } from '../../schema/index.js'
import { directiveEntries, type DirectiveSpec } from '../extract/directives.js'
import type { RuleId } from '../diagnostics/index.js'
import { readText, type ReadProblem } from '../parse/read-text-file.js'
import { replaceGeneratedBlock } from './generated-blocks.js'
import { OutputError } from './write-output.js'

/** What the generated parts say: the dataset's version, its sources and its record counts. */
export interface DatasetSummary {
  version: string
  sources: readonly Source[]
  counts: Readonly<Record<EntityName, number>>
}

const code = (text: string) => `\`${text}\``
const cell = (text: string) => text.replace(/\|/g, '\\|')

/** The attributes of a directive, as the docs list them: `#id`, `type` (a vocabulary), optional `note`. */
function attributesCell(spec: DirectiveSpec): string {
  const parts = Object.entries(spec.attributes).map(([name, attribute]) => {
    const label = name === 'id' ? '`#id`' : code(name)
    const values = attribute.vocabulary ? ` (${Object.keys(attribute.vocabulary).map(code).join(', ')})` : ''
    return `${attribute.required ? '' : 'optional '}${label}${values}: ${attribute.meaning}`
  })
  return parts.length > 0 ? parts.join('; ') : 'none'
}

/** The directive tables of docs/annotating.md: containers, then spans. */
export function renderDirectiveTables(): string {
  const rows = directiveEntries()
  const containers = rows.filter(([, spec]) => spec.form !== 'span')
  const spans = rows.filter(([, spec]) => spec.form !== 'container')
  const where = (spec: DirectiveSpec) => spec.within?.join(', ') ?? 'anywhere'
  const fills = (spec: DirectiveSpec) =>
    spec.fills
      ? Object.entries(spec.fills)
          .map(([record, field]) => `${record}: ${code(field.value)}${field.asWritten ? ` (as written: ${code(field.asWritten)})` : ''}`)
          .join('; ')
      : ''
  return [
    'Containers (a line `:::name{attributes}` … a line `:::`):',
    '',
    '| directive | attributes | makes |',
    '|---|---|---|',
    ...containers.map(([name, spec]) => `| \`:::${name}\` | ${cell(attributesCell(spec))} | ${cell(spec.gives)} |`),
    '',
    'Spans (`:name[text]{attributes}`), each marking the exact words that carry a value:',
    '',
    '| directive | where | attributes | gives | fills |',
    '|---|---|---|---|---|',
    ...spans.map(([name, spec]) => `| \`:${name}[…]\` | ${where(spec)} | ${cell(attributesCell(spec))} | ${cell(spec.gives)} | ${cell(fills(spec))} |`)
  ].join('\n')
}

/** "1 source", "2 sources". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The sources, one line each: title, language, size and what is known of their origin. */
export function renderSourcesList(sources: readonly Source[]): string {
  return sources.map((s) => `- *${s.title}* (\`${s.id}\`, language \`${s.language}\`, ${s.characters} characters): origin ${s.origin}.`).join('\n')
}

/** "a, b and c". */
const listed = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)

/** The record counts by layer: what the curated record holds, what the source texts report, and the checks. */
function countsByLayer({ sources, counts }: DatasetSummary): { record: string; reported: string; checks: string; texts: string } {
  const of = (input: Entity['input']) => listed(entities.filter((e) => e.input === input).map((e) => count(counts[e.name], e.recordName)))
  return { record: of('record'), reported: of('overlay'), checks: count(counts.checks, 'check'), texts: count(sources.length, 'source text') }
}

/** The README's summary: which texts the records come from, and how many records of each entity there are. */
export function renderReadmeSummary(summary: DatasetSummary): string {
  const { record, reported, checks, texts } = countsByLayer(summary)
  return [
    `Version ${summary.version} is built from the curated record and ${texts}:`,
    '',
    renderSourcesList(summary.sources),
    '',
    `It holds, in the record, ${record}; from the source ${summary.sources.length === 1 ? 'text' : 'texts'}, ${reported}; and ${checks} of those records against public evidence (counts: [codebook](docs/codebook.md)).`
  ].join('\n')
}

/** The dataset's title, as CITATION.cff gives it (and the explorer page's citation). */
export const citationTitle = 'khojaly-recognition: the record of acts on the Khojaly massacre, and what source texts report of them'

/** CITATION.cff, whole: the dataset's metadata with its version, release date and counts. */
export function renderCitationCff(summary: DatasetSummary, released: string): string {
  const { version } = summary
  const { record, reported, checks, texts } = countsByLayer(summary)
  const abstract = [
    'The international recognition of the Khojaly massacre (26 February 1992) as a record of',
    'acts: resolutions, decisions, declarations, statements and remarks of parliaments,',
    'governments and international organizations, and the counter-acts that reject them, one',
    'record per act, each backed by evidence entries that cite a public document, say whose',
    'words they quote and which fields they show. Beside the record, what advocacy texts',
    'report of those acts, as claims with provenance (Unicode code-point offsets and verbatim',
    'quotes into texts that ship with the data), each report linked to its act and compared',
    'with it field by field; every difference is explained by a check against public evidence.',
    `Version ${version} holds, in the record, ${record}; from ${texts}, ${reported}; and ${checks},`,
    'published as JSON, CSV (with tidy tables), JSON Schema and a Frictionless Data Package,',
    'with a typed npm API and a CLI. Code is under the MIT licence; the data is under CC BY',
    '4.0; the verbatim source texts are not licensed by the project.'
  ]
  return [
    'cff-version: 1.2.0',
    'message: >-',
    '  If you use this dataset, please cite it as below; attribute a report to the source text',
    '  it comes from, and an act to the documents its evidence cites.',
    'type: dataset',
    'title: >-',
    `  ${citationTitle}`,
    `version: ${version}`,
    `date-released: "${released}"`,
    'license: CC-BY-4.0',
    'authors:',
    '  - name: khojaly-recognition contributors',
    'keywords:',
    ...[
      'Khojaly',
      'Khojaly massacre',
      'recognition',
      'legislative acts',
      'evidence',
      'provenance',
      'claims',
      'Frictionless Data Package',
      'JSON Schema',
      'CSV'
    ].map((k) => `  - ${k}`),
    'abstract: >-',
    ...abstract.map((line) => `  ${line}`),
    ''
  ].join('\n')
}

/** The release date CHANGELOG.md gives the version (`## [1.0.0] - 2026-11-27`); undefined before its release. */
export function releaseDateOf(changelog: string, version: string): string | undefined {
  const escaped = version.replace(/\./g, '\\.')
  return new RegExp(`^## \\[${escaped}\\] - (\\d{4}-\\d{2}-\\d{2})\\s*$`, 'm').exec(changelog)?.[1]
}

/** The rule of each problem of the reader, for a document whose parts the build writes. */
const ruleOfProblem: Readonly<Record<Exclude<ReadProblem['kind'], 'missing'>, RuleId>> = {
  symlink: 'output-symlink',
  'not-regular': 'output-wrong-kind',
  'too-large': 'file-too-large',
  unreadable: 'file-unreadable',
  empty: 'file-empty',
  bom: 'file-bom',
  'not-utf8': 'file-not-utf8'
}

/** The text of a document of the project through the guarded reader (never through a link); undefined when it is not there. */
function readDocument(path: string): string | undefined {
  const read = readText(path)
  if (read.ok) return read.text
  if (read.problem.kind === 'missing') return undefined
  throw new OutputError(ruleOfProblem[read.problem.kind], path, `${path} ${read.problem.message}`)
}

/**
 * The project's documents with their generated parts brought up to date, by path relative to
 * `root`: only the files that exist, with their hand-written parts unchanged. A document that
 * is a link, or lacks the markers of a block, is an OutputError.
 */
export function projectDocuments(root: string, docsDir: string, summary: DatasetSummary): Map<string, string> {
  const files = new Map<string, string>()
  const update = (path: string, blocks: Record<string, string>) => {
    let text = readDocument(path)
    if (text === undefined) return
    for (const [name, content] of Object.entries(blocks)) {
      try {
        text = replaceGeneratedBlock(text, name, content, path)
      } catch (error) {
        throw new OutputError('generated-block-missing', path, (error as Error).message)
      }
    }
    files.set(path, text)
  }
  update(join(docsDir, 'annotating.md'), { directives: renderDirectiveTables() })
  update(join(docsDir, 'datasheet.md'), { sources: renderSourcesList(summary.sources) })
  update(join(root, 'README.md'), { summary: renderReadmeSummary(summary) })
  const changelog = readDocument(join(root, 'CHANGELOG.md'))
  const citation = join(root, 'CITATION.cff')
  if (changelog !== undefined && readDocument(citation) !== undefined) {
    const released = releaseDateOf(changelog, summary.version)
    if (released) files.set(citation, renderCitationCff(summary, released))
  }
  return files
}
