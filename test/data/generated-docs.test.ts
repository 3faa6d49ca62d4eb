/**
 * The generated parts of the project's documents say what the published files say: the
 * blocks of README.md, docs/datasheet.md and docs/annotating.md, and CITATION.cff, equal a
 * fresh rendering from dist-data/ and the directive table.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { releaseDateOf, renderCitationCff, renderDirectiveTables, renderReadmeSummary, renderSourcesList } from '../../src/pipeline/emit/project-docs.js'
import { entities, type EntityName } from '../../src/schema/entities.js'
import type { Source } from '../../src/schema/index.js'
import { entityFile } from '../helpers/published.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const blockOf = (text: string, name: string) => {
  const match = new RegExp(`<!-- generated:${name} [^\\n]*-->\\n([\\s\\S]*?)\\n<!-- /generated:${name} -->`).exec(text)
  expect(match, `block ${name}`).not.toBeNull()
  return match![1]
}
const sources = entityFile('sources').records as Source[]
const counts = Object.fromEntries(entities.map((e) => [e.name, entityFile(e.name).records.length])) as Record<EntityName, number>
const version = entityFile('sources').version

describe('the generated parts of the documents equal what the published files say', () => {
  it('README.md: the sources and the record counts', () => {
    expect(blockOf(read('README.md'), 'summary')).toBe(renderReadmeSummary({ version, sources, counts }))
    for (const { name } of entities.filter((e) => e.name !== 'sources' && e.name !== 'checks'))
      expect(blockOf(read('README.md'), 'summary')).toMatch(new RegExp(`${counts[name]} ${name.slice(0, 4)}`))
  })

  it('docs/datasheet.md: every source, by title', () => {
    const block = blockOf(read('docs/datasheet.md'), 'sources')
    expect(block).toBe(renderSourcesList(sources))
    for (const source of sources) expect(block).toContain(source.title)
  })

  it('docs/annotating.md: a row for every directive of the table', () => {
    expect(blockOf(read('docs/annotating.md'), 'directives')).toBe(renderDirectiveTables())
  })

  it('CITATION.cff: the version, its release date in CHANGELOG.md, and the counts', () => {
    const released = releaseDateOf(read('CHANGELOG.md'), version)
    expect(released).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(read('CITATION.cff')).toBe(renderCitationCff({ version, sources, counts }, released!))
    expect(read('CITATION.cff')).toContain(`version: ${version}`)
  })
})
