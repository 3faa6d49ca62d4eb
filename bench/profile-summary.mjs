/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by
 * package/file, and total (inclusive) time of named pipeline stages.
 * Usage: node bench/profile-summary.mjs <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs'

/** Functions of the pipeline counted as stages, outermost first wins. */
export const stageNames = [
  'parseMarkdown',
  'parseFrontmatter',
  'lintOverlay',
  'readTextFile',
  'resolveVerbatimPath',
  'CodePointText',
  'flattenOverlay',
  'alignToVerbatim',
  'collectAnnotations',
  'extractRecords',
  'placeNames',
  'candidateFinder',
  'measureCoverage',
  'readOrganizations',
  'readChecks',
  'validateDataset',
  'renderDataset',
  'validateSourceRecords',
  'addRecords',
  'addSource',
  'finish',
  'commit',
  'recoverOutputs',
  'checkMarkupLimits',
  'sortDiagnostics'
]

export function summarize(path, top = 25) {
  const profile = JSON.parse(readFileSync(path, 'utf8'))
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const dt = profile.timeDeltas
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const where = (n) => {
    const url = n.callFrame.url
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
    if (m) return m[1]
    const d = /\/(dist\/.*|bench\/.*)$/.exec(url)
    return d ? d[1] : url || '(native)'
  }
  const byFunction = new Map()
  const byFile = new Map()
  for (const [id, t] of self) {
    const n = nodes.get(id)
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + t)
    byFile.set(where(n), (byFile.get(where(n)) ?? 0) + t)
  }
  // Inclusive time of each function name (counted once per sample even when recursive).
  const inclusive = new Map()
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set()
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const n = nodes.get(id)
      const key = `${n.callFrame.functionName || '(anonymous)'} ${where(n)}`
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + (dt[i] ?? 0))
    }
  }
  const ms = (us) => (us / 1000).toFixed(0).padStart(7)
  const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5)
  // Time by pipeline stage: the outermost stage function on each sample's stack.
  const byStage = new Map()
  const byStageLeaf = new Map()
  for (let i = 0; i < profile.samples.length; i++) {
    const stack = []
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(nodes.get(id))
    let stage
    for (let k = stack.length - 1; k >= 0 && !stage; k--) {
      const name = stack[k].callFrame.functionName
      if (stageNames.includes(name) && where(stack[k]).startsWith('dist/')) stage = name
    }
    if (!stage) {
      const leaf = stack[0].callFrame.functionName
      stage =
        leaf === '(garbage collector)'
          ? 'garbage collector'
          : stack.some((n) => n.callFrame.url.startsWith('node:internal/modules'))
            ? 'module loading'
            : stack.some((n) => n.callFrame.functionName === 'check' && where(n).startsWith('dist/'))
              ? 'check: other'
              : 'other'
    }
    byStage.set(stage, (byStage.get(stage) ?? 0) + (dt[i] ?? 0))
    const leafKey = `${stage} <- ${stack[0].callFrame.functionName || '(anonymous)'} ${where(stack[0])}:${stack[0].callFrame.lineNumber + 1}`
    byStageLeaf.set(leafKey, (byStageLeaf.get(leafKey) ?? 0) + (dt[i] ?? 0))
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
  return {
    total,
    byFunction: sorted(byFunction),
    byFile: sorted(byFile),
    inclusive: sorted(inclusive),
    byStage: [...byStage].sort((a, b) => b[1] - a[1]),
    byStageLeaf: sorted(byStageLeaf),
    ms,
    pct
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarize(process.argv[2], Number(process.argv[3] ?? 25))
  console.log(`total ${s.ms(s.total)} ms`)
  console.log('\ntime by stage (outermost pipeline function on the stack):')
  for (const [k, v] of s.byStage) console.log(`${s.ms(v)} ms ${s.pct(v)}%  ${k}`)
  console.log('\nself time by stage and function:')
  for (const [k, v] of s.byStageLeaf) console.log(`${s.ms(v)} ms ${s.pct(v)}%  ${k}`)
  console.log('\nself time by file/package:')
  for (const [k, v] of s.byFile) console.log(`${s.ms(v)} ms ${s.pct(v)}%  ${k}`)
  console.log('\nself time by function:')
  for (const [k, v] of s.byFunction) console.log(`${s.ms(v)} ms ${s.pct(v)}%  ${k}`)
  console.log('\ninclusive time by function:')
  for (const [k, v] of s.inclusive) console.log(`${s.ms(v)} ms ${s.pct(v)}%  ${k}`)
}
