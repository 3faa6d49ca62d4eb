import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entityFile, entityNames } from '../helpers/published.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const version: string = JSON.parse(read('package.json')).version

describe('one version everywhere', () => {
  it('package.json, every JSON envelope and datapackage.json give the same version', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/)
    for (const name of entityNames) expect(entityFile(name).version, name).toBe(version)
    expect(JSON.parse(read('dist-data/datapackage.json')).version).toBe(version)
  })

  it('every schema $id carries the major version', () => {
    const major = version.split('.')[0]
    const names = readdirSync(new URL('../../schemas/', import.meta.url))
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(JSON.parse(read(`schemas/${name}`)).$id, name).toContain(`khojaly-recognition@${major}/`)
  })

  it('the CHANGELOG has an entry for this version and CITATION.cff cites it', () => {
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
    expect(read('CITATION.cff')).toMatch(new RegExp(`^version: "?${version.replace(/\./g, '\\.')}"?$`, 'm'))
  })
})

describe('the README tells the truth about this version', () => {
  it('gives the record counts the files hold', () => {
    const readme = read('README.md')
    const built = readme.match(/Version (\d+\.\d+\.\d+) is built from the curated record and (\d+) source texts?:/)
    expect(built, 'the "Version … is built from …" sentence').not.toBeNull()
    expect(built![1]).toBe(version)
    const sentence = readme.match(/It holds,? ([^.]+?)\s+\(counts/)!
    expect(sentence, 'the "It holds …" sentence').not.toBeNull()
    const said = Object.fromEntries([
      ['sources', Number(built![2])],
      ...[...sentence[1]!.matchAll(/(\d+)\s+(citation|act|report|instrument|figure|correction|check)s?/g)].map((m) => [`${m[2]}s`, Number(m[1])])
    ])
    expect(Object.keys(said).sort()).toEqual([...entityNames].sort())
    for (const name of entityNames) expect(said[name], name).toBe(entityFile(name).records.length)
  })
})
