/**
 * A build in a process of its own, for the tests that kill builds or run them side by side:
 *   node test/helpers/build-child.mjs <root> [crash point]
 * runs the compiled pipeline (dist/, as `npm test` compiles it) on <root>, with the fault
 * `crashAt` when a crash point is given (the process then dies by SIGKILL there), and prints
 * one JSON line: whether it built, and the rule ids it reported.
 */
const [root, crashAt] = process.argv.slice(2)
const { buildWithFault } = await import(new URL('../../dist/pipeline/build.js', import.meta.url).href)
const result = buildWithFault({ root }, crashAt ? { crashAt } : {})
process.stdout.write(`${JSON.stringify({ ok: result.ok, rules: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId) })}\n`)
process.exitCode = result.ok ? 0 : 1
