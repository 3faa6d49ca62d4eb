/** Diagnostics: the rule registry, the diagnostic value, and how diagnostics are ordered and printed. */
export { diagnostic, fileStart, type Diagnostic, type Place, type Point } from './diagnostic.js'
export { formatDiagnostics, hasErrors, sortDiagnostics } from './format.js'
export { echo, printable } from './printable.js'
export { capDiagnostics, CappedDiagnostics, maxDiagnosticsPerRuleAndFile } from './cap.js'
export { rules, stages, type Rule, type RuleId, type Stage } from './rules.js'
