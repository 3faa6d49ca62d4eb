/**
 * Numbers stated in words of the source: numerals ("613", "1275", "20%", "1 million"),
 * spelled-out cardinals ("two", "nineteen") and vague amounts ("hundreds"). Ordinals
 * ("39th", "13-th", "twentieth") are positions, not quantities, and are never read as numbers.
 */
import { cardinals, multipliers, scales, vagueAmounts } from './lexicon.js'
import { echo } from '../diagnostics/printable.js'

/** One number found in a text. */
export interface StatedNumber {
  /** UTF-16 offsets of the words that state it. */
  start: number
  end: number
  asWritten: string
  /** The number; null for a vague amount. */
  value: number | null
  vague: boolean
}

const numeral = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const scale = `(?:\\s+(${Object.keys(scales).join('|')}))?`
const cardinal = Object.keys(cardinals).join('|')
const spelled = `(?:${cardinal})(?:[- ](?:${cardinal}))?`
/** A numeral not followed by an ordinal suffix, or a spelled-out cardinal, or a vague amount. */
const numberPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(${numeral})(?!\s*-?(?:st|nd|rd|th)\b)(?![\p{L}\p{N}])${scale}(\s*%)?|\b(${spelled})\b${scale}|\b(${vagueAmounts.join('|')})\b)`,
  'giu'
)

/** Words before a numeral that make it a name or a position: "Resolution 535", "par. 103". */
const identifierBefore = /(?:resolution|number|no\.|nr\.|par\.|paragraph|article|art\.|item|section|chapter|annex|regiment|law)\s*$/i
/** Words after a numeral that make it a name: "260 (III)", "366 infantry regiment". */
const identifierAfter = /^(?:\s*\([IVXLC]+\)|\s*(?:-?(?:st|nd|rd|th))?\s*(?:infantry|motorized|rifle|regiment|division|brigade|battalion|army|corps)\b)/i

/** Finds every stated number in `text`; identifiers and ordinals are not numbers. */
export function findNumbers(text: string): StatedNumber[] {
  const found: StatedNumber[] = []
  for (const match of text.matchAll(numberPattern)) {
    const [all, digits, digitScale, , words, wordScale, vague] = match
    const start = match.index
    const end = start + all.length
    if (digits !== undefined && (identifierBefore.test(text.slice(0, start)) || identifierAfter.test(text.slice(end)))) continue
    if (vague) {
      found.push({ start, end, asWritten: all, value: null, vague: true })
      continue
    }
    const base = digits !== undefined ? Number(digits.replace(/,/g, '')) : spelledValue(words!)
    const factor = scales[(digitScale ?? wordScale ?? '').toLowerCase()] ?? 1
    found.push({ start, end, asWritten: all.trimEnd(), value: base * factor, vague: false })
  }
  return found
}

function spelledValue(words: string): number {
  return words
    .toLowerCase()
    .split(/[- ]/)
    .reduce((sum, part) => (multipliers.has(part) ? Math.max(sum, 1) * cardinals[part]! : sum + (cardinals[part] ?? 0)), 0)
}

/** The qualifier the words before a number give it. */
export function qualifierOf(textBefore: string, number: StatedNumber): 'exact' | 'more-than' | 'at-least' | 'about' | 'vague' {
  if (number.vague) return 'vague'
  const before = textBefore.toLowerCase()
  if (/\b(?:more than|over|upwards of)\s*$/.test(before)) return 'more-than'
  if (/\bat least\s*$/.test(before)) return 'at-least'
  if (/\b(?:about|around|approximately|nearly|some)\s*$/.test(before)) return 'about'
  return 'exact'
}

/** The one number a figure span states, or why it states none or several. */
export function readFigureNumber(
  text: string
): { number: StatedNumber; qualifier: ReturnType<typeof qualifierOf> } | { ruleId: 'figure-no-number' | 'figure-several-numbers'; message: string } {
  const numbers = findNumbers(text)
  if (numbers.length === 0) return { ruleId: 'figure-no-number', message: `"${echo(text)}" states no number (ordinals and identifiers are not numbers)` }
  if (numbers.length > 1) {
    return {
      ruleId: 'figure-several-numbers',
      message: `"${echo(text)}" states ${numbers.length} numbers (${numbers.map((n) => n.asWritten).join(', ')}); mark one figure per span`
    }
  }
  const number = numbers[0]!
  return { number, qualifier: qualifierOf(text.slice(0, number.start), number) }
}
