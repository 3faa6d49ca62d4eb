import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: root, encoding: 'utf8' })

describe('the CLI', () => {
  it('--help and --version exit 0', () => {
    expect(cli('--help')).toMatchObject({ status: 0 })
    expect(cli('--help').stdout).toMatch(/build[\s\S]*check[\s\S]*validate/)
    expect(cli('check', '--help').stdout).toMatch(/Usage: khojaly-recognition check/)
    expect(cli('--version').stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)
  })

  it('usage errors exit 2', () => {
    expect(cli().status).toBe(2)
    expect(cli('frobnicate').status).toBe(2)
    expect(cli('validate').status).toBe(2)
    expect(cli('--no-such-flag').status).toBe(2)
    expect(cli('check', '--format', 'xml').status).toBe(2)
  })

  it('check exits 0 on the shipped sources and reports coverage per recognizer', () => {
    const run = cli('check')
    expect(run.status).toBe(0)
    for (const recognizer of ['numerals', 'spelled-numbers', 'date-phrases', 'names', 'characterization-terms'])
      expect(run.stdout).toMatch(new RegExp(`${recognizer}\\s+\\d+ found\\s+\\d+ annotated`))
    const json = JSON.parse(cli('check', '--format', 'json').stdout)
    expect(json.ok).toBe(true)
  })

  // The list of files comes from the Data Package descriptor, not from the code under test:
  // every table and JSON resource the package publishes must pass its own validator.
  const published = (JSON.parse(readFileSync(join(root, 'dist-data/datapackage.json'), 'utf8')) as { resources: Array<{ path: string; format: string }> })
    .resources
  const dataFiles = published.filter((r) => r.format === 'csv' || r.format === 'json').map((r) => r.path)

  it.each(dataFiles)('validate accepts the published %s (exit 0)', (path) => {
    const run = cli('validate', `dist-data/${path}`)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/: valid \(/)
  })

  it('validate checks datapackage.json against the Frictionless profiles, and refuses a descriptor they reject', () => {
    const run = cli('validate', 'dist-data/datapackage.json')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/valid \(Data Package, \d+ resources\)/)
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-cli-'))
    const descriptor = JSON.parse(readFileSync(join(root, 'dist-data/datapackage.json'), 'utf8'))
    descriptor.resources[0].path = '/absolute/acts.csv'
    descriptor.resources[1].schema.fields[0].type = 'no-such-type'
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor))
    const bad = cli('validate', join(dir, 'datapackage.json'))
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/\/resources\/0\/path/)
    expect(bad.stderr).toMatch(/\/resources\/1\/schema\/fields\/0/)
  })

  it('validate accepts checks.json and checks.csv (regression: the validator once knew five entities of six)', () => {
    expect(cli('validate', 'dist-data/checks.json').status).toBe(0)
    expect(cli('validate', 'dist-data/checks.csv').status).toBe(0)
  })

  it('validate refuses a published file that holds no records, saying what it is (exit 1)', () => {
    const timeline = cli('validate', 'dist-data/timeline.svg')
    expect(timeline.status).toBe(1)
    expect(timeline.stderr).toMatch(/timeline figure/)
    const source = (JSON.parse(readFileSync(join(root, 'dist-data/sources.json'), 'utf8')) as { records: Array<{ path: string }> }).records[0]!.path
    const text = cli('validate', `dist-data/${source}`)
    expect(text.status).toBe(1)
    expect(text.stderr).toMatch(/text file/)
  })

  it('validate rejects a broken file with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-cli-'))
    const broken = JSON.parse(readFileSync(join(root, 'dist-data/figures.json'), 'utf8'))
    broken.records[0].measure = 'injured'
    writeFileSync(join(dir, 'figures.json'), JSON.stringify(broken))
    const run = cli('validate', join(dir, 'figures.json'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/\/records\/0\/measure/)
    writeFileSync(join(dir, 'acts.json'), '{ not json')
    expect(cli('validate', join(dir, 'acts.json')).status).toBe(1)
  })

  it('check on a broken source exits 1 with file:line:column and a rule id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khojaly-cli-'))
    cpSync(join(root, 'test/fixtures/build/minimal/sources'), join(dir, 'sources'), { recursive: true })
    copyFileSync(join(root, 'sources/organizations.yaml'), join(dir, 'sources/organizations.yaml'))
    const overlay = readFileSync(join(dir, 'sources/doc.md'), 'utf8').replace('Parliament of Pakistan', 'Parliament of Pakistam')
    writeFileSync(join(dir, 'sources/doc.md'), overlay)
    const run = cli('check', '--root', dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/sources\/doc\.md:\d+:\d+-\d+:\d+: error: .*Pakistam.* \(align-differs\)/)
  })
})
