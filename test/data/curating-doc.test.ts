/**
 * docs/curating.md shows real data, not made-up examples. Every YAML block names, on its
 * first line, the file of sources/ it is copied from; it is read by the project's one YAML
 * reader, satisfies the input schema of what it shows (an act, a citation, a check or a
 * series, told apart by their keys), and equals the entry of the same id in that file: the
 * same fields with the same values, except that an act may leave out evidence entries and a
 * series items, each shown one equal to one of the file's. Every markdown block is a
 * passage of an overlay. And the worked examples show the five kinds of evidence the
 * document promises, judged from the data (the cited citation's kind in citations.yaml, the
 * voice, an anchor), never from its prose.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import type { Code, Nodes } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ActInputSchema, CitationInputSchema } from '../../src/pipeline/parse/record-files.js'
import { SeriesSchema } from '../../src/pipeline/parse/series-file.js'
import { readYaml } from '../../src/pipeline/parse/yaml.js'
import { CheckInputSchema } from '../../src/schema/check.js'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')

type Item = Record<string, unknown>

/** What a block's item can be, the key that tells it, its input schema, and its list whose entries a block may leave out. */
const shapes = {
  act: { key: 'evidence', schema: ActInputSchema as z.ZodType, list: 'evidence' },
  series: { key: 'items', schema: SeriesSchema as z.ZodType, list: 'items' },
  check: { key: 'recordType', schema: CheckInputSchema as z.ZodType, list: undefined },
  citation: { key: 'url', schema: CitationInputSchema as z.ZodType, list: undefined }
} as const
type Shape = keyof typeof shapes

const shapeOf = (item: Item): Shape | undefined => (Object.keys(shapes) as Shape[]).find((shape) => shapes[shape].key in item)

/** A YAML list read with the project's reader; a failure is the test's failure, with the reader's diagnostics. */
function readList(text: string, file: string): Item[] {
  const yaml = readYaml(text, file, 'record-yaml')
  if (!yaml.ok) throw new Error(yaml.diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column}: ${d.message}`).join('\n'))
  expect(Array.isArray(yaml.data), `${file} is a YAML list`).toBe(true)
  return yaml.data as Item[]
}

const filesRead = new Map<string, Map<string, Item>>()
/** The entries of a file of sources/, by id. */
function entriesOf(path: string): Map<string, Item> {
  if (!filesRead.has(path)) filesRead.set(path, new Map(readList(read(path), path).map((item) => [String(item.id), item])))
  return filesRead.get(path)!
}

interface Block {
  lang: string
  code: string
  line: number
}

/** The fenced blocks of docs/curating.md, in order. */
function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'code') {
      const code = node as Code
      blocks.push({ lang: (code.lang ?? '').toLowerCase(), code: code.value, line: code.position?.start.line ?? 0 })
    } else if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(unified().use(remarkParse).parse(markdown))
  return blocks
}

const doc = 'docs/curating.md'
const blocks = blocksOf(read(doc))
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml')
const markdownBlocks = blocks.filter((b) => b.lang === 'markdown' || b.lang === 'md')

/** The file a YAML block says it is copied from: its first line, `# sources/….yaml`. */
const fileOfBlock = (block: Block) => /^# (sources\/[\w./-]+\.yaml)\n/.exec(block.code)?.[1]

/** Index of an entry of `candidates` equal to `shown`, not already taken. */
function matchOne(shown: unknown, candidates: readonly unknown[], taken: Set<number>): number {
  const index = candidates.findIndex((candidate, i) => !taken.has(i) && isDeepStrictEqual(candidate, shown))
  if (index >= 0) taken.add(index)
  return index
}

/** The items of a YAML block, checked against its schema and against the file it names; what each shows. */
function verifyBlock(block: Block): Array<{ shape: Shape; item: Item }> {
  const file = fileOfBlock(block)
  expect(file, `the block at ${doc}:${block.line} starts with "# sources/<file>.yaml"`).toBeDefined()
  const items = readList(block.code, `${doc}:${block.line}`)
  expect(items.length, `the block at line ${block.line} shows an entry`).toBeGreaterThan(0)
  const entries = entriesOf(file!)
  return items.map((item) => {
    const shape = shapeOf(item)
    const where = `${doc}:${block.line}: ${String(item.id)}`
    expect(shape, `${where}: an act, a citation, a check or a series`).toBeDefined()
    const parsed = shapes[shape!].schema.safeParse(item)
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), `${where}: the ${shape} input schema`).toEqual([])
    const entry = entries.get(String(item.id))
    expect(entry, `${where}: an entry of ${file}`).toBeDefined()
    expect(Object.keys(item).sort(), `${where}: the fields of ${file}`).toEqual(Object.keys(entry!).sort())
    const list = shapes[shape!].list
    for (const [key, value] of Object.entries(item)) {
      if (key !== list) {
        expect(value, `${where}: ${key}`).toEqual(entry![key])
        continue
      }
      const taken = new Set<number>()
      ;(value as unknown[]).forEach((shown, index) => {
        expect(matchOne(shown, entry![key] as unknown[], taken), `${where}: ${key} ${index + 1} equals one ${key} entry of ${file}`).toBeGreaterThanOrEqual(0)
      })
    }
    return { shape: shape!, item }
  })
}

describe('every YAML block of docs/curating.md is an entry of sources/, as it stands there', () => {
  it('the document has YAML blocks', () => {
    expect(yamlBlocks.length).toBeGreaterThan(0)
  })
  for (const block of yamlBlocks) {
    it(`line ${block.line} (${fileOfBlock(block) ?? 'no file named'})`, () => {
      verifyBlock(block)
    })
  }
})

describe('every markdown block of docs/curating.md is a passage of an overlay', () => {
  const overlays = readdirSync(new URL('sources/', root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => read(`sources/${name}`))
  for (const block of markdownBlocks) {
    it(`line ${block.line}`, () => {
      expect(overlays.some((overlay) => overlay.includes(`${block.code}\n`))).toBe(true)
    })
  }
})

type EvidenceKind = 'primary' | 'copy' | 'quoted' | 'reported' | 'anchor'

describe('the worked examples show each kind of evidence, judged from the data', () => {
  it('the act’s own text, a copy of it, a report quoting it, a report in its own words, an anchor into a shipped text', () => {
    const citations = entriesOf('sources/citations.yaml')
    /** The kind of an evidence entry, from the kind of the citation it names (in citations.yaml) and its voice. */
    const kindOf = (entry: Item): EvidenceKind | undefined => {
      if (entry.citation === undefined) return entry.report !== undefined || entry.anchor !== undefined ? 'anchor' : undefined
      const kind = citations.get(String(entry.citation))?.kind
      if (entry.voice === 'act' && (kind === 'primary' || kind === 'copy')) return kind
      if (kind === 'report') return entry.voice === 'act' ? 'quoted' : 'reported'
      return undefined
    }
    const shown = new Map<EvidenceKind, string[]>()
    for (const block of yamlBlocks)
      for (const { shape, item } of verifyBlock(block)) {
        if (shape !== 'act') continue
        for (const entry of item.evidence as Item[]) {
          const kind = kindOf(entry)
          if (kind) shown.set(kind, [...(shown.get(kind) ?? []), String(item.id)])
        }
      }
    for (const kind of ['primary', 'copy', 'quoted', 'reported', 'anchor'] as const) expect(shown.get(kind) ?? [], kind).not.toEqual([])
  })
})
