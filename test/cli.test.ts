import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
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
    for (const recognizer of ['numerals', 'spelled-numbers', 'date-phrases', 'names', 'characterization-terms']) expect(run.stdout).toMatch(new RegExp(`${recognizer}\\s+\\d+ found\\s+\\d+ annotated`))
    const json = JSON.parse(cli('check', '--format', 'json').stdout)
    expect(json.ok).toBe(true)
  })

  it('validate accepts the published JSON and CSV files and rejects a broken one with exit 1', () => {
    expect(cli('validate', 'dist-data/acts.json').status).toBe(0)
    expect(cli('validate', 'dist-data/corrections.csv').status).toBe(0)
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
    mkdirSync(join(dir, 'sources'))
    copyFileSync(join(root, 'sources/organizations.yaml'), join(dir, 'sources/organizations.yaml'))
    copyFileSync(join(root, 'sources/000_fbe07255233e0e6a.txt'), join(dir, 'sources/000_fbe07255233e0e6a.txt'))
    const overlay = readFileSync(join(root, 'sources/000_fbe07255233e0e6a.md'), 'utf8').replace('Hiroshima', 'Hiroxima')
    writeFileSync(join(dir, 'sources/000_fbe07255233e0e6a.md'), overlay)
    const run = cli('check', '--root', dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/sources\/000_fbe07255233e0e6a\.md:\d+:\d+-\d+:\d+: error: .*Hiroxima.* \(align-differs\)/)
  })
})
