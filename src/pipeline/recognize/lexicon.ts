/**
 * The English words the recognizers read and `check` looks for: month and season names,
 * cardinal, ordinal, scale and vague number words. One list, so that what the number and
 * date readers understand and what the candidate finder flags can never disagree.
 */

/** Month names, January first. */
export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

/**
 * Northern seasons with their EDTF level-2 codes (25–28). `alsoAVerb` marks a season name
 * that is a common English verb: the date reader reads "fall 2011", but `check` flags "fall"
 * only when a year follows it, so every "prices fall" is not a candidate.
 */
export const seasons: Readonly<Record<string, { code: number; alsoAVerb?: true }>> = {
  spring: { code: 25 },
  summer: { code: 26 },
  autumn: { code: 27 },
  fall: { code: 27, alsoAVerb: true },
  winter: { code: 28 }
}

/** Other words that usually carry a date. */
export const dateWords = ['anniversary'] as const

/**
 * Cardinal words and their values. `hundred` and `dozen` multiply what comes before them
 * ("two hundred", "two dozen") and stand alone for 100 and 12.
 */
export const cardinals: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12
}

/** Cardinal words that multiply the number before them. */
export const multipliers: ReadonlySet<string> = new Set(['hundred', 'dozen'])

/** Scale words after a number ("1 million", "two thousand") and their factors. */
export const scales: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 }

/** Ordinal words: positions, never quantities ("the twentieth anniversary"). */
export const ordinals = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'thirtieth',
  'fortieth',
  'fiftieth',
  'sixtieth',
  'seventieth',
  'eightieth',
  'ninetieth',
  'hundredth',
  'thousandth'
] as const

/** Words that name an amount without a number. */
export const vagueAmounts = ['dozens', 'hundreds', 'thousands', 'millions', 'many', 'several'] as const
