/** Text addressed in code points, the unit of every published offset, line and column. */
export { CodePointText, type Point } from './code-point-text.js'
export { codePointAt, codePointBefore, isHighSurrogate, isLowSurrogate } from './code-points.js'
